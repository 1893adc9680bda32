import browser from 'webextension-polyfill';
import { CMP_URL_PATTERNS } from '@/lib/consent/cmp-hosts';

/**
 * A frame that loads a consent manager's script gets the CMP state reader (entrypoints/cmp-state.ts) in its main
 * world: its own state, read only where it exists. The content script relays what it posts, as for the page hooks.
 */
export function registerCmpReader(): void {
  const scripting = (browser as unknown as { scripting?: typeof chrome.scripting }).scripting;
  if (!scripting) return;
  browser.webRequest.onBeforeRequest.addListener(
    (details) => {
      if (details.tabId < 0) return;
      void scripting
        .executeScript({
          target: { tabId: details.tabId, frameIds: [details.frameId] },
          files: ['/cmp-state.js'],
          world: 'MAIN',
          injectImmediately: true,
        })
        // A frame gone, or a page the extension may not script (the web store): nothing to read there.
        .catch(() => undefined);
    },
    { urls: [...CMP_URL_PATTERNS], types: ['script'] },
  );
}
