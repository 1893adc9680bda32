import browser from 'webextension-polyfill';
import { tabIdParam } from './data';

// Where the browsers differ for the views: Chrome's side panel (chrome.sidePanel) and Firefox's sidebar
// (sidebarAction). The views call these and never ask which browser they are in.

type SidePanelApi = Pick<typeof chrome.sidePanel, 'open'>;
type SidebarApi = { open: () => Promise<void> };

function sidePanelApi(): SidePanelApi | undefined {
  return (globalThis as { chrome?: { sidePanel?: SidePanelApi } }).chrome?.sidePanel;
}

function sidebarApi(): SidebarApi | undefined {
  return (browser as unknown as { sidebarAction?: SidebarApi }).sidebarAction;
}

/**
 * The popup's "Open in side panel": opens the panel beside the page the popup is about, then closes the popup
 * (it would only cover the page). Both browsers open it only in answer to a click, so what the call needs is
 * fetched beforehand and the click makes the call at once. Undefined where the browser has no panel.
 */
export function openSidePanel(search: string): (() => void) | undefined {
  const chromePanel = sidePanelApi();
  const firefoxSidebar = sidebarApi();
  if (!chromePanel && !firefoxSidebar) return undefined;
  // The popup opened in a tab of its own (`?tabId=N`) stays: only the toolbar popup closes.
  let windowId: number | undefined;
  let inTab = false;
  void (async () => {
    const self = await browser.tabs.getCurrent();
    inTab = self !== undefined;
    const param = tabIdParam(search);
    const tab = param !== undefined ? await browser.tabs.get(param).catch(() => undefined) : undefined;
    windowId = tab?.windowId ?? (await browser.windows.getCurrent()).id;
  })();
  return () => {
    const opened = chromePanel
      ? windowId !== undefined
        ? chromePanel.open({ windowId })
        : Promise.reject(new Error('the window is not known yet'))
      : firefoxSidebar!.open();
    void opened.then(
      () => {
        if (!inTab) window.close();
      },
      (error: unknown) => console.error('Tagwatch: the side panel could not be opened', error),
    );
  };
}
