import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest } from '.';

// Request shapes of the Pinterest Tag, from Pinterest's "tag parameters" help page: ct.pinterest.com/v3/ with
// tid, event, ed (event data), pd (partner data), ad (automatic data) and cb; the <noscript> image's bracket
// params; and the core.js library. The /user/ match-data sync is not a hit.
const json = (value: object): string => encodeURIComponent(JSON.stringify(value));
const ED = json({
  np: 'gtm',
  value: 99.95,
  currency: 'EUR',
  order_id: 'ORD-1024',
  order_quantity: 1,
  line_items: [{ product_id: '119', product_category: 'Accessories' }],
});

describe('pinterest', () => {
  it.each<[string, HitRequest, object]>([
    [
      'checkout',
      {
        url: `https://ct.pinterest.com/v3/?event=checkout&ed=${ED}&tid=2612345678901&pd=${json({ em: 'b'.repeat(64), np: 'gtm' })}&ad=${json({ loc: 'https://shop.example/thanks', ref: 'https://shop.example/cart', if: false, sh: 1080, sw: 1920 })}&cb=1700000000000`,
      },
      {
        event: 'checkout',
        account: '2612345678901',
        params: {
          value: '99.95',
          currency: 'EUR',
          order_id: 'ORD-1024',
          'line_items.0.product_id': '119',
          partner_name: 'gtm',
          'partner_data.em': 'b'.repeat(64),
          page_url: 'https://shop.example/thanks',
          referrer: 'https://shop.example/cart',
          in_iframe: 'false',
          cache_buster: '1700000000000',
        },
      },
    ],
    [
      'add to cart',
      {
        url: `https://ct.pinterest.com/v3/?tid=2612733222301&event=addtocart&ed=${json({ value: '80', currency: 'USD' })}`,
      },
      { event: 'addtocart', account: '2612733222301', params: { value: '80', currency: 'USD' } },
    ],
    [
      'noscript page visit with bracket params',
      {
        url: 'https://ct.pinterest.com/v3/?event=pagevisit&tid=2613219355683&pd[em]=abc123&ed[line_items][0][product_id]=SKU-9&noscript=1',
      },
      {
        event: 'pagevisit',
        account: '2613219355683',
        params: { 'partner_data.em': 'abc123', 'line_items.0.product_id': 'SKU-9', noscript: '1' },
      },
    ],
    [
      'base code image',
      { url: 'https://ct.pinterest.com/v3/?event=init&tid=2612657632915&noscript=1' },
      { event: 'init', account: '2612657632915' },
    ],
    [
      'event data that does not parse',
      { url: 'https://ct.pinterest.com/v3/?tid=1&event=lead&ed=%7B%22lead_type%22%3A' },
      { event: 'lead', params: { ed: '{"lead_type":' }, partial: expect.stringContaining('ed') },
    ],
    ['library', { url: 'https://s.pinimg.com/ct/core.js' }, { event: 'library_load' }],
    ['library chunk', { url: 'https://s.pinimg.com/ct/lib/main.32155010.js' }, { event: 'library_load' }],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'pinterest', ...want }));

  it.each([
    'https://www.pinterest.com/pin/123456789/',
    'https://www.pinterest.com/',
    'https://ct.pinterest.com/ct.html',
    'https://ct.pinterest.com.evil.example/v3/?tid=1&event=checkout',
    'https://s.pinimg.com/images/hd/logo.png',
    'https://s.pinimg.com/ct/core.js',
    // The user-data sync that follows a hit (hashed match data): the hit was the /v3/ request.
    'https://ct.pinterest.com/user/?tid=2615619520270&pd=%7B%22em%22%3A%22f660ab%22%7D&cb=1673849561199&dep=2%2CPAGE_LOAD',
  ])('does not read %s as an event', (url) =>
    expect(decodeRequest({ url }).filter((h) => h.vendor === 'pinterest' && h.event !== 'library_load')).toEqual([]),
  );
});
