import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest, type TagHit } from '.';

// Container snippet shapes from Piwik PRO's Tag Manager installation guide (async and sync containers).
const ID = '0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d';

describe('piwik-pro-tag-manager', () => {
  it.each<[string, HitRequest, Partial<TagHit>]>([
    [
      'async container',
      { url: `https://acme.containers.piwik.pro/${ID}.js` },
      { event: 'library_load', account: ID, params: { loading: 'async', account_name: 'acme' } },
    ],
    [
      'sync container',
      { url: `https://acme.containers.piwik.pro/${ID}.sync.js` },
      { event: 'library_load', account: ID, params: { loading: 'sync' } },
    ],
    [
      'older container path',
      { url: `https://acme.piwik.pro/containers/${ID}.js` },
      { event: 'library_load', account: ID },
    ],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'piwik-pro-tag-manager', ...want }));

  it.each<HitRequest>([
    { url: 'https://acme.piwik.pro/ppms.js' },
    { url: `https://acme.containers.piwik.pro/${ID}/noscript.html` },
    { url: `https://shop.example/${ID}.js` },
  ])('does not read $url as a container load', (req) =>
    expect(decodeRequest(req).filter((h) => h.vendor === 'piwik-pro-tag-manager')).toEqual([]),
  );
});
