import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest, type TagHit } from '.';

// Request shapes from the Snowplow Tracker Protocol: GET /i?e=…&tv=… and POST …/com.snowplowanalytics.snowplow/tp2.
const COLLECTOR = 'https://collector.shop.example';
const TP2 = `${COLLECTOR}/com.snowplowanalytics.snowplow/tp2`;
const selfDescribing = (schema: string, data: unknown): string =>
  JSON.stringify({
    schema: 'iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0',
    data: { schema, data },
  });
// The JavaScript tracker sends ue_px as URL-safe base64 without padding.
const px = (json: string): string => Buffer.from(json).toString('base64url');

describe('snowplow', () => {
  it.each<[string, HitRequest, Partial<TagHit>]>([
    [
      'page view',
      {
        url: `${COLLECTOR}/i?e=pv&url=https%3A%2F%2Fshop.example%2F&page=Home&refr=https%3A%2F%2Fwww.google.com%2F&aid=shop&p=web&tv=js-3.24.0&tna=sp1&duid=abc&sid=s-1&vid=2`,
      },
      {
        event: 'page_view',
        account: 'shop',
        params: {
          page_url: 'https://shop.example/',
          page_title: 'Home',
          referrer: 'https://www.google.com/',
          platform: 'web',
          tracker_version: 'js-3.24.0',
          domain_user_id: 'abc',
          session_index: '2',
        },
      },
    ],
    [
      'structured event',
      { url: `${COLLECTOR}/i?e=se&se_ca=newsletter&se_ac=subscribe&se_la=footer&se_va=1&aid=shop&tv=js-3.24.0` },
      {
        event: 'subscribe',
        params: { event_category: 'newsletter', event_action: 'subscribe', event_label: 'footer', event_value: '1' },
      },
    ],
    [
      'self-describing event (ue_px)',
      {
        url: `${COLLECTOR}/i?e=ue&ue_px=${px(selfDescribing('iglu:com.acme/signup/jsonschema/1-0-0', { plan: 'pro' }))}&aid=shop&tv=js-3.24.0`,
      },
      { event: 'signup', params: { plan: 'pro', event_schema: 'iglu:com.acme/signup/jsonschema/1-0-0' } },
    ],
    [
      'page ping',
      { url: `${COLLECTOR}/i?e=pp&aid=shop&tv=js-3.24.0&pp_mix=0&pp_max=120` },
      { event: 'page_ping', params: { pp_max: '120' } },
    ],
    [
      'transaction',
      { url: `${COLLECTOR}/i?e=tr&tr_id=T-1&tr_tt=99.5&tr_cu=EUR&aid=shop&tv=js-2.18.2` },
      { event: 'transaction', params: { order_id: 'T-1', total: '99.5', currency: 'EUR' } },
    ],
    [
      'broken ue_px',
      { url: `${COLLECTOR}/i?e=ue&ue_px=%%%&aid=shop&tv=js-3` },
      { event: 'self_describing_event', account: 'shop', partial: expect.stringContaining('ue_px') as string },
    ],
    [
      'truncated POST',
      {
        url: TP2,
        method: 'POST',
        body: '{"schema":"iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4","data":[{"e":"pv","ai',
      },
      { partial: expect.any(String) as string },
    ],
    [
      'library',
      { url: 'https://cdn.jsdelivr.net/npm/@snowplow/javascript-tracker@3/dist/sp.js' },
      { event: 'library_load', params: { script: 'sp.js' } },
    ],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'snowplow', ...want }));

  it('reads a POST payload as one hit per event', () => {
    const body = JSON.stringify({
      schema: 'iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4',
      data: [
        { e: 'pv', aid: 'shop', tv: 'js-3.24.0', url: 'https://shop.example/' },
        {
          e: 'ue',
          aid: 'shop',
          tv: 'js-3.24.0',
          ue_pr: selfDescribing('iglu:com.snowplowanalytics.snowplow/link_click/jsonschema/1-0-1', {
            targetUrl: 'https://partner.example/',
          }),
        },
        { e: 'se', aid: 'shop', tv: 'js-3.24.0', se_ca: 'video', se_ac: 'play' },
      ],
    });
    const hits = decodeRequest({ url: TP2, method: 'POST', body });
    expect(hits.map((h) => [h.event, h.account])).toEqual([
      ['page_view', 'shop'],
      ['link_click', 'shop'],
      ['play', 'shop'],
    ]);
    expect(hits[1]?.params).toMatchObject({ targetUrl: 'https://partner.example/' });
  });

  it.each<HitRequest>([
    { url: 'https://shop.example/i?e=foo' },
    { url: 'https://shop.example/i' },
    { url: 'https://shop.example/img/i?tv=1&e=pv' },
    { url: 'https://shop.example/static/sp.js' },
    { url: 'https://shop.example/i/?tv=1' },
  ])('does not read $url as a Snowplow hit', (req) =>
    expect(decodeRequest(req).filter((h) => h.vendor === 'snowplow')).toEqual([]),
  );

  it('never fails on hostile input', () => {
    const bodies = fc.oneof(
      fc.string(),
      fc.json(),
      fc.jsonValue().map((v) =>
        JSON.stringify({
          data: [
            v,
            { e: 'ue', ue_pr: JSON.stringify(v) },
            { e: 'ue', ue_px: typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v) },
          ],
        }),
      ),
    );
    fc.assert(
      fc.property(bodies, fc.string(), (body, value) => {
        const requests: HitRequest[] = [
          { url: TP2, method: 'POST', body },
          { url: `${COLLECTOR}/i?e=ue&tv=js-3&ue_px=${encodeURIComponent(value)}` },
          { url: `${COLLECTOR}/i?e=ue&tv=js-3&ue_pr=${encodeURIComponent(body)}` },
        ];
        for (const req of requests)
          for (const hit of decodeRequest(req)) expect(hit.partial ?? '').not.toMatch(/^decoder error/);
      }),
      { numRuns: 200 },
    );
  });
});
