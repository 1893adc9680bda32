import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, expect, it, vi } from 'vitest';
import { openStore, recordRequest, recordSignal, startSession, type TagwatchDB } from '@/lib/store';
import { decodeRequest } from '@/lib/tags';
import { pageData } from '@/lib/view/live';
import { readSince, readTab } from './data';

// loadPage reads IndexedDB only; the polyfill is never called here (and refuses to load outside an extension).
vi.mock('webextension-polyfill', () => ({ default: {} }));

/** What the popup shows of a tab: read as the views read it, one page of it. */
const loadPage = async (tabId: number, chosen: string | undefined) =>
  pageData(await readTab(db, tabId, 'page', chosen), chosen);

let db: TagwatchDB;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openStore();
});

const pixel = (documentId: string, at: number, ev: string) =>
  recordRequest(
    db,
    {
      requestId: `${documentId}-${at}`,
      tabId: 7,
      frameId: 0,
      documentId,
      at,
      url: `https://www.facebook.com/tr/?id=111&ev=${ev}`,
      method: 'GET',
      type: 'image',
      body: { kind: 'none' },
    },
    decodeRequest,
  );

it('loads the current page of the tab, and an earlier page on request', async () => {
  const signup = await startSession(db, { tabId: 7, documentId: 'doc-1', url: 'https://shop.example/signup', at: 100 });
  await pixel('doc-1', 110, 'PageView');
  await recordSignal(
    db,
    { tabId: 7, frameId: 0, documentId: 'doc-1', at: 120 },
    { kind: 'datalayer', source: 'fbq', event: 'Lead' },
    'e1',
  );
  const thanks = await startSession(db, { tabId: 7, documentId: 'doc-2', url: 'https://shop.example/thanks', at: 200 });
  await pixel('doc-1', 201, 'Lead'); // the unload beacon of the signup page
  await pixel('doc-2', 210, 'PageView');

  const now = await loadPage(7, undefined);
  expect(now.sessions.map((s) => s.id)).toEqual([thanks.id, signup.id]);
  expect(now.session?.id).toBe(thanks.id);
  expect(now.currentSessionId).toBe(thanks.id);
  expect(now.hits.map((h) => h.event)).toEqual(['PageView']);
  expect(now.signals).toEqual([]);

  const before = await loadPage(7, signup.id);
  expect(before.session?.id).toBe(signup.id);
  expect(before.currentSessionId).toBe(thanks.id);
  expect(before.hits.map((h) => h.event)).toEqual(['PageView', 'Lead']);
  expect(before.signals.map((s) => s.kind === 'datalayer' && s.event)).toEqual(['Lead']);
  // Its goals are reconciled with the tab's hits up to 10 s into the next page: the unload beacon counts.
  expect(before.auditHits.map((h) => h.event)).toEqual(['PageView', 'Lead', 'PageView']);
  // …and from 2 s before the page started (here the whole tab: these pages lasted milliseconds).
  expect(now.auditHits.map((h) => h.event)).toEqual(['PageView', 'Lead', 'PageView']);
});

it('falls back to the current page when the chosen one is gone, and is empty for an unknown tab', async () => {
  const page = await startSession(db, { tabId: 7, documentId: 'doc-1', url: 'https://shop.example/', at: 100 });
  expect((await loadPage(7, 'pruned-session')).session?.id).toBe(page.id);
  expect(await loadPage(99, undefined)).toEqual({
    tabId: 99,
    sessions: [],
    hits: [],
    signals: [],
    firings: [],
    auditHits: [],
    cookies: [],
  });
});

it("reads the tab's pages one after the other for the DevTools log, and what a live notice names", async () => {
  const first = await startSession(db, { tabId: 7, documentId: 'doc-1', url: 'https://shop.example/', at: 100 });
  await pixel('doc-1', 110, 'PageView');
  const second = await startSession(db, { tabId: 7, documentId: 'doc-2', url: 'https://shop.example/cart', at: 5_000 });
  await pixel('doc-2', 5_010, 'AddToCart');
  const log = await readTab(db, 7, 'log', undefined);
  expect(log.sessions.map((s) => s.id)).toEqual([second.id, first.id]);
  expect(log.hits.map((h) => h.event)).toEqual(['PageView', 'AddToCart']);
  // Without the preserved log: the current page, from 2 s before it.
  expect((await readTab(db, 7, 'log', undefined, false)).hits.map((h) => h.event)).toEqual(['AddToCart']);

  await pixel('doc-2', 5_020, 'Purchase');
  const live = await readSince(db, log, 5_020);
  expect(live.hits.map((h) => h.event)).toEqual(['PageView', 'AddToCart', 'Purchase']);
});
