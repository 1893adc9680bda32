import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest, type TagHit } from '.';

// Request shapes from Tealium iQ (utag.js under /utag/<account>/<profile>/<env>/) and the Tealium Collect HTTP API.
const post = (url: string, body: unknown): HitRequest => ({
  url,
  method: 'POST',
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

describe('tealium', () => {
  it.each<[string, HitRequest, Partial<TagHit>]>([
    [
      'utag.js',
      { url: 'https://tags.tiqcdn.com/utag/acme/main/prod/utag.js' },
      { event: 'library_load', account: 'acme/main', params: { environment: 'prod', script: 'utag.js' } },
    ],
    [
      'utag.sync.js',
      { url: 'https://tags.tiqcdn.com/utag/acme/main/qa/utag.sync.js' },
      { event: 'library_load', account: 'acme/main', params: { environment: 'qa', script: 'utag.sync.js' } },
    ],
    [
      'first-party copy',
      { url: 'https://shop.example/static/utag/acme/web/dev/utag.js' },
      { event: 'library_load', account: 'acme/web' },
    ],
    [
      'Collect JSON',
      post('https://collect.tealiumiq.com/event', {
        tealium_account: 'acme',
        tealium_profile: 'main',
        tealium_event: 'purchase',
        tealium_visitor_id: 'v-1',
        tealium_datasource: 'ab12cd',
        order_id: 'O-1',
        order_total: 42,
      }),
      {
        event: 'purchase',
        account: 'acme/main',
        params: { order_id: 'O-1', order_total: '42', visitor_id: 'v-1', datasource: 'ab12cd' },
      },
    ],
    [
      'Collect GET',
      {
        url: 'https://collect.tealiumiq.com/event?tealium_account=acme&tealium_profile=main&tealium_event=page_view&page_name=home',
      },
      { event: 'page_view', account: 'acme/main', params: { page_name: 'home' } },
    ],
    [
      'Collect form body, regional host',
      post(
        'https://collect-eu-central-1.tealiumiq.com/event',
        'tealium_account=acme&tealium_profile=main&tealium_event=newsletter_signup',
      ),
      { event: 'newsletter_signup', account: 'acme/main' },
    ],
    [
      'older Collect tag, account in the path',
      { url: 'https://datacloud.tealiumiq.com/acme/main/2/i.gif?tealium_event=view&page_name=Home' },
      { event: 'view', account: 'acme/main', params: { page_name: 'Home' } },
    ],
    [
      'truncated JSON',
      post('https://collect.tealiumiq.com/event?tealium_account=acme', '{"tealium_profile":"main","tealium_ev'),
      { account: 'acme', partial: expect.stringContaining('JSON') as string },
    ],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'tealium', ...want }));

  it('reads a bulk request as one hit per event', () => {
    const hits = decodeRequest(
      post('https://collect.tealiumiq.com/bulk-event', {
        shared: { tealium_account: 'acme', tealium_profile: 'main' },
        events: [{ tealium_event: 'a' }, { tealium_event: 'b' }],
      }),
    );
    expect(hits.map((h) => [h.event, h.account])).toEqual([
      ['a', 'acme/main'],
      ['b', 'acme/main'],
    ]);
  });

  it.each<HitRequest>([
    { url: 'https://tags.tiqcdn.com/utag/acme/main/prod/utag.12.js' },
    { url: 'https://shop.example/js/utag.js' },
    { url: 'https://visitor-service.tealiumiq.com/acme/main/0123456789?callback=cb' },
    { url: 'https://tealium.com/products/' },
  ])('does not read $url as a Tealium hit', (req) =>
    expect(decodeRequest(req).filter((h) => h.vendor === 'tealium')).toEqual([]),
  );

  it('never fails on hostile bodies', () => {
    const bodies = fc.oneof(
      fc.string(),
      fc.json(),
      fc.jsonValue().map((v) => JSON.stringify({ shared: v, events: [v, { tealium_account: v }] })),
    );
    fc.assert(
      fc.property(bodies, (body) => {
        for (const url of ['https://collect.tealiumiq.com/event', 'https://collect.tealiumiq.com/bulk-event']) {
          for (const hit of decodeRequest({ url, method: 'POST', body }))
            expect(hit.partial ?? '').not.toMatch(/^decoder error/);
        }
      }),
      { numRuns: 200 },
    );
  });
});
