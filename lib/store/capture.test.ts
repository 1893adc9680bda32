import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { decodeRequest } from '../tags';
import type { TagHit } from '../tags/types';
import {
  recordOutcome,
  statusForError,
  recordPageBody,
  recordRequest,
  recordResources,
  type CapturedRequest,
  type Decode,
} from './capture';
import { openStore, type TagwatchDB } from './db';
import { currentSession, hitsForSession, hitsForTab, sessionsForTab } from './queries';
import { prune } from './retention';
import { recordNavigation, startSession } from './sessions';

// A JSON-body vendor stand-in so these tests do not depend on one real decoder's details.
const decodeJsonVendor: Decode = (req) => {
  if (!req.url.startsWith('https://collect.vendor.test/')) return [];
  if (!req.body) return [{ vendor: 'segment', params: {} }];
  const parsed = JSON.parse(req.body) as { events: Array<{ name: string }> };
  return parsed.events.map((e): TagHit => ({ vendor: 'segment', event: e.name, params: {} }));
};

let db: TagwatchDB;
let n = 0;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openStore();
  n = 0;
});

function req(over: Partial<CapturedRequest> = {}): CapturedRequest {
  n++;
  return {
    requestId: String(n),
    tabId: 7,
    frameId: 0,
    at: 1_000 + n,
    url: 'https://www.facebook.com/tr/?id=1&ev=Lead',
    method: 'GET',
    body: { kind: 'none' },
    ...over,
  };
}

describe('recordRequest', () => {
  it('stores nothing for a request that is not a tag', async () => {
    expect(await recordRequest(db, req({ url: 'https://shop.example/app.js' }), decodeRequest)).toEqual([]);
    expect(await db.count('hits')).toBe(0);
    expect(await db.count('sessions')).toBe(0);
  });

  it('stores a tag hit as pending in a session opened for the tab', async () => {
    const [hit] = await recordRequest(db, req(), decodeRequest);
    expect(hit).toMatchObject({ vendor: 'meta-pixel', event: 'Lead', status: 'pending', tabId: 7, bodyState: 'none' });
    const session = await currentSession(db, 7);
    expect(session?.id).toBe(hit!.sessionId);
  });

  // A request that ended before its hits were written (the worker waits a moment for the response): one write,
  // with the status, the same as a write and then its outcome.
  it.each([
    ['a response', { statusCode: 200, at: 5_040 }, 'sent'],
    ['an error response', { statusCode: 500, at: 5_040 }, 'failed'],
    ['a blocked request', { error: 'net::ERR_BLOCKED_BY_CLIENT', at: 5_040 }, 'blocked'],
  ] as const)('stores a hit that ended with %s as one write with its status', async (_, outcome, status) => {
    const [hit] = await recordRequest(db, req(), decodeRequest, { ended: { outcome } });
    expect(hit).toMatchObject({ status, doneAt: 5_040 });
    const [stored] = await db.getAll('hits');
    expect(stored).toEqual(hit);
  });

  it('stores one hit per event of a batched body, all of one request', async () => {
    const body = JSON.stringify({ events: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] });
    const hits = await recordRequest(
      db,
      req({
        url: 'https://collect.vendor.test/b',
        method: 'POST',
        body: { kind: 'text', text: body, truncated: false, bytes: body.length },
      }),
      decodeJsonVendor,
    );
    expect(hits.map((h) => h.event)).toEqual(['a', 'b', 'c']);
    expect(new Set(hits.map((h) => h.requestKey)).size).toBe(1);
    expect(hits[0]!.body).toBe(body);
    expect(hits[1]!.body).toBeUndefined();
  });

  it.each([
    [{ statusCode: 204 }, { status: 'sent', statusCode: 204 }],
    [{ statusCode: 503 }, { status: 'failed', statusCode: 503 }],
    [{ error: 'net::ERR_BLOCKED_BY_CLIENT' }, { status: 'blocked', error: 'net::ERR_BLOCKED_BY_CLIENT' }],
    [{ error: 'net::ERR_NAME_NOT_RESOLVED' }, { status: 'failed', error: 'net::ERR_NAME_NOT_RESOLVED' }],
    [{ error: 'net::ERR_CONNECTION_REFUSED' }, { status: 'failed', error: 'net::ERR_CONNECTION_REFUSED' }],
    // The time of the answer, for the developer's request timing.
    [
      { statusCode: 200, at: 5_045 },
      { status: 'sent', statusCode: 200, doneAt: 5_045 },
    ],
  ] as const)('records the outcome %o', async (outcome, want) => {
    const r = req();
    await recordRequest(db, r, decodeRequest);
    await recordOutcome(db, r.requestId, outcome);
    const [hit] = await hitsForTab(db, 7);
    expect(hit).toMatchObject(want);
  });

  it("stores the reason a compressed body could not be read whole as the hits' partial", async () => {
    const problem = 'the gzip body inflates past 64 KiB (6762932 bytes compressed): cut at 64 KiB';
    const [hit] = await recordRequest(
      db,
      req({ method: 'POST', body: { kind: 'binary', bytes: 6_762_932, problem } }),
      decodeRequest,
    );
    expect(hit).toMatchObject({ event: 'Lead', bodyState: 'binary', partial: problem });
  });

  it('gives the account the request headers named (a Basic-auth write key) to the hits without one', async () => {
    const body = JSON.stringify({ type: 'track', event: 'trial_started', properties: { plan: 'pro' } });
    const r = req({
      url: 'https://acme.dataplane.rudderstack.com/v1/track',
      method: 'POST',
      body: { kind: 'text', text: body, truncated: false, bytes: body.length },
    });
    const [stored] = await recordRequest(db, r, decodeRequest);
    expect(stored!.account).toBeUndefined();
    await recordOutcome(db, r.requestId, { statusCode: 200 }, 'wk_rudder');
    expect((await hitsForTab(db, 7)).map((h) => [h.vendor, h.event, h.account, h.status])).toEqual([
      ['rudderstack', 'trial_started', 'wk_rudder', 'sent'],
    ]);
  });

  it('marks a truncated body as partial instead of dropping the hit', async () => {
    const [hit] = await recordRequest(
      db,
      req({ method: 'POST', body: { kind: 'text', text: 'id=1&ev=Lead', truncated: true, bytes: 10_000_000 } }),
      decodeRequest,
    );
    expect(hit).toMatchObject({ event: 'Lead', bodyState: 'truncated', partial: 'body truncated at 64 KiB' });
  });
});

