import { batch, computed, effect, signal } from '@preact/signals';
import type { FunnelResult } from '@/lib/audit/funnels';
import type { Plan } from '@/lib/goals/types';
import { compareVisits, type VisitComparison } from '@/lib/history/compare';
import { type HistoryQuery, historyRows, sameSite } from '@/lib/history/rows';
import { hashOf, type HistoryRoute, routeOf } from '@/lib/history/route';
import type { VisitTimeline } from '@/lib/history/timeline';
import type { TagwatchDB } from '@/lib/store';
import type { Visit } from '@/lib/visits/visits';
import { openStore, watchPlans } from '../shared/data';
import { readOutcome, readTimeline, readVisits } from './data';

// The History page's state: a few signals filled from IndexedDB, and what the components derive from them.
// The list reads each shown row's funnel outcome as it comes into view (PAGE_SIZE rows at a time), never the
// whole store; a visit opened or two compared are read in full.

/** Rows shown before "Show more": each costs one small read for its funnels. */
export const PAGE_SIZE = 50;

/** What the page shows of one visit or a comparison: loading, the data, or why it could not. */
export type Loaded<T> = { state: 'loading' } | { state: 'ready'; data: T } | { state: 'error'; message: string };

export function createHistoryState(search: string) {
  const site = new URLSearchParams(search).get('site') ?? '';
  const visits = signal<Visit[] | undefined>(undefined);
  const plans = signal<Plan[] | undefined>(undefined);
  const query = signal<HistoryQuery>(site ? { site } : {});
  const outcomes = signal<ReadonlyMap<string, FunnelResult[]>>(new Map());
  const limit = signal(PAGE_SIZE);
  const selected = signal<readonly string[]>([]);
  const route = signal<HistoryRoute>(routeOf(location.hash));
  const opened = signal<Loaded<VisitTimeline> | undefined>(undefined);
  const compared = signal<Loaded<VisitComparison> | undefined>(undefined);
  const error = signal<string | undefined>(undefined);

  const rows = computed(() => (visits.value ? historyRows(visits.value, query.value, outcomes.value) : []));
  const byId = computed(() => new Map((visits.value ?? []).map((v) => [v.id, v])));
  /** Why the two selected visits cannot be compared; undefined when they can. */
  const compareBlock = computed(() => {
    const [a, b] = selected.value.map((id) => byId.value.get(id));
    if (!a || !b) return 'Select two visits of the same site to compare them.';
    return sameSite(a, b) ? undefined : 'These two visits are of different sites: select two visits of the same site.';
  });

  let db: TagwatchDB | undefined;
  /** Outcomes being read, by visit id, for the plans they are read with. */
  let reading = new Set<string>();

  async function reload(): Promise<void> {
    if (!db) return;
    try {
      const next = await readVisits(db);
      batch(() => {
        visits.value = next;
        // A visit still going on may have reached more steps: its outcome is read again.
        outcomes.value = new Map();
        reading = new Set();
      });
    } catch (e) {
      error.value = `Tagwatch could not read its history: ${(e as Error).message}. Reload the page to try again.`;
    }
  }

  // The shown rows' outcomes, as they come into view or the plans change.
  effect(() => {
    const p = plans.value;
    const shown = rows.value.slice(0, limit.value);
    const known = outcomes.value;
    if (!db || !p) return;
    const store = db;
    for (const row of shown) {
      if (known.has(row.id) || reading.has(row.id)) continue;
      const visit = byId.value.get(row.id);
      if (!visit) continue;
      const batchOf = reading;
      batchOf.add(row.id);
      void readOutcome(store, visit, p).then(
        (funnels) => {
          // Read for plans or visits since replaced: dropped.
          if (batchOf !== reading || plans.value !== p) return;
          outcomes.value = new Map(outcomes.value).set(row.id, funnels);
        },
        () => {
          if (batchOf === reading) outcomes.value = new Map(outcomes.value).set(row.id, []);
        },
      );
    }
  });

  // The visit opened, or the two compared, read in full whenever the route, the visits or the plans change.
  effect(() => {
    const r = route.value;
    const p = plans.value;
    const all = byId.value;
    if (!db || !p || !visits.value) return;
    const store = db;
    if (r.kind === 'visit') {
      const visit = all.get(r.id);
      opened.value = visit ? { state: 'loading' } : { state: 'error', message: missingVisit };
      if (visit)
        void readTimeline(store, visit, p).then(
          (data) => {
            if (route.value === r) opened.value = { state: 'ready', data };
          },
          (e: Error) => {
            opened.value = { state: 'error', message: `This visit could not be read: ${e.message}` };
          },
        );
    }
    if (r.kind === 'compare') {
      const a = all.get(r.a);
      const b = all.get(r.b);
      compared.value = a && b ? { state: 'loading' } : { state: 'error', message: missingVisit };
      if (a && b)
        void Promise.all([readTimeline(store, a, p), readTimeline(store, b, p)]).then(
          ([ta, tb]) => {
            if (route.value !== r) return;
            const side = (t: VisitTimeline) => ({
              id: t.id,
              host: t.host,
              startedAt: t.startedAt,
              funnels: t.funnels.funnels,
              tags: t.tags,
            });
            compared.value = { state: 'ready', data: compareVisits(side(ta), side(tb)) };
          },
          (e: Error) => {
            compared.value = { state: 'error', message: `These visits could not be read: ${e.message}` };
          },
        );
    }
  });

  const go = (next: HistoryRoute) => {
    route.value = next;
    const hash = hashOf(next);
    if (location.hash !== hash) history.pushState(null, '', hash || `${location.pathname}${location.search}`);
  };

  const actions = {
    setQuery(next: HistoryQuery) {
      batch(() => {
        query.value = next;
        limit.value = PAGE_SIZE;
      });
    },
    showMore() {
      limit.value += PAGE_SIZE;
    },
    toggle(id: string) {
      const now = selected.value;
      // A third pick replaces the first: a comparison is of two.
      selected.value = now.includes(id) ? now.filter((x) => x !== id) : [...now, id].slice(-2);
    },
    open(id: string) {
      go({ kind: 'visit', id });
    },
    compare() {
      const [a, b] = selected.value;
      if (a && b && !compareBlock.value) go({ kind: 'compare', a, b });
    },
    back() {
      go({ kind: 'list' });
    },
    refresh() {
      void reload();
    },
  };

  async function start(): Promise<void> {
    addEventListener('popstate', () => {
      route.value = routeOf(location.hash);
    });
    // Back on the tab after browsing: the visits made meanwhile are listed.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') void reload();
    });
    watchPlans((next) => {
      batch(() => {
        plans.value = next;
        // Other goals, other funnels: every outcome is read again.
        outcomes.value = new Map();
        reading = new Set();
      });
    });
    try {
      db = await openStore();
    } catch (e) {
      error.value = `Tagwatch could not open its history: ${(e as Error).message}. Reload the page to try again.`;
      return;
    }
    await reload();
  }

  const model = computed(() => ({
    loading: visits.value === undefined && error.value === undefined,
    any: (visits.value?.length ?? 0) > 0,
    rows: rows.value,
    limit: limit.value,
    query: query.value,
    selected: selected.value,
    compareBlock: compareBlock.value,
    route: route.value,
    opened: opened.value,
    compared: compared.value,
    error: error.value,
  }));

  return { model, actions, start };
}

const missingVisit =
  'This visit is no longer stored: Tagwatch keeps visits for 7 days. Go back to the list to pick another.';

export type HistoryState = ReturnType<typeof createHistoryState>;
export type HistoryModel = HistoryState['model']['value'];
export type HistoryActions = HistoryState['actions'];
