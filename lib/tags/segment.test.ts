import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest, type TagHit } from '.';

// Request shapes from Segment's HTTP Tracking API and the analytics.js snippet: Spec messages POSTed as JSON.
const post = (url: string, body: unknown): HitRequest => ({
  url,
  method: 'POST',
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

describe('segment', () => {
  it.each<[string, HitRequest, Partial<TagHit>]>([
    [
      'track',
      post('https://api.segment.io/v1/t', {
        type: 'track',
        event: 'Order Completed',
        properties: { revenue: 42, currency: 'EUR' },
        anonymousId: 'anon-1',
        writeKey: 'WK1',
        context: {
          page: { url: 'https://shop.example/checkout', title: 'Checkout' },
          library: { name: 'analytics.js', version: 'next-1.70.0' },
        },
      }),
      {
        event: 'Order Completed',
        account: 'WK1',
        params: {
          revenue: '42',
          currency: 'EUR',
          anonymous_id: 'anon-1',
          page_url: 'https://shop.example/checkout',
          page_title: 'Checkout',
          library: 'analytics.js next-1.70.0',
        },
      },
    ],
    [
      'page',
      post('https://api.segment.io/v1/p', { type: 'page', name: 'Pricing', properties: { path: '/pricing' } }),
      { event: 'page', params: { page_name: 'Pricing', path: '/pricing' } },
    ],
    [
      'identify named by the path',
      post('https://api.segment.io/v1/identify', { userId: 'u-1', traits: { plan: 'pro' } }),
      { event: 'identify', params: { user_id: 'u-1', 'traits.plan': 'pro' } },
    ],
    [
      'track named by the short path',
      post('https://api.segment.io/v1/t', { event: 'Signed Up' }),
      { event: 'Signed Up' },
    ],
    [
      'group',
      post('https://api.segment.io/v1/g', { type: 'group', groupId: 'g-1', traits: { name: 'Acme' } }),
      { event: 'group', params: { group_id: 'g-1', 'traits.name': 'Acme' } },
    ],
    [
      'EU endpoint',
      post('https://events.eu1.segmentapis.com/v1/t', { type: 'track', event: 'Product Added' }),
      { event: 'Product Added' },
    ],
    [
      'library',
      { url: 'https://cdn.segment.com/analytics.js/v1/WK123/analytics.min.js' },
      { event: 'library_load', account: 'WK123' },
    ],
    [
      'library through a first-party proxy',
      { url: 'https://cdn.shop.example/analytics.js/v1/WK9/analytics.min.js' },
      { event: 'library_load', account: 'WK9' },
    ],
    [
      'truncated body',
      post('https://api.segment.io/v1/t', '{"type":"track","event":"Order Comp'),
      { event: undefined, partial: expect.stringContaining('JSON') as string },
    ],
    [
      'truncated page body keeps the call type',
      post('https://api.segment.io/v1/p', '{"type":"page","na'),
      { event: 'page', partial: expect.any(String) as string },
    ],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'segment', ...want }));

  it('reads a batch as one hit per message', () => {
    const hits = decodeRequest(
      post('https://api.segment.io/v1/batch', {
        writeKey: 'WK2',
        batch: [
          { type: 'track', event: 'Product Viewed', properties: { sku: 'S1' } },
          { type: 'page', name: 'Home' },
          { type: 'identify', userId: 'u-2' },
        ],
      }),
    );
    expect(hits.map((h) => [h.event, h.account])).toEqual([
      ['Product Viewed', 'WK2'],
      ['page', 'WK2'],
      ['identify', 'WK2'],
    ]);
    expect(hits[0]?.params).toMatchObject({ sku: 'S1' });
  });

  it.each<HitRequest>([
    post('https://api.segment.io/v1/m', { series: [] }),
    { url: 'https://cdn.segment.com/v1/projects/WK1/settings' },
    post('https://shop.example/v1/t', { type: 'track', event: 'x' }),
    { url: 'https://shop.example/analytics.js/v1/' },
    post('https://notsegment.io/v1/t', { type: 'track', event: 'x' }),
  ])('does not read $url as a Segment hit', (req) =>
    expect(decodeRequest(req).filter((h) => h.vendor === 'segment')).toEqual([]),
  );

  it('never fails on hostile bodies', () => {
    const bodies = fc.oneof(
      fc.string(),
      fc.json(),
      fc.jsonValue().map((v) => JSON.stringify({ batch: [v, { properties: v, traits: v, context: v }], type: v })),
    );
    fc.assert(
      fc.property(bodies, (body) => {
        for (const url of ['https://api.segment.io/v1/t', 'https://api.segment.io/v1/batch']) {
          for (const hit of decodeRequest({ url, method: 'POST', body }))
            expect(hit.partial ?? '').not.toMatch(/^decoder error/);
        }
      }),
      { numRuns: 200 },
    );
  });
});
