import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest } from '.';

// Request shapes of the Taboola Pixel: cdn.taboola.com/libtrc/unip/<account id>/tfa.js, the events it sends to
// trc.taboola.com/<account id>/log/3/unip?en=<event> with revenue, currency, orderid, quantity, and the documented
// S2S postback /actions-handler/log/3/s2s-action.
const ID = '1234567';

describe('taboola', () => {
  it.each<[string, HitRequest, object]>([
    [
      'page view',
      {
        url: `https://trc.taboola.com/${ID}/log/3/unip?en=page_view&tim=11%3A02%3A13.123&ref=https%3A%2F%2Fnews.example%2F&item-url=https%3A%2F%2Fshop.example%2F&cv=20251120-5-RELEASE`,
      },
      {
        event: 'page_view',
        account: ID,
        params: {
          page_url: 'https://shop.example/',
          referrer: 'https://news.example/',
          timestamp: '11:02:13.123',
          library_version: '20251120-5-RELEASE',
        },
      },
    ],
    [
      'purchase',
      {
        url: `https://trc.taboola.com/${ID}/log/3/unip?en=make_purchase&revenue=59.90&currency=EUR&orderid=ORD-8812&quantity=2&item-url=https%3A%2F%2Fshop.example%2Fthanks`,
      },
      {
        event: 'make_purchase',
        account: ID,
        params: { revenue: '59.90', currency: 'EUR', order_id: 'ORD-8812', quantity: '2' },
      },
    ],
    [
      'lead on the events host',
      { url: `https://trc-events.taboola.com/${ID}/log/3/unip?en=lead&item-url=https%3A%2F%2Fshop.example%2Fdemo` },
      { event: 'lead', account: ID },
    ],
    [
      'server-to-server postback',
      {
        url: 'https://trc.taboola.com/actions-handler/log/3/s2s-action?click-id=GiDxLZcEVjwEqkGfKQMQndUYMIeZ&name=purchase&revenue=9.99&currency=USD&orderid=A-1',
      },
      { event: 'purchase', params: { click_id: 'GiDxLZcEVjwEqkGfKQMQndUYMIeZ', revenue: '9.99', order_id: 'A-1' } },
    ],
    ['library', { url: `https://cdn.taboola.com/libtrc/unip/${ID}/tfa.js` }, { event: 'library_load', account: ID }],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'taboola', ...want }));

  it.each([
    // The publisher side: the recommendation widget's loader and its recommendation requests.
    'https://cdn.taboola.com/libtrc/newspublisher-network/loader.js',
    'https://trc.taboola.com/newspublisher-network/trc/3/json?tim=1&data=%7B%7D',
    'https://www.taboola.com/advertisers',
    `https://trc.taboola.com.evil.example/${ID}/log/3/unip?en=page_view`,
    `https://cdn.taboola.com/libtrc/unip/${ID}/tfa.js`,
  ])('does not read %s as an event', (url) =>
    expect(decodeRequest({ url }).filter((h) => h.vendor === 'taboola' && h.event !== 'library_load')).toEqual([]),
  );
});
