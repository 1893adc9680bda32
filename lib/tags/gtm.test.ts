import { describe, expect, it } from 'vitest';
import { decodeRequest } from '.';

// Request shapes from Google Tag Manager's install snippet (gtm.js?id=GTM-…&l=…, environments with gtm_auth /
// gtm_preview) and the Google tag (gtag/js?id=GT-…), served by googletagmanager.com or first-party.
describe('gtm', () => {
  it.each([
    [
      'container',
      'https://www.googletagmanager.com/gtm.js?id=GTM-ABC123',
      { account: 'GTM-ABC123', params: { script: 'gtm.js' } },
    ],
    [
      'custom data layer',
      'https://www.googletagmanager.com/gtm.js?id=GTM-ABC123&l=myLayer',
      { params: { datalayer_name: 'myLayer' } },
    ],
    [
      'environment',
      'https://www.googletagmanager.com/gtm.js?id=GTM-ABC123&gtm_auth=xyz&gtm_preview=env-5&gtm_cookies_win=x',
      { params: { environment_auth: 'xyz', environment: 'env-5', environment_cookies: 'x' } },
    ],
    ['first-party container', 'https://shop.example/gtm.js?id=GTM-ABC', { account: 'GTM-ABC' }],
    [
      'server-side container path',
      'https://load.metrics.shop.example/assets/gtm.js?id=GTM-XYZ9',
      { account: 'GTM-XYZ9' },
    ],
    [
      'Google tag',
      'https://www.googletagmanager.com/gtag/js?id=GT-KDZ8AB1&cx=c',
      { account: 'GT-KDZ8AB1', params: { script: 'gtag/js' } },
    ],
    [
      'Google tag destination',
      'https://www.googletagmanager.com/gtag/destination?id=GT-KDZ8AB1&l=dataLayer',
      { account: 'GT-KDZ8AB1', params: { script: 'gtag/destination' } },
    ],
  ])('%s', (_, url, want) => {
    const hits = decodeRequest({ url });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ vendor: 'gtm', event: 'library_load', ...want });
    expect(hits[0]!.partial).toBeUndefined();
  });

  it('marks a Google-hosted gtm.js without a container id partial', () => {
    const [hit] = decodeRequest({ url: 'https://www.googletagmanager.com/gtm.js' });
    expect(hit).toMatchObject({ vendor: 'gtm', event: 'library_load' });
    expect(hit!.partial).toMatch(/container id/);
  });

  it.each([
    ['noscript iframe', 'https://www.googletagmanager.com/ns.html?id=GTM-ABC123'],
    ['gtm.js of another tool on another host', 'https://shop.example/gtm.js'],
    ['a GTM id on some page', 'https://shop.example/help?id=GTM-ABC'],
    ['GA4 gtag.js', 'https://www.googletagmanager.com/gtag/js?id=G-ABC123'],
    ['Google Ads gtag.js', 'https://www.googletagmanager.com/gtag/js?id=AW-123'],
  ])('does not read the %s as a GTM load', (_, url) =>
    expect(decodeRequest({ url }).filter((h) => h.vendor === 'gtm')).toEqual([]),
  );
});
