import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest, type TagHit } from '.';

// Embed code shapes from Adobe's tags docs: Adobe-managed hosting on assets.adobedtm.com, the China node
// assets.adoberesources.cn, one file per environment.
describe('adobe-launch', () => {
  it.each<[string, HitRequest, Partial<TagHit>]>([
    [
      'production',
      { url: 'https://assets.adobedtm.com/a1b2c3d4e5f6/0a1b2c3d4e5f/launch-9f8e7d6c5b4a.min.js' },
      {
        event: 'library_load',
        account: '0a1b2c3d4e5f',
        params: { company: 'a1b2c3d4e5f6', environment: 'production', environment_id: '9f8e7d6c5b4a' },
      },
    ],
    [
      'development, unminified',
      { url: 'https://assets.adobedtm.com/a1b2c3d4e5f6/0a1b2c3d4e5f/launch-EN1234abcd-development.js' },
      {
        event: 'library_load',
        account: '0a1b2c3d4e5f',
        params: { environment: 'development', environment_id: 'EN1234abcd' },
      },
    ],
    [
      'staging',
      { url: 'https://assets.adobedtm.com/a1b2c3d4e5f6/0a1b2c3d4e5f/launch-EN5678ef90-staging.min.js' },
      { params: { environment: 'staging' } },
    ],
    [
      'China node',
      { url: 'https://assets.adoberesources.cn/a1b2c3d4e5f6/0a1b2c3d4e5f/launch-9f8e7d6c5b4a.min.js' },
      { event: 'library_load', account: '0a1b2c3d4e5f', params: { cdn: 'china', environment: 'production' } },
    ],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'adobe-launch', ...want }));

  it.each<HitRequest>([
    { url: 'https://assets.adobedtm.com/a1b2c3d4e5f6/0a1b2c3d4e5f/9f8e7d6c5b4a/RC1a2b3c4d5e6f-source.min.js' },
    { url: 'https://assets.adobedtm.com/extensions/EP0123456789abcdef/AppMeasurement.min.js' },
    { url: 'https://assets.adobedtm.com/abc/satelliteLib-0123abcd.js' },
    { url: 'https://shop.example/a/b/launch-9f8e7d6c5b4a.min.js' },
  ])('does not read $url as a Launch library', (req) =>
    expect(decodeRequest(req).filter((h) => h.vendor === 'adobe-launch')).toEqual([]),
  );
});
