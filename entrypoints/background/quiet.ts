import browser from 'webextension-polyfill';
import type { WorkerContext } from './context';

/** The longest a change notice waits for its tab's page to finish loading. */
export const QUIET_MAX_MS = 1_000;

/**
 * The worker context, with settled notices (the badge's audit, open views' audits) held back while the tab's
 * page is loading — until its load event, at most QUIET_MAX_MS — so that they do not compete with the page they
 * describe. Writes are never held back, nor the live notice that they happened: a DevTools panel open on a
 * loading page shows its hits as they come (it asked for them; the badge did not). Which tabs are loading is a
 * hint kept in memory; a worker started mid-load does not know it and notifies at once, as without it.
 */
export function quietWhileLoading(ctx: WorkerContext): WorkerContext {
  const held = new Map<number, { changed: boolean; timer?: ReturnType<typeof setTimeout> }>();
  const release = (tabId: number) => {
    const state = held.get(tabId);
    if (!state) return;
    held.delete(tabId);
    clearTimeout(state.timer);
    if (state.changed) ctx.settled(tabId);
  };
  // From the top frame's commit to its load: webNavigation, whose events the worker hears anyway (sessions, the
  // site's kind), rather than tabs.onUpdated, which every tab fires several times per page load (status, title,
  // favicon) and which cost each load its events.
  browser.webNavigation.onCommitted.addListener(({ tabId, frameId }) => {
    if (frameId === 0 && !held.has(tabId)) held.set(tabId, { changed: false });
  });
  browser.webNavigation.onCompleted.addListener(({ tabId, frameId }) => {
    if (frameId === 0) release(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    clearTimeout(held.get(tabId)?.timer);
    held.delete(tabId);
  });
  const settled = (tabId: number) => {
    const state = held.get(tabId);
    if (!state) return ctx.settled(tabId);
    state.changed = true;
    state.timer ??= setTimeout(() => release(tabId), QUIET_MAX_MS);
  };
  return {
    ...ctx,
    settled,
    changed(tabId, since) {
      ctx.live(tabId, since);
      settled(tabId);
    },
  };
}
