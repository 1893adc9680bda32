import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRequest, isVendorId, type HitRequest, type TagHit } from '.';
import { DECODERS } from './registry';

// Hostile input on the hosts these decoders claim: whatever a page sends, a decoder returns well-formed hits
// (or none) and never throws. The decoders are also called directly, because decodeRequest would turn a throw
// into a `decoder error` hit and hide it.
// Every decoder the registry dispatches to: a new vendor is covered the day it is registered.

const ENDPOINTS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['px.ads.linkedin.com', ['/collect/', '/collect', '/wa/', '/attribution_trigger']],
  ['snap.licdn.com', ['/li.lms-analytics/insight.min.js']],
  [
    'analytics.tiktok.com',
    ['/api/v2/pixel', '/api/v2/pixel/act', '/api/v2/pixel/batch', '/api/v1/track', '/i18n/pixel/events.js'],
  ],
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
  ['edge.adobedc.net', ['/ee/v1/interact', '/ee/v1/collect', '/ee/v1/privacy/set-consent']],
  ['data.shop.example', ['/ee/v2/interact']],
  ['cdn1.adoberesources.net', ['/alloy/2.19.1/alloy.min.js']],
  ['acme.tt.omtrdc.net', ['/rest/v1/delivery', '/m2/acme/mbox/json', '/at.js']],
  ['assets.adobedtm.com', ['/a1/b2/launch-0123abcd.min.js', '/a1/satelliteLib-0123abcd.js']],
  ['acme.demdex.net', ['/event']],
  ['dpm.demdex.net', ['/id', '/id/rd']],
  ['acme.hb.omtrdc.net', ['/']],
  ['acme.hb-api.omtrdc.net', ['/api/v1/sessions', '/api/v1/sessions/abc/events']],
  ['logc407.xiti.com', ['/hit.xiti']],
  ['abcdefg.pa-cd.com', ['/event']],
  ['tag.aticdn.net', ['/612345/smarttag.js']],
  ['sb.scorecardresearch.com', ['/b', '/b2', '/cs/1234567/beacon.js']],
  ['p1.parsely.com', ['/px/']],
  ['statse.webtrendslive.com', ['/dcs222abc/dcs.gif']],
  ['acme.piwik.pro', ['/ppms.php', '/piwik.php', '/ppms.js']],
  ['acme.containers.piwik.pro', ['/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d.js']],
  ['nexus.ensighten.com', ['/acme/prod/Bootstrap.js', '/acme/prod/serverComponent.php']],
  ['jssdks.mparticle.com', ['/v3/JS/us1-abc/events', '/v2/JS/us1-abc/Events']],
  ['identity.mparticle.com', ['/v1/identify', '/v1/login']],
  ['c.lytics.io', ['/c/1a2b3c', '/c/1a2b3c/stream', '/api/tag/1a2b3c/latest.min.js']],
  ['rs.fullstory.com', ['/rec/page', '/rec/bundle']],
  ['script.crazyegg.com', ['/pages/scripts/0012/3456.js']],
  ['tracking.crazyegg.com', ['/clicks']],
  ['report.acme.gbqofs.io', ['/reporting/e9d834e4-f152-3375-9a1b-0c2d3e4f5a6b/cls_report']],
  ['cdn.decibelinsight.net', ['/i/13996/612538/di.js']],
  ['collection.decibelinsight.net', ['/i/13996/x']],
  ['api.indicative.com', ['/service/event', '/service/event/batch', '/service/event/key1']],
  ['events.split.io', ['/api/testImpressions/bulk', '/api/events/bulk', '/api/events/beacon']],
  ['logx.optimizely.com', ['/v1/events']],
  ['123.log.optimizely.com', ['/event']],
  ['async-px.dynamicyield.com', ['/dpx', '/uia']],
  ['app.omniconvert.com', ['/track/goal']],
  ['b.6sc.co', ['/v1/beacon/img.gif']],
  ['epsilon.6sense.com', ['/v3/company/details']],
  ['api.company-target.com', ['/api/v2/ip.json', '/api/v3/ip.js']],
  ['mtag.shop.example', ['/tpTracking/loader/load.js']],
  ['sdk.iad-01.braze.com', ['/api/v3/data']],
  ['in-automate.brevo.com', ['/p', '/api/v2/trackEvent', '/api/v2/identify']],
  ['pnapi.invoca.net', ['/1742/na.json']],
  ['tagtracking.vibescm.com', ['/track']],
  ['s.amazon-adsystem.com', ['/iu3', '/iui3']],
  ['insight.adsrvr.org', ['/track/up', '/track/conv/']],
  ['track.adform.net', ['/Serving/TrackPoint/']],
  ['tr.outbrain.com', ['/unifiedPixel']],
  ['t.teads.tv', ['/track']],
  ['creativecdn.com', ['/tags', '/tags/v2']],
  ['aax-eu.amazon-adsystem.com', ['/s/iu3']],
  ['et.company-target.com', ['/events/']],
  ['p1.zemanta.com', ['/v2/p/js/12345/PAGE_VIEW/', '/p/4321/x/']],
  ['beacon.sojern.com', ['/pixel/p/12345', '/pixel/cdp/web']],
  ['c.seznam.cz', ['/retargeting', '/conv']],
  ['c.imedia.cz', ['/checkConversion']],
  ['img.byspotify.com', ['/']],
  ['pixels.spotify.com', ['/v1/ingest']],
  ['trc.taboola.com', ['/1234567/log/3/unip', '/actions-handler/log/3/s2s-action']],
  ['sp.analytics.yahoo.com', ['/sp.pl']],
  ['cdp.customer.io', ['/v1/t', '/v1/batch']],
  [
    'track.customer.io',
    ['/events/page.gif', '/api/v1/customers/u-1/events', '/api/v1/events', '/api/v2/entity', '/api/v2/batch'],
  ],
  ['dev.visualwebsiteoptimizer.com', ['/events/t', '/c.gif', '/j.php']],
  ['api-iam.intercom.io', ['/messenger/web/ping', '/messenger/web/events']],
];

