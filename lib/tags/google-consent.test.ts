import { describe, expect, it } from 'vitest';
import { consentParams, decodeGcd, decodeGcs } from './google-consent';

// gcs: Google's G1<ad_storage><analytics_storage>. gcd: two digits, then a letter per signal (ad_storage,
// analytics_storage, ad_user_data, ad_personalization), each followed by a digit — as seen on real hits.
describe('google-consent', () => {
  it.each([
    ['G100', { ad_storage: 'denied', analytics_storage: 'denied' }],
    ['G110', { ad_storage: 'granted', analytics_storage: 'denied' }],
    ['G101', { ad_storage: 'denied', analytics_storage: 'granted' }],
    ['G111', { ad_storage: 'granted', analytics_storage: 'granted' }],
    ['G1--', { ad_storage: 'not_set', analytics_storage: 'not_set' }],
  ])('gcs=%s', (gcs, want) => expect(decodeGcs(gcs)).toEqual(want));

  it.each([[''], ['G1'], ['X111'], ['G2xx'], [null], [undefined]])('gcs=%s is not decoded', (gcs) =>
    expect(decodeGcs(gcs)).toBeUndefined(),
  );

  it.each([
    ['all denied by default, no choice yet', '11p1p1p1p5', { value: 'denied', default: 'denied' }],
    ['denied by default and by the banner', '13q3q3q3q5l1', { value: 'denied', default: 'denied', update: 'denied' }],
    ['granted by default', '13t3t3t3t5l1', { value: 'granted', default: 'granted' }],
    [
      'denied by default, granted by the banner',
      '13r3r3r3r5l1',
      { value: 'granted', default: 'denied', update: 'granted' },
    ],
    ['only an update, denied', '13m3m3m3m5l1', { value: 'denied', update: 'denied' }],
    ['only an update, granted', '13n3n3n3n5l1', { value: 'granted', update: 'granted' }],
    [
      'granted by default, denied by the banner',
      '13u3u3u3u5l1',
      { value: 'denied', default: 'granted', update: 'denied' },
    ],
    [
      'granted by default and by the banner',
      '13v3v3v3v5l1',
      { value: 'granted', default: 'granted', update: 'granted' },
    ],
    ['Consent Mode not used', '13l3l3l3l1l1', { value: 'not_set' }],
  ])('gcd: %s (%s)', (_, gcd, want) => {
    const decoded = decodeGcd(gcd);
    for (const signal of ['ad_storage', 'analytics_storage', 'ad_user_data', 'ad_personalization'] as const) {
      expect(decoded?.[signal]).toEqual(want);
    }
  });

  it('reads each signal from its own position', () => {
    expect(decodeGcd('13r3v3p3l5l1')).toEqual({
      ad_storage: { value: 'granted', default: 'denied', update: 'granted' },
      analytics_storage: { value: 'granted', default: 'granted', update: 'granted' },
      ad_user_data: { value: 'denied', default: 'denied' },
      ad_personalization: { value: 'not_set' },
    });
  });

  it.each([[''], ['13'], ['abcdefghijkl'], ['13R3R3R3R5l1'], ['1'.repeat(10_000)], [null]])(
    'gcd=%s is not decoded',
    (gcd) => expect(decodeGcd(gcd)).toBeUndefined(),
  );

  it('skips a letter it does not know instead of guessing', () => {
    expect(decodeGcd('13z3t3t3t5l1')).toEqual({
      analytics_storage: { value: 'granted', default: 'granted' },
      ad_user_data: { value: 'granted', default: 'granted' },
      ad_personalization: { value: 'granted', default: 'granted' },
    });
  });

  it('turns gcs and gcd into readable params, with where the choice came from', () => {
    expect(consentParams('G111', '13r3r3r3r5l1')).toEqual({
      'consent.ad_storage': 'granted',
      'consent.analytics_storage': 'granted',
      'consent.ad_user_data': 'granted',
      'consent.ad_personalization': 'granted',
      'consent.default.ad_storage': 'denied',
      'consent.default.analytics_storage': 'denied',
      'consent.default.ad_user_data': 'denied',
      'consent.default.ad_personalization': 'denied',
      'consent.update.ad_storage': 'granted',
      'consent.update.analytics_storage': 'granted',
      'consent.update.ad_user_data': 'granted',
      'consent.update.ad_personalization': 'granted',
      'consent.source': 'update',
    });
  });

  it.each([
    ['defaults only', undefined, '13p3p3p3p5l1', 'default'],
    ['an update on one signal', undefined, '13p3p3r3p5l1', 'update'],
    ['gcs alone cannot tell', 'G100', undefined, undefined],
    ['nothing set', undefined, '13l3l3l3l1l1', undefined],
  ])('consent.source: %s', (_, gcs, gcd, want) => expect(consentParams(gcs, gcd)['consent.source']).toBe(want));

  it('lets gcs decide the storage signals of the hit it rides on', () => {
    expect(consentParams('G100', '13t3t3t3t5l1')).toMatchObject({
      'consent.ad_storage': 'denied',
      'consent.analytics_storage': 'denied',
      'consent.ad_user_data': 'granted',
    });
  });

  it('returns nothing for no consent fields', () => expect(consentParams(undefined, null)).toEqual({}));
});
