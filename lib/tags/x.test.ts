import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest } from '.';

// Request shapes of the X (Twitter) Pixel: /i/adsct and /1/i/adsct on analytics.twitter.com and t.co with
// txn_id, p_id=Twitter, events (older base tag), event (JSON event data), event_id (a deduplication UUID),
// tw_sale_amount and tw_order_quantity (legacy single-event tag); uwt.js and oct.js libraries.
const q = (value: unknown): string => encodeURIComponent(JSON.stringify(value));

describe('x', () => {
  it.each<[string, HitRequest, object]>([
    [
      'base tag page view (events list)',
      {
        url: `https://analytics.twitter.com/i/adsct?bci=3&eci=2&event_id=dbbde6e6&events=${q([['pageview', {}]])}&integration=advertiser&p_id=Twitter&p_user_id=0&pl_id=d10460b6&pt=Docs&tw_document_href=https%3A%2F%2Fshop.example%2F&tw_iframe_status=0&txn_id=o81g6&type=javascript&version=2.3.29`,
      },
      {
        event: 'pageview',
        account: 'o81g6',
        params: {
          page_url: 'https://shop.example/',
          page_title: 'Docs',
          pixel_type: 'Twitter',
          event_id: 'dbbde6e6',
          library_version: '2.3.29',
          in_iframe: '0',
        },
      },
    ],
    [
      'base tag page view (newer, event={})',
      {
        url: `https://t.co/1/i/adsct?bci=4&eci=3&event=%7B%7D&event_id=7fd5013b&integration=gtm&p_id=Twitter&p_user_id=0&tw_document_href=https%3A%2F%2Fshop.example%2F&txn_id=o7z1d&type=javascript&version=2.3.35`,
      },
      { event: 'pageview', account: 'o7z1d', params: { integration: 'gtm' } },
    ],
    [
      'event tag with event data',
      {
        url: `https://analytics.twitter.com/1/i/adsct?bci=4&eci=4&event=${q({ value: '49.90', currency: 'EUR', conversion_id: 'ORD-5', contents: [{ content_id: 'SKU-2', num_items: 1 }] })}&event_id=f45a3b1f&p_id=Twitter&txn_id=tw-nv09u-och8j&type=javascript`,
      },
      {
        event: 'tw-nv09u-och8j',
        account: 'nv09u',
        params: { value: '49.90', currency: 'EUR', conversion_id: 'ORD-5', 'contents.0.content_id': 'SKU-2' },
      },
    ],
    [
      'event tag posted as a form',
      {
        url: 'https://analytics.twitter.com/i/adsctp',
        method: 'POST',
        body: `txn_id=tw-o6tnh-oi8tp&p_id=Twitter&event=${q({ email_address: 'x' })}`,
      },
      { event: 'tw-o6tnh-oi8tp', account: 'o6tnh' },
    ],
    [
      'legacy single-event tag',
      {
        url: 'https://analytics.twitter.com/i/adsct?txn_id=nv005&p_id=Twitter&tw_sale_amount=12.5&tw_order_quantity=2',
      },
      { account: 'nv005', params: { value: '12.5', quantity: '2' } },
    ],
    [
      'events list that does not parse',
      { url: 'https://t.co/i/adsct?txn_id=o81g6&events=%5B%5B%22pagevi' },
      { account: 'o81g6', partial: expect.stringContaining('events') },
    ],
    ['base library', { url: 'https://static.ads-twitter.com/uwt.js' }, { event: 'library_load' }],
    ['single-event library', { url: 'https://static.ads-twitter.com/oct.js' }, { event: 'library_load' }],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'x', ...want }));

  it('reads one hit per entry of the events list', () => {
    const hits = decodeRequest({
      url: `https://analytics.twitter.com/i/adsct?txn_id=o81g6&events=${q([
        ['pageview', {}],
        ['purchase', { value: 3 }],
      ])}`,
    });
    expect(hits.map((h) => [h.event, h.params.value])).toEqual([
      ['pageview', undefined],
      ['purchase', '3'],
    ]);
  });

  it('leaves a legacy tag without an event name rather than guess one', () =>
    expect(
      decodeRequest({ url: 'https://t.co/i/adsct?txn_id=nz7m3&p_id=Twitter&tw_sale_amount=0' })[0]?.event,
    ).toBeUndefined());

  it.each([
    'https://twitter.com/home',
    'https://x.com/someone/status/1',
    'https://t.co/AbCdEf123',
    'https://analytics.twitter.com.evil.example/i/adsct?txn_id=o6ou1',
    'https://static.ads-twitter.com/uwt.js',
  ])('does not read %s as an event', (url) =>
    expect(decodeRequest({ url }).filter((h) => h.vendor === 'x' && h.event !== 'library_load')).toEqual([]),
  );
});
