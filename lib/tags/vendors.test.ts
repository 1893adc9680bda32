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

  // What each vendor's hits need, written out vendor by vendor: a vendor moved to another purpose, or added
  // without one, fails here. ad: ad_storage / TCF 1, 2, 3, 4, 7 · an: analytics_storage / TCF 1, 8 ·
  // pz: analytics_storage + personalization_storage / TCF 1, 8 · fn: functionality_storage, no TCF purpose ·
  // none: tag managers and cookieless tools.
  const NEEDS: Record<VendorId, 'ad' | 'an' | 'pz' | 'fn' | 'none'> = {
    ga4: 'an',
    'universal-analytics': 'an',
    gtm: 'none',
    'google-ads': 'ad',
    floodlight: 'ad',
    'meta-pixel': 'ad',
    linkedin: 'ad',
    tiktok: 'ad',
    pinterest: 'ad',
    snapchat: 'ad',
    x: 'ad',
    'microsoft-uet': 'ad',
    reddit: 'ad',
    quora: 'ad',
    criteo: 'ad',
    'adobe-analytics': 'an',
    segment: 'an',
    mixpanel: 'an',
    amplitude: 'an',
    heap: 'an',
    hotjar: 'an',
    matomo: 'an',
    plausible: 'none',
    posthog: 'an',
    snowplow: 'an',
    klaviyo: 'ad',
    hubspot: 'an',
    rudderstack: 'an',
    tealium: 'none',
    clarity: 'an',
    'adobe-web-sdk': 'an',
    'adobe-target': 'pz',
    'adobe-launch': 'none',
    'adobe-dtm': 'none',
    'adobe-audience-manager': 'ad',
    'adobe-ecid': 'an',
    'adobe-heartbeat': 'an',
    'at-internet': 'an',
    comscore: 'an',
    parsely: 'an',
    webtrends: 'an',
    'piwik-pro': 'an',
    'piwik-pro-tag-manager': 'none',
    ensighten: 'none',
    mparticle: 'an',
    lytics: 'an',
    fullstory: 'an',
    'crazy-egg': 'an',
    glassbox: 'an',
    'medallia-dxa': 'an',
    indicative: 'an',
    split: 'pz',
    optimizely: 'pz',
    'dynamic-yield': 'pz',
    omniconvert: 'pz',
    '6sense': 'ad',
    demandbase: 'ad',
    merkury: 'ad',
    braze: 'ad',
    brevo: 'ad',
    invoca: 'an',
    vibes: 'ad',
    'amazon-ads': 'ad',
    'the-trade-desk': 'ad',
    adform: 'ad',
    outbrain: 'ad',
    teads: 'ad',
    'rtb-house': 'ad',
    zemanta: 'ad',
    sojern: 'ad',
    'seznam-sklik': 'ad',
    'spotify-pixel': 'ad',
    taboola: 'ad',
    'yahoo-ads': 'ad',
    'customer-io': 'an',
    vwo: 'pz',
    intercom: 'fn',
  };
  const WANT = {
    ad: { purposes: ['ad_storage'], tcfPurposes: [1, 2, 3, 4, 7] },
    an: { purposes: ['analytics_storage'], tcfPurposes: [1, 8] },
    pz: { purposes: ['analytics_storage', 'personalization_storage'], tcfPurposes: [1, 8] },
    fn: { purposes: ['functionality_storage'], tcfPurposes: [] },
    none: { purposes: [], tcfPurposes: [] },
  };
  it.each(VENDOR_IDS.map((id) => [id, NEEDS[id]] as const))('%s needs %s consent', (id, need) => {
    const { purposes, tcfPurposes } = VENDORS[id];
    expect({ purposes, tcfPurposes }).toEqual(WANT[need]);
  });

  it.each([
    ['google-ads', 755],
    ['floodlight', 755],
    ['criteo', 91],
    ['comscore', 77],
  ] as const)('%s carries its IAB Global Vendor List id %i', (id, gvl) => expect(VENDORS[id].tcfVendorId).toBe(gvl));

  it('gives a GVL id only to the vendors checked against the list', () => {
    expect(VENDOR_IDS.filter((id) => VENDORS[id].tcfVendorId !== undefined)).toEqual([
      'google-ads',
      'floodlight',
      'criteo',
      'comscore',
    ]);
  });

  it('keeps the contract slugs (DESIGN.md): none renamed or removed', () => {
    const contract: VendorId[] = [
      'ga4',
      'universal-analytics',
      'gtm',
      'google-ads',
      'floodlight',
      'meta-pixel',
      'linkedin',
      'tiktok',
      'pinterest',
      'snapchat',
      'x',
      'microsoft-uet',
      'reddit',
      'quora',
      'criteo',
      'adobe-analytics',
      'segment',
      'mixpanel',
      'amplitude',
      'heap',
      'hotjar',
      'matomo',
      'plausible',
      'posthog',
      'snowplow',
      'klaviyo',
      'hubspot',
      'rudderstack',
      'tealium',
      'clarity',
      // Issue 16, part b.
      '6sense',
      'demandbase',
      'merkury',
      'braze',
      'brevo',
      'invoca',
      'vibes',
      'amazon-ads',
      'the-trade-desk',
      'adform',
      'outbrain',
      'teads',
      'rtb-house',
      'zemanta',
      'sojern',
      'seznam-sklik',
      'spotify-pixel',
      'taboola',
      'yahoo-ads',
      'customer-io',
      'vwo',
      'intercom',
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
    // Narrow hosts on shared domains: Yahoo's static files and Seznam's portal are not all tags.
    ['s.yimg.com', ['yahoo-ads']],
    ['www.yahoo.com', []],
    ['c.seznam.cz', ['seznam-sklik']],
    ['www.seznam.cz', []],
    ['open.spotify.com', []],
  ] as const)('names the owners of %s', (host, want) => expect(vendorsOwning(host)).toEqual(want));

  it('lists every owned domain once', () => {
    expect(new Set(VENDOR_DOMAINS).size).toBe(VENDOR_DOMAINS.length);
    expect(VENDOR_DOMAINS).toContain('heap-api.com');
    expect(VENDOR_DOMAINS).toContain('hsforms.com');
  });
});
