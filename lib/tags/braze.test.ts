import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest } from '.';

// Request shapes of the Braze Web SDK: the js.appboycdn.com library and the SDK endpoint's /api/v3/data batch
// (api_key, device_id, sdk_version, events: ce custom events, p purchases, ss/se sessions; attributes).
const KEY = '7b1f2a3c-4d5e-6f70-8192-a3b4c5d6e7f8';
const DATA = 'https://sdk.iad-01.braze.com/api/v3/data';
const body = (rest: object): string =>
  JSON.stringify({ api_key: KEY, device_id: 'd-123', sdk_version: '5.4.0', time: 1763884800, ...rest });

describe('braze', () => {
  it.each<[string, HitRequest, object]>([
    [
      'custom event',
      {
        url: DATA,
        method: 'POST',
        body: body({
          events: [
            {
              name: 'ce',
              data: { n: 'Newsletter Signup', p: { source: 'footer' } },
              time: 1763884800,
              user_id: 'u-9',
              session_id: 's-1',
            },
          ],
        }),
      },
      {
        event: 'Newsletter Signup',
        account: KEY,
        params: { source: 'footer', user_id: 'u-9', session_id: 's-1', device_id: 'd-123', sdk_version: '5.4.0' },
      },
    ],
    [
      'purchase',
      {
        url: 'https://sdk.fra-02.braze.eu/api/v3/data',
        method: 'POST',
        body: body({ events: [{ name: 'p', data: { pid: 'SKU-7', c: 'EUR', p: 19.9, q: 2, pr: { color: 'red' } } }] }),
      },
      {
        event: 'purchase',
        account: KEY,
        params: { product_id: 'SKU-7', currency: 'EUR', price: '19.9', quantity: '2', color: 'red' },
      },
    ],
    [
      'session start',
      { url: DATA, method: 'POST', body: body({ events: [{ name: 'ss', data: {}, session_id: 's-2' }] }) },
      { event: 'session_start', params: { session_id: 's-2' } },
    ],
    [
      'attributes only',
      { url: DATA, method: 'POST', body: body({ attributes: [{ user_id: 'u-9', email: 'x@shop.example' }] }) },
      { event: 'set_attributes', account: KEY, params: { 'attributes.0.user_id': 'u-9' } },
    ],
    [
      'library',
      { url: 'https://js.appboycdn.com/web-sdk/5.4/braze.min.js' },
      { event: 'library_load', params: { script: 'braze.min.js', version: '5.4' } },
    ],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'braze', ...want }));

  it('reads one hit per event of a batch', () => {
    const hits = decodeRequest({
      url: DATA,
      method: 'POST',
      body: body({
        events: [{ name: 'ss' }, { name: 'ce', data: { n: 'Added to Cart' } }, { name: 'se', data: { d: 30 } }],
      }),
    });
    expect(hits.map((h) => h.event)).toEqual(['session_start', 'Added to Cart', 'session_end']);
  });

  it('keeps an event kind named like an Object member as its own name', () =>
    expect(
      decodeRequest({
        url: DATA,
        method: 'POST',
        body: body({ events: [{ name: 'constructor' }, { name: 'toString' }] }),
      }).map((h) => h.event),
    ).toEqual(['constructor', 'toString']));

  it('marks a truncated body partial instead of guessing', () =>
    expect(
      decodeRequest({ url: DATA, method: 'POST', body: '{"api_key":"k","events":[{"name":"ce","da' })[0],
    ).toMatchObject({ vendor: 'braze', partial: expect.any(String) as string }));

  it.each<HitRequest>([
    { url: DATA, method: 'POST', body: body({ respond_with: { config: { config_time: 0 } } }) },
    { url: 'https://sdk.iad-01.braze.com/api/v3/content_cards/sync', method: 'POST', body: body({}) },
    { url: 'https://sdk.iad-01.braze.com/api/v3/feature_flags/sync', method: 'POST', body: body({}) },
    { url: 'https://www.braze.com/docs/api/endpoints/user_data/post_user_track/' },
    { url: 'https://js.appboycdn.com/web-sdk/5.4/braze.min.js' },
  ])('does not read $url as an event', (req) =>
    expect(decodeRequest(req).filter((h) => h.vendor === 'braze' && h.event !== 'library_load')).toEqual([]),
  );
});
