import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest } from '.';

// Request shapes of the TikTok Pixel: JSON POSTs to /api/v2/pixel (event, context.pixel.code, context.page,
// properties), batches to /pixel/batch, the base64 `analytics_message` GET, and the events.js library.
const event = (name: string, properties: object = {}, code = 'CJICGGJC77UDFRIUGGHG') => ({
  event: name,
  event_id: 'evt-1',
  message_id: 'm-1',
  timestamp: '2025-05-01T10:00:00.000Z',
  context: {
    pixel: { code },
    page: { url: 'https://shop.example/checkout', referrer: 'https://shop.example/cart' },
    library: { name: 'pixel.js', version: '2.2.1' },
    user: { email: 'a'.repeat(64) },
  },
  properties,
});
const post = (url: string, body: unknown): HitRequest => ({ url, method: 'POST', body: JSON.stringify(body) });

describe('tiktok', () => {
  it.each<[string, HitRequest, object]>([
    [
      'purchase',
      post(
        'https://analytics.tiktok.com/api/v2/pixel',
        event('CompletePayment', {
          value: 59.9,
          currency: 'EUR',
          contents: [{ content_id: 'SKU-1', quantity: 2, price: 29.95 }],
        }),
      ),
      {
        event: 'CompletePayment',
        account: 'CJICGGJC77UDFRIUGGHG',
        params: {
          value: '59.9',
          currency: 'EUR',
          'contents.0.content_id': 'SKU-1',
          page_url: 'https://shop.example/checkout',
          event_id: 'evt-1',
          library_version: '2.2.1',
        },
      },
    ],
    [
      'page view on /act',
      post('https://analytics.tiktok.com/api/v2/pixel/act', event('Pageview')),
      { event: 'Pageview', params: { referrer: 'https://shop.example/cart' } },
    ],
    [
      'hashed user data',
      post('https://analytics.tiktok.com/api/v2/pixel', event('SubmitForm')),
      { event: 'SubmitForm', params: { 'user_data.email': 'a'.repeat(64) } },
    ],
    [
      'older /api/v1/track',
      post('https://analytics.tiktok.com/api/v1/track', event('AddToCart', {}, 'BT24M8TQUU2IQ2BVG9NG')),
      { event: 'AddToCart', account: 'BT24M8TQUU2IQ2BVG9NG' },
    ],
    [
      'pixel code from codes when code is missing',
      post('https://analytics.tiktok.com/api/v2/pixel', {
        event: 'Search',
        context: { pixel: { codes: 'CAAA|CBBB' } },
      }),
      { event: 'Search', account: 'CAAA' },
    ],
    [
      'base64 GET',
      {
        url: `https://analytics.tiktok.com/api/v2/pixel?analytics_message=${encodeURIComponent(Buffer.from(JSON.stringify(event('ViewContent'))).toString('base64'))}`,
      },
      { event: 'ViewContent', account: 'CJICGGJC77UDFRIUGGHG' },
    ],
    [
      'body cut at the capture limit',
      {
        url: 'https://analytics.tiktok.com/api/v2/pixel?sdkid=CCUT',
        method: 'POST',
        body: JSON.stringify(event('Contact')).slice(0, 80),
      },
      { account: 'CCUT', partial: expect.stringContaining('not valid JSON') },
    ],
    [
      'beacon whose body the browser did not give',
      { url: 'https://analytics.tiktok.com/api/v2/pixel', method: 'POST', type: 'ping' },
      { partial: 'request body not available' },
    ],
    [
      'library',
      { url: 'https://analytics.tiktok.com/i18n/pixel/events.js?sdkid=CJICGGJC77UDFRIUGGHG&lib=ttq' },
      { event: 'library_load', account: 'CJICGGJC77UDFRIUGGHG' },
    ],
    [
      'library chunk',
      { url: 'https://analytics.tiktok.com/i18n/pixel/static/main.MTc0NjE.js' },
      { event: 'library_load' },
    ],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'tiktok', ...want }));

  it('reads one hit per event of a batch', () => {
    const hits = decodeRequest(
      post('https://analytics.tiktok.com/api/v2/pixel/batch', {
        batch: [event('ViewContent'), event('AddToCart', { value: 5 }), event('InitiateCheckout')],
      }),
    );
    expect(hits.map((h) => [h.event, h.account])).toEqual([
      ['ViewContent', 'CJICGGJC77UDFRIUGGHG'],
      ['AddToCart', 'CJICGGJC77UDFRIUGGHG'],
      ['InitiateCheckout', 'CJICGGJC77UDFRIUGGHG'],
    ]);
    expect(hits[1]?.params.value).toBe('5');
  });

  it.each([
    'https://www.tiktok.com/@someone/video/123',
    'https://analytics.tiktok.com/api/v2/pixel/perf',
    'https://analytics.tiktok.com/api/v2/monitor',
    'https://analytics.tiktok.com.evil.example/api/v2/pixel',
    'https://notanalytics.tiktok.example/api/v2/pixel',
    'https://analytics.tiktok.com/i18n/pixel/events.js?sdkid=C1',
  ])('does not read %s as an event', (url) =>
    expect(
      decodeRequest({ url, method: 'POST', body: JSON.stringify(event('Lead')) }).filter(
        (h) => h.vendor === 'tiktok' && h.event !== 'library_load',
      ),
    ).toEqual([]),
  );
});
