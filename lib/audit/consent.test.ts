import { describe, expect, it } from 'vitest';
import type { ConsentAnswer, GcmType, PurposeState } from '../consent/answers';
import type { StoredCookie, StoredHit } from '../store/types';
import { classifyCookie } from '../tags/cookies';
import { consentBreaches, cookieBreaches, type ConsentBreach, type ConsentRule } from './consent';
import { hit, T0 } from './testing';

type Purposes = Partial<Record<GcmType, PurposeState>>;
const gcmDefault = (at: number, purposes: Purposes, over: Partial<ConsentAnswer> = {}): ConsentAnswer => ({
  at,
  tabId: 1,
  source: 'gcm_default',
  kind: 'default',
  purposes,
  ...over,
});
const gcmUpdate = (at: number, purposes: Purposes, tabId = 1): ConsentAnswer => ({
  at,
  tabId,
  source: 'gcm_update',
  kind: 'answer',
  purposes,
});
const DENY_ALL: Purposes = {
  ad_storage: 'denied',
  analytics_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
};
const GRANT_ALL: Purposes = {
  ad_storage: 'granted',
  analytics_storage: 'granted',
  ad_user_data: 'granted',
  ad_personalization: 'granted',
};
const tcfAnswer = (
  at: number,
  t: { purposes: number[]; lis?: number[]; vendors: number[]; vendorLis?: number[]; gdprApplies?: boolean },
): ConsentAnswer => ({
  at,
  tabId: 1,
  source: 'tcf',
  kind: 'answer',
  purposes: {},
  tcf: {
    gdprApplies: t.gdprApplies ?? true,
    eventStatus: 'useractioncomplete',
    purposeConsents: t.purposes,
    purposeLegitimateInterests: t.lis ?? [],
    vendorConsents: t.vendors,
    vendorLegitimateInterests: t.vendorLis ?? [],
  },
});
const bannerUp = (at: number): ConsentAnswer => ({
  at,
  tabId: 1,
  source: 'tcf',
  kind: 'default',
  purposes: {},
  tcf: {
    gdprApplies: true,
    eventStatus: 'cmpuishown',
    purposeConsents: [],
    purposeLegitimateInterests: [],
    vendorConsents: [],
    vendorLegitimateInterests: [],
  },
});

const G100 = { gcs: 'G100', 'consent.ad_storage': 'denied', 'consent.analytics_storage': 'denied' };
const G111 = { gcs: 'G111', 'consent.ad_storage': 'granted', 'consent.analytics_storage': 'granted' };
const DEFAULT_GRANTED = {
  ...G111,
  gcd: '13t3t3t3t5l1',
  'consent.source': 'default',
  'consent.default.ad_storage': 'granted',
};
const UPDATED = {
  ...G111,
  gcd: '13r3r3r3r5l1',
  'consent.source': 'update',
  'consent.default.ad_storage': 'denied',
  'consent.update.ad_storage': 'granted',
};

const first = (hits: StoredHit[], answers: ConsentAnswer[]): ConsentBreach | undefined =>
  consentBreaches(hits, answers)[0];

