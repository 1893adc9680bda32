import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRequest, isVendorId, type HitRequest, type TagHit } from '.';
import { criteo } from './criteo';
import { linkedin } from './linkedin';
import { microsoftUet } from './microsoft-uet';
import { pinterest } from './pinterest';
import { quora } from './quora';
import { reddit } from './reddit';
import { snapchat } from './snapchat';
import { tiktok } from './tiktok';
import type { TagDecoder } from './types';
import { x } from './x';

// Hostile input on the hosts these decoders claim: whatever a page sends, a decoder returns well-formed hits
// (or none) and never throws. The decoders are also called directly, because decodeRequest would turn a throw
// into a `decoder error` hit and hide it.
const DECODERS: readonly TagDecoder[] = [linkedin, tiktok, pinterest, snapchat, x, microsoftUet, reddit, quora, criteo];

const ENDPOINTS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['px.ads.linkedin.com', ['/collect/', '/collect', '/wa/', '/attribution_trigger']],
  ['snap.licdn.com', ['/li.lms-analytics/insight.min.js']],
  ['analytics.tiktok.com', ['/api/v2/pixel', '/api/v2/pixel/act', '/api/v2/pixel/batch', '/api/v1/track', '/i18n/pixel/events.js']],
  ['ct.pinterest.com', ['/v3/', '/user/']],
  ['s.pinimg.com', ['/ct/core.js']],
  ['tr.snapchat.com', ['/p', '/cm/i', '/config/no/x.js']],
  ['tr6.snapchat.com', ['/p']],
  ['sc-static.net', ['/scevent.min.js']],
  ['analytics.twitter.com', ['/i/adsct', '/1/i/adsct', '/i/adsctp']],
  ['t.co', ['/1/i/adsct', '/i/adsct']],
  ['static.ads-twitter.com', ['/uwt.js']],
  ['bat.bing.com', ['/action/0', '/bat.js', '/p/action/123.js']],
  ['alb.reddit.com', ['/rp.gif', '/rp']],
  ['pixel-config.reddit.com', ['/pixels/a2_x/config']],
  ['www.redditstatic.com', ['/ads/pixel.js']],
  ['q.quora.com', ['/_/ad/8f5a6fee5c1345e681c7f4066c1f870a/pixel']],
  ['a.quora.com', ['/qevents.js']],
  ['sslwidget.criteo.com', ['/event']],
  ['dis.criteo.com', ['/dis/dis.aspx']],
  ['static.criteo.net', ['/js/ld/ld.js']],
];

// Field names the decoders look at, so generated queries and bodies reach their interesting branches.
const KEYS = ['pid', 'conversionId', 'url', 'tid', 'event', 'ed', 'pd', 'ad', 'ev', 'txn_id', 'events', 'ti', 'evt', 'ea', 'id',
  'm.customEventName', 'tag', 'a', 'p0', 'p1', 'p', 'p2', 'analytics_message', 'sdkid', 'fu', '__proto__', 'constructor', 'toString'];

const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.json(), fc.constantFrom('%', '%E0%A4%A', '%zz', '[', '{"', 'e=vc&p=[i%3D', 'tw-a-b'));

const query = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...KEYS), fc.string()), text, fc.boolean()), { maxLength: 8 })
  .map((pairs) => pairs.map(([k, v, encode]) => `${k}=${encode ? encodeURIComponent(v) : v}`).join('&'));

const url = fc.oneof(
  fc.tuple(fc.constantFrom(...ENDPOINTS), fc.nat(), query).map(([[host, paths], i, q]) => `https://${host}${paths[i % paths.length]!}?${q}`),
  fc.tuple(fc.constantFrom(...ENDPOINTS.map(([host]) => host)), fc.string(), query).map(([host, path, q]) => `https://${host}/${path}?${q}`),
  fc.string(),
);

const deep = fc.integer({ min: 1, max: 20_000 }).chain((n) => fc.constantFrom('[', '{"a":', '[{"batch":').map((open) => open.repeat(n)));

const body = fc.oneof(
  fc.constant(undefined),
  text,
  query,
  fc.json().chain((j) => fc.nat(j.length).map((n) => j.slice(0, n))),
  fc.jsonValue().map((v) => JSON.stringify({ batch: [v, v], req: [{ t: v }], pids: v, event: v, context: { pixel: { code: v } } })),
  deep,
);

const request = fc.record({ url, method: fc.constantFrom('GET', 'POST', undefined), body, type: fc.constantFrom('ping', 'image', undefined) });

function expectWellFormed(hits: unknown): void {
  expect(Array.isArray(hits)).toBe(true);
  for (const hit of hits as TagHit[]) {
    expect(isVendorId(hit.vendor)).toBe(true);
    expect(['undefined', 'string']).toContain(typeof hit.event);
    expect(['undefined', 'string']).toContain(typeof hit.account);
    expect(['undefined', 'string']).toContain(typeof hit.partial);
    expect(Object.getPrototypeOf(hit.params)).toBe(Object.prototype);
    for (const value of Object.values(hit.params)) expect(typeof value).toBe('string');
    // A name table that fell through to Object.prototype would name a param after a function.
    for (const key of Object.keys(hit.params)) expect(key).not.toContain('[native code]');
  }
}

describe('decoders on hostile input', () => {
  it('decodeRequest returns well-formed hits and no decoder error', () => {
    fc.assert(
      fc.property(request, (req: HitRequest) => {
        const hits = decodeRequest(req);
        expectWellFormed(hits);
        for (const hit of hits) expect(hit.partial ?? '').not.toMatch(/^decoder error/);
      }),
      { numRuns: 2_000 },
    );
  });

  it('each decoder matches and decodes without throwing', () => {
    fc.assert(
      fc.property(request, (req: HitRequest) => {
        let parsed: URL;
        try {
          parsed = new URL(req.url);
        } catch {
          return;
        }
        for (const decoder of DECODERS) {
          if (!decoder.matches(parsed, req)) continue;
          const hits = decoder.decode(parsed, req);
          expectWellFormed(hits);
          for (const hit of hits) expect(hit.vendor).toBe(decoder.vendor);
        }
      }),
      { numRuns: 2_000 },
    );
  });
});
