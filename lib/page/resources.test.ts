import { describe, expect, it } from 'vitest';
import { isTagCandidate, toResourceSeen, validResources } from './resources';

describe('isTagCandidate', () => {
  it.each([
    ['https://www.facebook.com/tr/?id=1&ev=Lead', 'img', true],
    ['https://alb.reddit.com/rp.gif?id=t2_x&event=Lead', 'img', true],
    ['https://region1.google-analytics.com/g/collect?v=2', 'beacon', true],
    ['https://www.googletagmanager.com/gtm.js?id=GTM-X', 'script', true],
    ['https://shop.example/img/mug.png?w=640', 'img', false],
    ['https://fonts.gstatic.com/s/inter.woff2', 'css', false],
    ['https://shop.example/site.css', 'link', false],
    ['data:image/gif;base64,R0lGOD', 'img', false],
  ])('%s (%s) → %s', (name, initiatorType, want) => expect(isTagCandidate({ name, initiatorType })).toBe(want));
});

describe('toResourceSeen / validResources', () => {
  it('puts the start on the epoch clock', () => {
    expect(
      toResourceSeen({ name: 'https://a.test/p', initiatorType: 'img', startTime: 12.4, responseStatus: 200 }, 1_000),
    ).toEqual({ url: 'https://a.test/p', at: 1_012, initiator: 'img', status: 200 });
  });

  it('keeps well-formed items and at most 200 of them', () => {
    const good = { url: 'https://a.test/p', at: 1, initiator: 'img', status: 0 };
    expect(validResources([good, { url: 5 }, null, 'x', { ...good, at: Number.NaN }])).toEqual([good]);
    expect(validResources(Array.from({ length: 500 }, () => good))).toHaveLength(200);
    expect(validResources('nope')).toEqual([]);
  });

  it('keeps only the tag candidates: the content script sends every entry of its frame', () => {
    const pixel = { url: 'https://www.facebook.com/tr/?id=1&ev=Lead', at: 1, initiator: 'img', status: 0 };
    const picture = { url: 'https://shop.test/hero.jpg', at: 2, initiator: 'img', status: 200 };
    const style = { url: 'https://shop.test/a.js', at: 3, initiator: 'css', status: 200 };
    expect(validResources([pixel, picture, style])).toEqual([pixel]);
  });
});