describe('consentBreaches: every vendor against the purposes it needs', () => {
  it.each<[string, StoredHit, ConsentAnswer[], ConsentRule | undefined, Partial<ConsentBreach>?]>([
    // Advertising tags that do not honour Consent Mode.
    [
      'Meta Pixel while ad storage is denied by default',
      hit('meta-pixel', 'PageView', T0 + 10),
      [gcmDefault(T0, DENY_ALL)],
      'ad_pixel_denied',
      { purpose: 'ad_storage', source: 'gcm_default' },
    ],
    [
      'Meta Pixel after the visitor accepted',
      hit('meta-pixel', 'PageView', T0 + 10),
      [gcmDefault(T0, DENY_ALL), gcmUpdate(T0 + 5, GRANT_ALL)],
      undefined,
    ],
    [
      'Meta Pixel after "Reject all"',
      hit('meta-pixel', 'Lead', T0 + 10),
      [gcmDefault(T0, DENY_ALL), gcmUpdate(T0 + 5, DENY_ALL)],
      'ad_pixel_denied',
      { source: 'gcm_update' },
    ],
    [
      'Meta Pixel after a grant, then a withdrawal',
      hit('meta-pixel', 'PageView', T0 + 10),
      [gcmUpdate(T0, GRANT_ALL), gcmUpdate(T0 + 5, DENY_ALL)],
      'ad_pixel_denied',
    ],
    [
      'TikTok before the page said anything',
      hit('tiktok', 'Pageview', T0),
      [gcmUpdate(T0 + 500, GRANT_ALL)],
      'ad_pixel_before_answer',
      { purpose: 'ad_storage' },
    ],
    [
      'a default that grants: the page chose not to ask',
      hit('linkedin', 'pageview', T0 + 10),
      [gcmDefault(T0, GRANT_ALL)],
      undefined,
    ],
    [
      'an answer of another tab says nothing here',
      hit('meta-pixel', 'PageView', T0 + 10),
      [gcmUpdate(T0, DENY_ALL, 2)],
      undefined,
    ],
    ['no answers at all: nothing to hold the pixel against', hit('meta-pixel', 'PageView', T0), [], undefined],
    // Analytics and session recording: their own purpose.
    [
      'Hotjar while analytics storage is denied',
      hit('hotjar', 'recording', T0 + 10),
      [gcmDefault(T0, DENY_ALL)],
      'purpose_denied',
      { purpose: 'analytics_storage' },
    ],
    [
      'Mixpanel while only ad storage is denied',
      hit('mixpanel', 'track', T0 + 10),
      [gcmDefault(T0, { ad_storage: 'denied', analytics_storage: 'granted' })],
      undefined,
    ],
    [
      'Clarity when the page never speaks of analytics',
      hit('clarity', 'collect', T0 + 10),
      [gcmDefault(T0, { ad_storage: 'denied' })],
      undefined,
    ],
    [
      'Amplitude before the banner answered',
      hit('amplitude', 'Sign Up', T0),
      [gcmUpdate(T0 + 100, GRANT_ALL)],
      'purpose_before_answer',
      { purpose: 'analytics_storage' },
    ],
    [
      'Optimizely while personalisation is denied',
      hit('optimizely', 'event', T0 + 10),
      [gcmUpdate(T0, { analytics_storage: 'granted', personalization_storage: 'denied' })],
      'purpose_denied',
      { purpose: 'personalization_storage' },
    ],
    ['a tag manager needs nothing', hit('gtm', 'gtm.js', T0 + 10), [gcmDefault(T0, DENY_ALL)], undefined],
    [
      'Plausible sets nothing and needs nothing',
      hit('plausible', 'pageview', T0 + 10),
      [gcmDefault(T0, DENY_ALL)],
      undefined,
    ],
    ['a library load sets nothing', hit('meta-pixel', 'library_load', T0 + 10), [gcmDefault(T0, DENY_ALL)], undefined],
    [
      'a blocked pixel reached no one',
      hit('meta-pixel', 'PageView', T0 + 10, { status: 'blocked' }),
      [gcmDefault(T0, DENY_ALL)],
      undefined,
    ],
    [
      'a failed pixel still reached the vendor',
      hit('meta-pixel', 'PageView', T0 + 10, { status: 'failed', statusCode: 500 }),
      [gcmDefault(T0, DENY_ALL)],
      'ad_pixel_denied',
    ],
    // CMPs' own state, lagging or leading Consent Mode: the latest answer wins, the visitor's over the defaults.
    [
      'Hotjar after Cookiebot accepted statistics, before the Consent Mode update',
      hit('hotjar', 'recording', T0 + 20),
      [
        gcmDefault(T0, DENY_ALL),
        { at: T0 + 10, tabId: 1, source: 'cookiebot', kind: 'answer', purposes: { analytics_storage: 'granted' } },
        gcmUpdate(T0 + 30, GRANT_ALL),
      ],
      undefined,
    ],
    [
      'Meta Pixel while OneTrust still holds its default',
      hit('meta-pixel', 'PageView', T0 + 20),
      [
        {
          at: T0,
          tabId: 1,
          source: 'onetrust',
          kind: 'default',
          purposes: { ad_storage: 'denied', analytics_storage: 'denied' },
        },
      ],
      'ad_pixel_denied',
      { source: 'onetrust' },
    ],
    // Region-specific defaults: which applies depends on where the visitor is.
    [
      'Meta Pixel when the defaults differ by region and nothing tells the region',
      hit('meta-pixel', 'PageView', T0 + 10),
      [gcmDefault(T0, GRANT_ALL), gcmDefault(T0, DENY_ALL, { region: ['AT', 'BE', 'DE'] })],
      'ad_pixel_before_answer',
    ],
    [
      "…and when Google's own hit says the denied default applied",
      hit('meta-pixel', 'PageView', T0 + 10),
      [gcmDefault(T0, GRANT_ALL), gcmDefault(T0, DENY_ALL, { region: ['AT', 'BE', 'DE'] })],
      'ad_pixel_denied',
    ],
    [
      'regional and global defaults that agree',
      hit('meta-pixel', 'PageView', T0 + 10),
      [gcmDefault(T0, DENY_ALL), gcmDefault(T0, DENY_ALL, { region: ['US-CA'] })],
      'ad_pixel_denied',
    ],
  ])('%s', (name, h, answers, rule, facts) => {
    const hits = name.startsWith('…and when Google')
      ? [h, hit('ga4', 'page_view', T0 + 5, { params: { ...G100, 'consent.default.ad_storage': 'denied' } })]
      : [h];
    const got = consentBreaches(hits, answers).find((b) => b.hit === h);
    expect(got?.rule).toBe(rule);
    if (facts) expect(got).toMatchObject(facts);
  });

  // The TCF: purposes by consent (or legitimate interest where v2.2 allows it), and the vendor's own consent.
  it.each<[string, StoredHit, ConsentAnswer[], ConsentRule | undefined, Partial<ConsentBreach>?]>([
    [
      'Criteo with its purposes allowed but not its vendor id (91)',
      hit('criteo', 'viewHome', T0 + 10),
      [tcfAnswer(T0, { purposes: [1, 2, 3, 4, 7, 8], vendors: [755] })],
      'tcf_vendor_denied',
      { tcfVendorId: 91, source: 'tcf' },
    ],
    [
      'Criteo consented',
      hit('criteo', 'viewHome', T0 + 10),
      [tcfAnswer(T0, { purposes: [1, 2, 3, 4, 7], vendors: [91] })],
      undefined,
    ],
    [
      'Comscore with purpose 8 by legitimate interest',
      hit('comscore', 'pageview', T0 + 10),
      [tcfAnswer(T0, { purposes: [1], lis: [8], vendors: [], vendorLis: [77] })],
      undefined,
    ],
    [
      'Comscore without purpose 8',
      hit('comscore', 'pageview', T0 + 10),
      [tcfAnswer(T0, { purposes: [1, 2, 3, 4, 7], vendors: [77] })],
      'purpose_denied',
      { tcfPurpose: 8, purpose: 'analytics_storage' },
    ],
    [
      'Meta Pixel (no GVL id) with ad purposes allowed',
      hit('meta-pixel', 'PageView', T0 + 10),
      [tcfAnswer(T0, { purposes: [1, 2, 3, 4, 7], vendors: [] })],
      undefined,
    ],
    [
      'Meta Pixel when purpose 1 was refused',
      hit('meta-pixel', 'PageView', T0 + 10),
      [tcfAnswer(T0, { purposes: [2, 7], vendors: [] })],
      'ad_pixel_denied',
      { tcfPurpose: 1 },
    ],
    [
      'purpose 3 cannot rest on legitimate interest',
      hit('linkedin', 'pageview', T0 + 10),
      [tcfAnswer(T0, { purposes: [1, 2, 4, 7], lis: [3], vendors: [] })],
      'ad_pixel_denied',
      { tcfPurpose: 3 },
    ],
    [
      'the GDPR does not apply to this visitor',
      hit('criteo', 'viewHome', T0 + 10),
      [tcfAnswer(T0, { purposes: [], vendors: [], gdprApplies: false })],
      undefined,
    ],
    [
      'while the TCF banner is up with no earlier answer',
      hit('hotjar', 'recording', T0 + 10),
      [bannerUp(T0)],
      'purpose_before_answer',
    ],
  ])('TCF: %s', (_, h, answers, rule, facts) => {
    const got = first([h], answers);
    expect(got?.rule).toBe(rule);
    if (facts) expect(got).toMatchObject(facts);
  });

  // Google tags: judged by what their gcs/gcd claim; their cookieless pings are legitimate.
  it.each<[string, StoredHit, ConsentAnswer[], ConsentRule | undefined]>([
    [
      'Google cookieless ping (G100) while denied is expected',
      hit('ga4', 'page_view', T0 + 10, { params: G100 }),
      [gcmDefault(T0, DENY_ALL)],
      undefined,
    ],
    [
      'Google Ads G100 after "Reject all"',
      hit('google-ads', 'conversion', T0 + 10, { params: G100 }),
      [gcmDefault(T0, DENY_ALL), gcmUpdate(T0 + 5, DENY_ALL)],
      undefined,
    ],
    ['Google Ads G100 with no answers', hit('google-ads', 'conversion', T0, { params: G100 }), [], undefined],
    [
      'GA4 claims granted while the page said denied',
      hit('ga4', 'page_view', T0 + 10, { params: G111 }),
      [gcmDefault(T0, DENY_ALL)],
      'google_granted_while_denied',
    ],
    [
      'GA4 claims granted on a granted default',
      hit('ga4', 'page_view', T0 + 10, { params: G111 }),
      [gcmDefault(T0, GRANT_ALL)],
      'google_granted_before_update',
    ],
    [
      'GA4 granted after the update',
      hit('ga4', 'page_view', T0 + 10, { params: G111 }),
      [gcmDefault(T0, DENY_ALL), gcmUpdate(T0 + 5, GRANT_ALL)],
      undefined,
    ],
    [
      'Ads claims granted before the update came',
      hit('google-ads', 'conversion', T0, { params: G111 }),
      [gcmUpdate(T0 + 100, GRANT_ALL)],
      'google_granted_before_update',
    ],
    [
      'no answers, gcd says granted by default',
      hit('ga4', 'page_view', T0, { params: DEFAULT_GRANTED }),
      [],
      'google_granted_before_update',
    ],
    ['no answers, gcd says granted by an update', hit('ga4', 'page_view', T0, { params: UPDATED }), [], undefined],
    ['no answers, gcs alone cannot tell', hit('ga4', 'page_view', T0, { params: G111 }), [], undefined],
    ['no consent params at all', hit('ga4', 'page_view', T0), [], undefined],
    [
      'Floodlight is Google too',
      hit('floodlight', 'abcd1234', T0, { params: DEFAULT_GRANTED }),
      [],
      'google_granted_before_update',
    ],
    [
      'a Google tag is never judged by the TC string',
      hit('google-ads', 'conversion', T0 + 10),
      [tcfAnswer(T0, { purposes: [], vendors: [] })],
      undefined,
    ],
  ])('Google: %s', (_, h, answers, rule) => expect(first([h], answers)?.rule).toBe(rule));

  it.each<[ConsentRule, 'error' | 'warning', StoredHit, ConsentAnswer[]]>([
    ['ad_pixel_denied', 'error', hit('meta-pixel', 'PageView', T0 + 1), [gcmDefault(T0, DENY_ALL)]],
    ['ad_pixel_before_answer', 'warning', hit('meta-pixel', 'PageView', T0), [gcmUpdate(T0 + 1, GRANT_ALL)]],
    ['purpose_denied', 'error', hit('hotjar', 'recording', T0 + 1), [gcmDefault(T0, DENY_ALL)]],
    ['purpose_before_answer', 'warning', hit('hotjar', 'recording', T0), [gcmUpdate(T0 + 1, GRANT_ALL)]],
    [
      'tcf_vendor_denied',
      'error',
      hit('criteo', 'viewHome', T0 + 1),
      [tcfAnswer(T0, { purposes: [1, 2, 3, 4, 7], vendors: [] })],
    ],
    [
      'google_granted_while_denied',
      'error',
      hit('ga4', 'page_view', T0 + 1, { params: G111 }),
      [gcmDefault(T0, DENY_ALL)],
    ],
    ['google_granted_before_update', 'warning', hit('ga4', 'page_view', T0 + 1, { params: DEFAULT_GRANTED }), []],
  ])('%s is an %s', (rule, severity, h, answers) => expect(first([h], answers)).toMatchObject({ rule, severity }));

  it('orders the answers itself', () => {
    expect(
      consentBreaches(
        [hit('meta-pixel', 'PageView', T0 + 10)],
        [gcmUpdate(T0 + 5, GRANT_ALL), gcmDefault(T0, DENY_ALL)],
      ),
    ).toEqual([]);
  });
});