describe('merging bodies the browser withheld (Blob sendBeacon)', () => {
  const url = 'https://collect.vendor.test/beacon';
  const body = JSON.stringify({ events: [{ name: 'sign_up' }, { name: 'page_view' }] });

  it('completes a stored hit when the page hooks deliver the body afterwards', async () => {
    const r = req({ url, method: 'POST', body: { kind: 'unavailable', reason: 'Unknown error' } });
    const [waiting] = await recordRequest(db, r, decodeJsonVendor);
    expect(waiting).toMatchObject({ bodyState: 'missing', partial: expect.stringContaining('withheld') });
    expect(waiting!.event).toBeUndefined();
    await recordOutcome(db, r.requestId, { statusCode: 200 });
    expect(
      await recordPageBody(db, { tabId: 7, frameId: 0, at: r.at + 3, url, method: 'POST', body }, decodeJsonVendor),
    ).toBe('merged');
    const hits = await hitsForTab(db, 7);
    expect(hits.map((h) => [h.event, h.status, h.bodyState])).toEqual([
      ['sign_up', 'sent', 'page'],
      ['page_view', 'sent', 'page'],
    ]);
  });

  it('uses a body the page hooks delivered before webRequest reported the request', async () => {
    expect(
      await recordPageBody(db, { tabId: 7, frameId: 0, at: 1_000, url, method: 'POST', body }, decodeJsonVendor),
    ).toBe('pending');
    await recordRequest(
      db,
      req({ url, method: 'POST', body: { kind: 'unavailable', reason: 'Unknown error' } }),
      decodeJsonVendor,
    );
    expect((await hitsForTab(db, 7)).map((h) => h.event)).toEqual(['sign_up', 'page_view']);
    expect(await db.count('pendingBodies')).toBe(0);
  });

  it('stores a hit once when webRequest saw the body too', async () => {
    await recordRequest(
      db,
      req({ url, method: 'POST', body: { kind: 'text', text: body, truncated: false, bytes: body.length } }),
      decodeJsonVendor,
    );
    expect(
      await recordPageBody(db, { tabId: 7, frameId: 0, at: 1_002, url, method: 'POST', body }, decodeJsonVendor),
    ).toBe('duplicate');
    expect(await db.count('hits')).toBe(2);
    expect(await db.count('pendingBodies')).toBe(0);
  });

  it('pairs repeated beacons to one URL first in, first out', async () => {
    const bodyOf = (name: string) => JSON.stringify({ events: [{ name }] });
    await recordRequest(db, req({ url, method: 'POST', body: { kind: 'unavailable', reason: 'x' } }), decodeJsonVendor);
    await recordRequest(db, req({ url, method: 'POST', body: { kind: 'unavailable', reason: 'x' } }), decodeJsonVendor);
    await recordPageBody(
      db,
      { tabId: 7, frameId: 0, at: 1_001, url, method: 'POST', body: bodyOf('first') },
      decodeJsonVendor,
    );
    await recordPageBody(
      db,
      { tabId: 7, frameId: 0, at: 1_002, url, method: 'POST', body: bodyOf('second') },
      decodeJsonVendor,
    );
    expect((await hitsForTab(db, 7)).map((h) => [h.requestKey, h.event])).toEqual([
      ['wr:1', 'first'],
      ['wr:2', 'second'],
    ]);
  });

  // Chromium reports a sendBeacon without a body exactly as one whose Blob body it withheld ("Unknown error."):
  // the hooks' empty body settles which it was.
  const GA4_BEACON = 'https://www.google-analytics.com/g/collect?v=2&tid=G-BEACON&en=sign_up&_p=1';
  it.each([
    ['after webRequest reported it', false],
    ['before webRequest reported it', true],
  ])('completes a body-less sendBeacon when the hooks say it had no body, %s', async (_, hooksFirst) => {
    const page = { tabId: 7, frameId: 0, at: 1_001, url: GA4_BEACON, method: 'POST', body: '' };
    if (hooksFirst) expect(await recordPageBody(db, page, decodeRequest)).toBe('pending');
    await recordRequest(
      db,
      req({ url: GA4_BEACON, method: 'POST', type: 'ping', body: { kind: 'unavailable', reason: 'Unknown error.' } }),
      decodeRequest,
    );
    if (!hooksFirst) expect(await recordPageBody(db, page, decodeRequest)).toBe('merged');
    const hits = await hitsForTab(db, 7);
    expect(hits.map((h) => [h.event, h.account, h.bodyState, h.partial])).toEqual([
      ['sign_up', 'G-BEACON', 'none', undefined],
    ]);
  });

  it('reads a gzipped body the hooks copied as base64 (a Blob the browser withheld)', async () => {
    const { gzipSync } = await import('fflate');
    const gz = gzipSync(new TextEncoder().encode(body));
    await recordRequest(
      db,
      req({ url, method: 'POST', body: { kind: 'unavailable', reason: 'Unknown error.' } }),
      decodeJsonVendor,
    );
    await recordPageBody(
      db,
      {
        tabId: 7,
        frameId: 0,
        at: 1_003,
        url,
        method: 'POST',
        body: Buffer.from(gz).toString('base64'),
        encoding: 'base64',
      },
      decodeJsonVendor,
    );
    const hits = await hitsForTab(db, 7);
    expect(hits.map((h) => [h.event, h.bodyState, h.partial])).toEqual([
      ['sign_up', 'page', undefined],
      ['page_view', 'page', undefined],
    ]);
    expect(hits[0]!.body).toBe(body);
  });

  it('keeps the reason a copied body could not be read whole on its hits', async () => {
    const { gzipSync } = await import('fflate');
    const gz = gzipSync(new TextEncoder().encode(body));
    const cut = Buffer.from(gz.subarray(0, gz.length - 6)).toString('base64');
    await recordRequest(
      db,
      req({ url: GA4_BEACON, method: 'POST', body: { kind: 'unavailable', reason: 'Unknown error.' } }),
      decodeRequest,
    );
    await recordPageBody(
      db,
      { tabId: 7, frameId: 0, at: 1_003, url: GA4_BEACON, method: 'POST', body: cut, encoding: 'base64' },
      decodeRequest,
    );
    const [hit] = await hitsForTab(db, 7);
    expect(hit).toMatchObject({
      event: 'sign_up',
      bodyState: 'page',
      partial: expect.stringMatching(/gzip body is cut short/) as string,
    });
  });

  it('ignores bodies of requests that are not tags', async () => {
    expect(
      await recordPageBody(
        db,
        { tabId: 7, frameId: 0, at: 1, url: 'https://api.shop.example/cart', method: 'POST', body: '{}' },
        decodeJsonVendor,
      ),
    ).toBe('ignored');
    expect(await db.count('pendingBodies')).toBe(0);
  });
});

