import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest } from '.';

// Request shapes of the Amazon Ad Tag (amzn.js; s.amazon-adsystem.com/iu3 with pid and event) and of the DSP image
// pixel (iui3 with ex-fargs id/type/m and ex-hargs v;c;p) as advertisers are given them.
const TAG = '5b3a2c1d-8e9f-4a0b-9c8d-7e6f5a4b3c2d';
const DSP_PIXEL = '8e2c1f7a-7d24-4e6a-9e6b-1f0c2d3e4a5b';

describe('amazon-ads', () => {
  it.each<[string, HitRequest, object]>([
    [
      'Ad Tag page view',
      { url: `https://s.amazon-adsystem.com/iu3?pid=${TAG}&event=PageView&ts=1763884800123` },
      { event: 'PageView', account: TAG, params: { timestamp: '1763884800123' } },
    ],
    [
      'Ad Tag add to cart with attributes',
      {
        url: `https://s.amazon-adsystem.com/iu3?pid=${TAG}&event=AddToShoppingCart&ts=1763884800456&value=19.90&currency=EUR`,
      },
      { event: 'AddToShoppingCart', account: TAG, params: { value: '19.90', currency: 'EUR' } },
    ],
    [
      'DSP image pixel',
      {
        url: `https://s.amazon-adsystem.com/iui3?d=forester-did&ex-fargs=%3Fid%3D${DSP_PIXEL}%26type%3D4%26m%3D1&ex-fch=416613&ex-src=https%3A%2F%2Fshop.example%2Fthanks&ex-hargs=v%3D1.0%3Bc%3D5581030500101%3Bp%3D${DSP_PIXEL.toUpperCase()}`,
      },
      {
        event: 'pixel',
        account: DSP_PIXEL,
        params: {
          pixel_type: '4',
          marketplace: '1',
          advertiser_id: '5581030500101',
          page_url: 'https://shop.example/thanks',
        },
      },
    ],
    [
      'Ad Tag event on a regional host',
      { url: `https://aax-eu.amazon-adsystem.com/s/iu3?pid=${TAG}&event=Lead&gtmVersion=3.4` },
      { event: 'Lead', account: TAG, params: { gtmVersion: '3.4' } },
    ],
    ['Ad Tag library', { url: 'https://c.amazon-adsystem.com/aat/amzn.js' }, { event: 'library_load' }],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'amazon-ads', ...want }));

  it.each([
    'https://c.amazon-adsystem.com/aax2/apstag.js',
    'https://aax.amazon-adsystem.com/e/dtb/bid?src=3210',
    'https://s.amazon-adsystem.com/ecm3?ex=openx.com&id=abc',
    'https://s.amazon-adsystem.com.evil.example/iu3?pid=x&event=PageView',
    'https://c.amazon-adsystem.com/aat/amzn.js',
  ])('does not read %s as an event', (url) =>
    expect(decodeRequest({ url }).filter((h) => h.vendor === 'amazon-ads' && h.event !== 'library_load')).toEqual([]),
  );

  it('does not read the publisher library as the Ad Tag library', () =>
    expect(decodeRequest({ url: 'https://c.amazon-adsystem.com/aax2/apstag.js' })).toEqual([]));
});
