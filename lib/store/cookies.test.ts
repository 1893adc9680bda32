import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { recordResponseCookies, recordStoreCookie } from './cookies';
import { DB_NAME, DB_VERSION, MIGRATIONS, openStore, type TagwatchDB } from './db';
import { clearTab, pageRecords } from './queries';
import { prune } from './retention';
import { startSession } from './sessions';
import { parseSetCookie, type CookieSeen } from './set-cookie';

const AT = 1_763_883_600_000;

describe('parseSetCookie', () => {
  it.each<[string, string, Partial<CookieSeen> | undefined]>([
    [
      'a first-party cookie with Max-Age',
      '_fbp=fb.1.1763883600000.123; Max-Age=7776000; Path=/; Domain=.shop.example; SameSite=Lax',
      { name: '_fbp', domain: 'shop.example', path: '/', expires: AT + 7_776_000_000, via: 'set_cookie' },
    ],
    [
      'Expires when there is no Max-Age',
      'fr=0abc; expires=Tue, 01 Dec 2026 00:00:00 GMT; path=/; domain=.facebook.com; secure; httponly',
      { name: 'fr', domain: 'facebook.com', expires: Date.parse('Tue, 01 Dec 2026 00:00:00 GMT') },
    ],
    [
      'the request host when there is no Domain; a session cookie',
      'IDE=xyz; Path=/ads',
      { name: 'IDE', domain: 'googleads.g.doubleclick.net', path: '/ads' },
    ],
    ['a deletion (expiry in the past) is none', 'IDE=; Max-Age=0', undefined],
    ['no name is none', '=value', undefined],
    ['no pair at all is none', 'garbage', undefined],
  ])('%s', (_, header, want) => {
    const got = parseSetCookie(header, 'https://googleads.g.doubleclick.net/pagead/viewthroughconversion/1', AT);
    if (want) expect(got).toMatchObject(want);
    else expect(got).toBeUndefined();
    if (got) expect(JSON.stringify(got)).not.toMatch(/xyz|0abc|fb\.1\./);
    if (got?.name === 'IDE') expect(got.expires).toBeUndefined();
  });
});

let db: TagwatchDB;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openStore();
});

const seen = (name: string, domain: string, at: number, over: Partial<CookieSeen> = {}): CookieSeen => ({
  name,
  domain,
  path: '/',
  via: 'cookie_store',
  at,
  ...over,
});

describe('cookies of a page', () => {
  it('files a cookie-store cookie under each open tab on its domain, kept from its first set', async () => {
    const shop = await startSession(db, { tabId: 1, documentId: 'd1', url: 'https://www.shop.example/', at: AT });
    await startSession(db, { tabId: 2, documentId: 'd2', url: 'https://news.example/', at: AT });
    await startSession(db, { tabId: 3, documentId: 'd3', url: 'https://shop.example/cart', at: AT });
    expect(
      await recordStoreCookie(db, seen('_fbp', 'shop.example', AT + 10, { expires: AT + 1000 }), [1, 2]),
    ).toHaveLength(1); // tab 3 is closed
    expect(await recordStoreCookie(db, seen('_fbp', 'shop.example', AT + 50, { expires: AT + 9000 }), [1, 2])).toEqual(
      [],
    );
    const { cookies } = await pageRecords(db, shop);
    expect(cookies).toEqual([
      {
        id: `${shop.id}|shop.example|/|_fbp`,
        sessionId: shop.id,
        tabId: 1,
        at: AT + 10,
        name: '_fbp',
        domain: 'shop.example',
        path: '/',
        via: 'cookie_store',
        expires: AT + 9000,
      },
    ]);
  });

  it("files a tag response's cookies under the document that sent the tag", async () => {
    const s = await startSession(db, { tabId: 4, documentId: 'd4', url: 'https://shop.example/', at: AT });
    const fr = parseSetCookie(
      'fr=secret; Max-Age=100; Domain=.facebook.com',
      'https://www.facebook.com/tr/?id=1&ev=PageView',
      AT + 5,
    )!;
    await recordResponseCookies(db, { tabId: 4, frameId: 0, documentId: 'd4', at: AT + 5 }, [fr]);
    const { cookies } = await pageRecords(db, s);
    expect(cookies).toMatchObject([
      { name: 'fr', domain: 'facebook.com', via: 'set_cookie', url: 'https://www.facebook.com/tr/?id=1&ev=PageView' },
    ]);
  });

  it('goes with its page: Clear and retention delete it', async () => {
    const s = await startSession(db, { tabId: 5, documentId: 'd5', url: 'https://shop.example/', at: AT });
    await recordStoreCookie(db, seen('_ga', 'shop.example', AT + 1), [5]);
    await clearTab(db, 5);
    expect((await pageRecords(db, s)).cookies).toEqual([]);
    await recordStoreCookie(db, seen('_ga', 'shop.example', AT + 2), [5]);
    await startSession(db, { tabId: 5, documentId: 'd6', url: 'https://shop.example/next', at: AT + 10 });
    await prune(db, AT + 30 * 24 * 3600 * 1000);
    expect(await db.count('cookies')).toBe(0);
  });
});

describe('migration', () => {
  it('adds the cookies store to a version 1 database, keeping what it held', async () => {
    globalThis.indexedDB = new IDBFactory();
    const v1 = await openDB(DB_NAME, 1, { upgrade: (d) => MIGRATIONS[0]!(d as never) });
    await v1.put('sessions', { id: 's-old', tabId: 1, url: 'https://shop.example/', startedAt: 1, navigations: [] });
    v1.close();
    const upgraded = await openStore();
    expect(upgraded.version).toBe(DB_VERSION);
    expect(await upgraded.get('sessions', 's-old')).toMatchObject({ url: 'https://shop.example/' });
    expect([...upgraded.objectStoreNames]).toContain('cookies');
    upgraded.close();
  });
});