describe('page sessions', () => {
  it('opens a new session per top-level navigation and keeps SPA route changes inside it', async () => {
    const first = await startSession(db, { tabId: 7, documentId: 'doc-1', url: 'https://shop.example/', at: 100 });
    await recordNavigation(db, 7, { at: 150, url: 'https://shop.example/cart', kind: 'history' });
    const second = await startSession(db, {
      tabId: 7,
      documentId: 'doc-2',
      url: 'https://shop.example/thanks',
      at: 200,
    });
    expect(second.id).not.toBe(first.id);
    const sessions = await sessionsForTab(db, 7);
    expect(sessions.map((s) => s.url)).toEqual(['https://shop.example/thanks', 'https://shop.example/']);
    expect(sessions[1]!.navigations).toEqual([{ at: 150, url: 'https://shop.example/cart', kind: 'history' }]);
  });

  it('files a beacon sent while a page unloads under that page, not the next one', async () => {
    const old = await startSession(db, { tabId: 7, documentId: 'doc-1', url: 'https://shop.example/signup', at: 100 });
    const next = await startSession(db, { tabId: 7, documentId: 'doc-2', url: 'https://shop.example/thanks', at: 200 });
    await recordRequest(db, req({ documentId: 'doc-1', at: 201 }), decodeRequest);
    await recordRequest(db, req({ documentId: 'doc-2', at: 202 }), decodeRequest);
    expect((await hitsForSession(db, old.id)).map((h) => h.at)).toEqual([201]);
    expect((await hitsForSession(db, next.id)).map((h) => h.at)).toEqual([202]);
  });

  it('reuses the session a request of the document opened before its navigation was reported', async () => {
    await recordRequest(db, req({ documentId: 'doc-9', at: 10 }), decodeRequest);
    const s = await startSession(db, { tabId: 7, documentId: 'doc-9', url: 'https://shop.example/', at: 11 });
    expect(await db.count('sessions')).toBe(1);
    expect((await hitsForSession(db, s.id)).length).toBe(1);
  });
});

