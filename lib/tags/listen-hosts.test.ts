import { describe, expect, it } from 'vitest';
import { listenHosts, MAX_LEARNED_HOSTS } from './listen-hosts';
import { VENDOR_DOMAINS } from './vendors';

/** Whether a Chromium match pattern `*://host/*` or `*://*.host/*` matches `url` (scheme, host, any path). */
function matches(pattern: string, url: string): boolean {
  const m = /^\*:\/\/(\*\.)?([^/]+)\/\*$/.exec(pattern);
  if (!m) throw new Error(`not a host pattern: ${pattern}`);
  const { hostname, protocol } = new URL(url);
  if (!/^(https?|wss?):$/.test(protocol)) return false;
  return hostname === m[2] || (!!m[1] && hostname.endsWith(`.${m[2]}`));
}
const heard = (patterns: string[], url: string) => patterns.some((p) => matches(p, url));

describe('the outcome listeners hear', () => {
  const hosts = listenHosts();
  it.each([
    'https://region1.google-analytics.com/g/collect?v=2&tid=G-1',
    'https://www.facebook.com/tr/?id=1&ev=Lead',
    'https://px.ads.linkedin.com/collect/?pid=1',
    'https://bat.bing.com/action/0?ti=1',
  ])('a vendor host of the registry: %s', (url) => expect(heard(hosts.patterns(), url)).toBe(true));

  it.each([
    'https://shop.example/assets/app.js',
    'https://cdn.shop.example/hero.webp',
    'https://fonts.example/font.woff2',
  ])('nothing of the site itself until it carries hits: %s', (url) => expect(heard(hosts.patterns(), url)).toBe(false));
});

describe('learning first-party collectors', () => {
  it('adds a host that carried hits, once, and its requests are heard from then on', () => {
    const hosts = listenHosts();
    expect(hosts.learn('metrics.shop.example')).toEqual({ pattern: '*://metrics.shop.example/*' });
    expect(hosts.learn('metrics.shop.example')).toBeUndefined();
    expect(heard(hosts.patterns(), 'https://metrics.shop.example/g/collect?v=2')).toBe(true);
    // Only that host: the site's other hosts stay unheard.
    expect(heard(hosts.patterns(), 'https://shop.example/app.js')).toBe(false);
  });

  it.each([['www.google-analytics.com'], ['GOOGLE-ANALYTICS.COM'], ['']])('learns nothing new from %j', (host) =>
    expect(listenHosts().learn(host)).toBeUndefined(),
  );

  it.each([
    ['localhost', 'http://localhost:8080/g/collect'],
    ['127.0.0.1', 'http://127.0.0.1:8080/matomo.php'],
    ['[::1]', 'http://[::1]:8080/g/collect'],
  ])('writes a pattern Chromium accepts for %s', (host, url) => {
    const hosts = listenHosts([]);
    hosts.learn(host);
    expect(hosts.patterns()).toEqual([`*://${host}/*`]);
    expect(heard(hosts.patterns(), url)).toBe(true);
  });

  it(`forgets the oldest past ${MAX_LEARNED_HOSTS} hosts`, () => {
    const hosts = listenHosts([]);
    for (let i = 0; i < MAX_LEARNED_HOSTS; i++) expect(hosts.learn(`c${i}.example`)?.forgotten).toBeUndefined();
    // The host forgotten is named, so its listeners can be removed.
    expect(hosts.learn(`c${MAX_LEARNED_HOSTS}.example`)).toEqual({
      pattern: `*://c${MAX_LEARNED_HOSTS}.example/*`,
      forgotten: 'c0.example',
    });
    expect(hosts.patterns()).toHaveLength(MAX_LEARNED_HOSTS);
    expect(heard(hosts.patterns(), 'https://c0.example/x')).toBe(false);
    expect(heard(hosts.patterns(), `https://c${MAX_LEARNED_HOSTS}.example/x`)).toBe(true);
  });
});

it('covers every host of the registry with a pattern of its subdomains', () => {
  const hosts = listenHosts();
  expect(hosts.registry()).toEqual(VENDOR_DOMAINS.map((h) => `*://*.${h}/*`));
  // Learning adds to what is heard, never to the registry's own listeners.
  hosts.learn('metrics.shop.example');
  expect(hosts.registry()).toEqual(VENDOR_DOMAINS.map((h) => `*://*.${h}/*`));
});

it('reads request headers only on the hosts of the vendors that send their account as Basic auth', () => {
  const hosts = listenHosts();
  const auth = hosts.authRegistry();
  expect(heard(auth, 'https://api.segment.io/v1/t')).toBe(true);
  expect(heard(auth, 'https://hosted.rudderlabs.com/v1/track')).toBe(true);
  expect(heard(auth, 'https://example.dataplane.rudderstack.com/v1/track')).toBe(true);
  expect(heard(auth, 'https://www.google-analytics.com/g/collect')).toBe(false);
  expect(heard(auth, 'https://www.facebook.com/tr/')).toBe(false);
  // Every one of them is in the registry: the header listener never hears a host the others do not.
  expect(auth.every((p) => hosts.registry().includes(p))).toBe(true);
});
