import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest, type TagHit } from '.';

// Request shapes from Amplitude's HTTP V2 API reference and the legacy JS SDK's form upload.
const post = (url: string, body: unknown): HitRequest => ({
  url,
  method: 'POST',
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

describe('amplitude', () => {
  it.each<[string, HitRequest, Partial<TagHit>]>([
    [
      'HTTP V2',
      post('https://api2.amplitude.com/2/httpapi', {
        api_key: 'KEY1',
        events: [
          {
            event_type: 'Add to Cart',
            user_id: 'u-1',
            device_id: 'd-1',
            session_id: 1700000000000,
            event_properties: { sku: 'S1', price: 9.5 },
            user_properties: { plan: 'pro' },
          },
        ],
      }),
      {
        event: 'Add to Cart',
        account: 'KEY1',
        params: {
          sku: 'S1',
          price: '9.5',
          user_id: 'u-1',
          device_id: 'd-1',
          session_id: '1700000000000',
          'user.plan': 'pro',
        },
      },
    ],
    [
      'Browser SDK page view on the EU host',
      post('https://api.eu.amplitude.com/2/httpapi', {
        api_key: 'KEY-EU',
        events: [{ event_type: '[Amplitude] Page Viewed', event_properties: { '[Amplitude] Page Path': '/pricing' } }],
      }),
      { event: '[Amplitude] Page Viewed', account: 'KEY-EU', params: { '[Amplitude] Page Path': '/pricing' } },
    ],
    [
      'legacy form upload',
      post(
        'https://api.amplitude.com/',
        `client=KEY2&e=${encodeURIComponent(JSON.stringify([{ event_type: 'session_start', device_id: 'd-2' }]))}&v=2&upload_time=1700000000000&checksum=abc`,
      ),
      { event: 'session_start', account: 'KEY2', params: { device_id: 'd-2' } },
    ],
    [
      'truncated body',
      post('https://api2.amplitude.com/2/httpapi', '{"api_key":"KEY1","events":[{"event_ty'),
      { partial: expect.stringContaining('JSON') as string },
    ],
    [
      'truncated legacy events',
      post('https://api.amplitude.com/', 'client=KEY2&e=%5B%7B%22event_type%22%3A%22ses'),
      { account: 'KEY2', partial: expect.any(String) as string },
    ],
    [
      'SDK build',
      { url: 'https://cdn.amplitude.com/libs/analytics-browser-2.11.1-min.js.gz' },
      { event: 'library_load', params: { script: 'analytics-browser-2.11.1-min.js.gz' } },
    ],
    [
      'unified snippet names the project',
      { url: 'https://cdn.amplitude.com/script/0123456789abcdef.js' },
      { event: 'library_load', account: '0123456789abcdef' },
    ],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'amplitude', ...want }));

  it('reads a batch as one hit per event', () => {
    const hits = decodeRequest(
      post('https://api2.amplitude.com/batch', { api_key: 'K', events: [{ event_type: 'A' }, { event_type: 'B' }] }),
    );
    expect(hits.map((h) => [h.event, h.account])).toEqual([
      ['A', 'K'],
      ['B', 'K'],
    ]);
  });

  it.each<HitRequest>([
    { url: 'https://api2.amplitude.com/' },
    post('https://api.amplitude.com/', 'foo=bar'),
    { url: 'https://amplitude.com/pricing' },
    post('https://shop.example/2/httpapi', { api_key: 'K', events: [{ event_type: 'x' }] }),
    post('https://api2.amplitude.com/sr/config', '{}'),
  ])('does not read $url as an Amplitude hit', (req) =>
    expect(decodeRequest(req).filter((h) => h.vendor === 'amplitude')).toEqual([]),
  );

  it('never fails on hostile bodies', () => {
    const bodies = fc.oneof(
      fc.string(),
      fc.json(),
      fc
        .jsonValue()
        .map((v) => JSON.stringify({ api_key: v, events: [v, { event_properties: v, user_properties: v }] })),
    );
    fc.assert(
      fc.property(bodies, (body) => {
        for (const req of [
          post('https://api2.amplitude.com/2/httpapi', body),
          post('https://api.amplitude.com/', `client=K&e=${encodeURIComponent(body)}`),
        ]) {
          for (const hit of decodeRequest(req)) expect(hit.partial ?? '').not.toMatch(/^decoder error/);
        }
      }),
      { numRuns: 200 },
    );
  });
});
