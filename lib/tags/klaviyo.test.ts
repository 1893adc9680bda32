import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest, type TagHit } from '.';

// Request shapes from Klaviyo's client APIs (JSON:API bodies, company_id in the query) and the legacy /api/track.
const post = (url: string, body: unknown): HitRequest => ({
  url,
  method: 'POST',
  body: typeof body === 'string' ? body : JSON.stringify(body),
});
const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64');
const EVENTS = 'https://a.klaviyo.com/client/events/?company_id=AbC123';

describe('klaviyo', () => {
  it.each<[string, HitRequest, Partial<TagHit>]>([
    [
      'client event',
      post(EVENTS, {
        data: {
          type: 'event',
          attributes: {
            metric: { data: { type: 'metric', attributes: { name: 'Added to Cart' } } },
            profile: { data: { type: 'profile', attributes: { email: 'sarah@example.com' } } },
            properties: { ProductName: 'Winnie the Pooh', ProductID: 1111 },
            value: 9.99,
            value_currency: 'USD',
            unique_id: 'ev-1',
          },
        },
      }),
      {
        event: 'Added to Cart',
        account: 'AbC123',
        params: {
          ProductName: 'Winnie the Pooh',
          ProductID: '1111',
          value: '9.99',
          currency: 'USD',
          event_id: 'ev-1',
          'profile.email': 'sarah@example.com',
        },
      },
    ],
    [
      'client event, 2023 revision',
      post(EVENTS, {
        data: {
          type: 'event',
          attributes: {
            metric: { name: 'Viewed Product' },
            profile: { $email: 'm@example.com' },
            properties: { Brand: 'Kids Book' },
          },
        },
      }),
      { event: 'Viewed Product', params: { Brand: 'Kids Book', 'profile.$email': 'm@example.com' } },
    ],
    [
      'profile',
      post('https://a.klaviyo.com/client/profiles/?company_id=AbC123', {
        data: { type: 'profile', attributes: { email: 'a@example.com', first_name: 'Ann' } },
      }),
      { event: 'identify', account: 'AbC123', params: { email: 'a@example.com', first_name: 'Ann' } },
    ],
    [
      'subscription',
      post('https://a.klaviyo.com/client/subscriptions/?company_id=AbC123', {
        data: {
          type: 'subscription',
          attributes: { profile: { data: { type: 'profile', attributes: { email: 'a@example.com' } } } },
          relationships: { list: { data: { type: 'list', id: 'Y6nRLr' } } },
        },
      }),
      { event: 'subscribe', params: { list_id: 'Y6nRLr' } },
    ],
    [
      'legacy track',
      {
        url: `https://a.klaviyo.com/api/track?data=${encodeURIComponent(b64({ token: 'PK1', event: 'Viewed Product', customer_properties: { $email: 'a@example.com' }, properties: { ProductID: 1 } }))}`,
      },
      { event: 'Viewed Product', account: 'PK1', params: { ProductID: '1', 'customer.$email': 'a@example.com' } },
    ],
    [
      'legacy track, image pixel with i=1',
      { url: `https://a.klaviyo.com/api/track?i=1&data=${b64({ token: 'PK1', event: 'Started Checkout' })}` },
      { event: 'Started Checkout', account: 'PK1' },
    ],
    [
      'legacy identify',
      {
        url: `https://a.klaviyo.com/api/identify?data=${encodeURIComponent(b64({ token: 'PK1', properties: { $email: 'a@example.com' } }))}`,
      },
      { event: 'identify', account: 'PK1' },
    ],
    [
      'truncated client event',
      post(EVENTS, '{"data":{"type":"event","attributes":{"metric":{"da'),
      { account: 'AbC123', partial: expect.stringContaining('JSON:API') as string },
    ],
    [
      'legacy track with broken data',
      { url: 'https://a.klaviyo.com/api/track?data=***' },
      { partial: expect.any(String) as string },
    ],
    [
      'onsite library',
      { url: 'https://static.klaviyo.com/onsite/js/klaviyo.js?company_id=AbC123' },
      { event: 'library_load', account: 'AbC123' },
    ],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'klaviyo', ...want }));

  it.each<HitRequest>([
    { url: 'https://www.klaviyo.com/pricing' },
    { url: 'https://static.klaviyo.com/onsite/js/vendors~signup_forms.js' },
    { url: 'https://a.klaviyo.com/forms/api/v7/AbC123/full-forms' },
    { url: 'https://a.klaviyo.com/api/onsite/coupon-code' },
    post('https://a.klaviyo.com/client/unknown/?company_id=AbC123', {}),
    { url: 'https://shop.example/client/events/?company_id=AbC123' },
  ])('does not read $url as a Klaviyo hit', (req) =>
    expect(decodeRequest(req).filter((h) => h.vendor === 'klaviyo')).toEqual([]),
  );

  it('never fails on hostile bodies', () => {
    const bodies = fc.oneof(
      fc.string(),
      fc.json(),
      fc
        .jsonValue()
        .map((v) =>
          JSON.stringify({ data: { attributes: { metric: v, profile: v, properties: v }, relationships: v } }),
        ),
    );
    fc.assert(
      fc.property(bodies, (body) => {
        const requests: HitRequest[] = [
          post(EVENTS, body),
          post('https://a.klaviyo.com/client/subscriptions/?company_id=X', body),
          post('https://a.klaviyo.com/api/track', `data=${encodeURIComponent(b64(body))}`),
        ];
        for (const req of requests)
          for (const hit of decodeRequest(req)) expect(hit.partial ?? '').not.toMatch(/^decoder error/);
      }),
      { numRuns: 200 },
    );
  });
});