describe('retention', () => {
  it('deletes old sessions with their hits, keeping each tab current session', async () => {
    await startSession(db, { tabId: 1, url: 'https://a.example/', at: 0 });
    await recordRequest(db, req({ tabId: 1, at: 1 }), decodeRequest);
    await startSession(db, { tabId: 1, url: 'https://a.example/2', at: 10 });
    await recordRequest(db, req({ tabId: 1, at: 11 }), decodeRequest);
    const result = await prune(db, 1_000_000, { maxAgeMs: 1000, maxHits: 1000 });
    expect(result).toEqual({ sessions: 1, hits: 1 });
    expect((await hitsForTab(db, 1)).map((h) => h.at)).toEqual([11]);
  });

  it('deletes the oldest sessions first when over the size limit', async () => {
    for (let tab = 1; tab <= 3; tab++) {
      await startSession(db, { tabId: tab, url: `https://a.example/${tab}`, at: tab });
      await recordRequest(db, req({ tabId: tab, at: tab }), decodeRequest);
      await startSession(db, { tabId: tab, url: `https://a.example/${tab}/next`, at: 100 + tab });
    }
    const result = await prune(db, 200, { maxAgeMs: 1e9, maxHits: 1 });
    expect(result.sessions).toBe(2);
    expect(await db.count('hits')).toBe(1);
  });
});

