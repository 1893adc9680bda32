import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest, type TagHit } from '.';

// Embed code shapes from Adobe's DTM docs (satelliteLib-<hash>.js on assets.adobedtm.com, a staging copy).
describe('adobe-dtm', () => {
  it.each<[string, HitRequest, Partial<TagHit>]>([
    [
      'production container',
      { url: 'https://assets.adobedtm.com/4a848a4a1b2c3d4e5f/satelliteLib-0123456789abcdef0123.js' },
      {
        event: 'library_load',
        account: '4a848a4a1b2c3d4e5f',
        params: { build: '0123456789abcdef0123', environment: 'production' },
      },
    ],
    [
      'staging container',
      { url: 'https://assets.adobedtm.com/4a848a4a1b2c3d4e5f/satelliteLib-0123456789abcdef0123-staging.js' },
      { event: 'library_load', account: '4a848a4a1b2c3d4e5f', params: { environment: 'staging' } },
    ],
    [
      'container at the root',
      { url: 'https://assets.adobedtm.com/satelliteLib-fedcba9876.js' },
      { event: 'library_load', params: { build: 'fedcba9876' } },
    ],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'adobe-dtm', ...want }));

  it.each<HitRequest>([
    { url: 'https://assets.adobedtm.com/4a848a4a1b2c3d4e5f/satellite-5a1b2c3d4e5f.js' },
    { url: 'https://assets.adobedtm.com/4a848a4a1b2c3d4e5f/s-code-contents-0123abcd.js' },
    { url: 'https://shop.example/js/satelliteLib-0123abcd.js' },
    { url: 'https://assets.adobedtm.com/a/b/launch-9f8e7d6c5b4a.min.js' },
  ])('does not read $url as a DTM library', (req) =>
    expect(decodeRequest(req).filter((h) => h.vendor === 'adobe-dtm')).toEqual([]),
  );
});
