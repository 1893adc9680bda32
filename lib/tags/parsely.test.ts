import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest, type TagHit } from '.';

// Request shapes from Parse.ly's tracker docs (pixel fields idsite, url, urlref, action, data; heartbeats with inc).
describe('parsely', () => {
  it.each<[string, HitRequest, Partial<TagHit>]>([
    [
      'pageview',
      {
        url: 'https://p1.parsely.com/px/?rand=1763884800123&idsite=shop.example&url=https%3A%2F%2Fshop.example%2Fblog%2Fmug-care&urlref=https%3A%2F%2Fwww.google.com%2F&screen=1920x1080%7C1920x1040%7C24&data=%7B%22parsely_uuid%22%3A%22a1b2%22%2C%22section%22%3A%22blog%22%7D&title=Mug%20care&date=Sun%20Nov%2023%202026&action=pageview',
      },
      {
        event: 'pageview',
        account: 'shop.example',
        params: {
          page_url: 'https://shop.example/blog/mug-care',
          referrer: 'https://www.google.com/',
          page_title: 'Mug care',
          'data.section': 'blog',
          'data.parsely_uuid': 'a1b2',
        },
      },
    ],
    [
      'heartbeat',
      {
        url: 'https://srv.pixel.parsely.com/plogger/?rand=1763884810123&idsite=shop.example&url=https%3A%2F%2Fshop.example%2Fblog%2Fmug-care&action=heartbeat&inc=10&tt=15000',
      },
      { event: 'heartbeat', account: 'shop.example', params: { engaged_seconds: '10', total_engaged_ms: '15000' } },
    ],
    [
      'video start',
      {
        url: 'https://p1.parsely.com/px/?idsite=shop.example&action=videostart&url=https%3A%2F%2Fshop.example%2Fvideo&metadata=%7B%22title%22%3A%22Mug%22%7D',
      },
      { event: 'videostart', account: 'shop.example', params: { metadata: '{"title":"Mug"}' } },
    ],
    [
      'library',
      { url: 'https://cdn.parsely.com/keys/shop.example/p.js' },
      { event: 'library_load', account: 'shop.example' },
    ],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'parsely', ...want }));

  it.each<HitRequest>([
    { url: 'https://config.parsely.com/config/shop.example' },
    { url: 'https://p1.parsely.com/px/?rand=1' },
    { url: 'https://shop.example/px/?idsite=shop.example&action=pageview' },
  ])('does not read $url as a Parse.ly hit', (req) =>
    expect(decodeRequest(req).filter((h) => h.vendor === 'parsely')).toEqual([]),
  );
});
