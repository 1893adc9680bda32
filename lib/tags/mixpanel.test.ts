import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest, type TagHit } from '.';

// Request shapes from Mixpanel's ingestion docs and mixpanel-js: /track with `data` as base64 or URL-encoded JSON.
const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64');
const urlSafe = (value: unknown): string => b64(value).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const TRACK = 'https://api-js.mixpanel.com/track/';
const signedUp = {
  event: 'Signed Up',
  properties: { token: 'tok1', distinct_id: 'd-1', plan: 'pro', $current_url: 'https://shop.example/', mp_lib: 'web' },
};

describe('mixpanel', () => {
  it.each<[string, HitRequest, Partial<TagHit>]>([
    [
      'base64 data in the query',
      { url: `${TRACK}?data=${encodeURIComponent(b64(signedUp))}&ip=1` },
      {
        event: 'Signed Up',
        account: 'tok1',
        params: { distinct_id: 'd-1', plan: 'pro', page_url: 'https://shop.example/', library: 'web' },
      },
    ],
    [
      'URL-safe base64 without padding',
      { url: `${TRACK}?data=${urlSafe({ event: 'Clicked', properties: { token: 'tok2', label: '~~~~~~' } })}` },
      { event: 'Clicked', account: 'tok2', params: { label: '~~~~~~' } },
    ],
    [
      'base64 whose + arrived as a space',
      { url: `${TRACK}?data=${b64({ event: 'Noted', properties: { token: 'tok3', note: '~~~~~~' } })}` },
      { event: 'Noted', account: 'tok3', params: { note: '~~~~~~' } },
    ],
    [
      'URL-encoded JSON in a form body',
      {
        url: `${TRACK}?ip=1&_=1700000000000`,
        method: 'POST',
        body: `data=${encodeURIComponent(JSON.stringify(signedUp))}`,
      },
      { event: 'Signed Up', account: 'tok1' },
    ],
    [
      'base64 in a form body',
      { url: TRACK, method: 'POST', body: `data=${encodeURIComponent(b64(signedUp))}` },
      { event: 'Signed Up', account: 'tok1' },
    ],
    [
      'JSON body on the EU host',
      {
        url: 'https://api-eu.mixpanel.com/track',
        method: 'POST',
        body: JSON.stringify([{ event: 'Purchase', properties: { token: 'tok-eu', amount: 12 } }]),
      },
      { event: 'Purchase', account: 'tok-eu', params: { amount: '12' } },
    ],
    [
      'profile update',
      {
        url: `https://api-js.mixpanel.com/engage/?data=${encodeURIComponent(b64({ $token: 'tok1', $distinct_id: 'd-1', $set: { plan: 'pro' } }))}`,
      },
      { event: '$set', account: 'tok1', params: { $distinct_id: 'd-1', '$set.plan': 'pro' } },
    ],
    [
      'invalid base64',
      { url: `${TRACK}?data=%%%not*base64` },
      { event: undefined, partial: expect.stringContaining('base64') as string },
    ],
    [
      'truncated JSON',
      {
        url: `${TRACK}?data=${encodeURIComponent(Buffer.from('{"event":"Signed Up","properties":{"tok').toString('base64'))}`,
      },
      { partial: expect.stringContaining('JSON') as string },
    ],
    ['no data at all', { url: TRACK, method: 'POST' }, { partial: expect.stringContaining('no data') as string }],
    [
      'library',
      { url: 'https://cdn.mxpnl.com/libs/mixpanel-2-latest.min.js' },
      { event: 'library_load', params: { script: 'mixpanel-2-latest.min.js' } },
    ],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'mixpanel', ...want }));

  it('reads a batch as one hit per event', () => {
    const batch = [
      { event: 'A', properties: { token: 't' } },
      { event: 'B', properties: { token: 't' } },
      { event: '$mp_web_page_view', properties: { token: 't' } },
    ];
    const hits = decodeRequest({
      url: TRACK,
      method: 'POST',
      body: `data=${encodeURIComponent(JSON.stringify(batch))}`,
    });
    expect(hits.map((h) => [h.event, h.account])).toEqual([
      ['A', 't'],
      ['B', 't'],
      ['$mp_web_page_view', 't'],
    ]);
  });

  it.each<HitRequest>([
    { url: 'https://api-js.mixpanel.com/decide/?verbose=1&version=3&lib=web&token=tok1' },
    { url: 'https://api-js.mixpanel.com/flags/?token=tok1' },
    { url: 'https://api-js.mixpanel.com/record/?format=gzip', method: 'POST', body: 'x' },
    { url: 'https://mixpanel.com/pricing/' },
    { url: 'https://shop.example/track/?data=eyJldmVudCI6IngifQ==' },
  ])('does not read $url as a Mixpanel hit', (req) =>
    expect(decodeRequest(req).filter((h) => h.vendor === 'mixpanel')).toEqual([]),
  );

  it('never fails on hostile data', () => {
    const data = fc.oneof(
      fc.string(),
      fc.json(),
      fc.jsonValue().map((v) => b64([v, { event: v, properties: v }])),
    );
    fc.assert(
      fc.property(data, (value) => {
        const requests: HitRequest[] = [
          { url: `${TRACK}?data=${encodeURIComponent(value)}` },
          { url: TRACK, method: 'POST', body: `data=${encodeURIComponent(value)}` },
          { url: 'https://api-js.mixpanel.com/engage/', method: 'POST', body: value },
        ];
        for (const req of requests)
          for (const hit of decodeRequest(req)) expect(hit.partial ?? '').not.toMatch(/^decoder error/);
      }),
      { numRuns: 200 },
    );
  });
});
