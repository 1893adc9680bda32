import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest, type TagHit } from '.';

// The script URL shape is Crazy Egg's documented tracking code (script.crazyegg.com/pages/scripts/<NNNN>/<NNNN>.js,
// optionally with a cache-buster). Its collection requests are undocumented; the tracking-host cases check that
// whatever reaches tracking.crazyegg.com is kept as a hit named by its path, with its fields.
describe('crazy-egg', () => {
  it.each<[string, HitRequest, Partial<TagHit>]>([
    [
      'tracking script',
      { url: 'https://script.crazyegg.com/pages/scripts/0012/3456.js' },
      { event: 'library_load', account: '00123456', params: { script: 'pages/scripts/0012/3456.js' } },
    ],
    [
      'tracking script with the hourly cache-buster',
      { url: 'https://script.crazyegg.com/pages/scripts/0083/3687.js?489967' },
      { event: 'library_load', account: '00833687' },
    ],
    [
      'a request to the tracking host, JSON',
      { url: 'https://tracking.crazyegg.com/clicks', method: 'POST', body: '{"x":120,"y":480,"snapshot":"s1"}' },
      { event: 'clicks', params: { path: '/clicks', x: '120', y: '480', snapshot: 's1' } },
    ],
    [
      'a request to the tracking host, query',
      { url: 'https://tracking.crazyegg.com/visits?page=https%3A%2F%2Fshop.example%2F' },
      { event: 'visits', params: { page: 'https://shop.example/' } },
    ],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'crazy-egg', ...want }));

  it.each<HitRequest>([
    { url: 'https://script.crazyegg.com/pages/versioned/common-scripts/abc123.js' },
    { url: 'https://www.crazyegg.com/pricing' },
    { url: 'https://tracking.crazyegg.com/' },
    { url: 'https://shop.example/pages/scripts/0012/3456.js' },
  ])('does not read $url as a Crazy Egg hit', (req) =>
    expect(decodeRequest(req).filter((h) => h.vendor === 'crazy-egg')).toEqual([]),
  );
});
