import browser, { type Action } from 'webextension-polyfill';
import { storedToolbarAction, TOOLBAR_ACTION_KEY, type ToolbarAction } from '@/lib/toolbar-action';

/** The badge calls Tagwatch makes, the same in both toolbar APIs. */
type Badge = Pick<Action.Static, 'setBadgeText' | 'setBadgeBackgroundColor' | 'setBadgeTextColor'>;

/**
 * The toolbar button's API: `action` in Chromium's MV3 build, `browserAction` in Firefox's MV2 build (WXT's
 * default for Firefox), where `action` is undefined and every badge call would throw.
 */
export const toolbar: Badge = (browser.action as Action.Static | undefined) ?? browser.browserAction;

// The toolbar icon opens the popup or the side panel, as the user chose in the options (lib/toolbar-action.ts).
// Chrome opens its side panel on the icon's click when the action has no popup; Firefox's sidebar is opened
// from the click event. The browser differences stay here.

const POPUP = 'popup.html';

interface ChromeSidePanel {
  setPanelBehavior: (behavior: { openPanelOnActionClick: boolean }) => Promise<void>;
}

type ActionApi = {
  setPopup: (details: { popup: string }) => Promise<void>;
  onClicked: { addListener: (fn: () => void) => void };
};

export function registerToolbar(): void {
  const chromePanel = (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome?.sidePanel;
  const sidebar = (browser as unknown as { sidebarAction?: { toggle: () => Promise<void> } }).sidebarAction;
  // MV3 has `action`, Firefox's MV2 build `browserAction`.
  const action = ((browser as unknown as { action?: ActionApi }).action ??
    (browser as unknown as { browserAction?: ActionApi }).browserAction)!;
  let current: ToolbarAction = 'popup';

  const apply = async (next: ToolbarAction) => {
    current = next;
    await action.setPopup({ popup: next === 'sidepanel' ? '' : POPUP });
    await chromePanel?.setPanelBehavior({ openPanelOnActionClick: next === 'sidepanel' });
  };
  // Firefox: without a popup the click comes here, a user action: the sidebar may open. (Chrome opens its panel itself.)
  if (!chromePanel && sidebar) {
    action.onClicked.addListener(() => {
      if (current === 'sidepanel') void sidebar.toggle();
    });
  }
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[TOOLBAR_ACTION_KEY])
      void apply(storedToolbarAction(changes[TOOLBAR_ACTION_KEY].newValue));
  });
  void browser.storage.local.get(TOOLBAR_ACTION_KEY).then((got) => apply(storedToolbarAction(got[TOOLBAR_ACTION_KEY])));
}
