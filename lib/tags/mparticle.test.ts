import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest, type TagHit } from '.';

// Request shapes from mParticle's Events API (JSON batch: events[].event_type, data.event_name, custom_attributes,
// product_action) and its Identity API (/v1/identify, /v1/login).
const KEY = 'us1-0123456789abcdef0123456789abcdef';
const EVENTS = `https://jssdks.mparticle.com/v3/JS/${KEY}/events`;

describe('mparticle', () => {
  it.each<[string, HitRequest, Partial<TagHit>]>([
    [
      'custom event',
      {
        url: EVENTS,
        method: 'POST',
        body: JSON.stringify({
          mpid: '-8812345678',
          events: [
            {
              event_type: 'custom_event',
              data: {
                event_name: 'Newsletter Signup',
                custom_event_type: 'other',
                custom_attributes: { placement: 'footer' },
              },
            },
          ],
        }),
      },
      {
        event: 'Newsletter Signup',
        account: KEY,
        params: { event_type: 'custom_event', custom_event_type: 'other', placement: 'footer', mpid: '-8812345678' },
      },
    ],
    [
      'screen view',
      {
        url: EVENTS,
        method: 'POST',
        body: JSON.stringify({
          events: [
            { event_type: 'screen_view', data: { screen_name: 'Product: Mug', custom_attributes: { sku: 'SKU1' } } },
          ],
        }),
      },
      { event: 'Product: Mug', account: KEY, params: { event_type: 'screen_view', sku: 'SKU1' } },
    ],
    [
      'commerce event',
      {
        url: EVENTS,
        method: 'POST',
        body: JSON.stringify({
          events: [
            {
              event_type: 'commerce_event',
              data: { product_action: { action: 'add_to_cart', products: [{ id: 'SKU1', price: 12.5, quantity: 2 }] } },
            },
          ],
        }),
      },
      {
        event: 'add_to_cart',
        account: KEY,
        params: { 'product_action.products.0.id': 'SKU1', 'product_action.products.0.price': '12.5' },
      },
    ],
    [
      'v2 page view',
      {
        url: `https://jssdks.mparticle.com/v2/JS/${KEY}/Events`,
        method: 'POST',
        body: '{"dt":"pv","n":"Home","attrs":{"hostname":"shop.example"},"mpid":"-88"}',
      },
      { event: 'Home', account: KEY, params: { event_type: 'screen_view', hostname: 'shop.example' } },
    ],
    [
      'login',
      {
        url: 'https://identity.mparticle.com/v1/login',
        method: 'POST',
        body: '{"previous_mpid":"-88","known_identities":{"email":"a@b.example","customerid":"c1"}}',
      },
      { event: 'login', params: { previous_mpid: '-88', 'identity.email': 'set', 'identity.customerid': 'set' } },
    ],
    [
      'library',
      { url: `https://jssdkcdns.mparticle.com/js/v2/${KEY}/mparticle.js` },
      { event: 'library_load', account: KEY },
    ],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'mparticle', ...want }));

  it('does not take an inherited name for a v2 message type', () => {
    const hit = decodeRequest({
      url: `https://jssdks.mparticle.com/v2/JS/${KEY}/Events`,
      method: 'POST',
      body: '{"dt":"constructor"}',
    })[0];
    expect(hit?.params.event_type).toBe('constructor');
  });

  it.each<HitRequest>([
    { url: `https://jssdkcdns.mparticle.com/JS/v2/${KEY}/config?env=0` },
    { url: `https://jssdks.mparticle.com/v2/JS/${KEY}/Forwarding`, method: 'POST', body: '{}' },
    { url: 'https://docs.mparticle.com/developers/sdk/web/getting-started/' },
  ])('does not read $url as an mParticle hit', (req) =>
    expect(decodeRequest(req).filter((h) => h.vendor === 'mparticle')).toEqual([]),
  );
});
