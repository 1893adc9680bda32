import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { VENDOR_IDS, VENDORS } from './vendors';
import { stubReason, type StubReason } from './stub';

const enc = new TextEncoder();

describe('stubReason: what --stub-vendors answers locally', () => {
  it.each<[string, { url: string; method?: string; body?: string | Uint8Array }, StubReason | undefined]>([
    // First-party collectors: only the decoders know them.
    [
      'a server-side GTM container (GA4 on a first-party host)',
      { url: 'https://sst.shop.example/g/collect?v=2&tid=G-SST1&en=sign_up&_p=1' },
      'tag_hit',
    ],
    [
      'a self-hosted Matomo',
      { url: 'https://stats.shop.example/matomo.php?idsite=3&rec=1&action_name=Home' },
      'tag_hit',
    ],
    [
      'a self-hosted Snowplow collector',
      {
        url: 'https://sp.shop.example/com.snowplowanalytics.snowplow/tp2',
        method: 'POST',
        body: JSON.stringify({
          schema: 'iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4',
          data: [{ e: 'pv', aid: 'shop', p: 'web', tv: 'js-3.0.0' }],
        }),
      },
      'tag_hit',
    ],
    [
      'a gzipped PostHog batch on its own host',
      {
        url: 'https://us.i.posthog.com/e/',
        method: 'POST',
        body: gzipSync(enc.encode('[{"event":"x","properties":{"token":"phc_1"}}]')),
      },
      'vendor_host',
    ],
    // A vendor's host, whatever the path: libraries, configuration, cookie syncs.
    ['a vendor library', { url: 'https://connect.facebook.net/en_US/fbevents.js' }, 'vendor_host'],
    [
      'a vendor configuration call',
      { url: 'https://us.i.posthog.com/flags/?v=2', method: 'POST', body: '{}' },
      'vendor_host',
    ],
    // Everything else goes out.
    ['the site itself', { url: 'https://shop.example/app.js' }, undefined],
    ["the site's own API", { url: 'https://shop.example/api/cart', method: 'POST', body: '{"sku":"1"}' }, undefined],
    ['a data URL', { url: 'data:text/plain,hi' }, undefined],
    ['not a URL', { url: 'not a url' }, undefined],
  ])('%s', (_, req, want) =>
    expect(
      stubReason({
        url: req.url,
        method: req.method ?? 'GET',
        body: typeof req.body === 'string' ? enc.encode(req.body) : req.body,
      }),
    ).toBe(want),
  );

  it("answers a user's custom endpoint, which no decoder would recognise", () => {
    const req = { url: 'https://metrics.shop.example/collect/abc', method: 'POST', body: enc.encode('x=1') };
    expect(stubReason(req)).toBeUndefined();
    expect(stubReason(req, [{ host: 'metrics.shop.example', path: '/collect', vendor: 'ga4' }])).toBe('tag_hit');
  });

  it.each(VENDOR_IDS.flatMap((id) => VENDORS[id].hosts.map((host) => [id, host] as const)))(
    "answers %s's registry host %s",
    (_, host) => expect(stubReason({ url: `https://${host}/anything`, method: 'GET' })).toBe('vendor_host'),
  );
});
