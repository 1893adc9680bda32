import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { longestWindow, verdictSpans, visitOutcome } from '../history/outcome';
import { SHOP_PLAN, shopVisit, T0 } from '../history/testing';
import { openStore, type TagwatchDB } from './db';
import { outcomeRecords } from './history';
import { urlHash } from './ids';
import { allVisits } from './visits';

// The History list reads a visit's outcome through the indexes: its firings and page events, and only the hits
// around its firings.

describe('outcomeRecords', () => {
  let db: TagwatchDB;
  beforeEach(async () => {
    globalThis.indexedDB = new IDBFactory();
    db = await openStore();
  });

  it('reads the hits around the firings only, and gives the outcome all the hits give', async () => {
    const { records } = shopVisit(T0, 1, { beginCheckout: false });
    const other = shopVisit(T0 + 3_600_000, 1, { beginCheckout: true });
    const far = records.hits.map((h, i) => ({ ...h, id: `far${i}`, at: h.at + 30_000 }));
    const tx = db.transaction(['sessions', 'hits', 'firings'], 'readwrite');
    for (const s of [...records.sessions, ...other.records.sessions]) await tx.objectStore('sessions').put(s);
    for (const h of [...records.hits, ...far, ...other.records.hits])
      await tx.objectStore('hits').put({ ...h, urlHash: urlHash(h.url) });
    for (const f of [...records.firings, ...other.records.firings]) await tx.objectStore('firings').put(f);
    await tx.done;

    const [first, second] = await allVisits(db);
    expect(second?.sessions.map((s) => s.id)).toEqual(other.records.sessions.map((s) => s.id));
    const spans = (firings: Parameters<typeof verdictSpans>[0]) => verdictSpans(firings, longestWindow([SHOP_PLAN]));
    const read = await outcomeRecords(db, first!, spans);
    expect(read.firings.map((f) => f.goalId)).toEqual(['product_view', 'begin_checkout', 'purchase']);
    // The visit's own hits near its firings: not those 30 s later, nor the next visit's in the same tab.
    expect(read.hits.map((h) => h.id).sort()).toEqual(records.hits.map((h) => h.id).sort());
    expect(read.hits[0]).not.toHaveProperty('urlHash');
    expect(visitOutcome([SHOP_PLAN], first!, read, T0)).toEqual(visitOutcome([SHOP_PLAN], first!, records, T0));
  });
});