describe('cookieBreaches', () => {
  const cookie = (name: string, at: number, over: Partial<StoredCookie> = {}): StoredCookie => ({
    id: `s1|shop.example|/|${name}`,
    sessionId: 's1',
    tabId: 1,
    at,
    name,
    domain: 'shop.example',
    path: '/',
    via: 'cookie_store',
    ...over,
  });
  it.each<[string, StoredCookie, ConsentAnswer[], Partial<ReturnType<typeof cookieBreaches>[number]> | undefined]>([
    [
      '_fbp before the visitor answered',
      cookie('_fbp', T0),
      [gcmUpdate(T0 + 100, GRANT_ALL)],
      { rule: 'before_answer', severity: 'warning', vendor: 'meta-pixel', purpose: 'ad_storage' },
    ],
    [
      '_fbp while ad storage was denied',
      cookie('_fbp', T0 + 10),
      [gcmDefault(T0, DENY_ALL)],
      { rule: 'denied', severity: 'error', vendor: 'meta-pixel' },
    ],
    [
      '_fbp after the visitor accepted',
      cookie('_fbp', T0 + 10),
      [gcmDefault(T0, DENY_ALL), gcmUpdate(T0 + 5, GRANT_ALL)],
      undefined,
    ],
    [
      '_ga while analytics storage was denied (Google sets none then)',
      cookie('_ga', T0 + 10),
      [gcmDefault(T0, DENY_ALL)],
      { rule: 'denied', vendor: 'ga4', purpose: 'analytics_storage' },
    ],
    [
      '_ga after "Reject all"',
      cookie('_ga_ABC123', T0 + 10),
      [gcmDefault(T0, DENY_ALL), gcmUpdate(T0 + 5, DENY_ALL)],
      { rule: 'denied', vendor: 'ga4' },
    ],
    ['a cookie no vendor is known for', cookie('session_id', T0 + 10), [gcmDefault(T0, DENY_ALL)], undefined],
    [
      '_fbp when purpose 1 (device storage) was refused',
      cookie('_fbp', T0 + 10),
      [tcfAnswer(T0, { purposes: [2, 3, 4, 7], vendors: [] })],
      { rule: 'denied', tcfPurpose: 1 },
    ],
    [
      'cto_bundle when the TC string refuses Criteo',
      cookie('cto_bundle', T0 + 10),
      [tcfAnswer(T0, { purposes: [1, 2, 3, 4, 7], vendors: [] })],
      { rule: 'denied', tcfVendorId: 91 },
    ],
    ['no answers at all', cookie('_fbp', T0), [], undefined],
  ])('%s', (_, c, answers, want) => {
    const got = cookieBreaches([c], answers, classifyCookie)[0];
    if (want) expect(got).toMatchObject(want);
    else expect(got).toBeUndefined();
  });
});
