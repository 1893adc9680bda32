import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest } from '.';

// Request shapes of the Quora Pixel: q.quora.com/_/ad/<pixel id>/pixel?tag=<event> (the GTM template adds i and
// u, the <noscript> image noscript=1) and the qevents.js library.
const PIXEL = '8f5a6fee5c1345e681c7f4066c1f870a';

describe('quora', () => {
  it.each<[string, HitRequest, object]>([
    [
      'view content',
      { url: `https://q.quora.com/_/ad/${PIXEL}/pixel?tag=ViewContent&noscript=1` },
      { event: 'ViewContent', account: PIXEL, params: { noscript: '1' } },
    ],
    [
      'generic from the GTM template',
      { url: `https://q.quora.com/_/ad/${PIXEL}/pixel?tag=Generic&i=gtm&u=https%3A%2F%2Fshop.example%2Fdemo` },
      { event: 'Generic', account: PIXEL, params: { integration: 'gtm', page_url: 'https://shop.example/demo' } },
    ],
    [
      'purchase',
      { url: `https://q.quora.com/_/ad/54ba43eaeb644b908aa476d8e9f908c2/pixel?tag=Purchase` },
      { event: 'Purchase', account: '54ba43eaeb644b908aa476d8e9f908c2' },
    ],
    [
      'complete registration',
      { url: `https://q.quora.com/_/ad/${PIXEL}/pixel/?tag=CompleteRegistration` },
      { event: 'CompleteRegistration' },
    ],
    ['library', { url: 'https://a.quora.com/qevents.js' }, { event: 'library_load' }],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'quora', ...want }));

  it.each([
    'https://www.quora.com/What-is-a-tracking-pixel',
    'https://q.quora.com/_/ad/abc/other?tag=Purchase',
    'https://q.quora.com.evil.example/_/ad/abc/pixel?tag=Purchase',
    'https://a.quora.com/qevents.js',
  ])('does not read %s as an event', (url) =>
    expect(decodeRequest({ url }).filter((h) => h.vendor === 'quora' && h.event !== 'library_load')).toEqual([]),
  );
});
