// The browser tests share the audit command's browser plumbing (scripts/browser.ts): one way to launch
// Chromium with the extension, serve the fixture site and answer vendor hosts.
export * from '../scripts/browser';
