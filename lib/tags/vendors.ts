// The vendor registry: the one place a vendor's slug, name, owner, category, consent purposes and hosts live.
// Decoding (host dispatch), stubbing (`--stub-vendors`, the e2e routes), the popup's owner labels, the options
// page's pickers and the consent checks all read it. Adding a vendor: its decoder file, its line here, and its
// decoder in lib/tags/registry.ts (lib/tags/vendors.test.ts fails until all three agree).

/** What the vendor does on a page; the consent checks read the purposes, the reports read the category. */
export type VendorCategory = 'advertising' | 'analytics' | 'session_recording' | 'testing' | 'tag_manager' | 'customer_data';

/**
 * The consent a vendor's hits need, in Google Consent Mode's vocabulary (the one most CMPs map onto):
 * `ad_storage` for advertising identifiers, `analytics_storage` for measurement and session recording.
 * None for tag managers and for tools that set no identifier and read no personal data.
 */
export type ConsentPurpose = 'ad_storage' | 'analytics_storage' | 'functionality_storage' | 'personalization_storage';

export interface VendorInfo {
  /** What a marketer calls it. */
  name: string;
  /** The company behind it (labels group by it: "Google", "Meta", "Contentsquare"). */
  owner: string;
  category: VendorCategory;
  purposes: readonly ConsentPurpose[];
  /**
   * The registrable domains (or subdomains) the vendor owns for its hits, libraries and configuration: a host is
   * the vendor's when it is one of these or a subdomain. Decoders without `anyHost` are offered only these hosts.
   * Empty for a vendor that is always self-hosted.
   */
  hosts: readonly string[];
  /** Google tags honour Consent Mode (gcs/gcd) instead of being blocked outright. */
  google?: true;
  /**
   * Its library rightly sends nothing on many pages: it reports only when an experiment or snapshot applies to the
   * page, or it batches on a timer that an audit's page visit does not outlast. A load without hits is then no finding.
   */
  mayStayQuiet?: true;
}

const G = { owner: 'Google', google: true } as const;
const AD: readonly ConsentPurpose[] = ['ad_storage'];
const AN: readonly ConsentPurpose[] = ['analytics_storage'];
/** Testing and personalisation tools: they measure (analytics) and tailor what a visitor sees (personalization). */
const PZ: readonly ConsentPurpose[] = ['analytics_storage', 'personalization_storage'];

