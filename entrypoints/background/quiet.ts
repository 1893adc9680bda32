import browser from 'webextension-polyfill';
import { createLoadHold } from '@/lib/store';
import { LIVE_PORT_PREFIX } from '@/lib/messages';
import type { WorkerContext } from './context';

/** The longest a change notice waits for its tab's page to finish loading. */
export const QUIET_MAX_MS = 1_000;
/** The longest a tag request's write waits for its tab's page to finish loading. */
export const WRITE_HOLD_MAX_MS = 3_000;

/**
 * The worker context, quiet while a tab's page loads — from its top frame's commit to its load event — so that
 * Tagwatch does not compete with the page it describes:
 * - settled notices (the badge's audit, open views' audits) wait for the load, at most QUIET_MAX_MS;
 * - tag requests' writes wait for it too, at most WRITE_HOLD_MAX_MS (lib/store/load-hold.ts), unless a view shows
 *   the tab live: a DevTools panel open on a loading page shows its hits as they come (it asked for them; the
 *   badge did not). Views say so with a port named LIVE_PORT_PREFIX + tabId, open while they show the tab.
 * Which tabs are loading is a hint kept in memory: a worker started mid-load does not know it, and writes and
 * notifies at once, as without it.
 */
export function quietWhileLoading(ctx: WorkerContext): WorkerContext {
  const held = new Map<number, { changed: boolean; timer?: ReturnType<typeof setTimeout> }>();
  const writes = createLoadHold({
    maxMs: WRITE_HOLD_MAX_MS,
    schedule: (fn, ms) => setTimeout(fn, ms),
    cancel: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
  });
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
    if (frameId !== 0) return;
    if (!held.has(tabId)) held.set(tabId, { changed: false });
    writes.committed(tabId);
  });
  browser.webNavigation.onCompleted.addListener(({ tabId, frameId }) => {
    if (frameId !== 0) return;
    // Written first: the notices released next then find the hits.
    writes.loaded(tabId);
    release(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    writes.loaded(tabId);
    clearTimeout(held.get(tabId)?.timer);
    held.delete(tabId);
  });
  browser.runtime.onConnect.addListener((port) => {
    if (!port.name.startsWith(LIVE_PORT_PREFIX)) return;
    const tabId = Number(port.name.slice(LIVE_PORT_PREFIX.length));
    if (!Number.isInteger(tabId)) return;
    port.onDisconnect.addListener(writes.watch(tabId));
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
    afterLoad: writes.afterLoad,
    holding: writes.holding,
  };
}
