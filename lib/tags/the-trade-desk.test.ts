import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest } from '.';

// Request shapes of The Trade Desk Universal Pixel (up_loader.js; insight.adsrvr.org/track/up with adv, upid, ref,
// upv and the dynamic v, vf, orderid, td1…td10) and the older static tracking tags (/track/conv, /track/pxl).
const UP = 'https://insight.adsrvr.org/track/up';

describe('the-trade-desk', () => {
  it.each<[string, HitRequest, object]>([
    [
      'page visit',
      { url: `${UP}?adv=7xk2p1q&ref=https%3A%2F%2Fshop.example%2Fproducts%2Fmug&upid=9zt3w0v&upv=1.1.0` },
      {
        event: 'universal_pixel',
        account: '7xk2p1q',
        params: {
          universal_pixel_id: '9zt3w0v',
          page_url: 'https://shop.example/products/mug',
          pixel_version: '1.1.0',
        },
      },
    ],
    [
      'purchase with dynamic parameters',
      {
        url: `${UP}?adv=7xk2p1q&ref=https%3A%2F%2Fshop.example%2Fthanks&upid=9zt3w0v&upv=1.1.0&v=59.90&vf=EUR&orderid=ORD-8812&td1=newsletter&td2=`,
      },
      {
        event: 'universal_pixel',
        account: '7xk2p1q',
        params: { revenue: '59.90', currency: 'EUR', order_id: 'ORD-8812', td1: 'newsletter' },
      },
    ],
    [
      'static conversion tag',
      { url: 'https://insight.adsrvr.org/track/conv/?adv=7xk2p1q&ct=0:h4k1r9s&fmt=3' },
      { event: 'conversion', account: '7xk2p1q', params: { tracking_tag: '0:h4k1r9s', format: '3' } },
    ],
    [
      'static segment tag',
      { url: 'https://insight.adsrvr.org/track/pxl/?adv=7xk2p1q&ct=0:c2v8m1n&fmt=3' },
      { event: 'tracking_tag', account: '7xk2p1q' },
    ],
    [
      'library',
      { url: 'https://js.adsrvr.org/up_loader.1.1.0.js' },
      { event: 'library_load', params: { script: 'up_loader.1.1.0.js' } },
    ],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'the-trade-desk', ...want }));

  it('leaves empty dynamic parameters out', () =>
    expect(decodeRequest({ url: `${UP}?adv=a&upid=b&td2=&v=` })[0]?.params).toEqual({ universal_pixel_id: 'b' }));

  it.each([
    'https://match.adsrvr.org/track/cmf/generic?ttd_pid=casale&ttd_tpi=1',
    'https://insight.adsrvr.org/track/cei?ttd_pid=x',
    'https://www.thetradedesk.com/us',
    'https://insight.adsrvr.org.evil.example/track/up?adv=a&upid=b',
    'https://js.adsrvr.org/up_loader.1.1.0.js',
  ])('does not read %s as an event', (url) =>
    expect(decodeRequest({ url }).filter((h) => h.vendor === 'the-trade-desk' && h.event !== 'library_load')).toEqual(
      [],
    ),
  );
});
