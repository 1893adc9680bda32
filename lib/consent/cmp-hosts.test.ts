import { describe, expect, it } from 'vitest';
import { cmpOfUrl, CMP_URL_PATTERNS } from './cmp-hosts';

describe('cmpOfUrl', () => {
  it.each([
    ['https://cdn.cookielaw.org/scripttemplates/otSDKStub.js', 'onetrust'],
    ['https://consent.cookiebot.com/uc.js', 'cookiebot'],
    ['https://app.usercentrics.eu/browser-ui/latest/loader.js', 'usercentrics'],
    ['https://sdk.privacy-center.org/loader.js', 'didomi'],
    ['https://cookielaw.org.evil.example/x.js', undefined],
    ['https://shop.example/cookiebot.js', undefined],
    ['not a url', undefined],
  ])('%s → %s', (url, want) => expect(cmpOfUrl(url)).toBe(want));

  it('watches each host and its subdomains', () => {
    expect(CMP_URL_PATTERNS).toContain('*://*.cookielaw.org/*');
    expect(CMP_URL_PATTERNS).toContain('*://cookielaw.org/*');
  });
});
