import { describe, expect, it } from 'vitest';
import { DECODERS } from './registry';
import { VENDOR_DOMAINS, VENDOR_IDS, VENDORS, isVendorId, vendorsOwning, type VendorId } from './vendors';

// The registry walked whole: a vendor added in one place and forgotten in another fails here, not in a user's audit.

describe('vendor registry', () => {
  it('has exactly one decoder per vendor, listed in registry order', () => {
    expect(DECODERS.map((d) => d.vendor)).toEqual([...VENDOR_IDS]);
  });

  it.each(VENDOR_IDS.map((id) => [id] as const))('%s has a name, an owner and purposes that fit its category', (id) => {
    const info = VENDORS[id];
    expect(info.name.length).toBeGreaterThan(1);
    expect(info.owner.length).toBeGreaterThan(0);
    if (info.category === 'advertising') expect(info.purposes).toContain('ad_storage');
    if (info.category === 'session_recording') expect(info.purposes).toContain('analytics_storage');
    if (info.category === 'tag_manager') expect(info.purposes).toEqual([]);
  });

  it('keeps the contract slugs (DESIGN.md): none renamed or removed', () => {
    const contract: VendorId[] = [
      'ga4', 'universal-analytics', 'gtm', 'google-ads', 'floodlight', 'meta-pixel', 'linkedin', 'tiktok', 'pinterest',
      'snapchat', 'x', 'microsoft-uet', 'reddit', 'quora', 'criteo', 'adobe-analytics', 'segment', 'mixpanel',
      'amplitude', 'heap', 'hotjar', 'matomo', 'plausible', 'posthog', 'snowplow', 'klaviyo', 'hubspot', 'rudderstack',
      'tealium', 'clarity',
    ];
    for (const slug of contract) expect(isVendorId(slug), slug).toBe(true);
  });

  it('does not take inherited names for slugs', () => {
    expect(isVendorId('constructor')).toBe(false);
    expect(isVendorId('toString')).toBe(false);
  });

  it.each([
    ['www.google-analytics.com', ['ga4', 'universal-analytics']],
    ['connect.facebook.net', ['meta-pixel']],
    ['static.hotjar.com', ['hotjar']],
    ['notfacebook.com', []],
    ['facebook.com.evil.example', []],
    ['googleads.g.doubleclick.net', ['google-ads']],
    // Adobe's shared hosts: each product names the subdomain it owns.
    ['acme.tt.omtrdc.net', ['adobe-analytics', 'adobe-target']],
    ['acme.sc.omtrdc.net', ['adobe-analytics']],
    ['dpm.demdex.net', ['adobe-audience-manager', 'adobe-ecid']],
    ['assets.adobedtm.com', ['adobe-launch', 'adobe-dtm']],
    ['acme.containers.piwik.pro', ['piwik-pro', 'piwik-pro-tag-manager']],
  ] as const)('names the owners of %s', (host, want) => expect(vendorsOwning(host)).toEqual(want));

  it('lists every owned domain once', () => {
    expect(new Set(VENDOR_DOMAINS).size).toBe(VENDOR_DOMAINS.length);
    expect(VENDOR_DOMAINS).toContain('heap-api.com');
    expect(VENDOR_DOMAINS).toContain('hsforms.com');
  });
});
