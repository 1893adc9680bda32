import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest, type TagHit } from '.';

// The script URLs follow Omniconvert's installation snippet (cdn.omniconvert.com/js/<key>.js and the async variant).
// Its reporting requests to app.omniconvert.com are not documented: those cases check that whatever reaches the host
// is kept as one hit with its fields, named only when a goal name is among them.
describe('omniconvert', () => {
  it.each<[string, HitRequest, Partial<TagHit>]>([
    [
      'snippet',
      { url: 'https://cdn.omniconvert.com/js/q7c0100.js' },
      { event: 'library_load', account: 'q7c0100', params: { loading: 'sync' } },
    ],
    [
      'async snippet',
      { url: 'https://cdn.omniconvert.com/async/js/e40d47.js' },
      { event: 'library_load', account: 'e40d47', params: { loading: 'async' } },
    ],
    [
      'a goal reported to the app host',
      { url: 'https://app.omniconvert.com/track/goal?goal=newsletter_signup&value=1&website=q7c0100' },
      { event: 'newsletter_signup', params: { path: '/track/goal', value: '1', website: 'q7c0100' } },
    ],
    [
      'an unnamed report, form body',
      { url: 'https://app.omniconvert.com/collect', method: 'POST', body: 'experiment=123&variation=456' },
      { params: { path: '/collect', experiment: '123', variation: '456' } },
    ],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'omniconvert', ...want }));

  it.each<HitRequest>([
    { url: 'https://www.omniconvert.com/blog/above-the-fold-design/' },
    { url: 'https://api.omniconvert.com/v1/experiments' },
    { url: 'https://app.omniconvert.com/static/editor.js' },
    { url: 'https://shop.example/js/q7c0100.js' },
  ])('does not read $url as an Omniconvert hit', (req) =>
    expect(decodeRequest(req).filter((h) => h.vendor === 'omniconvert')).toEqual([]),
  );
});
