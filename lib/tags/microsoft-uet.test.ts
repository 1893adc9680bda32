import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest } from '.';

// Request shapes of Microsoft Advertising UET: bat.bing.com/action/0 with ti, evt (pageLoad | custom), the
// custom-event fields ea/ec/el/ev, revenue gv/gc, page fields p/r/tl; bat.js and the tag's own script.
describe('microsoft-uet', () => {
  it.each<[string, HitRequest, object]>([
    [
      'page load',
      {
        url: 'https://bat.bing.com/action/0?ti=343102454&tm=gtm002&Ver=2&mid=02fc8be7&sid=4b1e7070&vid=4b1e7c50&vids=1&msclkid=N&pi=918639831&lg=en-US&sw=1280&sh=1024&sc=24&tl=Pricing&p=https%3A%2F%2Fshop.example%2Fpricing&r=&lt=388&evt=pageLoad&sv=1&asc=G&cdb=AQAQ&rn=118692',
      },
      {
        event: 'page_view',
        account: '343102454',
        params: {
          page_url: 'https://shop.example/pricing',
          page_title: 'Pricing',
          tag_manager: 'gtm002',
          language: 'en-US',
          ad_storage_consent: 'G',
        },
      },
    ],
    [
      'custom event with revenue',
      {
        url: 'https://bat.bing.com/action/0?ti=123456&Ver=2&ec=Ecommerce&ea=purchase&el=Checkout&ev=1&gv=123.34&gc=EUR&evt=custom&msclkid=N&rn=693067',
      },
      {
        event: 'purchase',
        account: '123456',
        params: {
          event_category: 'Ecommerce',
          event_label: 'Checkout',
          event_value: '1',
          revenue: '123.34',
          currency: 'EUR',
        },
      },
    ],
    [
      'remarketing variables without an action',
      { url: 'https://bat.bing.com/action/0?ti=5668750&Ver=2&pagetype=product&prodid=HF8189&en=Y&evt=custom&asc=D' },
      { event: 'custom', params: { page_type: 'product', product_id: 'HF8189', ad_storage_consent: 'D' } },
    ],
    [
      'noscript image',
      { url: 'https://bat.bing.com/action/0?ti=5223675&Ver=2' },
      { event: 'page_view', account: '5223675', params: { version: '2' } },
    ],
    ['library', { url: 'https://bat.bing.com/bat.js' }, { event: 'library_load' }],
    [
      'the tag script',
      { url: 'https://bat.bing.com/p/action/343102454.js' },
      { event: 'library_load', account: '343102454' },
    ],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'microsoft-uet', ...want }));

  it.each([
    'https://www.bing.com/search?q=x',
    'https://www.bing.com/action/0?ti=1',
    'https://bat.bing.com.evil.example/action/0?ti=1&evt=pageLoad',
    'https://bat.bing.com/actions/0?ti=1',
    'https://bat.bing.com/bat.js',
  ])('does not read %s as an event', (url) =>
    expect(decodeRequest({ url }).filter((h) => h.vendor === 'microsoft-uet' && h.event !== 'library_load')).toEqual(
      [],
    ),
  );
});
