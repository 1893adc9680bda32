// The tag setup, from a file because the policy forbids inline scripts.
window.dataLayer = window.dataLayer || [];
window.dataLayer.push({ event: 'csp_page_ready' });
