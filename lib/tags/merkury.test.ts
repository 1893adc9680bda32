import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest } from '.';

// Merkury's loader, as a client's first-party CNAME serves it: /tpTracking/loader/load.js?sv_cid=<client id>&url=…
const LOADER = '/tpTracking/loader/load.js';

describe('merkury', () => {
  it.each<[string, HitRequest, object]>([
    [
      'loader on a first-party host',
      { url: `https://mtag.shop.example${LOADER}?sv_cid=5432_04321&url=https%3A%2F%2Fshop.example%2Fproducts%2Fmug` },
      { event: 'identity_sync', account: '5432_04321', params: { page_url: 'https://shop.example/products/mug' } },
    ],
    [
      'loader on another client',
      { url: `https://id.brand.example${LOADER}?sv_cid=7788_00012&url=https%3A%2F%2Fbrand.example%2F` },
      { event: 'identity_sync', account: '7788_00012', params: { page_url: 'https://brand.example/' } },
    ],
    [
      'loader with consent fields',
      {
        url: `https://mtag.shop.example${LOADER}?sv_cid=5432_04321&url=https%3A%2F%2Fshop.example%2Fcart&gdpr=1&us_privacy=1YNN`,
      },
      { event: 'identity_sync', account: '5432_04321', params: { gdpr: '1', us_privacy: '1YNN' } },
    ],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'merkury', ...want }));

  it.each([
    'https://mtag.shop.example/tpTracking/loader/other.js?sv_cid=1',
    'https://shop.example/tptracking/loader/load.js?sv_cid=1',
    `https://shop.example${LOADER}/x`,
    'https://shop.example/loader/load.js?sv_cid=1',
  ])('does not read %s as Merkury', (url) =>
    expect(decodeRequest({ url }).filter((h) => h.vendor === 'merkury')).toEqual([]),
  );
});
