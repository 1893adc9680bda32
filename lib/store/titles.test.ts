import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { openStore, type TagwatchDB } from './db';
import { currentSession } from './queries';
import { MAX_TITLE, setDocumentTitle, startSession } from './sessions';

let db: TagwatchDB;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openStore();
});

const titleOf = async (tabId = 7) => (await currentSession(db, tabId))?.title;

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
