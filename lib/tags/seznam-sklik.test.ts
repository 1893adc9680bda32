import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest } from '.';

// Request shapes of Sklik's measuring scripts: rc.js, c.seznam.cz/retargeting (id, url, category, itemId, pageType,
// consent), c.seznam.cz/conv (id, value, orderId, zboziType, zboziId, consent), and the older c.imedia.cz codes.

describe('seznam-sklik', () => {
  it.each<[string, HitRequest, object]>([
    [
      'retargeting hit',
      {
        url: 'https://c.seznam.cz/retargeting?id=1234567&url=https%3A%2F%2Fshop.example%2Fhrnek&category=Kuchyn%20%7C%20Hrnky&itemId=SKU-7&pageType=offerdetail&consent=1',
      },
      {
        event: 'retargeting',
        account: '1234567',
        params: {
          page_url: 'https://shop.example/hrnek',
          category: 'Kuchyn | Hrnky',
          itemId: 'SKU-7',
          pageType: 'offerdetail',
          consent: '1',
        },
      },
    ],
    [
      'conversion hit',
      {
        url: 'https://c.seznam.cz/conv?id=100012345&value=599&orderId=OBJ-8812&zboziType=standard&zboziId=1234&consent=1',
      },
      {
        event: 'conversion',
        account: '100012345',
        params: { value: '599', orderId: 'OBJ-8812', zboziType: 'standard', zboziId: '1234', consent: '1' },
      },
    ],
    [
      'older conversion code',
      { url: 'https://c.imedia.cz/checkConversion?c=100012345&color=ffffff&v=599' },
      { event: 'conversion', account: '100012345', params: { value: '599', color: 'ffffff' } },
    ],
    [
      'older retargeting code',
      { url: 'https://c.imedia.cz/retargeting?id=1234567' },
      { event: 'retargeting', account: '1234567' },
    ],
    ['library', { url: 'https://c.seznam.cz/js/rc.js' }, { event: 'library_load' }],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'seznam-sklik', ...want }));

  it.each([
    'https://www.seznam.cz/',
    'https://search.seznam.cz/?q=hrnek',
    'https://c.seznam.cz/other?id=1',
    'https://c.seznam.cz.evil.example/conv?id=1&value=9',
    'https://c.seznam.cz/js/rc.js',
  ])('does not read %s as an event', (url) =>
    expect(decodeRequest({ url }).filter((h) => h.vendor === 'seznam-sklik' && h.event !== 'library_load')).toEqual([]),
  );
});
