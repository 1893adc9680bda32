/**
 * Writes held while a tab's page loads. IndexedDB work in the worker competes with the page it records (on a page
 * with 31 tag requests it was the largest part of Tagwatch's cost to the load), so a tag request's write waits
 * for its tab's load event — unless a view shows that tab live (a DevTools panel open on a loading page shows its
 * hits as they come), and at most `maxMs`. What is held lives in the worker's memory only: a worker stopped
 * meanwhile loses it, and the page's resource-timing witness (lib/page/resources.ts) recovers those hits, as for
 * any request whose event a stopped worker missed.
 */
export interface LoadHold {
  /** The tab's top frame committed a new document: its page is loading. */
  committed: (tabId: number) => void;
  /** The tab's page loaded, or the tab closed: what waited is written now. */
  loaded: (tabId: number) => void;
  /** A view shows the tab live: nothing waits for it while it is open. Returns what ends the watch. */
  watch: (tabId: number) => () => void;
  /** Run `write` once the tab's page has loaded; at once when it is not loading or a view shows it. */
  afterLoad: (tabId: number, write: () => void) => void;
  /** Whether a write for the tab would wait now. */
  holding: (tabId: number) => boolean;
}

export interface LoadHoldEnv {
  /** The longest a write waits (a page whose load event does not come). */
  maxMs: number;
  schedule: (fn: () => void, ms: number) => unknown;
  cancel: (timer: unknown) => void;
}

interface Loading {
  writes: Array<() => void>;
  timer?: unknown;
}

export function createLoadHold(env: LoadHoldEnv): LoadHold {
  const loading = new Map<number, Loading>();
  const watchers = new Map<number, number>();
  const release = (state: Loading | undefined) => {
    if (!state) return;
    const writes = state.writes;
    state.writes = [];
    if (state.timer !== undefined) env.cancel(state.timer);
    state.timer = undefined;
    for (const write of writes) write();
  };
  const holding = (tabId: number) => loading.has(tabId) && !watchers.get(tabId);
  return {
    committed(tabId) {
      if (!loading.has(tabId)) loading.set(tabId, { writes: [] });
    },
    loaded(tabId) {
      const state = loading.get(tabId);
      loading.delete(tabId);
      release(state);
    },
    watch(tabId) {
      watchers.set(tabId, (watchers.get(tabId) ?? 0) + 1);
      release(loading.get(tabId));
      let open = true;
      return () => {
        if (!open) return;
        open = false;
        const left = (watchers.get(tabId) ?? 1) - 1;
        if (left > 0) watchers.set(tabId, left);
        else watchers.delete(tabId);
      };
    },
    afterLoad(tabId, write) {
      const state = loading.get(tabId);
      if (!state || !holding(tabId)) return write();
      state.writes.push(write);
      state.timer ??= env.schedule(() => release(state), env.maxMs);
    },
    holding,
  };
}
