import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest, type TagHit } from '.';

// Request shapes from RudderStack's JavaScript SDK: Segment-Spec JSON POSTed to the data plane's /v1/<call>.
const PLANE = 'https://acmeabc.dataplane.rudderstack.com';
const post = (url: string, body: unknown): HitRequest => ({
  url,
  method: 'POST',
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

describe('rudderstack', () => {
  it.each<[string, HitRequest, Partial<TagHit>]>([
    [
      'track',
      post(`${PLANE}/v1/track`, {
        type: 'track',
        event: 'Product Added',
        properties: { sku: 'S1', price: 9.5 },
        anonymousId: 'a-1',
        channel: 'web',
      }),
      {
        event: 'Product Added',
        account: undefined,
        params: { sku: 'S1', price: '9.5', anonymous_id: 'a-1', channel: 'web' },
      },
    ],
    [
      'page',
      post(`${PLANE}/v1/page`, { type: 'page', name: 'Home', properties: { url: 'https://shop.example/' } }),
      { event: 'page', params: { page_name: 'Home', url: 'https://shop.example/' } },
    ],
    [
      'identify on the legacy hosted plane',
      post('https://hosted.rudderlabs.com/v1/identify', { type: 'identify', userId: 'u-1', traits: { plan: 'pro' } }),
      { event: 'identify', params: { user_id: 'u-1', 'traits.plan': 'pro' } },
    ],
    [
      'write key in the body',
      post(`${PLANE}/v1/track`, { type: 'track', event: 'Signed Up', writeKey: 'WK-R' }),
      { event: 'Signed Up', account: 'WK-R' },
    ],
    [
      'truncated body',
      post(`${PLANE}/v1/track`, '{"type":"track","event":"Pro'),
      { partial: expect.any(String) as string },
    ],
    [
      'SDK v3',
      { url: 'https://cdn.rudderlabs.com/v3/modern/rsa.min.js' },
      { event: 'library_load', params: { script: 'rsa.min.js', sdk_version: 'v3' } },
    ],
    [
      'SDK v1.1',
      { url: 'https://cdn.rudderlabs.com/v1.1/rudder-analytics.min.js' },
      { event: 'library_load', params: { script: 'rudder-analytics.min.js' } },
    ],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'rudderstack', ...want }));

  it('reads a batch as one hit per message', () => {
    const hits = decodeRequest(
      post(`${PLANE}/v1/batch`, {
        batch: [
          { type: 'track', event: 'A' },
          { type: 'track', event: 'B' },
          { type: 'page', name: 'P' },
        ],
        sentAt: '2025-01-01T00:00:00Z',
      }),
    );
    expect(hits.map((h) => h.event)).toEqual(['A', 'B', 'page']);
    expect(hits.every((h) => h.vendor === 'rudderstack')).toBe(true);
  });

  it.each<HitRequest>([
    { url: 'https://cdn.rudderlabs.com/v3/modern/plugins/rsa-plugins-remote-XhrQueue.min.js' },
    { url: 'https://api.rudderstack.com/sourceConfig/?p=cdn&v=3.7.0&writeKey=WK' },
    { url: 'https://www.rudderstack.com/docs/' },
    post('https://shop.example/v1/track', { type: 'track', event: 'x' }),
    post(`${PLANE}/v1/unknown`, { type: 'track', event: 'x' }),
  ])('does not read $url as a RudderStack hit', (req) =>
    expect(decodeRequest(req).filter((h) => h.vendor === 'rudderstack')).toEqual([]),
  );

  it('never fails on hostile bodies', () => {
    const bodies = fc.oneof(
      fc.string(),
      fc.json(),
      fc.jsonValue().map((v) => JSON.stringify({ batch: [v, { properties: v, context: v }], writeKey: v })),
    );
    fc.assert(
      fc.property(bodies, (body) => {
        for (const url of [`${PLANE}/v1/track`, `${PLANE}/v1/batch`]) {
          for (const hit of decodeRequest({ url, method: 'POST', body }))
            expect(hit.partial ?? '').not.toMatch(/^decoder error/);
        }
      }),
      { numRuns: 200 },
    );
  });
});
