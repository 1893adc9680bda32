import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest } from '.';

// Request shapes of Customer.io: the Data Pipelines snippet and its Segment-Spec calls on cdp.customer.io; the classic
// track.js and the documented Track API (v1 customers/events, v2 entity and batch) on track.customer.io.
const WRITE_KEY = 'cio_wk_9f8e7d6c5b4a';

describe('customer-io', () => {
  it.each<[string, HitRequest, object]>([
    [
      'Data Pipelines track call',
      {
        url: 'https://cdp.customer.io/v1/t',
        method: 'POST',
        body: JSON.stringify({
          type: 'track',
          event: 'Signed Up',
          writeKey: WRITE_KEY,
          anonymousId: 'a-1',
          properties: { plan: 'pro' },
        }),
      },
      { event: 'Signed Up', account: WRITE_KEY, params: { plan: 'pro', anonymous_id: 'a-1' } },
    ],
    [
      'Data Pipelines page call, EU',
      {
        url: 'https://cdp-eu.customer.io/v1/p',
        method: 'POST',
        body: JSON.stringify({
          type: 'page',
          name: 'Pricing',
          writeKey: WRITE_KEY,
          context: { page: { url: 'https://shop.example/pricing' } },
        }),
      },
      { event: 'page', account: WRITE_KEY, params: { page_name: 'Pricing', page_url: 'https://shop.example/pricing' } },
    ],
    [
      'classic snippet page view',
      {
        url: 'https://track.customer.io/events/page.gif?name=%2Fpricing&s=6a1b2c3d4e5f&r=https%3A%2F%2Fwww.google.com%2F',
      },
      { event: 'page', account: '6a1b2c3d4e5f', params: { page: '/pricing', r: 'https://www.google.com/' } },
    ],
    [
      'classic snippet event',
      { url: 'https://track-eu.customer.io/events/track.gif?name=newsletter_signup&s=6a1b2c3d4e5f' },
      { event: 'newsletter_signup', account: '6a1b2c3d4e5f', params: {} },
    ],
    [
      'Track API event of a person',
      {
        url: 'https://track.customer.io/api/v1/customers/u-42/events',
        method: 'POST',
        body: JSON.stringify({ name: 'purchase', data: { price: 23.45, product: 'socks' } }),
      },
      { event: 'purchase', params: { customer_id: 'u-42', 'data.price': '23.45', 'data.product': 'socks' } },
    ],
    [
      'Track API anonymous event',
      {
        url: 'https://track-eu.customer.io/api/v1/events',
        method: 'POST',
        body: JSON.stringify({ name: 'newsletter_signup', anonymous_id: 'a-9', data: {} }),
      },
      { event: 'newsletter_signup', params: { anonymous_id: 'a-9' } },
    ],
    [
      'Track API identify',
      {
        url: 'https://track.customer.io/api/v1/customers/u-42',
        method: 'PUT',
        body: JSON.stringify({ email: 'ada@shop.example', plan: 'pro' }),
      },
      { event: 'identify', params: { customer_id: 'u-42', email: 'ada@shop.example' } },
    ],
    [
      'Track API v2 entity event',
      {
        url: 'https://track.customer.io/api/v2/entity',
        method: 'POST',
        body: JSON.stringify({
          type: 'person',
          identifiers: { id: 'u-42' },
          action: 'event',
          name: 'demo_requested',
          attributes: { size: 50 },
        }),
      },
      { event: 'demo_requested', params: { 'identifiers.id': 'u-42', 'attributes.size': '50', type: 'person' } },
    ],
    [
      'Data Pipelines snippet',
      { url: `https://cdp.customer.io/v1/analytics-js/snippet/${WRITE_KEY}/analytics.min.js` },
      { event: 'library_load', account: WRITE_KEY },
    ],
    [
      'classic library',
      { url: 'https://assets.customer.io/assets/track.js' },
      { event: 'library_load', params: { script: 'track.js' } },
    ],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'customer-io', ...want }));

  it('reads one hit per entity of a v2 batch', () => {
    const body = JSON.stringify({
      batch: [
        { type: 'person', identifiers: { id: '1' }, action: 'identify' },
        { type: 'person', identifiers: { id: '1' }, action: 'page', name: '/pricing' },
      ],
    });
    expect(
      decodeRequest({ url: 'https://track.customer.io/api/v2/batch', method: 'POST', body }).map((h) => h.event),
    ).toEqual(['identify', '/pricing']);
  });

  it.each([
    `https://cdp.customer.io/v1/projects/${WRITE_KEY}/settings`,
    // An Object member is no Spec call type.
    'https://cdp.customer.io/v1/constructor',
    'https://customer.io/docs/journeys/',
    'https://track.customer.io/api/v1/other',
    'https://cdp.customer.io.evil.example/v1/t',
    'https://assets.customer.io/assets/track.js',
  ])('does not read %s as an event', (url) =>
    expect(decodeRequest({ url }).filter((h) => h.vendor === 'customer-io' && h.event !== 'library_load')).toEqual([]),
  );
});
