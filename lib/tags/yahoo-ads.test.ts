import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest } from '.';

// Request shapes of the Yahoo Dot tag: ytc.js and sp.analytics.yahoo.com/sp.pl with a (project id), .yp (pixel id),
// the page (f, e, b) and the custom event fields et, ea, ec, el, ev, gv.
const SP = 'https://sp.analytics.yahoo.com/sp.pl';

describe('yahoo-ads', () => {
  it.each<[string, HitRequest, object]>([
    [
      'page view on load',
      {
        url: `${SP}?a=10000&d=Sun%2C%2023%20Nov%202025&n=0.42&.yp=10012345&f=https%3A%2F%2Fshop.example%2F&e=https%3A%2F%2Fwww.google.com%2F&enc=UTF-8&yv=1.16.6`,
      },
      {
        event: 'page_view',
        account: '10012345',
        params: {
          project_id: '10000',
          page_url: 'https://shop.example/',
          referrer: 'https://www.google.com/',
          library_version: '1.16.6',
        },
      },
    ],
    [
      'purchase',
      {
        url: `${SP}?a=10000&.yp=10012345&et=custom&ea=purchase&ec=ecommerce&el=mug&ev=1&gv=59.90&f=https%3A%2F%2Fshop.example%2Fthanks`,
      },
      {
        event: 'purchase',
        account: '10012345',
        params: {
          event_type: 'custom',
          event_category: 'ecommerce',
          event_label: 'mug',
          event_value: '1',
          conversion_value: '59.90',
        },
      },
    ],
    [
      'custom event type without an action',
      { url: `${SP}?a=10000&.yp=10012345&et=custom&tagmgr=gtm` },
      { event: 'custom', params: { tag_manager: 'gtm' } },
    ],
    ['library', { url: 'https://s.yimg.com/wi/ytc.js' }, { event: 'library_load' }],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'yahoo-ads', ...want }));

  it.each([
    'https://ups.analytics.yahoo.com/ups/58824/sync?uid=abc',
    'https://s.yimg.com/cv/apiv2/default/logo.png',
    'https://sp.analytics.yahoo.com/other.pl?a=1',
    'https://sp.analytics.yahoo.com.evil.example/sp.pl?a=1&.yp=2',
    'https://s.yimg.com/wi/ytc.js',
  ])('does not read %s as an event', (url) =>
    expect(decodeRequest({ url }).filter((h) => h.vendor === 'yahoo-ads' && h.event !== 'library_load')).toEqual([]),
  );
});
