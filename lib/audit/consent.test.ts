import { describe, expect, it } from 'vitest';
import type { StoredHit, StoredSignal } from '../store/types';
import { consentBreaches, consentSignals, type ConsentRule, type ConsentSignal } from './consent';
import { hit, T0 } from './testing';

const signal = (at: number, adStorage: ConsentSignal['adStorage'], source: ConsentSignal['source'] = 'tcf', tabId = 1): ConsentSignal => ({ at, tabId, source, adStorage });
const G100 = { gcs: 'G100', 'consent.ad_storage': 'denied', 'consent.analytics_storage': 'denied' };
const G111 = { gcs: 'G111', 'consent.ad_storage': 'granted', 'consent.analytics_storage': 'granted' };
const DEFAULT_GRANTED = { ...G111, gcd: '13t3t3t3t5l1', 'consent.source': 'default', 'consent.default.ad_storage': 'granted' };
const UPDATED = { ...G111, gcd: '13r3r3r3r5l1', 'consent.source': 'update', 'consent.default.ad_storage': 'denied', 'consent.update.ad_storage': 'granted' };

describe('consentBreaches', () => {
  it.each<[string, StoredHit, ConsentSignal[], ConsentRule | undefined]>([
    // Advertising pixels that do not honour Consent Mode.
    ['Meta Pixel while denied', hit('meta-pixel', 'PageView', T0 + 10), [signal(T0, 'denied')], 'ad_pixel_denied'],
    ['Meta Pixel after a grant', hit('meta-pixel', 'PageView', T0 + 10), [signal(T0, 'denied'), signal(T0 + 5, 'granted', 'banner')], undefined],
    ['Meta Pixel after a grant, then a withdrawal', hit('meta-pixel', 'PageView', T0 + 10), [signal(T0, 'granted'), signal(T0 + 5, 'denied')], 'ad_pixel_denied'],
    ['TikTok before the banner answered', hit('tiktok', 'Pageview', T0), [signal(T0 + 500, 'granted', 'banner')], 'ad_pixel_before_answer'],
    ['LinkedIn while the banner is open', hit('linkedin', 'pageview', T0 + 10), [signal(T0, 'unknown', 'banner')], 'ad_pixel_before_answer'],
    ['a signal of another tab says nothing here', hit('meta-pixel', 'PageView', T0 + 10), [signal(T0, 'denied', 'tcf', 2)], undefined],
    ['no signals at all: the pixel rule does not apply', hit('meta-pixel', 'PageView', T0), [], undefined],
    ['an analytics tool is not an ad pixel', hit('mixpanel', 'track', T0 + 10), [signal(T0, 'denied')], undefined],
    ['a tag manager is not an ad pixel', hit('gtm', 'gtm.js', T0 + 10), [signal(T0, 'denied')], undefined],
    ['a library load sets nothing', hit('meta-pixel', 'library_load', T0 + 10), [signal(T0, 'denied')], undefined],
    ['a blocked pixel reached no one', hit('meta-pixel', 'PageView', T0 + 10, { status: 'blocked' }), [signal(T0, 'denied')], undefined],
    ['a failed pixel still reached the vendor', hit('meta-pixel', 'PageView', T0 + 10, { status: 'failed', statusCode: 500 }), [signal(T0, 'denied')], 'ad_pixel_denied'],
    // Google tags: judged by what their gcs/gcd claim.
    ['Google cookieless ping (G100) while denied is expected', hit('ga4', 'page_view', T0 + 10, { params: G100 }), [signal(T0, 'denied', 'gcm_default')], undefined],
    ['Google Ads G100 with no signals', hit('google-ads', 'conversion', T0, { params: G100 }), [], undefined],
    ['GA4 claims granted while the page said denied', hit('ga4', 'page_view', T0 + 10, { params: G111 }), [signal(T0, 'denied', 'gcm_default')], 'google_granted_while_denied'],
    ['GA4 claims granted on a granted default', hit('ga4', 'page_view', T0 + 10, { params: G111 }), [signal(T0, 'granted', 'gcm_default')], 'google_granted_before_update'],
    ['GA4 granted after the update', hit('ga4', 'page_view', T0 + 10, { params: G111 }), [signal(T0, 'denied', 'gcm_default'), signal(T0 + 5, 'granted', 'gcm_update')], undefined],
    ['GA4 granted after a TCF yes', hit('ga4', 'page_view', T0 + 10, { params: G111 }), [signal(T0 + 5, 'granted', 'tcf')], undefined],
    ['Ads claims granted before the update came', hit('google-ads', 'conversion', T0, { params: G111 }), [signal(T0 + 100, 'granted', 'gcm_update')], 'google_granted_before_update'],
    ['no signals, gcd says granted by default', hit('ga4', 'page_view', T0, { params: DEFAULT_GRANTED }), [], 'google_granted_before_update'],
    ['no signals, gcd says granted by an update', hit('ga4', 'page_view', T0, { params: UPDATED }), [], undefined],
    ['no signals, gcs alone cannot tell', hit('ga4', 'page_view', T0, { params: G111 }), [], undefined],
    ['no consent params at all', hit('ga4', 'page_view', T0), [], undefined],
    ['Floodlight is Google too', hit('floodlight', 'abcd1234', T0, { params: DEFAULT_GRANTED }), [], 'google_granted_before_update'],
  ])('%s', (_, h, signals, want) => expect(consentBreaches([h], signals)[0]?.rule).toBe(want));

  it.each<[ConsentRule, 'error' | 'warning']>([
    ['ad_pixel_denied', 'error'], ['ad_pixel_before_answer', 'warning'], ['google_granted_while_denied', 'error'], ['google_granted_before_update', 'warning'],
  ])('%s is an %s', (rule, severity) => {
    const cases: Record<ConsentRule, [StoredHit, ConsentSignal[]]> = {
      ad_pixel_denied: [hit('meta-pixel', 'PageView', T0 + 1), [signal(T0, 'denied')]],
      ad_pixel_before_answer: [hit('meta-pixel', 'PageView', T0 + 1), [signal(T0, 'unknown')]],
      google_granted_while_denied: [hit('ga4', 'page_view', T0 + 1, { params: G111 }), [signal(T0, 'denied')]],
      google_granted_before_update: [hit('ga4', 'page_view', T0 + 1, { params: DEFAULT_GRANTED }), []],
    };
    const [h, s] = cases[rule];
    expect(consentBreaches([h], s)[0]).toMatchObject({ rule, severity });
  });

  it('orders the signals itself', () => {
    expect(consentBreaches([hit('meta-pixel', 'PageView', T0 + 10)], [signal(T0 + 5, 'granted'), signal(T0, 'denied')])).toEqual([]);
  });
});

describe('consentSignals', () => {
  it('keeps the consent events of the store, with an unknown state when the page did not say', () => {
    const base = { sessionId: 's1', tabId: 3, frameId: 0 };
    const stored: StoredSignal[] = [
      { ...base, id: 'a', at: 1, kind: 'consent', source: 'gcm_default', adStorage: 'denied' },
      { ...base, id: 'b', at: 2, kind: 'datalayer', source: 'gtag', event: 'purchase' },
      { ...base, id: 'c', at: 3, kind: 'consent', source: 'tcf' },
    ];
    expect(consentSignals(stored)).toEqual([
      { at: 1, tabId: 3, source: 'gcm_default', adStorage: 'denied' },
      { at: 3, tabId: 3, source: 'tcf', adStorage: 'unknown' },
    ]);
  });
});