describe('requests the page witnessed (resource timing) when the worker lost their webRequest event', () => {
  const pixel = 'https://www.facebook.com/tr/?id=1&ev=Lead&r=1';

  it('matches a request webRequest reported and stores nothing new', async () => {
    await recordRequest(db, req({ url: pixel, at: 5_000 }), decodeRequest);
    const added = await recordResources(
      db,
      { tabId: 7, frameId: 0 },
      [{ url: pixel, at: 5_004, initiator: 'img', status: 0 }],
      decodeRequest,
    );
    expect(added).toEqual([]);
    expect(await db.count('hits')).toBe(1);
  });

  it('stores a tag request only the page saw, and ignores what is not a tag', async () => {
    const added = await recordResources(
      db,
      { tabId: 7, frameId: 0 },
      [
        { url: pixel, at: 5_000, initiator: 'img', status: 200 },
        { url: 'https://shop.example/api/cart', at: 5_001, initiator: 'fetch', status: 200 },
      ],
      decodeRequest,
    );
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      vendor: 'meta-pixel',
      event: 'Lead',
      status: 'sent',
      statusCode: 200,
      partial: expect.stringContaining('the browser did not report it'),
    });
  });

  it("takes the body the page hooks handed over when webRequest never reported the request (Firefox's keepalive fetch)", async () => {
    const url = 'https://analytics.tiktok.com/api/v2/pixel';
    const body = JSON.stringify({ event: 'SubmitForm', context: { pixel: { code: 'CPIXEL1' } }, properties: {} });
    const toBase64 = (text: string) => Buffer.from(text).toString('base64');
    expect(
      await recordPageBody(
        db,
        { tabId: 7, frameId: 0, at: 5_000, url, method: 'POST', body: toBase64(body), encoding: 'base64' },
        decodeRequest,
      ),
    ).toBe('pending');
    const added = await recordResources(
      db,
      { tabId: 7, frameId: 0 },
      [{ url, at: 5_002, initiator: 'fetch', status: 0 }],
      decodeRequest,
    );
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      vendor: 'tiktok',
      event: 'SubmitForm',
      account: 'CPIXEL1',
      method: 'POST',
      bodyState: 'page',
    });
    expect(await db.count('pendingBodies')).toBe(0);
  });

  it('keeps both reasons when the witness takes a body the page hooks could only partly hand over', async () => {
    const url = 'https://www.google-analytics.com/g/collect?v=2&tid=G-TEST1&cid=1.2';
    // Two events in a body over the 64 KiB cap: the first is whole, the second is cut.
    const body = `en=sign_up\nen=scroll&ep.pad=${'a'.repeat(70_000)}`;
    await recordPageBody(
      db,
      {
        tabId: 7,
        frameId: 0,
        at: 5_000,
        url,
        method: 'POST',
        body: Buffer.from(body).toString('base64'),
        encoding: 'base64',
      },
      decodeRequest,
    );
    const added = await recordResources(
      db,
      { tabId: 7, frameId: 0 },
      [{ url, at: 5_001, initiator: 'beacon', status: 0 }],
      decodeRequest,
    );
    const signUp = added.find((h) => h.event === 'sign_up');
    expect(signUp?.partial).toContain('the browser did not report it');
    expect(signUp?.partial).toContain('truncated at 64 KiB');
  });

  it('pairs repeated requests to one URL one to one', async () => {
    await recordRequest(db, req({ url: pixel, at: 5_000 }), decodeRequest);
    const added = await recordResources(
      db,
      { tabId: 7, frameId: 0 },
      [
        { url: pixel, at: 5_002, initiator: 'img', status: 0 },
        { url: pixel, at: 5_300, initiator: 'img', status: 0 },
      ],
      decodeRequest,
    );
    expect(added.map((h) => h.at)).toEqual([5_300]);
  });

  it('gives way to the browser report when webRequest arrives after the witness', async () => {
    await recordResources(
      db,
      { tabId: 7, frameId: 0 },
      [{ url: pixel, at: 5_000, initiator: 'img', status: 0 }],
      decodeRequest,
    );
    await recordRequest(db, req({ url: pixel, at: 5_001 }), decodeRequest);
    const hits = await hitsForTab(db, 7);
    expect(hits.map((h) => h.requestKey)).toEqual([expect.stringMatching(/^wr:/)]);
  });

  it('gives way to the browser report seconds later, as in a burst queued behind six connections', async () => {
    await recordResources(
      db,
      { tabId: 7, frameId: 0 },
      [{ url: pixel, at: 5_000, initiator: 'img', status: 0 }],
      decodeRequest,
    );
    const replaced: number[] = [];
    await recordRequest(db, req({ url: pixel, at: 8_200 }), decodeRequest, { onReplaced: (at) => replaced.push(at) });
    const hits = await hitsForTab(db, 7);
    expect(hits.map((h) => h.requestKey)).toEqual([expect.stringMatching(/^wr:/)]); // one hit, not two
    expect(replaced).toEqual([5_000]);
  });

  it('is not replaced by a request to the same URL well apart in time: that is another request', async () => {
    await recordResources(
      db,
      { tabId: 7, frameId: 0 },
      [{ url: pixel, at: 5_000, initiator: 'img', status: 0 }],
      decodeRequest,
    );
    await recordRequest(db, req({ url: pixel, at: 60_000 }), decodeRequest);
    expect((await hitsForTab(db, 7)).map((h) => h.requestKey.slice(0, 3)).sort()).toEqual(['rt:', 'wr:']);
  });

  it('keeps a body the page hooks gave the witness when webRequest reports the request without one', async () => {
    const url = 'https://collect.vendor.test/beacon';
    const body = JSON.stringify({ events: [{ name: 'sign_up' }] });
    await recordResources(
      db,
      { tabId: 7, frameId: 0 },
      [{ url, at: 5_000, initiator: 'beacon', status: 0 }],
      decodeJsonVendor,
    );
    expect(
      await recordPageBody(db, { tabId: 7, frameId: 0, at: 5_000, url, method: 'POST', body }, decodeJsonVendor),
    ).toBe('merged');
    await recordRequest(
      db,
      req({ url, method: 'POST', at: 5_002, body: { kind: 'unavailable', reason: 'Unknown error' } }),
      decodeJsonVendor,
    );
    const hits = await hitsForTab(db, 7);
    expect(hits.map((h) => [h.requestKey.slice(0, 3), h.event, h.bodyState])).toEqual([['wr:', 'sign_up', 'page']]);
  });
});

describe('statusForError: blocked on purpose or could not be reached, in both browsers’ words', () => {
  it.each([
    ['net::ERR_BLOCKED_BY_CLIENT', 'blocked'],
    ['net::ERR_ABORTED', 'blocked'],
    ['NS_ERROR_ABORT', 'blocked'],
    ['NS_ERROR_TRACKING_URI', 'blocked'],
    ['NS_ERROR_SOCIALTRACKING_URI', 'blocked'],
    ['NS_ERROR_BLOCKED_BY_POLICY', 'blocked'],
    ['NS_ERROR_CONTENT_BLOCKED', 'blocked'],
    ['net::ERR_NAME_NOT_RESOLVED', 'failed'],
    ['NS_ERROR_UNKNOWN_HOST', 'failed'],
    ['NS_ERROR_CONNECTION_REFUSED', 'failed'],
    ['NS_ERROR_NET_TIMEOUT', 'failed'],
  ] as const)('%s → %s', (error, status) => {
    expect(statusForError(error)).toBe(status);
  });
});
