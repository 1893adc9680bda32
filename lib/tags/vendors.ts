// The vendor registry: the one place a vendor's slug, name, owner, category, consent purposes and hosts live.
// Decoding (host dispatch), stubbing (`--stub-vendors`, the e2e routes), the popup's owner labels, the options
// page's pickers and the consent checks all read it. Adding a vendor: its decoder file, its line here, and its
// decoder in lib/tags/registry.ts (lib/tags/vendors.test.ts fails until all three agree).

/** What the vendor does on a page; the consent checks read the purposes, the reports read the category. */
export type VendorCategory =
  | 'advertising'
  | 'analytics'
  | 'session_recording'
  | 'testing'
  | 'tag_manager'
  | 'customer_data';

/**
 * The consent a vendor's hits need, in Google Consent Mode's vocabulary (the one most CMPs map onto):
 * `ad_storage` for advertising identifiers, `analytics_storage` for measurement and session recording.
 * None for tag managers and for tools that set no identifier and read no personal data.
 */
export type ConsentPurpose = 'ad_storage' | 'analytics_storage' | 'functionality_storage' | 'personalization_storage';

/**
 * An IAB TCF v2.2 purpose id (1–11): 1 store and/or access information on a device, 2 basic ads, 3 advertising
 * profile, 4 personalised ads, 5 content profile, 6 personalised content, 7 measure ad performance, 8 measure
 * content performance, 9 market research, 10 develop and improve services, 11 limited data to select content.
 */
export type TcfPurpose = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11;

