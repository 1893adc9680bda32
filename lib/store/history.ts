import type { Span } from '../history/outcome';
import type { Visit } from '../visits/visits';
import type { TagwatchDB } from './db';
import type { PageRecords } from './queries';

// The History page's reads. Listing needs the visits (the page sessions and openers: one small record per page,
// kept 7 days) and, for the rows shown, what decides their funnels: firings and page events through the
// `bySession` indexes, and only the hits in the spans around the firings through the `byTab` index
// (lib/history/outcome.ts says why that is enough). A visit opened or compared reads everything (visitRecords).

/**
 * The records that decide a visit's funnel outcome: its firings and page events, and its hits inside `spans`
 * (per tab, from verdictSpans). One read transaction, so the parts agree.
 */
export async function outcomeRecords(
  db: TagwatchDB,
  visit: Visit,
  spansOf: (firings: PageRecords['firings']) => ReadonlyMap<number, readonly Span[]>,
): Promise<PageRecords> {
  const tx = db.transaction(['firings', 'signals', 'hits']);
  const ids = new Set(visit.sessions.map((s) => s.id));
  const per = await Promise.all(
    visit.sessions.map((s) => {
      const range = IDBKeyRange.bound([s.id, -Infinity], [s.id, Infinity]);
      return Promise.all([
        tx.objectStore('firings').index('bySession').getAll(range),
        tx.objectStore('signals').index('bySession').getAll(range),
      ]);
    }),
  );
  const firings = per.flatMap(([f]) => f);
  const reads: Promise<PageRecords['hits']>[] = [];
  for (const [tabId, spans] of spansOf(firings))
    for (const span of spans)
      reads.push(
        tx
          .objectStore('hits')
          .index('byTab')
          .getAll(IDBKeyRange.bound([tabId, span.from], [tabId, span.to]))
          // A tab may have shown another visit's pages within the span (after 30 idle minutes, a new one).
          .then((rows) => rows.filter((h) => ids.has(h.sessionId)).map(({ urlHash: _h, ...hit }) => hit)),
      );
  const hits = (await Promise.all(reads)).flat();
  await tx.done;
  return { sessions: [...visit.sessions], hits, firings, signals: per.flatMap(([, s]) => s), cookies: [] };
}
