import fc from 'fast-check';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest, type TagHit } from '.';

// Request shapes from PostHog's capture API docs (/i/v0/e/, /batch/, /capture/) and posthog-js (/e/, data=base64).
const post = (url: string, body: unknown): HitRequest => ({
  url,
  method: 'POST',
  body: typeof body === 'string' ? body : JSON.stringify(body),
});
const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64');

describe('posthog', () => {
  it.each<[string, HitRequest, Partial<TagHit>]>([
    [
      'documented single event',
      post('https://us.i.posthog.com/i/v0/e/', {
        api_key: 'phc_X',
        event: 'signed_up',
        distinct_id: 'u-1',
        properties: { plan: 'pro' },
      }),
      { event: 'signed_up', account: 'phc_X', params: { distinct_id: 'u-1', plan: 'pro' } },
    ],
    [
      'posthog-js page view array',
      post('https://us.i.posthog.com/e/?ip=1&_=1700000000000&ver=1.200.0', [
        {
          event: '$pageview',
          properties: { token: 'phc_Y', distinct_id: 'd-1', $current_url: 'https://shop.example/', $session_id: 's-1' },
        },
      ]),
      {
        event: '$pageview',
        account: 'phc_Y',
        params: { distinct_id: 'd-1', page_url: 'https://shop.example/', session_id: 's-1' },
      },
    ],
    [
      'base64 form body',
      post(
        'https://eu.i.posthog.com/e/?compression=base64',
        `data=${encodeURIComponent(b64({ event: '$autocapture', properties: { token: 'phc_Z', $event_type: 'click' } }))}`,
      ),
      { event: '$autocapture', account: 'phc_Z', params: { $event_type: 'click' } },
    ],
    [
      'capture with distinct_id in properties',
      post('https://us.i.posthog.com/capture/', {
        api_key: 'phc_C',
        event: 'Lead',
        properties: { distinct_id: 'u-9', value: 10 },
      }),
      { event: 'Lead', account: 'phc_C', params: { distinct_id: 'u-9', value: '10' } },
    ],
    [
      'legacy cloud host',
      post('https://app.posthog.com/e/', { event: 'x', properties: { token: 'phc_L' } }),
      { event: 'x', account: 'phc_L' },
    ],
    [
      'gzip-js body that could not be inflated',
      post('https://us.i.posthog.com/e/?compression=gzip-js&ver=1.200.0', '\u001f\ufffd\b\u0000garbled'),
      { event: undefined, partial: 'compressed body' },
    ],
    // lib/tags/body.ts inflates gzip by its magic bytes: the decoder then reads the JSON whatever the parameter says.
    [
      'gzip-js body, inflated',
      post('https://us.i.posthog.com/e/?compression=gzip-js&ver=1.200.0', [
        { event: 'signed_up', properties: { token: 'phc_G' } },
      ]),
      { event: 'signed_up', account: 'phc_G' },
    ],
    // posthog-js before gzip: LZString.compressToBase64 of the JSON, as a form field.
    [
      'lz64 form body',
      post(
        'https://us.i.posthog.com/e/?compression=lz64',
        `data=${encodeURIComponent(LZString.compressToBase64(JSON.stringify([{ event: 'trial_started', properties: { token: 'phc_LZ', plan: 'pro' } }])))}`,
      ),
      { event: 'trial_started', account: 'phc_LZ', params: { plan: 'pro' } },
    ],
    [
      'lz64 body that is not lz-string',
      post('https://us.i.posthog.com/e/?compression=lz64', 'data=%%%'),
      { partial: 'lz64 body could not be decompressed' },
    ],
    [
      'session recording',
      post('https://us.i.posthog.com/s/?compression=gzip-js', '\u001f\ufffd'),
      { event: '$snapshot', partial: 'compressed body' },
    ],
    [
      'truncated JSON',
      post('https://us.i.posthog.com/e/', '[{"event":"$pageview","properties":{"tok'),
      { partial: expect.stringContaining('JSON') as string },
    ],
    [
      'library',
      { url: 'https://us-assets.i.posthog.com/static/array.js' },
      { event: 'library_load', params: { script: 'array.js' } },
    ],
    [
      'per-project loader',
      { url: 'https://us-assets.i.posthog.com/array/phc_K/config.js' },
      { event: 'library_load', account: 'phc_K' },
    ],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'posthog', ...want }));

  it('reads a batch as one hit per event', () => {
    const hits = decodeRequest(
      post('https://us.i.posthog.com/batch/', {
        api_key: 'phc_B',
        batch: [
          { event: 'a', distinct_id: '1' },
          { event: 'b', distinct_id: '2', properties: { k: 'v' } },
        ],
      }),
    );
    expect(hits.map((h) => [h.event, h.account, h.params.distinct_id])).toEqual([
      ['a', 'phc_B', '1'],
      ['b', 'phc_B', '2'],
    ]);
  });

  it.each<HitRequest>([
    post('https://us.i.posthog.com/decide/?v=3', { token: 'phc_X', distinct_id: 'd' }),
    post('https://us.i.posthog.com/flags/?v=2', { token: 'phc_X', distinct_id: 'd' }),
    { url: 'https://posthog.com/docs/api/capture' },
    post('https://shop.example/e/', { event: 'x' }),
  ])('does not read $url as a PostHog hit', (req) =>
    expect(decodeRequest(req).filter((h) => h.vendor === 'posthog')).toEqual([]),
  );

  it('never fails on hostile bodies', () => {
    const bodies = fc.oneof(
      fc.string(),
      fc.json(),
      fc.jsonValue().map((v) => `data=${encodeURIComponent(b64({ batch: [v], event: v, properties: v }))}`),
    );
    fc.assert(
      fc.property(bodies, (body) => {
        for (const url of ['https://us.i.posthog.com/e/', 'https://us.i.posthog.com/batch/']) {
          for (const hit of decodeRequest({ url, method: 'POST', body }))
            expect(hit.partial ?? '').not.toMatch(/^decoder error/);
        }
      }),
      { numRuns: 200 },
    );
  });
});
