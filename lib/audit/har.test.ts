import { describe, expect, it } from 'vitest';
import type { PageSession, StoredHit } from '../store/types';
import { decodeRequest } from '../tags';
import { bodyMimeType, tagRequestsToHar } from './har-export';
import { harRecords, parseHar } from './har-import';
import { T0 } from './testing';

// Requests written from the vendors' documented formats: a GA4 batch (two events in one POST body, one per
// line), a Meta Pixel image request, and a GA4 hit an ad blocker stopped.
const GA4_URL =
  'https://region1.google-analytics.com/g/collect?v=2&tid=G-SHOP123&cid=555.1&sid=1&dl=https%3A%2F%2Fshop.example%2F';
const META_URL = 'https://www.facebook.com/tr/?id=246810&ev=PageView&dl=https%3A%2F%2Fshop.example%2F';

function stored(
  requestKey: string,
  url: string,
  at: number,
  over: Partial<StoredHit> & { body?: string } = {},
): StoredHit[] {
  const method = over.method ?? (over.body !== undefined ? 'POST' : 'GET');
  return decodeRequest({ url, method, ...(over.body !== undefined ? { body: over.body } : {}) }).map((tag, i) => ({
    ...tag,
    id: `${requestKey}#${i}`,
    requestKey,
    sessionId: 's1',
    tabId: 7,
    frameId: 0,
    at,
    url,
    method,
    type: 'ping',
    status: 'sent',
    statusCode: 204,
    bodyState: over.body !== undefined ? 'text' : 'none',
    ...over,
    ...(i === 0 ? {} : { body: undefined }),
  }));
}

const session: PageSession = {
  id: 's1',
  tabId: 7,
  url: 'https://shop.example/',
  title: 'Shop',
  startedAt: T0 - 500,
  navigations: [],
};
const hits: StoredHit[] = [
  ...stored('wr:1', GA4_URL, T0, { body: 'en=page_view&_et=1\nen=view_item&ep.currency=EUR' }),
  ...stored('wr:2', META_URL, T0 + 20, { type: 'image', statusCode: 200 }),
  ...stored('wr:3', `${GA4_URL}&en=scroll`, T0 + 40, {
    status: 'blocked',
    statusCode: undefined,
    error: 'net::ERR_BLOCKED_BY_CLIENT',
  }),
];
const creator = { name: 'Tagwatch', version: '0.1.0' };

const shape = (list: readonly StoredHit[]) =>
  list.map((h) => [h.vendor, h.event, h.account, h.status, JSON.stringify(h.params)].join(' ')).sort();

describe('HAR out', () => {
  const har = tagRequestsToHar({ sessions: [session], hits, creator });

  it('writes HAR 1.2: one entry per request, its body, the browser’s answer, the decoded hits as a custom field', () => {
    expect(har.log).toMatchObject({
      version: '1.2',
      creator,
      pages: [{ id: 's1', title: 'Shop', _url: 'https://shop.example/' }],
    });
    expect(har.log.entries).toHaveLength(3);
    const [batch, pixel, blocked] = har.log.entries;
    expect(batch).toMatchObject({
      pageref: 's1',
      startedDateTime: new Date(T0).toISOString(),
      request: {
        method: 'POST',
        url: GA4_URL,
        postData: {
          mimeType: 'application/x-www-form-urlencoded',
          text: 'en=page_view&_et=1\nen=view_item&ep.currency=EUR',
        },
      },
      response: { status: 204 },
      _tagwatch: {
        hits: [
          { vendor: 'ga4', event: 'page_view' },
          { vendor: 'ga4', event: 'view_item' },
        ],
      },
    });
    expect(batch!.request.queryString).toContainEqual({ name: 'tid', value: 'G-SHOP123' });
    expect(pixel).toMatchObject({ request: { method: 'GET' }, response: { status: 200 }, _resourceType: 'image' });
    expect(blocked!.response).toMatchObject({ status: 0, _error: 'net::ERR_BLOCKED_BY_CLIENT' });
  });

  it.each([
    ['{"events":[]}', 'application/json'],
    ['en=page_view&tid=G-1', 'application/x-www-form-urlencoded'],
    ['hello world', 'text/plain'],
  ])('guesses the body type of %s', (body, mime) => expect(bodyMimeType(body)).toBe(mime));
});

describe('HAR in', () => {
  it('reads back the same hits it wrote, on the same page', () => {
    const har = parseHar(JSON.stringify(tagRequestsToHar({ sessions: [session], hits, creator })), 'x.har');
    const pages = harRecords(har, decodeRequest);
    expect(pages.map((p) => p.page)).toEqual([{ url: 'https://shop.example/', title: 'Shop' }]);
    expect(shape(pages[0]!.records.hits)).toEqual(shape(hits));
  });

  it('reads a DevTools-style HAR: pages by pageref, the document as the page URL, other requests ignored', () => {
    const entry = (url: string, over: Record<string, unknown> = {}) => ({
      pageref: 'page@1',
      startedDateTime: new Date(T0).toISOString(),
      time: 12,
      request: {
        method: 'GET',
        url,
        httpVersion: 'HTTP/1.1',
        headers: [],
        queryString: [],
        cookies: [],
        headersSize: -1,
        bodySize: 0,
      },
      response: {
        status: 200,
        statusText: 'OK',
        httpVersion: 'HTTP/1.1',
        headers: [],
        cookies: [],
        content: { size: 0, mimeType: 'image/gif' },
        redirectURL: '',
        headersSize: -1,
        bodySize: 0,
      },
      cache: {},
      timings: { send: 0, wait: 0, receive: 0 },
      ...over,
    });
    const har = {
      log: {
        version: '1.2',
        creator: { name: 'WebInspector', version: '537.36' },
        pages: [{ id: 'page@1', startedDateTime: new Date(T0).toISOString(), title: 'Shop home', pageTimings: {} }],
        entries: [
          entry('https://shop.example/', {
            _resourceType: 'document',
            response: { status: 200, content: { mimeType: 'text/html' } },
          }),
          entry('https://shop.example/app.js'),
          entry(META_URL),
          entry(META_URL.replace('ev=PageView', 'ev=Lead'), {
            response: { status: 0, _error: 'net::ERR_BLOCKED_BY_CLIENT', content: {} },
          }),
          entry('https://www.google-analytics.com/g/collect?v=2&tid=G-SHOP123&cid=1', {
            request: {
              method: 'POST',
              url: 'https://www.google-analytics.com/g/collect?v=2&tid=G-SHOP123&cid=1',
              postData: { mimeType: 'text/plain', text: 'en=sign_up' },
            },
          }),
        ],
      },
    };
    const [page] = harRecords(parseHar(JSON.stringify(har), 'devtools.har'), decodeRequest);
    expect(page!.page).toEqual({ url: 'https://shop.example/', title: 'Shop home' });
    expect(page!.records.hits.map((h) => [h.vendor, h.event, h.status])).toEqual([
      ['meta-pixel', 'PageView', 'sent'],
      ['meta-pixel', 'Lead', 'blocked'],
      ['ga4', 'sign_up', 'sent'],
    ]);
  });

  it.each([
    ['not json', /x\.har is not JSON .*Export HAR/s],
    ['{"log":{}}', /x\.har is not a HAR file: it has no log\.entries/],
    ['{"log":{"entries":[{"request":{}}]}}', /log\.entries\[0\] has no request\.url/],
  ])('refuses %s, saying what to give', (text, message) => expect(() => parseHar(text, 'x.har')).toThrow(message));
});
