import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, expect, it, vi } from 'vitest';
import { openStore, recordRequest, recordSignal, startSession, type TagwatchDB } from '@/lib/store';
import { decodeRequest } from '@/lib/tags';
import { loadPage } from './data';

// loadPage reads IndexedDB only; the polyfill is never called here (and refuses to load outside an extension).
vi.mock('webextension-polyfill', () => ({ default: {} }));

let db: TagwatchDB;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openStore();
});

const pixel = (documentId: string, at: number, ev: string) =>
  recordRequest(db, { requestId: `${documentId}-${at}`, tabId: 7, frameId: 0, documentId, at, url: `https://www.facebook.com/tr/?id=111&ev=${ev}`, method: 'GET', type: 'image', body: { kind: 'none' } }, decodeRequest);

it('loads the current page of the tab, and an earlier page on request', async () => {
  const signup = await startSession(db, { tabId: 7, documentId: 'doc-1', url: 'https://shop.example/signup', at: 100 });
  await pixel('doc-1', 110, 'PageView');
  await recordSignal(db, { tabId: 7, frameId: 0, documentId: 'doc-1', at: 120 }, { kind: 'datalayer', source: 'fbq', event: 'Lead' }, 'e1');
  const thanks = await startSession(db, { tabId: 7, documentId: 'doc-2', url: 'https://shop.example/thanks', at: 200 });
  await pixel('doc-1', 201, 'Lead'); // the unload beacon of the signup page
  await pixel('doc-2', 210, 'PageView');

  const now = await loadPage(db, 7, undefined);
  expect(now.sessions.map((s) => s.id)).toEqual([thanks.id, signup.id]);
  expect(now.session?.id).toBe(thanks.id);
  expect(now.currentSessionId).toBe(thanks.id);
  expect(now.hits.map((h) => h.event)).toEqual(['PageView']);
  expect(now.signals).toEqual([]);

  const before = await loadPage(db, 7, signup.id);
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
  expect((await loadPage(db, 7, 'pruned-session')).session?.id).toBe(page.id);
  expect(await loadPage(db, 99, undefined)).toEqual({ tabId: 99, sessions: [], hits: [], signals: [], firings: [], auditHits: [] });
});