// Field names the decoders look at, so generated queries and bodies reach their interesting branches.
const KEYS = [
  'pid',
  'conversionId',
  'url',
  'tid',
  'event',
  'ed',
  'pd',
  'ad',
  'ev',
  'txn_id',
  'events',
  'ti',
  'evt',
  'ea',
  'id',
  'm.customEventName',
  'tag',
  'a',
  'p0',
  'p1',
  'p',
  'p2',
  'analytics_message',
  'sdkid',
  'fu',
  '__proto__',
  'constructor',
  'toString',
  'configId',
  'client',
  'mbox',
  's:event:type',
  's:sc:rsid',
  's',
  'type',
  'click',
  'events',
  'c1',
  'c2',
  'ns_st_ev',
  'idsite',
  'action',
  'data',
  'dcsuri',
  'WT.dl',
  'rec',
  'd_orgid',
  'OrgId',
  '_e',
  'sec',
  'name',
  'goal',
  'eventName',
  'n',
  'd',
  'token',
  'auth',
  'key',
  'sv_cid',
  'sib_type',
  'ex-fargs',
  'ex-hargs',
  'adv',
  'upid',
  'pm',
  'ADFPageName',
  'itm',
  'marketerId',
  'name',
  'buyer_pixel_id',
  'action',
  'conversion_type',
  'pixelId',
  'pt',
  'et',
  '.yp',
  'ea',
  'account_id',
  'en',
  'app_id',
  'user_data',
  'event_list',
];

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.json(),
  fc.constantFrom('%', '%E0%A4%A', '%zz', '[', '{"', 'e=vc&p=[i%3D', 'tw-a-b'),
);

const query = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...KEYS), fc.string()), text, fc.boolean()), { maxLength: 8 })
  .map((pairs) => pairs.map(([k, v, encode]) => `${k}=${encode ? encodeURIComponent(v) : v}`).join('&'));

const url = fc.oneof(
  fc
    .tuple(fc.constantFrom(...ENDPOINTS), fc.nat(), query)
    .map(([[host, paths], i, q]) => `https://${host}${paths[i % paths.length]!}?${q}`),
  fc
    .tuple(fc.constantFrom(...ENDPOINTS.map(([host]) => host)), fc.string(), query)
    .map(([host, path, q]) => `https://${host}/${path}?${q}`),
  fc.string(),
);

const deep = fc
  .integer({ min: 1, max: 20_000 })
  .chain((n) => fc.constantFrom('[', '{"a":', '[{"batch":').map((open) => open.repeat(n)));

const body = fc.oneof(
  fc.constant(undefined),
  text,
  query,
  fc.json().chain((j) => fc.nat(j.length).map((n) => j.slice(0, n))),
  fc
    .jsonValue()
    .map((v) => JSON.stringify({ batch: [v, v], req: [{ t: v }], pids: v, event: v, context: { pixel: { code: v } } })),
  // The shapes the newer decoders walk: event lists, XDM, Target's execute/notifications, visitors' snapshots.
  fc.jsonValue().map((v) =>
    JSON.stringify({
      events: [v, { xdm: v, data: v, name: v, event_type: v, eventName: v }],
      execute: { pageLoad: v, mboxes: [v] },
      notifications: [v, { mbox: v }],
      visitors: [{ snapshots: [{ decisions: [v], events: [v] }] }],
      params: v,
      playerTime: v,
      eventType: v,
      apiKey: v,
      entries: [v],
      token: v,
      requests: [v],
      OrgId: v,
      dt: v,
      attrs: v,
    }),
  ),
  fc.jsonValue().map((v) =>
    JSON.stringify([
      { f: v, i: [v, { k: v, t: v }] },
      { eventTypeId: v, properties: v },
    ]),
  ),
  fc.jsonValue().map((v) =>
    JSON.stringify({
      api_key: v,
      events: [v, { name: 'ce', data: v }, { name: 'p', data: { pr: v } }],
      attributes: [v],
      d: { event: v },
      name: v,
    }),
  ),
  fc.jsonValue().map((v) =>
    JSON.stringify({
      th: v,
      tags: [v, { eventType: v }],
      batch: [v, { pid: v, events: [v, { action: v, body: v }] }],
      type: v,
      auth: v,
    }),
  ),
  fc
    .jsonValue()
    .map(
      (v) =>
        `app_id=x&event_list=${encodeURIComponent(JSON.stringify([v, { event_name: v, metadata: v }]))}&user_data=${encodeURIComponent(JSON.stringify(v))}`,
    ),
  deep,
);

const request = fc.record({
  url,
  method: fc.constantFrom('GET', 'POST', undefined),
  body,
  type: fc.constantFrom('ping', 'image', undefined),
});

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

// 2,000 generated requests through 40 decoders take seconds on a busy shared machine: the default 5 s timeout would
// fail the run for load, not for a decoder. The tests assert what decoders return, never how fast.
const PROPERTY_TIMEOUT_MS = 60_000;

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
    // 2,000 generated requests through every decoder take seconds on a two-core machine shared by several runs:
    // a generous bound, as for GA4's property test, so the suite fails on a hang, not on a busy machine.
  }, 30_000);

  it(
    'each decoder matches and decodes without throwing',
    () => {
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
    },
    PROPERTY_TIMEOUT_MS,
  );
});
