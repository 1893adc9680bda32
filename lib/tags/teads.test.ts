import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest } from '.';

// Request shapes of the Teads Universal Pixel: teads-fellow.js and t.teads.tv/track with action, buyer_pixel_id,
// conversion_type (Teads' listed types), price, currency, tag_version.
const TRACK = 'https://t.teads.tv/track';

describe('teads', () => {
  it.each<[string, HitRequest, object]>([
    [
      'page view',
      {
        url: `${TRACK}?action=page&env=js-web&tag_version=5.0.12&buyer_pixel_id=123456&page_url=https%3A%2F%2Fshop.example%2F`,
      },
      {
        event: 'page',
        account: '123456',
        params: { environment: 'js-web', library_version: '5.0.12', page_url: 'https://shop.example/' },
      },
    ],
    [
      'purchase conversion',
      {
        url: `${TRACK}?action=conversion&conversion_type=Purchase&price=59.9&currency=EUR&env=js-web&tag_version=5.0.12&buyer_pixel_id=123456`,
      },
      { event: 'Purchase', account: '123456', params: { price: '59.9', currency: 'EUR' } },
    ],
    [
      'lead conversion',
      { url: `${TRACK}?action=conversion&conversion_type=Lead&buyer_pixel_id=123456&tag_version=5.0.12` },
      { event: 'Lead', account: '123456' },
    ],
    ['library', { url: 'https://p.teads.tv/teads-fellow.js' }, { event: 'library_load' }],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'teads', ...want }));

  it.each([
    // The publisher side: Teads' video player reports its own ad events to the same endpoint, with no buyer pixel.
    `${TRACK}?action=start&pid=84242&vid=3b2f&auctid=a1b2c3`,
    'https://cm.teads.tv/v1/sync?partner=x',
    'https://t.teads.tv.evil.example/track?action=conversion&buyer_pixel_id=1',
    'https://www.teads.com/advertisers/',
    'https://p.teads.tv/teads-fellow.js',
  ])('does not read %s as an event', (url) =>
    expect(decodeRequest({ url }).filter((h) => h.vendor === 'teads' && h.event !== 'library_load')).toEqual([]),
  );
});
