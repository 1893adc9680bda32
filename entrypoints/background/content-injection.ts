import browser from 'webextension-polyfill';

/** The isolated-world content script, as built from entrypoints/content/. */
const CONTENT_SCRIPT = '/content-scripts/content.js';
/** A page whose load event does not come (a request that never ends) gets the script this long after its commit. */
export const FALLBACK_MS = 5_000;

type Target = { tabId: number; frameId?: number };

async function inject({ tabId, frameId }: Target): Promise<void> {
  try {
    if (browser.scripting) {
      await browser.scripting.executeScript({
        target: frameId === undefined ? { tabId, allFrames: true } : { tabId, frameIds: [frameId] },
        files: [CONTENT_SCRIPT],
        injectImmediately: true,
      });
    } else {
      // Firefox without the scripting API (MV2 before 102): the older call.
      await browser.tabs.executeScript(tabId, {
        file: CONTENT_SCRIPT,
        ...(frameId === undefined ? { allFrames: true } : { frameId }),
        runAt: 'document_start',
      });
    }
  } catch {
    // A frame gone, or a page no extension may script (the web store, browser pages): nothing to watch there.
  }
}

/**
 * The content script (goals, and the relay of what the main-world hooks saw) goes into a page's frames once the page
 * has loaded. At document_start, an isolated world in every frame of every page cost each load more than the rest
 * of the content scripts; the main-world hooks hold what happens before it comes (lib/page/signals.ts
 * READY_EVENT). A frame's own load is part of its page's, so frames get it with the page: at the top frame's load
 * event, into every frame; a frame that loads later (a lazy iframe, a frame that navigates), at its own. A page
 * left before it loaded — a search sent while images still load — gets it at once, while its document is still
 * there; a page whose load never comes, FALLBACK_MS after its commit. The script itself runs once per document.
 */
export function registerContentInjection(): void {
  /** Tabs whose page has not loaded yet: their frames wait for it. */
  const loading = new Map<number, ReturnType<typeof setTimeout>>();
  const loaded = (tabId: number) => {
    clearTimeout(loading.get(tabId));
    loading.delete(tabId);
  };
  const web = { url: [{ schemes: ['http', 'https', 'file'] }] };
  const { webNavigation } = browser;
  webNavigation.onCommitted.addListener(({ tabId, frameId }) => {
    if (frameId !== 0 || tabId < 0) return;
    loaded(tabId);
    loading.set(
      tabId,
      setTimeout(() => {
        loading.delete(tabId);
        void inject({ tabId });
      }, FALLBACK_MS),
    );
  });
  webNavigation.onCompleted.addListener(({ tabId, frameId }) => {
    if (tabId < 0) return;
    if (frameId === 0) {
      loaded(tabId);
      void inject({ tabId });
    } else if (!loading.has(tabId)) {
      void inject({ tabId, frameId });
    }
  }, web);
  webNavigation.onBeforeNavigate.addListener(({ tabId, frameId }) => {
    // The top document is being left before its page loaded: it must still say what happened on it.
    if (frameId === 0 && loading.has(tabId)) {
      loaded(tabId);
      void inject({ tabId });
    }
  });
  browser.tabs.onRemoved.addListener(loaded);
}
