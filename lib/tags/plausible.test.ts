import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest, type TagHit } from '.';

// Request shapes from Plausible's tracker: POST /api/event with {n, u, d, r, w, h, p}.
const post = (url: string, body: unknown): HitRequest => ({
  url,
  method: 'POST',
  body: typeof body === 'string' ? body : JSON.stringify(body),
});
const EVENT = 'https://plausible.io/api/event';

describe('plausible', () => {
  it.each<[string, HitRequest, Partial<TagHit>]>([
    [
      'page view',
      post(EVENT, {
        n: 'pageview',
        u: 'https://shop.example/pricing',
        d: 'shop.example',
        r: 'https://www.google.com/',
        w: 1280,
        h: 0,
      }),
      {
        event: 'pageview',
        account: 'shop.example',
        params: {
          page_url: 'https://shop.example/pricing',
          referrer: 'https://www.google.com/',
          screen_width: '1280',
          hash_mode: '0',
        },
      },
    ],
    [
      'custom event, props as a JSON string',
      post(EVENT, { n: 'Signup', u: 'https://shop.example/', d: 'shop.example', r: null, p: '{"plan":"pro"}' }),
      { event: 'Signup', params: { plan: 'pro' } },
    ],
    [
      'props as an object, with revenue',
      post(EVENT, {
        n: 'Purchase',
        u: 'https://shop.example/thanks',
        d: 'shop.example',
        p: { method: 'card' },
        $: { amount: '9.99', currency: 'EUR' },
      }),
      { event: 'Purchase', params: { method: 'card', 'revenue.amount': '9.99', 'revenue.currency': 'EUR' } },
    ],
    [
      'self-hosted instance',
      post('https://stats.shop.example/api/event', { n: 'pageview', u: 'https://shop.example/', d: 'shop.example' }),
      { event: 'pageview', account: 'shop.example' },
    ],
    [
      'first-party proxy',
      post('https://shop.example/pa/api/event', {
        n: 'Outbound Link: Click',
        u: 'https://shop.example/',
        d: 'shop.example',
        p: { url: 'https://partner.example/' },
      }),
      { event: 'Outbound Link: Click', params: { url: 'https://partner.example/' } },
    ],
    [
      'truncated body',
      post(EVENT, '{"n":"pageview","u":"https://sh'),
      { partial: expect.stringContaining('JSON') as string },
    ],
    [
      'library',
      { url: 'https://plausible.io/js/script.js' },
      { event: 'library_load', params: { script: 'script.js' } },
    ],
    [
      'library with extensions',
      { url: 'https://plausible.io/js/script.outbound-links.tagged-events.js' },
      { event: 'library_load', params: { extensions: 'outbound-links,tagged-events' } },
    ],
    [
      'per-site script',
      { url: 'https://plausible.io/js/pa-XyZ12.js' },
      { event: 'library_load', params: { script: 'pa-XyZ12.js' } },
    ],
    ['self-hosted library', { url: 'https://stats.shop.example/js/plausible.js' }, { event: 'library_load' }],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'plausible', ...want }));

  it.each<HitRequest>([
    post('https://shop.example/api/event', { name: 'signup', payload: { plan: 'pro' } }),
    post('https://shop.example/api/event', 'title=hello'),
    { url: 'https://shop.example/api/event' },
    post('https://shop.example/api/events', { n: 'pageview', u: 'https://shop.example/' }),
    { url: 'https://shop.example/js/script.js' },
    { url: 'https://plausible.io/docs/events-api' },
  ])('does not read $url as a Plausible hit', (req) =>
    expect(decodeRequest(req).filter((h) => h.vendor === 'plausible')).toEqual([]),
  );

  it('never fails on hostile bodies', () => {
    const bodies = fc.oneof(
      fc.string(),
      fc.json(),
      fc.jsonValue().map((v) => JSON.stringify({ n: v, u: v, d: v, p: v, $: v })),
    );
    fc.assert(
      fc.property(bodies, (body) => {
        for (const url of [EVENT, 'https://shop.example/api/event']) {
          for (const hit of decodeRequest({ url, method: 'POST', body }))
            expect(hit.partial ?? '').not.toMatch(/^decoder error/);
        }
      }),
      { numRuns: 200 },
    );
  });
});
