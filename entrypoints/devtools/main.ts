import browser from 'webextension-polyfill';

// The DevTools page: it only adds the "Tagwatch" tab; the panel (devtools-panel.html) is the view. Paths are
// from the extension's root, as Firefox requires and Chrome accepts.
void browser.devtools.panels.create('Tagwatch', '', '/devtools-panel.html');
