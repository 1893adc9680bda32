import type { Navigation, PageSession, StoredFiring, StoredHit, StoredSignal } from '../store/types';

/** What the page pushed itself (dataLayer.push, gtag(), fbq()): shown beside what was sent, to compare. */
export type PageSaid = Extract<StoredSignal, { kind: 'datalayer' }>;

/**
 * One row of the Hits view's timeline: a hit the page sent, or what happened on the page around it — an event
 * the page said, a goal that fired, an SPA route change — and, when several pages are shown, where each began.
 */
export type StreamItem =
  | { kind: 'hit'; id: string; at: number; sessionId: string; hit: StoredHit }
  | { kind: 'page'; id: string; at: number; sessionId: string; event: PageSaid }
  | { kind: 'goal'; id: string; at: number; sessionId: string; firing: StoredFiring }
  | { kind: 'route'; id: string; at: number; sessionId: string; navigation: Navigation }
  | { kind: 'separator'; id: string; at: number; sessionId: string; session: PageSession };

export type StreamKind = StreamItem['kind'];

export function isPageSaid(signal: StoredSignal): signal is PageSaid {
  return signal.kind === 'datalayer';
}

export interface StreamOptions {
  /** The pages shown: their route changes, and a separator where each began (with `separators`). */
  sessions?: readonly PageSession[];
  firings?: readonly StoredFiring[];
  /** newest-first: the popup and the side panel (the latest on top); newest-last: the DevTools timeline. */
  order?: 'newest-first' | 'newest-last';
  /** A row where each page began: the DevTools panel's preserved log. */
  separators?: boolean;
}

/**
 * At one millisecond, in the order things cause each other: a page begins, its route changes, the page speaks
 * (dataLayer), a goal fires on it, and the tags send in answer.
 */
const RANK: Record<StreamKind, number> = { separator: 0, route: 1, page: 2, goal: 3, hit: 4 };

function chronological(a: StreamItem, b: StreamItem): number {
  // The id breaks the remaining ties so a live re-query never reorders rows that did not change.
  return a.at - b.at || RANK[a.kind] - RANK[b.kind] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

// One item per record, made once: a live view builds the stream again on every new hit, and a record it already
// held keeps its item, so what is derived per item (the filter's verdicts, the rows) is not derived again.
const items = new WeakMap<object, StreamItem>();

function itemOf<R extends object>(record: R, make: (record: R) => StreamItem): StreamItem {
  let item = items.get(record);
  if (!item) {
    item = make(record);
    items.set(record, item);
  }
  return item;
}

const pageItem = (event: PageSaid): StreamItem => ({
  kind: 'page',
  id: event.id,
  at: event.at,
  sessionId: event.sessionId,
  event,
});
const goalItem = (firing: StoredFiring): StreamItem => ({
  kind: 'goal',
  id: firing.id,
  at: firing.at,
  sessionId: firing.sessionId,
  firing,
});
const hitItem = (hit: StoredHit): StreamItem => ({
  kind: 'hit',
  id: hit.id,
  at: hit.at,
  sessionId: hit.sessionId,
  hit,
});

/** Hits and what the page did, in one list (newest first unless asked otherwise). */
export function buildStream(
  hits: readonly StoredHit[],
  signals: readonly StoredSignal[],
  options: StreamOptions = {},
): StreamItem[] {
  const items: StreamItem[] = [];
  for (const session of options.sessions ?? []) {
    if (options.separators)
      items.push({
        kind: 'separator',
        id: `page:${session.id}`,
        at: session.startedAt,
        sessionId: session.id,
        session,
      });
    session.navigations.forEach((navigation, i) =>
      items.push({
        kind: 'route',
        id: `route:${session.id}:${i}`,
        at: navigation.at,
        sessionId: session.id,
        navigation,
      }),
    );
  }
  for (const event of signals) if (isPageSaid(event)) items.push(itemOf(event, pageItem));
  for (const firing of options.firings ?? []) items.push(itemOf(firing, goalItem));
  for (const hit of hits) items.push(itemOf(hit, hitItem));
  // Each source is already in time order: the sort merges a few runs.
  items.sort(chronological);
  if ((options.order ?? 'newest-first') === 'newest-first') items.reverse();
  return items;
}

/** "page said: dataLayer event add_to_cart" — the words of a page-event row. */
export function pageSaidText(event: Pick<PageSaid, 'source' | 'event'>): string {
  const where = event.source === 'dataLayer' ? 'dataLayer' : `${event.source}()`;
  return `page said: ${where} event ${event.event}`;
}

/** "route change: /checkout" — an SPA route (pushState) or a #fragment change, in the page's own URL. */
export function routeText(navigation: Navigation): string {
  let where = navigation.url;
  try {
    const u = new URL(navigation.url);
    where = navigation.kind === 'fragment' ? u.hash || '#' : `${u.pathname}${u.search}${u.hash}`;
  } catch {
    // not a URL: shown as it is
  }
  return `${navigation.kind === 'fragment' ? 'fragment change' : 'route change'}: ${where}`;
}