export interface VendorInfo {
  /** What a marketer calls it. */
  name: string;
  /** The company behind it (labels group by it: "Google", "Meta", "Contentsquare"). */
  owner: string;
  category: VendorCategory;
  purposes: readonly ConsentPurpose[];
  /**
   * The same need in the IAB TCF's words: the purposes a TC string must allow (by consent, or by legitimate interest
   * where TCF v2.2 permits it: purposes 2 and 7–11) for the vendor's hits. Empty when `purposes` is.
   */
  tcfPurposes: readonly TcfPurpose[];
  /**
   * The vendor's id on the IAB Global Vendor List, where it has one: a TC string must also consent to this vendor.
   * Only ids checked against the GVL are listed; a vendor without one is judged by purposes alone.
   */
  tcfVendorId?: number;
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
// Each purpose set with its TCF twin. Advertising: device storage (1), ads selected, profiled, personalised and
// measured (2, 3, 4, 7). Measurement and session recording: device storage (1), content measured (8). Testing tools
// measure variants (1, 8); their personalisation is asked for under Consent Mode's personalization_storage, but an
// A/B test builds no TCF content profile (5, 6), so a TC string is not held against them for it.
const AD = { purposes: ['ad_storage'], tcfPurposes: [1, 2, 3, 4, 7] } as const satisfies Pick<
  VendorInfo,
  'purposes' | 'tcfPurposes'
>;
const AN = { purposes: ['analytics_storage'], tcfPurposes: [1, 8] } as const satisfies Pick<
  VendorInfo,
  'purposes' | 'tcfPurposes'
>;
/** Testing and personalisation tools: they measure (analytics) and tailor what a visitor sees (personalization). */
const PZ = { purposes: ['analytics_storage', 'personalization_storage'], tcfPurposes: [1, 8] } as const satisfies Pick<
  VendorInfo,
  'purposes' | 'tcfPurposes'
>;
/**
 * Tools that remember a visitor's own choices (a support chat's conversation): Consent Mode's functionality_storage.
 * The TCF has no purpose for it, so a TC string alone is not held against them.
 */
const FN = { purposes: ['functionality_storage'], tcfPurposes: [] } as const satisfies Pick<
  VendorInfo,
  'purposes' | 'tcfPurposes'
>;
/** Tag managers and tools that set no identifier and read no personal data. */
const NONE = { purposes: [], tcfPurposes: [] } as const satisfies Pick<VendorInfo, 'purposes' | 'tcfPurposes'>;
/** IAB Global Vendor List ids, each checked against a published GVL: Google Advertising Products, Criteo, Comscore. */
const GVL = { google: 755, criteo: 91, comscore: 77 } as const;

// The slugs are a contract (DESIGN.md): users' plans and reports name them. Add, never rename. Order is the
// order decoders are listed in and vendors are offered in pickers.
const TABLE = {
  ga4: {
    ...G,
    name: 'Google Analytics 4',
    category: 'analytics',
    ...AN,
    hosts: ['google-analytics.com', 'analytics.google.com'],
  },
  'universal-analytics': {
    ...G,
    name: 'Universal Analytics (retired)',
    category: 'analytics',
    ...AN,
    hosts: ['google-analytics.com', 'analytics.google.com'],
  },
  gtm: { ...G, name: 'Google Tag Manager', category: 'tag_manager', ...NONE, hosts: ['googletagmanager.com'] },
  'google-ads': {
    ...G,
    name: 'Google Ads',
    category: 'advertising',
    ...AD,
    tcfVendorId: GVL.google,
    hosts: ['googleadservices.com', 'googleads.g.doubleclick.net'],
  },
  floodlight: {
    ...G,
    name: 'Floodlight (Campaign Manager)',
    category: 'advertising',
    ...AD,
    tcfVendorId: GVL.google,
    hosts: ['fls.doubleclick.net', 'ad.doubleclick.net'],
  },
  'meta-pixel': {
    name: 'Meta Pixel',
    owner: 'Meta',
    category: 'advertising',
    ...AD,
    hosts: ['facebook.com', 'facebook.net'],
  },
  linkedin: {
    name: 'LinkedIn Insight Tag',
    owner: 'LinkedIn',
    category: 'advertising',
    ...AD,
    hosts: ['linkedin.com', 'licdn.com'],
  },
  tiktok: { name: 'TikTok Pixel', owner: 'TikTok', category: 'advertising', ...AD, hosts: ['tiktok.com'] },
  pinterest: {
    name: 'Pinterest Tag',
    owner: 'Pinterest',
    category: 'advertising',
    ...AD,
    hosts: ['pinterest.com', 'pinimg.com'],
  },
  snapchat: {
    name: 'Snap Pixel',
    owner: 'Snap',
    category: 'advertising',
    ...AD,
    hosts: ['snapchat.com', 'sc-static.net'],
  },
  x: {
    name: 'X (Twitter) Pixel',
    owner: 'X',
    category: 'advertising',
    ...AD,
    hosts: ['twitter.com', 'x.com', 't.co', 'ads-twitter.com'],
  },
  'microsoft-uet': {
    name: 'Microsoft Ads UET',
    owner: 'Microsoft',
    category: 'advertising',
    ...AD,
    hosts: ['bing.com', 'bing.net'],
  },
  reddit: {
    name: 'Reddit Pixel',
    owner: 'Reddit',
    category: 'advertising',
    ...AD,
    hosts: ['reddit.com', 'redditstatic.com'],
  },
  quora: { name: 'Quora Pixel', owner: 'Quora', category: 'advertising', ...AD, hosts: ['quora.com'] },
  criteo: {
    name: 'Criteo OneTag',
    owner: 'Criteo',
    category: 'advertising',
    ...AD,
    tcfVendorId: GVL.criteo,
    hosts: ['criteo.com', 'criteo.net'],
  },
  'adobe-analytics': {
    name: 'Adobe Analytics',
    owner: 'Adobe',
    category: 'analytics',
    ...AN,
    hosts: ['omtrdc.net', '2o7.net'],
  },
  segment: {
    name: 'Segment',
    owner: 'Twilio',
    category: 'customer_data',
    ...AN,
    hosts: ['segment.io', 'segment.com', 'segmentapis.com'],
  },
  mixpanel: { name: 'Mixpanel', owner: 'Mixpanel', category: 'analytics', ...AN, hosts: ['mixpanel.com', 'mxpnl.com'] },
  amplitude: { name: 'Amplitude', owner: 'Amplitude', category: 'analytics', ...AN, hosts: ['amplitude.com'] },
  heap: { name: 'Heap', owner: 'Heap', category: 'analytics', ...AN, hosts: ['heapanalytics.com', 'heap-api.com'] },
  hotjar: { name: 'Hotjar', owner: 'Hotjar', category: 'session_recording', ...AN, hosts: ['hotjar.com', 'hotjar.io'] },
  matomo: {
    name: 'Matomo',
    owner: 'InnoCraft',
    category: 'analytics',
    ...AN,
    hosts: ['matomo.cloud', 'innocraft.cloud'],
  },
  // Plausible sets no cookie and keeps no personal data: by its own design it needs no consent.
  plausible: { name: 'Plausible', owner: 'Plausible', category: 'analytics', ...NONE, hosts: ['plausible.io'] },
  posthog: { name: 'PostHog', owner: 'PostHog', category: 'analytics', ...AN, hosts: ['posthog.com'] },
  snowplow: { name: 'Snowplow', owner: 'Snowplow', category: 'analytics', ...AN, hosts: [] },
  klaviyo: { name: 'Klaviyo', owner: 'Klaviyo', category: 'customer_data', ...AD, hosts: ['klaviyo.com'] },
  hubspot: {
    name: 'HubSpot',
    owner: 'HubSpot',
    category: 'customer_data',
    ...AN,
    hosts: [
      'hubspot.com',
      'hsforms.com',
      'hsforms.net',
      'hscollectedforms.net',
      'hs-scripts.com',
      'hs-analytics.net',
      'hs-banner.com',
    ],
  },
  rudderstack: {
    name: 'RudderStack',
    owner: 'RudderStack',
    category: 'customer_data',
    ...AN,
    hosts: ['rudderstack.com', 'rudderlabs.com'],
  },
  tealium: {
    name: 'Tealium',
    owner: 'Tealium',
    category: 'tag_manager',
    ...NONE,
    hosts: ['tiqcdn.com', 'tealiumiq.com'],
  },
  clarity: {
    name: 'Microsoft Clarity',
    owner: 'Microsoft',
    category: 'session_recording',
    ...AN,
    hosts: ['clarity.ms'],
  },
  // Adobe's hosts are shared: omtrdc.net carries Analytics (sc.), Target (tt.) and Heartbeat (hb., hb-api.); demdex.net
  // carries Audience Manager's event calls and the Experience Cloud ID service. Each names the subdomain it owns.
  'adobe-web-sdk': {
    name: 'Adobe Experience Platform Web SDK',
    owner: 'Adobe',
    category: 'analytics',
    ...AN,
    hosts: ['adobedc.net', 'adoberesources.net'],
  },
  'adobe-target': { name: 'Adobe Target', owner: 'Adobe', category: 'testing', ...PZ, hosts: ['tt.omtrdc.net'] },
  'adobe-launch': {
    name: 'Adobe Launch (Tags)',
    owner: 'Adobe',
    category: 'tag_manager',
    ...NONE,
    hosts: ['adobedtm.com', 'adoberesources.cn'],
  },
  'adobe-dtm': {
    name: 'Adobe Dynamic Tag Manager (retired)',
    owner: 'Adobe',
    category: 'tag_manager',
    ...NONE,
    hosts: ['adobedtm.com'],
  },
  'adobe-audience-manager': {
    name: 'Adobe Audience Manager',
    owner: 'Adobe',
    category: 'advertising',
    ...AD,
    hosts: ['demdex.net'],
  },
  'adobe-ecid': {
    name: 'Adobe Experience Cloud ID',
    owner: 'Adobe',
    category: 'analytics',
    ...AN,
    hosts: ['demdex.net'],
  },
  'adobe-heartbeat': {
    name: 'Adobe Heartbeat (media)',
    owner: 'Adobe',
    category: 'analytics',
    ...AN,
    hosts: ['hb.omtrdc.net', 'hb-api.omtrdc.net'],
  },
  'at-internet': {
    name: 'Piano Analytics (AT Internet)',
    owner: 'Piano',
    category: 'analytics',
    ...AN,
    hosts: ['xiti.com', 'pa-cd.com', 'aticdn.net', 'ati-host.net'],
  },
  comscore: {
    name: 'Comscore',
    owner: 'Comscore',
    category: 'analytics',
    ...AN,
    tcfVendorId: GVL.comscore,
    hosts: ['scorecardresearch.com'],
  },
  parsely: { name: 'Parse.ly', owner: 'Automattic', category: 'analytics', ...AN, hosts: ['parsely.com'] },
  webtrends: {
    name: 'Webtrends',
    owner: 'Webtrends',
    category: 'analytics',
    ...AN,
    hosts: ['webtrendslive.com', 'webtrends.com'],
  },
  'piwik-pro': { name: 'Piwik PRO', owner: 'Piwik PRO', category: 'analytics', ...AN, hosts: ['piwik.pro'] },
  'piwik-pro-tag-manager': {
    name: 'Piwik PRO Tag Manager',
    owner: 'Piwik PRO',
    category: 'tag_manager',
    ...NONE,
    hosts: ['piwik.pro'],
  },
  ensighten: { name: 'Ensighten', owner: 'Ensighten', category: 'tag_manager', ...NONE, hosts: ['ensighten.com'] },
  mparticle: { name: 'mParticle', owner: 'Rokt', category: 'customer_data', ...AN, hosts: ['mparticle.com'] },
  lytics: { name: 'Lytics', owner: 'Lytics', category: 'customer_data', ...AN, hosts: ['lytics.io'] },
  fullstory: { name: 'FullStory', owner: 'FullStory', category: 'session_recording', ...AN, hosts: ['fullstory.com'] },
  'crazy-egg': {
    name: 'Crazy Egg',
    owner: 'Crazy Egg',
    category: 'session_recording',
    ...AN,
    hosts: ['crazyegg.com'],
    mayStayQuiet: true,
  },
  glassbox: {
    name: 'Glassbox',
    owner: 'Glassbox',
    category: 'session_recording',
    ...AN,
    hosts: ['gbqofs.com', 'gbqofs.io'],
  },
  'medallia-dxa': {
    name: 'Medallia DXA',
    owner: 'Medallia',
    category: 'session_recording',
    ...AN,
    hosts: ['decibelinsight.net'],
  },
  indicative: {
    name: 'Indicative',
    owner: 'Indicative',
    category: 'analytics',
    ...AN,
    hosts: ['indicative.com'],
    mayStayQuiet: true,
  },
  split: { name: 'Split', owner: 'Harness', category: 'testing', ...PZ, hosts: ['split.io'], mayStayQuiet: true },
  optimizely: {
    name: 'Optimizely',
    owner: 'Optimizely',
    category: 'testing',
    ...PZ,
    hosts: ['optimizely.com'],
    mayStayQuiet: true,
  },
  'dynamic-yield': {
    name: 'Dynamic Yield',
    owner: 'Mastercard',
    category: 'testing',
    ...PZ,
    hosts: ['dynamicyield.com'],
  },
  omniconvert: {
    name: 'Omniconvert',
    owner: 'Omniconvert',
    category: 'testing',
    ...PZ,
    hosts: ['omniconvert.com'],
    mayStayQuiet: true,
  },
  // Issue 16, part b: account-based marketing, messaging, call tracking, DSPs and native ads, testing, support chat.
  '6sense': { name: '6sense', owner: '6sense', category: 'advertising', ...AD, hosts: ['6sc.co', '6sense.com'] },
  demandbase: {
    name: 'Demandbase',
    owner: 'Demandbase',
    category: 'advertising',
    ...AD,
    hosts: ['demandbase.com', 'company-target.com'],
  },
  // Merkury's tag is served from a first-party CNAME of each client: it has no host of its own to name.
  merkury: { name: 'Merkle Merkury', owner: 'Merkle', category: 'customer_data', ...AD, hosts: [] },
  braze: {
    name: 'Braze',
    owner: 'Braze',
    category: 'customer_data',
    ...AD,
    hosts: ['braze.com', 'braze.eu', 'appboycdn.com'],
    mayStayQuiet: true,
  },
  brevo: {
    name: 'Brevo',
    owner: 'Brevo',
    category: 'customer_data',
    ...AD,
    hosts: ['brevo.com', 'sendinblue.com', 'sibautomation.com'],
  },
  invoca: {
    name: 'Invoca',
    owner: 'Invoca',
    category: 'analytics',
    ...AN,
    hosts: ['invoca.net', 'invocacdn.com'],
    mayStayQuiet: true,
  },
  vibes: {
    name: 'Vibes',
    owner: 'Vibes',
    category: 'customer_data',
    ...AD,
    hosts: ['vibescm.com', 'tagtracking.eu.vibes.com'],
  },
  'amazon-ads': {
    name: 'Amazon Ad Tag',
    owner: 'Amazon',
    category: 'advertising',
    ...AD,
    hosts: ['amazon-adsystem.com'],
  },
  'the-trade-desk': {
    name: 'The Trade Desk Universal Pixel',
    owner: 'The Trade Desk',
    category: 'advertising',
    ...AD,
    hosts: ['adsrvr.org'],
  },
  adform: { name: 'Adform', owner: 'Adform', category: 'advertising', ...AD, hosts: ['adform.net'] },
  outbrain: { name: 'Outbrain Pixel', owner: 'Outbrain', category: 'advertising', ...AD, hosts: ['outbrain.com'] },
  teads: { name: 'Teads Pixel', owner: 'Teads', category: 'advertising', ...AD, hosts: ['teads.tv'] },
  'rtb-house': { name: 'RTB House', owner: 'RTB House', category: 'advertising', ...AD, hosts: ['creativecdn.com'] },
  zemanta: { name: 'Zemanta Pixel', owner: 'Outbrain', category: 'advertising', ...AD, hosts: ['zemanta.com'] },
  sojern: { name: 'Sojern', owner: 'Sojern', category: 'advertising', ...AD, hosts: ['sojern.com'] },
  // Seznam's other hosts are a search engine and a portal: only the measuring ones are named.
  'seznam-sklik': {
    name: 'Seznam Sklik',
    owner: 'Seznam',
    category: 'advertising',
    ...AD,
    hosts: ['c.seznam.cz', 'c.imedia.cz'],
  },
  'spotify-pixel': {
    name: 'Spotify Pixel',
    owner: 'Spotify',
    category: 'advertising',
    ...AD,
    hosts: ['byspotify.com', 'pixels.spotify.com'],
  },
  taboola: { name: 'Taboola Pixel', owner: 'Taboola', category: 'advertising', ...AD, hosts: ['taboola.com'] },
  // s.yimg.com serves all of Yahoo's static files; only the Dot tag's library there is decoded.
  'yahoo-ads': {
    name: 'Yahoo DSP Dot Tag',
    owner: 'Yahoo',
    category: 'advertising',
    ...AD,
    hosts: ['analytics.yahoo.com', 's.yimg.com'],
  },
  'customer-io': {
    name: 'Customer.io',
    owner: 'Customer.io',
    category: 'customer_data',
    ...AN,
    hosts: ['customer.io'],
  },
  vwo: {
    name: 'VWO',
    owner: 'Wingify',
    category: 'testing',
    ...PZ,
    hosts: ['visualwebsiteoptimizer.com', 'vwo.com'],
    mayStayQuiet: true,
  },
  // A support messenger: remembers the conversation, not what the visitor does elsewhere.
  intercom: {
    name: 'Intercom',
    owner: 'Intercom',
    category: 'customer_data',
    ...FN,
    hosts: ['intercom.io', 'intercomcdn.com'],
  },
} as const satisfies Record<string, VendorInfo>;

export type VendorId = keyof typeof TABLE;

export const VENDORS: Readonly<Record<VendorId, VendorInfo>> = TABLE;

export const VENDOR_IDS = Object.keys(TABLE) as readonly VendorId[];

export function isVendorId(value: string): value is VendorId {
  return Object.hasOwn(TABLE, value);
}

/** `host` is `domain` or one of its subdomains. */
function under(host: string, domain: string): boolean {
  return (
    host === domain ||
    (host.length > domain.length && host.endsWith(domain) && host[host.length - domain.length - 1] === '.')
  );
}

/** The vendors that own `host` (several for shared Google hosts), in registry order. */
export function vendorsOwning(host: string): VendorId[] {
  const h = host.toLowerCase();
  return VENDOR_IDS.filter((id) => VENDORS[id].hosts.some((d) => under(h, d)));
}

/** Every host any vendor owns: what `--stub-vendors` and the tests answer besides what decodes as a hit. */
export const VENDOR_DOMAINS: readonly string[] = [...new Set(VENDOR_IDS.flatMap((id) => VENDORS[id].hosts))];

const CATEGORY_WORDS: Record<VendorCategory, string> = {
  advertising: 'advertising',
  analytics: 'analytics',
  session_recording: 'session recording',
  testing: 'testing',
  tag_manager: 'tag manager',
  customer_data: 'customer data',
};

export function categoryWords(category: VendorCategory): string {
  return CATEGORY_WORDS[category];
}
