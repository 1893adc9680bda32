import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest, type TagHit } from '.';

// Request shapes from Matomo's Tracking HTTP API reference: matomo.php / piwik.php with idsite and rec=1, or sparser.
const TRACKER = 'https://analytics.shop.example/matomo.php';

describe('matomo', () => {
  it('keeps fields named like Object members under their own names', () =>
    expect(decodeRequest({ url: `${TRACKER}?idsite=1&rec=1&constructor=a&toString=b` })[0]?.params).toMatchObject({
      constructor: 'a',
      toString: 'b',
    }));

  it.each<[string, HitRequest, Partial<TagHit>]>([
    [
      'page view',
      {
        url: `${TRACKER}?idsite=3&rec=1&action_name=Home&url=https%3A%2F%2Fshop.example%2F&urlref=https%3A%2F%2Fwww.google.com%2F&_id=0123456789abcdef&rand=42&res=1920x1080`,
      },
      {
        event: 'page_view',
        account: '3',
        params: {
          page_title: 'Home',
          page_url: 'https://shop.example/',
          referrer: 'https://www.google.com/',
          visitor_id: '0123456789abcdef',
          screen_resolution: '1920x1080',
        },
      },
    ],
    [
      'event',
      { url: `${TRACKER}?idsite=1&rec=1&e_c=Videos&e_a=Play&e_n=Intro&e_v=1&url=https%3A%2F%2Fshop.example%2F` },
      {
        event: 'Play',
        params: { event_category: 'Videos', event_action: 'Play', event_name: 'Intro', event_value: '1' },
      },
    ],
    [
      'goal',
      { url: `${TRACKER}?idsite=1&rec=1&idgoal=2&revenue=10` },
      { event: 'goal', params: { goal_id: '2', revenue: '10' } },
    ],
    [
      'ecommerce order',
      { url: `${TRACKER}?idsite=1&rec=1&idgoal=0&ec_id=A-100&revenue=99.5&ec_st=90&ec_tx=9.5` },
      { event: 'ecommerce_order', params: { order_id: 'A-100', revenue: '99.5', subtotal: '90', tax: '9.5' } },
    ],
    ['cart update', { url: `${TRACKER}?idsite=1&rec=1&idgoal=0&revenue=20` }, { event: 'ecommerce_cart_update' }],
    [
      'site search',
      { url: `${TRACKER}?idsite=1&rec=1&search=shoes&search_cat=men&search_count=4` },
      { event: 'site_search', params: { search_keyword: 'shoes', search_results: '4' } },
    ],
    [
      'outlink',
      { url: `${TRACKER}?idsite=1&rec=1&link=https%3A%2F%2Fpartner.example%2F` },
      { event: 'outlink', params: { outlink_url: 'https://partner.example/' } },
    ],
    [
      'download',
      { url: `${TRACKER}?idsite=1&rec=1&download=https%3A%2F%2Fshop.example%2Fcat.pdf` },
      { event: 'download' },
    ],
    ['heart beat', { url: `${TRACKER}?idsite=1&rec=1&ping=1` }, { event: 'ping' }],
    [
      'piwik.php',
      { url: 'https://stats.shop.example/piwik.php?idsite=7&rec=1&action_name=Old' },
      { event: 'page_view', account: '7' },
    ],
    [
      'POST form body (matomo.js default)',
      {
        url: TRACKER,
        method: 'POST',
        body: 'action_name=Contact&idsite=5&rec=1&r=123&url=https%3A%2F%2Fshop.example%2Fcontact',
      },
      { event: 'page_view', account: '5', params: { page_title: 'Contact' } },
    ],
    [
      'truncated bulk body',
      { url: TRACKER, method: 'POST', body: '{"requests":["?idsite=1&rec=1&action_name=A","?idsite=1&re' },
      { event: undefined, partial: expect.stringContaining('bulk') as string },
    ],
    [
      'matomo.cloud library',
      { url: 'https://cdn.matomo.cloud/shop.matomo.cloud/matomo.js' },
      { event: 'library_load', params: { script: 'matomo.js', instance: 'shop.matomo.cloud' } },
    ],
    [
      'self-hosted library',
      { url: 'https://analytics.shop.example/matomo.js' },
      { event: 'library_load', params: { script: 'matomo.js' } },
    ],
    [
      'Matomo Tag Manager container',
      { url: 'https://cdn.matomo.cloud/shop.matomo.cloud/container_AbCd1234.js' },
      { event: 'library_load' },
    ],
    // Sparse requests: the tracker path with one of the Tracking API's own fields is still the tracker.
    [
      'sparse page view (action_name only)',
      { url: 'https://stats.shop.example/matomo.php?action_name=' },
      { event: 'page_view', account: undefined },
    ],
    [
      'sparse request naming the site',
      { url: 'https://shop.example/matomo.php?idsite=1' },
      { event: 'page_view', account: '1' },
    ],
    ['sparse request in a subfolder', { url: 'https://shop.example/matomo/piwik.php?rec=1' }, { event: 'page_view' }],
    ['sparse POST form body', { url: TRACKER, method: 'POST', body: 'e_c=Forms&e_a=Submit' }, { event: 'Submit' }],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'matomo', ...want }));

  it('reads a bulk request as one hit per request', () => {
    const body = JSON.stringify({
      requests: ['?idsite=1&rec=1&action_name=A', '?idsite=1&rec=1&e_c=Forms&e_a=Submit', '?idsite=2&rec=1&idgoal=4'],
    });
    const hits = decodeRequest({ url: TRACKER, method: 'POST', body });
    expect(hits.map((h) => [h.event, h.account])).toEqual([
      ['page_view', '1'],
      ['Submit', '1'],
      ['goal', '2'],
    ]);
  });

  it.each<HitRequest>([
    { url: 'https://shop.example/matomo.php' },
    { url: 'https://shop.example/matomo.php?page=2&url=https%3A%2F%2Fshop.example%2F' },
    { url: 'https://shop.example/matomo.php', method: 'POST', body: 'name=Jo&message=rec=1' },
    { url: 'https://shop.example/docs/matomo.php.html?idsite=1&rec=1' },
    { url: 'https://shop.example/js/matomo-setup.js' },
  ])('does not read $url as a Matomo hit', (req) =>
    expect(decodeRequest(req).filter((h) => h.vendor === 'matomo')).toEqual([]),
  );

  it('never fails on hostile bodies', () => {
    const bodies = fc.oneof(
      fc.string().map((s) => `idsite=1&rec=1&${s}`),
      fc.json().map((j) => `{"requests":${j}}`),
      fc.jsonValue().map((v) => JSON.stringify({ requests: [v, '?idsite=1&rec=1'] })),
    );
    fc.assert(
      fc.property(bodies, (body) => {
        for (const hit of decodeRequest({ url: TRACKER, method: 'POST', body }))
          expect(hit.partial ?? '').not.toMatch(/^decoder error/);
      }),
      { numRuns: 200 },
    );
  });
});
