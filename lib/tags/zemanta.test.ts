import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest } from '.';

// Request shapes of the Zemanta Pixel: p1.zemanta.com/v2/p/js/<account>/<event>/ (JavaScript), /v2/p/ns/… (its
// noscript image) and the legacy image pixels /p/<account>/<slug>/.

describe('zemanta', () => {
  it.each<[string, HitRequest, object]>([
    [
      'page view',
      { url: 'https://p1.zemanta.com/v2/p/js/12345/PAGE_VIEW/?cb=1763884800' },
      { event: 'PAGE_VIEW', account: '12345', params: { pixel_type: 'javascript', cb: '1763884800' } },
    ],
    [
      'conversion event',
      { url: 'https://p1.zemanta.com/v2/p/js/12345/PURCHASE/?value=59.9&currency=EUR' },
      { event: 'PURCHASE', account: '12345', params: { value: '59.9', currency: 'EUR' } },
    ],
    [
      'noscript image',
      { url: 'https://p1.zemanta.com/v2/p/ns/12345/PAGE_VIEW/' },
      { event: 'PAGE_VIEW', account: '12345', params: { pixel_type: 'image' } },
    ],
    [
      'legacy image pixel',
      { url: 'https://p1.zemanta.com/p/4321/newsletter_signup/' },
      { event: 'newsletter_signup', account: '4321', params: { pixel_type: 'legacy image' } },
    ],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'zemanta', ...want }));

  it.each([
    'https://www.zemanta.com/zemanta-glossary/',
    'https://p1.zemanta.com/v2/p/js/not-a-number/PAGE_VIEW/',
    'https://p1.zemanta.com/p/',
    'https://p1.zemanta.com.evil.example/v2/p/js/12345/PAGE_VIEW/',
  ])('does not read %s as a hit', (url) =>
    expect(decodeRequest({ url }).filter((h) => h.vendor === 'zemanta')).toEqual([]),
  );
});
