import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest } from '.';

// Request shapes of the Spotify Pixel: the documented image pixel img.byspotify.com/?key=<pixel id>&a=<action>
// (init, product, addtocart, checkout, purchase with value, order_id, discount_code, currency; lead), the
// JavaScript pixel's ping.min.js and its JSON events to pixels.spotify.com/v1/ingest.
const KEY = 'a1b2c3d4e5f64718293a4b5c6d7e8f90';
const INGEST = 'https://pixels.spotify.com/v1/ingest';

describe('spotify-pixel', () => {
  it.each<[string, HitRequest, object]>([
    [
      'image page view',
      { url: `https://img.byspotify.com/?key=${KEY}&a=init` },
      { event: 'init', account: KEY, params: {} },
    ],
    [
      'image purchase',
      {
        url: `https://img.byspotify.com/?key=${KEY}&value=59.90&order_id=ORD-8812&discount_code=SPRING&currency=EUR&a=purchase`,
      },
      {
        event: 'purchase',
        account: KEY,
        params: { value: '59.90', order_id: 'ORD-8812', discount_code: 'SPRING', currency: 'EUR' },
      },
    ],
    [
      'image add to cart',
      { url: `https://img.byspotify.com?key=${KEY}&a=addtocart` },
      { event: 'addtocart', account: KEY },
    ],
    [
      'JavaScript lead event',
      {
        url: INGEST,
        method: 'POST',
        body: JSON.stringify({
          batch: [{ pid: KEY, events: [{ action: 'lead', body: { url: 'https://shop.example/demo', type: 'demo' } }] }],
        }),
      },
      { event: 'lead', account: KEY, params: { url: 'https://shop.example/demo', type: 'demo' } },
    ],
    [
      'JavaScript purchase',
      {
        url: INGEST,
        method: 'POST',
        body: JSON.stringify({
          batch: [
            { pid: KEY, events: [{ action: 'purchase', body: { value: 59.9, currency: 'EUR', order_id: 'ORD-1' } }] },
          ],
        }),
      },
      { event: 'purchase', account: KEY, params: { value: '59.9', currency: 'EUR', order_id: 'ORD-1' } },
    ],
    ['library', { url: 'https://pixel.byspotify.com/ping.min.js' }, { event: 'library_load' }],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'spotify-pixel', ...want }));

  it('reads one hit per event of an ingest batch', () => {
    const body = JSON.stringify({
      batch: [
        {
          pid: KEY,
          events: [
            { action: 'view', body: {} },
            { action: 'alias', body: { id: 'u-42' } },
          ],
        },
        { pid: 'other', events: [{ action: 'view' }] },
      ],
    });
    expect(decodeRequest({ url: INGEST, method: 'POST', body }).map((h) => [h.event, h.account])).toEqual([
      ['view', KEY],
      ['alias', KEY],
      ['view', 'other'],
    ]);
  });

  it('marks an unreadable ingest body partial', () =>
    expect(decodeRequest({ url: INGEST, method: 'POST', body: '{"batch":[{"pid":"x","ev' })[0]).toMatchObject({
      vendor: 'spotify-pixel',
      partial: expect.any(String) as string,
    }));

  it.each([
    'https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC',
    'https://img.byspotify.com/other.png',
    'https://pixels.spotify.com/v1/config',
    'https://img.byspotify.com.evil.example/?key=x&a=purchase',
    'https://pixel.byspotify.com/ping.min.js',
  ])('does not read %s as an event', (url) =>
    expect(decodeRequest({ url }).filter((h) => h.vendor === 'spotify-pixel' && h.event !== 'library_load')).toEqual(
      [],
    ),
  );
});
