import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest, type TagHit } from '.';

// Request shapes from Split's SDK data-posting API (events.split.io/api/testImpressions/bulk and /api/events/bulk,
// beacon variants with {entries, token}); configuration endpoints from its SDK overview.
const IMPRESSIONS = 'https://events.split.io/api/testImpressions/bulk';

describe('split', () => {
  it.each<[string, HitRequest, Partial<TagHit>]>([
    [
      'impression',
      {
        url: IMPRESSIONS,
        method: 'POST',
        body: '[{"f":"new_checkout","i":[{"k":"user-42","t":"on","m":1763884800123,"c":1763800000000,"r":"default rule"}]}]',
      },
      {
        event: 'impression',
        params: {
          feature_flag: 'new_checkout',
          key: 'user-42',
          treatment: 'on',
          label: 'default rule',
          change_number: '1763800000000',
        },
      },
    ],
    [
      'impression, older field names',
      {
        url: IMPRESSIONS,
        method: 'POST',
        body: '[{"testName":"hero_banner","keyImpressions":[{"keyName":"user-7","treatment":"v2","time":1763884800000,"label":"in segment beta"}]}]',
      },
      { event: 'impression', params: { feature_flag: 'hero_banner', key: 'user-7', treatment: 'v2' } },
    ],
    [
      'tracked event',
      {
        url: 'https://events.split.io/api/events/bulk',
        method: 'POST',
        body: '[{"eventTypeId":"checkout_completed","trafficTypeName":"user","key":"user-42","value":59.8,"timestamp":1763884800123,"properties":{"currency":"EUR"}}]',
      },
      { event: 'checkout_completed', params: { traffic_type: 'user', key: 'user-42', value: '59.8', currency: 'EUR' } },
    ],
    [
      'beacon on unload, with the SDK key',
      {
        url: 'https://events.split.io/api/events/beacon',
        method: 'POST',
        body: '{"entries":[{"eventTypeId":"page_exit","trafficTypeName":"user","key":"user-42"}],"token":"abcdef0123456789","sdk":"javascript-10.26.0"}',
      },
      { event: 'page_exit', account: 'abcdef0123456789' },
    ],
    [
      'library',
      { url: 'https://cdn.split.io/sdk/split-10.26.0.min.js' },
      { event: 'library_load', params: { script: 'split-10.26.0.min.js' } },
    ],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'split', ...want }));

  it('reads one hit per impression', () => {
    const body = '[{"f":"a","i":[{"k":"u1","t":"on"},{"k":"u2","t":"off"}]},{"f":"b","i":[{"k":"u1","t":"v1"}]}]';
    expect(
      decodeRequest({ url: IMPRESSIONS, method: 'POST', body }).map(
        (h) => `${h.params.feature_flag}:${h.params.treatment}`,
      ),
    ).toEqual(['a:on', 'a:off', 'b:v1']);
  });

  it.each<HitRequest>([
    { url: 'https://sdk.split.io/api/splitChanges?s=1.1&since=-1' },
    { url: 'https://sdk.split.io/api/memberships/user-42' },
    { url: 'https://auth.split.io/api/v2/auth?s=1.1&users=user-42' },
    {
      url: 'https://events.split.io/api/testImpressions/count',
      method: 'POST',
      body: '{"pf":[{"f":"a","m":1763884800000,"rc":3}]}',
    },
    { url: 'https://telemetry.split.io/api/v1/metrics/usage', method: 'POST', body: '{}' },
  ])('does not read $url as a Split hit', (req) =>
    expect(decodeRequest(req).filter((h) => h.vendor === 'split')).toEqual([]),
  );
});
