/**
 * What a click on Tagwatch's toolbar icon opens: the popup (a quick glance that closes when the page is
 * clicked) or the side panel (stays beside the page). storage.local `toolbarAction`; the options page writes it,
 * the worker applies it (Chrome's side panel behaviour, Firefox's sidebar).
 */
export const TOOLBAR_ACTION_KEY = 'toolbarAction';

export type ToolbarAction = 'popup' | 'sidepanel';

/** What is stored, read safely: anything but `sidepanel` is the popup, the default. */
export function storedToolbarAction(stored: unknown): ToolbarAction {
  return stored === 'sidepanel' ? 'sidepanel' : 'popup';
}
