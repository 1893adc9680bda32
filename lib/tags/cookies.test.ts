import { describe, expect, it } from 'vitest';
import { classifyCookie, COOKIE_VENDORS } from './cookies';
import { VENDORS } from './vendors';

describe('classifyCookie', () => {
  it.each([
    ['_ga', 'ga4', 'analytics_storage'],
    ['_ga_Q1W2E3R4T5', 'ga4', 'analytics_storage'],
    ['_gid', 'ga4', 'analytics_storage'],
    ['_gcl_au', 'google-ads', 'ad_storage'],
    ['_gcl_aw', 'google-ads', 'ad_storage'],
    ['_fbp', 'meta-pixel', 'ad_storage'],
    ['_fbc', 'meta-pixel', 'ad_storage'],
    ['_ttp', 'tiktok', 'ad_storage'],
    ['_uetsid', 'microsoft-uet', 'ad_storage'],
    ['_uetvid', 'microsoft-uet', 'ad_storage'],
    ['li_fat_id', 'linkedin', 'ad_storage'],
    ['_pin_unauth', 'pinterest', 'ad_storage'],
    ['_scid', 'snapchat', 'ad_storage'],
    ['_rdt_uuid', 'reddit', 'ad_storage'],
    ['cto_bundle', 'criteo', 'ad_storage'],
    ['__kla_id', 'klaviyo', 'ad_storage'],
    ['_hjSessionUser_123', 'hotjar', 'analytics_storage'],
    ['_hjid', 'hotjar', 'analytics_storage'],
    ['_clck', 'clarity', 'analytics_storage'],
    ['mp_0123abc_mixpanel', 'mixpanel', 'analytics_storage'],
    ['ajs_anonymous_id', 'segment', 'analytics_storage'],
    ['ajs_user_id', 'segment', 'analytics_storage'],
    ['AMP_abc123', 'amplitude', 'analytics_storage'],
    ['_hp2_id.123', 'heap', 'analytics_storage'],
    ['ph_phc_abc_posthog', 'posthog', 'analytics_storage'],
    ['_pk_id.1.1fff', 'matomo', 'analytics_storage'],
    ['hubspotutk', 'hubspot', 'analytics_storage'],
    ['AMCV_ABC%40AdobeOrg', 'adobe-ecid', 'analytics_storage'],
    ['_sp_id.1fff', 'snowplow', 'analytics_storage'],
    ['fs_uid', 'fullstory', 'analytics_storage'],
  ] as const)('%s is %s (%s)', (name, vendor, purpose) => expect(classifyCookie(name)).toEqual({ vendor, purpose }));

  it.each([
    'session',
    'PHPSESSID',
    'cart',
    '_gaq_custom',
    'ga',
    'fbp',
    'OptanonConsent',
    'CookieConsent',
    '_ga_lower_case',
  ])('%s is not a known tracking cookie', (name) => expect(classifyCookie(name)).toBeUndefined());

  it("names only vendors of the registry whose purposes include the cookie's", () => {
    for (const vendor of COOKIE_VENDORS) expect(VENDORS[vendor].purposes.length, vendor).toBeGreaterThan(0);
  });
});
