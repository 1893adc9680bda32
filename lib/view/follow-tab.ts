// Which tab the side panel shows. In the browser's side panel it is the active tab of the panel's window; the
// same page opened in a tab of its own (sidepanel.html, as the tests and some users open it) is itself the
// active tab when the user looks at it, so there it shows the tab the user was on before, and follows the next.

export interface TabInfo {
  id?: number;
  windowId?: number;
  active?: boolean;
  /** When the user last looked at the tab (Chromium 121+, Firefox). */
  lastAccessed?: number;
}

/** The panel: its own tab when it is a page in a tab, and its window. */
export interface PanelPlace {
  tabId?: number;
  windowId?: number;
}

/** The tab to show when the panel opens. */
export function initialTab(tabs: readonly TabInfo[], self: PanelPlace): number | undefined {
  const others = tabs.filter((t) => t.id !== undefined && t.id >= 0 && t.id !== self.tabId);
  const mine =
    self.tabId === undefined && self.windowId !== undefined
      ? others.filter((t) => t.windowId === self.windowId)
      : others;
  const active = mine.find((t) => t.active && (self.tabId !== undefined || t.windowId === self.windowId));
  if (active) return active.id;
  // A page in a tab is the active tab itself: the one the user was on before it.
  const recent = [...mine].sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
  return recent?.id;
}

/** Whether the panel moves to a tab the user just switched to. */
export function follows(activated: { tabId: number; windowId: number }, self: PanelPlace): boolean {
  if (activated.tabId === self.tabId) return false;
  // The browser's side panel belongs to its window; a page in a tab follows the user wherever they switch.
  return self.tabId !== undefined || self.windowId === undefined || activated.windowId === self.windowId;
}
