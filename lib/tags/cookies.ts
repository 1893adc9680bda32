import type { ConsentPurpose, VendorId } from './vendors';

// The well-known tracking cookies, one line per vendor: the names each vendor's own documentation gives its
// first-party cookies (and the third-party ones its responses set), with the consent purpose they are set for.
// Beside the registry (vendors.ts), which owns the vendor's other facts. Names only: values are never read.

interface CookieRule {
  vendor: VendorId;
  purpose: ConsentPurpose;
  names: RegExp;
}

// Order matters only where patterns overlap: the first match names the vendor.
const RULES: readonly CookieRule[] = [
  { vendor: 'ga4', purpose: 'analytics_storage', names: /^(_ga|_ga_[A-Z0-9]+|_gid|_gat(_.+)?)$/ },
  { vendor: 'google-ads', purpose: 'ad_storage', names: /^(_gcl_[a-z]+|_gac_.+|IDE|test_cookie)$/ },
  { vendor: 'meta-pixel', purpose: 'ad_storage', names: /^(_fbp|_fbc|fr)$/ },
  { vendor: 'tiktok', purpose: 'ad_storage', names: /^(_ttp|_tt_enable_cookie|ttcsid(_.+)?)$/ },
  { vendor: 'microsoft-uet', purpose: 'ad_storage', names: /^(_uetsid|_uetvid|_uetmsclkid|MUID)$/ },
  {
    vendor: 'linkedin',
    purpose: 'ad_storage',
    names: /^(li_fat_id|_li_ss|li_sugr|lidc|bcookie|UserMatchHistory|AnalyticsSyncHistory)$/,
  },
  { vendor: 'pinterest', purpose: 'ad_storage', names: /^(_pin_unauth|_pinterest_ct_ua|_epik|_derived_epik)$/ },
  { vendor: 'snapchat', purpose: 'ad_storage', names: /^(_scid|_scid_r|_sctr)$/ },
  { vendor: 'x', purpose: 'ad_storage', names: /^(_twclid|muc_ads|personalization_id)$/ },
  { vendor: 'reddit', purpose: 'ad_storage', names: /^(_rdt_uuid|_rdt_cid)$/ },
  { vendor: 'criteo', purpose: 'ad_storage', names: /^(cto_bundle|cto_bidid|cto_optout)$/ },
  { vendor: 'klaviyo', purpose: 'ad_storage', names: /^(__kla_id)$/ },
  { vendor: 'hotjar', purpose: 'analytics_storage', names: /^_hj/ },
  { vendor: 'clarity', purpose: 'analytics_storage', names: /^(_clck|_clsk|CLID)$/ },
  { vendor: 'mixpanel', purpose: 'analytics_storage', names: /^mp_/ },
  { vendor: 'segment', purpose: 'analytics_storage', names: /^ajs_/ },
  { vendor: 'amplitude', purpose: 'analytics_storage', names: /^(AMP_.+|amplitude_id.*)$/ },
  { vendor: 'heap', purpose: 'analytics_storage', names: /^_hp2_/ },
  { vendor: 'posthog', purpose: 'analytics_storage', names: /^ph_.+_posthog$/ },
  { vendor: 'matomo', purpose: 'analytics_storage', names: /^_pk_(id|ses|ref|cvar|hsr)(\..+)?$/ },
  { vendor: 'hubspot', purpose: 'analytics_storage', names: /^(__hstc|__hssc|__hssrc|hubspotutk)$/ },
  { vendor: 'adobe-analytics', purpose: 'analytics_storage', names: /^(s_cc|s_sq|s_vi|s_fid|s_ecid)$/ },
  { vendor: 'adobe-ecid', purpose: 'analytics_storage', names: /^(AMCV_.+|AMCVS_.+|demdex|dextp)$/ },
  { vendor: 'snowplow', purpose: 'analytics_storage', names: /^_sp_(id|ses)\./ },
  {
    vendor: 'rudderstack',
    purpose: 'analytics_storage',
    names: /^rl_(user_id|anonymous_id|group_id|trait|group_trait|page_init_referrer|session)$/,
  },
  { vendor: 'fullstory', purpose: 'analytics_storage', names: /^(fs_uid|fs_lua)$/ },
  { vendor: 'crazy-egg', purpose: 'analytics_storage', names: /^(_ce\.s|_ce\.clock_data|_ce\.clock_event|_ce\.gtld)$/ },
  { vendor: 'optimizely', purpose: 'analytics_storage', names: /^(optimizelyEndUserId|optimizelySession)$/ },
];

/** The vendor and purpose of a well-known tracking cookie, by its name; undefined for any other cookie. */
export function classifyCookie(name: string): { vendor: VendorId; purpose: ConsentPurpose } | undefined {
  for (const rule of RULES) if (rule.names.test(name)) return { vendor: rule.vendor, purpose: rule.purpose };
  return undefined;
}

/** The vendors the table knows cookies of, for tests that walk it. */
export const COOKIE_VENDORS: readonly VendorId[] = RULES.map((r) => r.vendor);
