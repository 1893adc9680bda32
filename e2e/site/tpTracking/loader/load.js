// Stands in for Merkle Merkury's loader, which each client serves from its own (first-party) subdomain.
window.merkuryLoaded = true;
