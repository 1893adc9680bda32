import type { StoredHit, StoredSignal } from '../store/types';

/** What the page pushed itself (dataLayer.push, gtag(), fbq()): shown beside what was sent, to compare. */
export type PageSaid = Extract<StoredSignal, { kind: 'datalayer' }>;

/** One row of the Hits view: a hit the page sent, or an event the page said. */
export type StreamItem =
  | { kind: 'hit'; id: string; at: number; hit: StoredHit }
  | { kind: 'page'; id: string; at: number; event: PageSaid };

export function isPageSaid(signal: StoredSignal): signal is PageSaid {
  return signal.kind === 'datalayer';
}

/**
 * Hits and page events in one list, newest first. At the same millisecond a hit comes before (above) the page
 * event: the page speaks first and the tag sends in answer, so the newest-first reading order stays causal.
 */
export function buildStream(hits: readonly StoredHit[], signals: readonly StoredSignal[]): StreamItem[] {
  const items: StreamItem[] = [];
  for (const event of signals) if (isPageSaid(event)) items.push({ kind: 'page', id: event.id, at: event.at, event });
  for (const hit of hits) items.push({ kind: 'hit', id: hit.id, at: hit.at, hit });
  // The id breaks the remaining ties so a live re-query never reorders rows that did not change.
  items.sort((a, b) => b.at - a.at || rank(a) - rank(b) || (b.id < a.id ? -1 : b.id > a.id ? 1 : 0));
  return items;
}

const rank = (item: StreamItem) => (item.kind === 'hit' ? 0 : 1);

/** "page said: dataLayer event add_to_cart" — the words of a page-event row. */
export function pageSaidText(event: Pick<PageSaid, 'source' | 'event'>): string {
  const where = event.source === 'dataLayer' ? 'dataLayer' : `${event.source}()`;
  return `page said: ${where} event ${event.event}`;
}
