import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest } from '.';

// Request shapes of Adform Site Tracking: the trackpoint scripts and the Serving/TrackPoint request with pm (tracking
// setup id), ADFPageName (tracking point), ADFdivider and, for orders, itm (order variables as base64 JSON).
const POINT = 'https://track.adform.net/Serving/TrackPoint/';
// {"sales":"59.90","orderid":"ORD-8812","currency":"EUR","itms":[{"productid":"SKU-1","step":3}]}
const ORDER =
  'eyJzYWxlcyI6IjU5LjkwIiwib3JkZXJpZCI6Ik9SRC04ODEyIiwiY3VycmVuY3kiOiJFVVIiLCJpdG1zIjpbeyJwcm9kdWN0aWQiOiJTS1UtMSIsInN0ZXAiOjN9XX0=';

describe('adform', () => {
  it.each<[string, HitRequest, object]>([
    [
      'noscript tracking point',
      { url: `${POINT}?pm=1257163&ADFPageName=Homepage&ADFdivider=|` },
      { event: 'Homepage', account: '1257163', params: { divider: '|' } },
    ],
    [
      'script tracking point with page details',
      {
        url: `${POINT}?pm=1257163&ADFPageName=Shop%7CProduct%7CMug&ADFdivider=%7C&ord=1763884800123&loc=https%3A%2F%2Fshop.example%2Fmug&CPref=https%3A%2F%2Fwww.google.com%2F`,
      },
      {
        event: 'Shop|Product|Mug',
        account: '1257163',
        params: {
          page_url: 'https://shop.example/mug',
          referrer: 'https://www.google.com/',
          cache_buster: '1763884800123',
        },
      },
    ],
    [
      'order with its variables',
      { url: `${POINT}?pm=1257163&ADFPageName=Order%20confirmation&ADFdivider=%7C&itm=${encodeURIComponent(ORDER)}` },
      {
        event: 'Order confirmation',
        account: '1257163',
        params: { sales: '59.90', orderid: 'ORD-8812', currency: 'EUR', 'itms.0.productid': 'SKU-1' },
      },
    ],
    [
      'order variables that do not decode stay raw',
      { url: `${POINT}?pm=1257163&ADFPageName=Basket&itm=%25%25not-base64` },
      { event: 'Basket', params: { order: '%%not-base64' } },
    ],
    [
      'async library',
      { url: 'https://s2.adform.net/banners/scripts/st/trackpoint-async.js' },
      { event: 'library_load' },
    ],
    ['older library', { url: 'https://track.adform.net/serving/scripts/trackpoint/async/' }, { event: 'library_load' }],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'adform', ...want }));

  it.each([
    'https://track.adform.net/adfserve/?bn=956745;1x1inv=1;srctype=3;ord=123',
    'https://track.adform.net/C/?bn=1899943;C=1',
    'https://cm.adform.net/cookie?redirect_url=https%3A%2F%2Fx.example',
    'https://track.adform.net.evil.example/Serving/TrackPoint/?pm=1&ADFPageName=x',
    'https://s2.adform.net/banners/scripts/st/trackpoint-async.js',
  ])('does not read %s as an event', (url) =>
    expect(decodeRequest({ url }).filter((h) => h.vendor === 'adform' && h.event !== 'library_load')).toEqual([]),
  );
});