// The slugs are a contract (DESIGN.md): users' plans and reports name them. Add, never rename. Order is the
// order decoders are listed in and vendors are offered in pickers.
const TABLE = {
  ga4: { ...G, name: 'Google Analytics 4', category: 'analytics', purposes: AN, hosts: ['google-analytics.com', 'analytics.google.com'] },
  'universal-analytics': { ...G, name: 'Universal Analytics (retired)', category: 'analytics', purposes: AN, hosts: ['google-analytics.com', 'analytics.google.com'] },
  gtm: { ...G, name: 'Google Tag Manager', category: 'tag_manager', purposes: [], hosts: ['googletagmanager.com'] },
  'google-ads': { ...G, name: 'Google Ads', category: 'advertising', purposes: AD, hosts: ['googleadservices.com', 'googleads.g.doubleclick.net'] },
  floodlight: { ...G, name: 'Floodlight (Campaign Manager)', category: 'advertising', purposes: AD, hosts: ['fls.doubleclick.net', 'ad.doubleclick.net'] },
  'meta-pixel': { name: 'Meta Pixel', owner: 'Meta', category: 'advertising', purposes: AD, hosts: ['facebook.com', 'facebook.net'] },
  linkedin: { name: 'LinkedIn Insight Tag', owner: 'LinkedIn', category: 'advertising', purposes: AD, hosts: ['linkedin.com', 'licdn.com'] },
  tiktok: { name: 'TikTok Pixel', owner: 'TikTok', category: 'advertising', purposes: AD, hosts: ['tiktok.com'] },
  pinterest: { name: 'Pinterest Tag', owner: 'Pinterest', category: 'advertising', purposes: AD, hosts: ['pinterest.com', 'pinimg.com'] },
  snapchat: { name: 'Snap Pixel', owner: 'Snap', category: 'advertising', purposes: AD, hosts: ['snapchat.com', 'sc-static.net'] },
  x: { name: 'X (Twitter) Pixel', owner: 'X', category: 'advertising', purposes: AD, hosts: ['twitter.com', 'x.com', 't.co', 'ads-twitter.com'] },
  'microsoft-uet': { name: 'Microsoft Ads UET', owner: 'Microsoft', category: 'advertising', purposes: AD, hosts: ['bing.com', 'bing.net'] },
  reddit: { name: 'Reddit Pixel', owner: 'Reddit', category: 'advertising', purposes: AD, hosts: ['reddit.com', 'redditstatic.com'] },
  quora: { name: 'Quora Pixel', owner: 'Quora', category: 'advertising', purposes: AD, hosts: ['quora.com'] },
  criteo: { name: 'Criteo OneTag', owner: 'Criteo', category: 'advertising', purposes: AD, hosts: ['criteo.com', 'criteo.net'] },
  'adobe-analytics': { name: 'Adobe Analytics', owner: 'Adobe', category: 'analytics', purposes: AN, hosts: ['omtrdc.net', '2o7.net'] },
  segment: { name: 'Segment', owner: 'Twilio', category: 'customer_data', purposes: AN, hosts: ['segment.io', 'segment.com', 'segmentapis.com'] },
  mixpanel: { name: 'Mixpanel', owner: 'Mixpanel', category: 'analytics', purposes: AN, hosts: ['mixpanel.com', 'mxpnl.com'] },
  amplitude: { name: 'Amplitude', owner: 'Amplitude', category: 'analytics', purposes: AN, hosts: ['amplitude.com'] },
  heap: { name: 'Heap', owner: 'Heap', category: 'analytics', purposes: AN, hosts: ['heapanalytics.com', 'heap-api.com'] },
  hotjar: { name: 'Hotjar', owner: 'Hotjar', category: 'session_recording', purposes: AN, hosts: ['hotjar.com', 'hotjar.io'] },
  matomo: { name: 'Matomo', owner: 'InnoCraft', category: 'analytics', purposes: AN, hosts: ['matomo.cloud', 'innocraft.cloud'] },
  // Plausible sets no cookie and keeps no personal data: by its own design it needs no consent.
  plausible: { name: 'Plausible', owner: 'Plausible', category: 'analytics', purposes: [], hosts: ['plausible.io'] },
  posthog: { name: 'PostHog', owner: 'PostHog', category: 'analytics', purposes: AN, hosts: ['posthog.com'] },
  snowplow: { name: 'Snowplow', owner: 'Snowplow', category: 'analytics', purposes: AN, hosts: [] },
  klaviyo: { name: 'Klaviyo', owner: 'Klaviyo', category: 'customer_data', purposes: AD, hosts: ['klaviyo.com'] },
  hubspot: {
    name: 'HubSpot', owner: 'HubSpot', category: 'customer_data', purposes: AN,
    hosts: ['hubspot.com', 'hsforms.com', 'hsforms.net', 'hscollectedforms.net', 'hs-scripts.com', 'hs-analytics.net', 'hs-banner.com'],
  },
  rudderstack: { name: 'RudderStack', owner: 'RudderStack', category: 'customer_data', purposes: AN, hosts: ['rudderstack.com', 'rudderlabs.com'] },
  tealium: { name: 'Tealium', owner: 'Tealium', category: 'tag_manager', purposes: [], hosts: ['tiqcdn.com', 'tealiumiq.com'] },
  clarity: { name: 'Microsoft Clarity', owner: 'Microsoft', category: 'session_recording', purposes: AN, hosts: ['clarity.ms'] },
  // Adobe's hosts are shared: omtrdc.net carries Analytics (sc.), Target (tt.) and Heartbeat (hb., hb-api.); demdex.net
  // carries Audience Manager's event calls and the Experience Cloud ID service. Each names the subdomain it owns.
  'adobe-web-sdk': { name: 'Adobe Experience Platform Web SDK', owner: 'Adobe', category: 'analytics', purposes: AN, hosts: ['adobedc.net', 'adoberesources.net'] },
  'adobe-target': { name: 'Adobe Target', owner: 'Adobe', category: 'testing', purposes: PZ, hosts: ['tt.omtrdc.net'] },
  'adobe-launch': { name: 'Adobe Launch (Tags)', owner: 'Adobe', category: 'tag_manager', purposes: [], hosts: ['adobedtm.com', 'adoberesources.cn'] },
  'adobe-dtm': { name: 'Adobe Dynamic Tag Manager (retired)', owner: 'Adobe', category: 'tag_manager', purposes: [], hosts: ['adobedtm.com'] },
  'adobe-audience-manager': { name: 'Adobe Audience Manager', owner: 'Adobe', category: 'advertising', purposes: AD, hosts: ['demdex.net'] },
  'adobe-ecid': { name: 'Adobe Experience Cloud ID', owner: 'Adobe', category: 'analytics', purposes: AN, hosts: ['demdex.net'] },
  'adobe-heartbeat': { name: 'Adobe Heartbeat (media)', owner: 'Adobe', category: 'analytics', purposes: AN, hosts: ['hb.omtrdc.net', 'hb-api.omtrdc.net'] },
  'at-internet': { name: 'Piano Analytics (AT Internet)', owner: 'Piano', category: 'analytics', purposes: AN, hosts: ['xiti.com', 'pa-cd.com', 'aticdn.net', 'ati-host.net'] },
  comscore: { name: 'Comscore', owner: 'Comscore', category: 'analytics', purposes: AN, hosts: ['scorecardresearch.com'] },
  parsely: { name: 'Parse.ly', owner: 'Automattic', category: 'analytics', purposes: AN, hosts: ['parsely.com'] },
  webtrends: { name: 'Webtrends', owner: 'Webtrends', category: 'analytics', purposes: AN, hosts: ['webtrendslive.com', 'webtrends.com'] },
  'piwik-pro': { name: 'Piwik PRO', owner: 'Piwik PRO', category: 'analytics', purposes: AN, hosts: ['piwik.pro'] },
  'piwik-pro-tag-manager': { name: 'Piwik PRO Tag Manager', owner: 'Piwik PRO', category: 'tag_manager', purposes: [], hosts: ['piwik.pro'] },
  ensighten: { name: 'Ensighten', owner: 'Ensighten', category: 'tag_manager', purposes: [], hosts: ['ensighten.com'] },
  mparticle: { name: 'mParticle', owner: 'Rokt', category: 'customer_data', purposes: AN, hosts: ['mparticle.com'] },
  lytics: { name: 'Lytics', owner: 'Lytics', category: 'customer_data', purposes: AN, hosts: ['lytics.io'] },
  fullstory: { name: 'FullStory', owner: 'FullStory', category: 'session_recording', purposes: AN, hosts: ['fullstory.com'] },
  'crazy-egg': { name: 'Crazy Egg', owner: 'Crazy Egg', category: 'session_recording', purposes: AN, hosts: ['crazyegg.com'], mayStayQuiet: true },
  glassbox: { name: 'Glassbox', owner: 'Glassbox', category: 'session_recording', purposes: AN, hosts: ['gbqofs.com', 'gbqofs.io'] },
  'medallia-dxa': { name: 'Medallia DXA', owner: 'Medallia', category: 'session_recording', purposes: AN, hosts: ['decibelinsight.net'] },
  indicative: { name: 'Indicative', owner: 'Indicative', category: 'analytics', purposes: AN, hosts: ['indicative.com'], mayStayQuiet: true },
  split: { name: 'Split', owner: 'Harness', category: 'testing', purposes: PZ, hosts: ['split.io'], mayStayQuiet: true },
  optimizely: { name: 'Optimizely', owner: 'Optimizely', category: 'testing', purposes: PZ, hosts: ['optimizely.com'], mayStayQuiet: true },
  'dynamic-yield': { name: 'Dynamic Yield', owner: 'Mastercard', category: 'testing', purposes: PZ, hosts: ['dynamicyield.com'] },
  omniconvert: { name: 'Omniconvert', owner: 'Omniconvert', category: 'testing', purposes: PZ, hosts: ['omniconvert.com'], mayStayQuiet: true },
} as const satisfies Record<string, VendorInfo>;

