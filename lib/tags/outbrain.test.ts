import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest } from '.';

// Request shapes of the Outbrain Pixel: obtp.js, and tr.outbrain.com/unifiedPixel (or /pixel) with marketerId, name,
// dl, and the conversion's orderValue, currency, orderId.
const MARKETER = '00f4b02153ee75f3c9dc4fc128ab0419ab';

describe('outbrain', () => {
  it.each<[string, HitRequest, object]>([
    [
      'page view',
      {
        url: `https://tr.outbrain.com/unifiedPixel?marketerId=${MARKETER}&obApiVersion=1.1&name=PAGE_VIEW&dl=https%3A%2F%2Fshop.example%2F&optOut=false&bust=0.7261`,
      },
      {
        event: 'PAGE_VIEW',
        account: MARKETER,
        params: { page_url: 'https://shop.example/', library_version: '1.1', opt_out: 'false' },
      },
    ],
    [
      'purchase conversion',
      {
        url: `https://tr.outbrain.com/unifiedPixel?marketerId=${MARKETER}&obApiVersion=1.1&name=Purchase&dl=https%3A%2F%2Fshop.example%2Fthanks&orderValue=149.99&currency=USD&orderId=ORD-2024-001234&bust=0.11`,
      },
      {
        event: 'Purchase',
        account: MARKETER,
        params: { value: '149.99', currency: 'USD', order_id: 'ORD-2024-001234' },
      },
    ],
    [
      'older image pixel',
      { url: `https://tr.outbrain.com/pixel?marketerId=${MARKETER}&name=Lead&noscript=1` },
      { event: 'Lead', account: MARKETER, params: { noscript: '1' } },
    ],
    ['library', { url: 'https://amplify.outbrain.com/cp/obtp.js' }, { event: 'library_load' }],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'outbrain', ...want }));

  it.each([
    `https://tr.outbrain.com/cachedClickId?marketerId=${MARKETER}`,
    'https://widgets.outbrain.com/outbrain.js',
    'https://odb.outbrain.com/utils/get?url=https%3A%2F%2Fnews.example%2Fa&widgetJSId=AR_1&key=NANOWDGT01',
    `https://tr.outbrain.com.evil.example/unifiedPixel?marketerId=${MARKETER}&name=Purchase`,
    'https://amplify.outbrain.com/cp/obtp.js',
  ])('does not read %s as an event', (url) =>
    expect(decodeRequest({ url }).filter((h) => h.vendor === 'outbrain' && h.event !== 'library_load')).toEqual([]),
  );
});
