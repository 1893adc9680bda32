import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { DB_NAME, MIGRATIONS, openStore, type TagwatchDB } from './db';
import { recordFiring } from './queries';
import { prune } from './retention';
import { startSession } from './sessions';
import { allVisits, recordOpener, tabVisit } from './visits';

const AT = 1_763_883_600_000;
const DAY = 24 * 3600 * 1000;

describe('visits in the store', () => {
  let db: TagwatchDB;
  beforeEach(async () => {
    globalThis.indexedDB = new IDBFactory();
    db = await openStore();
  });

  it('follow a tab opened from the visit, with the goal firings of both tabs', async () => {
    await startSession(db, { tabId: 1, documentId: 'd1', url: 'https://shop.example/product/mug', at: AT });
    await recordOpener(db, { tabId: 2, openerTabId: 1, at: AT + 1000 });
    await startSession(db, { tabId: 2, documentId: 'd2', url: 'https://shop.example/cart', at: AT + 1010 });
    await recordFiring(
      db,
      { tabId: 2, frameId: 0, documentId: 'd2', at: AT + 1500 },
      { goalId: 'view_cart', goalName: 'Cart', trigger: 'page_view', at: AT + 1500, url: 'https://shop.example/cart' },
      'f1',
    );
    const found = await tabVisit(db, 2);
    expect(found?.visit.tabIds).toEqual([1, 2]);
    expect(found?.records.sessions.map((s) => s.url)).toEqual([
      'https://shop.example/product/mug',
      'https://shop.example/cart',
    ]);
    expect(found?.records.firings.map((f) => f.goalId)).toEqual(['view_cart']);
  });

  it('are kept as long as their pages: retention removes old openers', async () => {
    await recordOpener(db, { tabId: 2, openerTabId: 1, at: AT });
    await prune(db, AT + 8 * DAY);
    expect(await db.count('openers')).toBe(0);
  });
});

describe('migration to visits', () => {
  it('groups the sessions a version 2 database held into visits', async () => {
    globalThis.indexedDB = new IDBFactory();
    const v2 = await openDB(DB_NAME, 2, {
      upgrade: (d) => {
        MIGRATIONS[0]!(d as never);
        MIGRATIONS[1]!(d as never);
      },
    });
    await v2.put('sessions', { id: 's1', tabId: 1, url: 'https://shop.example/', startedAt: AT, navigations: [] });
    await v2.put('sessions', {
      id: 's2',
      tabId: 1,
      url: 'https://shop.example/b',
      startedAt: AT + 60_000,
      navigations: [],
    });
    await v2.put('sessions', {
      id: 's3',
      tabId: 1,
      url: 'https://shop.example/',
      startedAt: AT + DAY,
      navigations: [],
    });
    v2.close();
    const upgraded = await openStore();
    expect((await allVisits(upgraded)).map((v) => v.sessions.map((s) => s.id))).toEqual([['s1', 's2'], ['s3']]);
    upgraded.close();
  });
});
