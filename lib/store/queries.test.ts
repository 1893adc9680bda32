import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { decodeRequest } from '../tags';
import { recordRequest } from './capture';
import { openStore, type TagwatchDB } from './db';
import {
  auditSpan,
  earliestAt,
  nextSession,
  pageRecords,
  recordFiring,
  recordSignal,
  tabRecordsSince,
} from './queries';
import { startSession } from './sessions';

let db: TagwatchDB;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openStore();
});

const lead = (tabId: number, documentId: string, at: number) =>
  recordRequest(
    db,
    {
      requestId: `${tabId}-${at}`,
      tabId,
      frameId: 0,
      documentId,
      at,
      url: `https://www.facebook.com/tr/?id=1&ev=Lead&t=${at}`,
      method: 'GET',
      body: { kind: 'none' },
    },
    decodeRequest,
  );

describe('auditSpan', () => {
  it.each<[string, number, number | undefined, { from: number; to: number }]>([
    ["the tab's current page: until now and on", 10_000, undefined, { from: 8_000, to: Infinity }],
    ['an earlier page: 10 s into the next one', 10_000, 40_000, { from: 8_000, to: 50_000 }],
  ])('%s', (_, start, next, want) =>
    expect(auditSpan({ startedAt: start }, next === undefined ? undefined : { startedAt: next })).toEqual(want),
  );
});

describe('pageRecords', () => {
  it("reads a page's firings and page events, and the tab's hits from 2 s before it to 10 s into the next page", async () => {
    const before = await startSession(db, { tabId: 7, documentId: 'd0', url: 'https://shop.example/', at: 1_000 });
    await lead(7, 'd0', 5_000); // too early: 5 s before the signup page
    await lead(7, 'd0', 8_500); // the last 2 s of the previous page
    const signup = await startSession(db, {
      tabId: 7,
      documentId: 'd1',
      url: 'https://shop.example/signup',
      at: 10_000,
    });
    await lead(7, 'd1', 12_000);
    await recordFiring(
      db,
      { tabId: 7, frameId: 0, documentId: 'd1', at: 12_000 },
      { goalId: 'signup', goalName: 'Signup', trigger: 'form_submit', at: 12_000, url: signup.url },
      'f1',
    );
    await recordSignal(
      db,
      { tabId: 7, frameId: 0, documentId: 'd1', at: 11_000 },
      { kind: 'consent', source: 'gcm_default', adStorage: 'denied' },
      'e1',
    );
    const thanks = await startSession(db, {
      tabId: 7,
      documentId: 'd2',
      url: 'https://shop.example/thanks',
      at: 20_000,
    });
    await lead(7, 'd1', 20_100); // the unload beacon of the signup page
    await lead(7, 'd2', 29_000); // the thank-you page's own, still within 10 s
    await lead(7, 'd2', 31_000); // too late
    await startSession(db, { tabId: 8, documentId: 'other', url: 'https://other.example/', at: 15_000 });
    await lead(8, 'other', 15_500); // another tab

    expect((await nextSession(db, signup))?.id).toBe(thanks.id);
    expect((await nextSession(db, before))?.id).toBe(signup.id);
    expect(await nextSession(db, thanks)).toBeUndefined();

    const records = await pageRecords(db, signup);
    expect(records.sessions).toEqual([signup]);
    expect(records.hits.map((h) => h.at)).toEqual([8_500, 12_000, 20_100, 29_000]);
    expect(records.firings.map((f) => f.id)).toEqual(['f1']);
    expect(records.signals.map((s) => s.id)).toEqual(['e1']);
    expect((await pageRecords(db, thanks)).hits.map((h) => h.at)).toEqual([20_100, 29_000, 31_000]);
  });
});

describe('tabRecordsSince', () => {
  it("reads the tab's pages and its records from a time on, in one go: what a live view reads after a notice", async () => {
    const first = await startSession(db, { tabId: 7, documentId: 'd1', url: 'https://shop.example/', at: 1_000 });
    await lead(7, 'd1', 2_000);
    await recordSignal(
      db,
      { tabId: 7, frameId: 0, documentId: 'd1', at: 2_500 },
      { kind: 'datalayer', source: 'dataLayer', event: 'view_item' },
      'e1',
    );
    const second = await startSession(db, { tabId: 7, documentId: 'd2', url: 'https://shop.example/cart', at: 3_000 });
    await lead(7, 'd2', 3_500);
    await recordFiring(
      db,
      { tabId: 7, frameId: 0, documentId: 'd2', at: 3_600 },
      { goalId: 'cart', goalName: 'Cart', trigger: 'click', at: 3_600, url: second.url },
      'f1',
    );
    await startSession(db, { tabId: 8, documentId: 'o', url: 'https://other.example/', at: 3_000 });
    await lead(8, 'o', 3_700);

    const tail = await tabRecordsSince(db, 7, 2_500);
    expect(tail.sessions.map((s) => s.id)).toEqual([second.id, first.id]);
    expect(tail.hits.map((h) => h.at)).toEqual([3_500]);
    expect(tail.hits[0]).not.toHaveProperty('urlHash');
    expect(tail.signals.map((e) => e.id)).toEqual(['e1']);
    expect(tail.firings.map((f) => f.id)).toEqual(['f1']);
    expect((await tabRecordsSince(db, 7, -Infinity)).hits.map((h) => h.at)).toEqual([2_000, 3_500]);
    const pages = await tabRecordsSince(db, 7, Infinity);
    expect([pages.sessions.length, pages.hits.length, pages.signals.length, pages.firings.length]).toEqual([
      2, 0, 0, 0,
    ]);
  });

  it('starts from the earliest of what was written', () =>
    expect(earliestAt([{ at: 30 }, { at: 10 }, { at: 20 }])).toBe(10));
});
