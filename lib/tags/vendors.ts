// The vendor slugs are a contract (DESIGN.md): users' plans and reports name them. Add, never rename.
export const VENDOR_IDS = [
  'ga4', 'universal-analytics', 'gtm', 'google-ads', 'floodlight', 'meta-pixel', 'linkedin', 'tiktok',
  'pinterest', 'snapchat', 'x', 'microsoft-uet', 'reddit', 'quora', 'criteo', 'adobe-analytics', 'segment',
  'mixpanel', 'amplitude', 'heap', 'hotjar', 'matomo', 'plausible', 'posthog', 'snowplow', 'klaviyo',
  'hubspot', 'rudderstack', 'tealium', 'clarity',
] as const;

export type VendorId = (typeof VENDOR_IDS)[number];

/** advertising: a pixel that sets or reads ad identifiers (consent matters); analytics: measurement; tag-manager: loads others. */
export type VendorKind = 'advertising' | 'analytics' | 'tag-manager';

export interface VendorInfo {
  /** What a marketer calls it. */
  name: string;
  kind: VendorKind;
  /** Google tags honour Consent Mode (gcs/gcd) instead of being blocked outright. */
  google?: true;
}

export const VENDORS: Record<VendorId, VendorInfo> = {
  ga4: { name: 'Google Analytics 4', kind: 'analytics', google: true },
  'universal-analytics': { name: 'Universal Analytics (retired)', kind: 'analytics', google: true },
  gtm: { name: 'Google Tag Manager', kind: 'tag-manager', google: true },
  'google-ads': { name: 'Google Ads', kind: 'advertising', google: true },
  floodlight: { name: 'Floodlight (Campaign Manager)', kind: 'advertising', google: true },
  'meta-pixel': { name: 'Meta Pixel', kind: 'advertising' },
  linkedin: { name: 'LinkedIn Insight Tag', kind: 'advertising' },
  tiktok: { name: 'TikTok Pixel', kind: 'advertising' },
  pinterest: { name: 'Pinterest Tag', kind: 'advertising' },
  snapchat: { name: 'Snap Pixel', kind: 'advertising' },
  x: { name: 'X (Twitter) Pixel', kind: 'advertising' },
  'microsoft-uet': { name: 'Microsoft Ads UET', kind: 'advertising' },
  reddit: { name: 'Reddit Pixel', kind: 'advertising' },
  quora: { name: 'Quora Pixel', kind: 'advertising' },
  criteo: { name: 'Criteo OneTag', kind: 'advertising' },
  'adobe-analytics': { name: 'Adobe Analytics', kind: 'analytics' },
  segment: { name: 'Segment', kind: 'analytics' },
  mixpanel: { name: 'Mixpanel', kind: 'analytics' },
  amplitude: { name: 'Amplitude', kind: 'analytics' },
  heap: { name: 'Heap', kind: 'analytics' },
  hotjar: { name: 'Hotjar', kind: 'analytics' },
  matomo: { name: 'Matomo', kind: 'analytics' },
  plausible: { name: 'Plausible', kind: 'analytics' },
  posthog: { name: 'PostHog', kind: 'analytics' },
  snowplow: { name: 'Snowplow', kind: 'analytics' },
  klaviyo: { name: 'Klaviyo', kind: 'advertising' },
  hubspot: { name: 'HubSpot', kind: 'analytics' },
  rudderstack: { name: 'RudderStack', kind: 'analytics' },
  tealium: { name: 'Tealium', kind: 'tag-manager' },
  clarity: { name: 'Microsoft Clarity', kind: 'analytics' },
};

export function isVendorId(value: string): value is VendorId {
  return (VENDOR_IDS as readonly string[]).includes(value);
}