export type VendorId = keyof typeof TABLE;

export const VENDORS: Readonly<Record<VendorId, VendorInfo>> = TABLE;

export const VENDOR_IDS = Object.keys(TABLE) as readonly VendorId[];

export function isVendorId(value: string): value is VendorId {
  return Object.hasOwn(TABLE, value);
}

/** `host` is `domain` or one of its subdomains. */
function under(host: string, domain: string): boolean {
  return host === domain || (host.length > domain.length && host.endsWith(domain) && host[host.length - domain.length - 1] === '.');
}

/** The vendors that own `host` (several for shared Google hosts), in registry order. */
export function vendorsOwning(host: string): VendorId[] {
  const h = host.toLowerCase();
  return VENDOR_IDS.filter((id) => VENDORS[id].hosts.some((d) => under(h, d)));
}

/** Every host any vendor owns: what `--stub-vendors` and the tests answer besides what decodes as a hit. */
export const VENDOR_DOMAINS: readonly string[] = [...new Set(VENDOR_IDS.flatMap((id) => VENDORS[id].hosts))];

const CATEGORY_WORDS: Record<VendorCategory, string> = {
  advertising: 'advertising', analytics: 'analytics', session_recording: 'session recording', testing: 'testing',
  tag_manager: 'tag manager', customer_data: 'customer data',
};

export function categoryWords(category: VendorCategory): string {
  return CATEGORY_WORDS[category];
}
