import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { openStore, type TagwatchDB } from './db';
import { currentSession } from './queries';
import {
  MAX_TITLE,
  recordNavigation,
  resolveSession,
  setDocumentTitle,
  setSessionTitle,
  startSession,
} from './sessions';
import { inTx } from './batch';

let db: TagwatchDB;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openStore();
});

const titleOf = async (tabId = 7) => (await currentSession(db, tabId))?.title;

describe('page titles', () => {
  it('names the page the tab shows', async () => {
    await startSession(db, { tabId: 7, documentId: 'd1', url: 'https://shop.example/', at: 1 });
    await setSessionTitle(db, 7, 'Mugshop', 'https://shop.example/');
    expect(await titleOf()).toBe('Mugshop');
  });

  it("keeps a title that came before its page's navigation for that page, off the page before", async () => {
    const first = await startSession(db, { tabId: 7, documentId: 'd1', url: 'https://shop.example/', at: 1 });
    await setSessionTitle(db, 7, 'Mugshop', 'https://shop.example/');
    // The browser names the checkout page before its navigation reached the store.
    await setSessionTitle(db, 7, 'Checkout · Mugshop', 'https://shop.example/checkout');
    expect(await titleOf()).toBe('Mugshop');
    const next = await startSession(db, { tabId: 7, documentId: 'd2', url: 'https://shop.example/checkout', at: 2 });
    expect(next.title).toBe('Checkout · Mugshop');
    expect(await titleOf()).toBe('Checkout · Mugshop');
    expect((await db.get('sessions', first.id))?.title).toBe('Mugshop');
    expect((await db.get('tabs', 7))?.pendingTitle).toBeUndefined();
  });

  it("keeps a new tab's first title, named before anything of the tab was recorded, for its page", async () => {
    await setSessionTitle(db, 7, 'Mugshop', 'https://shop.example/');
    expect(await titleOf()).toBeUndefined();
    const first = await startSession(db, { tabId: 7, documentId: 'd1', url: 'https://shop.example/', at: 1 });
    expect(first.title).toBe('Mugshop');
  });

  it('does not give a waiting title to a page of another URL', async () => {
    await startSession(db, { tabId: 7, documentId: 'd1', url: 'https://shop.example/', at: 1 });
    await setSessionTitle(db, 7, 'Checkout · Mugshop', 'https://shop.example/checkout');
    const other = await startSession(db, { tabId: 7, documentId: 'd2', url: 'https://shop.example/cart', at: 2 });
    expect(other.title).toBeUndefined();
  });

  it.each([
    ['an SPA route of the page', 'https://shop.example/products/desk-lamp'],
    ['a #fragment of it', 'https://shop.example/#reviews'],
  ])('renames the page on %s', async (_, url) => {
    await startSession(db, { tabId: 7, documentId: 'd1', url: 'https://shop.example/', at: 1 });
    await recordNavigation(db, 7, { at: 2, url: 'https://shop.example/products/desk-lamp', kind: 'history' });
    await setSessionTitle(db, 7, 'Desk lamp · Mugshop', url);
    expect(await titleOf()).toBe('Desk lamp · Mugshop');
  });

  it('names a page opened before Tagwatch started (its session known only by origin)', async () => {
    await inTx(db, ['sessions', 'tabs'], (tx) =>
      resolveSession(tx, { tabId: 7, frameId: 0, at: 1, initiator: 'https://shop.example' }),
    );
    await setSessionTitle(db, 7, 'Mugshop', 'https://shop.example/products');
    expect(await titleOf()).toBe('Mugshop');
  });

  it('names the page when the browser gives no URL with the title', async () => {
    await startSession(db, { tabId: 7, documentId: 'd1', url: 'https://shop.example/', at: 1 });
    await setSessionTitle(db, 7, 'Mugshop');
    expect(await titleOf()).toBe('Mugshop');
  });
});

describe('a title the document says of itself (its content script)', () => {
  it('names its own page, even once the tab has moved on to the next', async () => {
    const first = await startSession(db, { tabId: 7, documentId: 'd1', url: 'https://shop.example/', at: 1 });
    await startSession(db, { tabId: 7, documentId: 'd2', url: 'https://shop.example/checkout', at: 2 });
    // The first page's message arrives late: it still names the first page, not the one the tab shows now.
    expect(await setDocumentTitle(db, { tabId: 7, frameId: 0, documentId: 'd1', at: 3 }, 'Mugshop')).toBe(true);
    expect((await db.get('sessions', first.id))?.title).toBe('Mugshop');
    expect(await titleOf()).toBeUndefined();
  });

  it("opens its document's page when it speaks before the navigation was recorded; the navigation keeps it", async () => {
    await setDocumentTitle(
      db,
      { tabId: 7, frameId: 0, documentId: 'd1', at: 1, initiator: 'https://shop.example/' },
      'Mugshop',
    );
    const page = await startSession(db, { tabId: 7, documentId: 'd1', url: 'https://shop.example/', at: 1 });
    expect(page.title).toBe('Mugshop');
  });

  it('names the tab’s current page where the browser gives no document id (Firefox)', async () => {
    await startSession(db, { tabId: 7, url: 'https://shop.example/', at: 1 });
    await setDocumentTitle(db, { tabId: 7, frameId: 0, at: 2 }, 'Mugshop');
    expect(await titleOf()).toBe('Mugshop');
  });

  it.each([
    ['an empty title', '   ', undefined, false],
    ['the same title again', 'Mugshop', 'Mugshop', false],
    ['a title past the limit, clipped', 'x'.repeat(MAX_TITLE + 50), 'x'.repeat(MAX_TITLE), true],
  ])('%s', async (_, title, kept, changed) => {
    await startSession(db, { tabId: 7, documentId: 'd1', url: 'https://shop.example/', at: 1 });
    if (title === 'Mugshop') await setDocumentTitle(db, { tabId: 7, frameId: 0, documentId: 'd1', at: 2 }, 'Mugshop');
    expect(await setDocumentTitle(db, { tabId: 7, frameId: 0, documentId: 'd1', at: 3 }, title)).toBe(changed);
    expect(await titleOf()).toBe(kept);
  });
});
