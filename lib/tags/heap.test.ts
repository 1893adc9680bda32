import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest, type TagHit } from '.';

// Request shapes from Heap's snippet (heap-<app id>.js), its /h page-view beacon and the documented /api/track.
const post = (url: string, body: unknown): HitRequest => ({
  url,
  method: 'POST',
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

describe('heap', () => {
  it.each<[string, HitRequest, Partial<TagHit>]>([
    [
      'page view beacon',
      {
        url: 'https://heapanalytics.com/h?a=352269000&u=8340303237011266&v=1666233288931105&s=5839986596567654&b=web&tv=4.0&h=%2Fpricing&t=Pricing&d=shop.example',
      },
      {
        event: 'page_view',
        account: '352269000',
        params: {
          user_id: '8340303237011266',
          session_id: '5839986596567654',
          pageview_id: '1666233288931105',
          platform: 'web',
          page_path: '/pricing',
          page_title: 'Pricing',
          domain: 'shop.example',
        },
      },
    ],
    [
      'server-side track',
      post('https://heapanalytics.com/api/track', {
        app_id: '11',
        identity: 'user-11',
        event: 'Send Transactional Email',
        properties: { subject: 'Welcome', variation: 'A' },
      }),
      {
        event: 'Send Transactional Email',
        account: '11',
        params: { identity: 'user-11', subject: 'Welcome', variation: 'A' },
      },
    ],
    [
      'server-side track, EU',
      post('https://c.eu.heap-api.com/api/track', { app_id: '12', identity: 'u', event: 'Upgraded' }),
      { event: 'Upgraded', account: '12' },
    ],
    [
      'user properties',
      post('https://heapanalytics.com/api/add_user_properties', {
        app_id: '11',
        identity: 'u',
        properties: { plan: 'pro' },
      }),
      { event: 'add_user_properties', params: { plan: 'pro' } },
    ],
    [
      'Heap 5 binary capture',
      post('https://c.us.heap-api.com/api/capture/v2/track', '\u0000\u0001\u0002binary'),
      { event: 'track', partial: 'compressed or binary body' },
    ],
    ['Heap 5 page view', post('https://c.us.heap-api.com/api/capture/v2/pageview', '\u0000'), { event: 'page_view' }],
    [
      'truncated track body',
      post('https://heapanalytics.com/api/track', '{"app_id":"11","event":"Se'),
      { partial: expect.any(String) as string },
    ],
    [
      'classic library',
      { url: 'https://cdn.heapanalytics.com/js/heap-352269000.js' },
      { event: 'library_load', account: '352269000' },
    ],
    [
      'Heap 5 library',
      { url: 'https://cdn.us.heap-api.com/config/1234567890/heap_config.js' },
      { event: 'library_load', account: '1234567890' },
    ],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'heap', ...want }));

  it.each<HitRequest>([
    { url: 'https://heapanalytics.com/docs' },
    { url: 'https://www.heap.io/pricing' },
    { url: 'https://shop.example/h?a=352269000' },
    { url: 'https://heapanalytics.com/api/partner/v1/events?app_id=1' },
    { url: 'https://cdn.heapanalytics.com/images/logo.png' },
  ])('does not read $url as a Heap hit', (req) =>
    expect(decodeRequest(req).filter((h) => h.vendor === 'heap')).toEqual([]),
  );

  it('never fails on hostile input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), fc.string(), (body, query) => {
        for (const url of [
          'https://heapanalytics.com/api/track',
          `https://heapanalytics.com/h?${query}`,
          'https://c.us.heap-api.com/api/capture/v2/x',
        ]) {
          for (const hit of decodeRequest({ url, method: 'POST', body }))
            expect(hit.partial ?? '').not.toMatch(/^decoder error/);
        }
      }),
      { numRuns: 200 },
    );
  });
});
