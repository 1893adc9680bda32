import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest, type TagHit } from '.';

// The script URLs follow Dynamic Yield's installation snippet (cdn.dynamicyield.com/api/<site id>/api_dynamic.js and
// api_static.js); event bodies carry DY.API('evt', {name, properties}) as its JavaScript API documents them — the
// collector's own field layout is not documented, so the cases check both readings the decoder tries.
describe('dynamic-yield', () => {
  it.each<[string, HitRequest, Partial<TagHit>]>([
    [
      'custom event, JSON',
      {
        url: 'https://async-px.dynamicyield.com/dpx',
        method: 'POST',
        body: '{"sec":"8765432","name":"Newsletter Subscription","properties":{"dyType":"newsletter-subscription-v1","hashedEmail":"5e88"}}',
      },
      {
        event: 'Newsletter Subscription',
        account: '8765432',
        params: { 'properties.dyType': 'newsletter-subscription-v1', endpoint: 'dpx' },
      },
    ],
    [
      'add to cart, form fields',
      {
        url: 'https://async-px-eu.dynamicyield.com/dpx?sec=8765432',
        method: 'POST',
        body: 'ev=Add%20to%20Cart&dyType=add-to-cart-v1&value=12.5&currency=EUR&productId=SKU1',
      },
      {
        event: 'Add to Cart',
        account: '8765432',
        params: { dyType: 'add-to-cart-v1', value: '12.5', currency: 'EUR', productId: 'SKU1' },
      },
    ],
    [
      'user interaction',
      {
        url: 'https://async-px.dynamicyield.com/uia?cnst=1&_=1763884800123&sec=8765432',
        method: 'POST',
        body: '{"properties":{"dyType":"purchase-v1","value":59.8}}',
      },
      { event: 'purchase-v1', account: '8765432', params: { 'properties.value': '59.8', endpoint: 'uia' } },
    ],
    [
      'dynamic script',
      { url: 'https://cdn.dynamicyield.com/api/8765432/api_dynamic.js' },
      { event: 'library_load', account: '8765432', params: { script: 'api_dynamic.js' } },
    ],
    [
      'static script, EU',
      { url: 'https://cdn-eu.dynamicyield.com/api/8765432/api_static.js' },
      { event: 'library_load', account: '8765432' },
    ],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'dynamic-yield', ...want }));

  it.each<HitRequest>([
    { url: 'https://rcom.dynamicyield.com/v3/recommend/8765432?ctx=%7B%7D' },
    { url: 'https://cdn.dynamicyield.com/scripts/1.2.3/dy-coll-nojq-min.js' },
    { url: 'https://shop.example/dpx', method: 'POST', body: '{"name":"x"}' },
  ])('does not read $url as a Dynamic Yield hit', (req) =>
    expect(decodeRequest(req).filter((h) => h.vendor === 'dynamic-yield')).toEqual([]),
  );
});
