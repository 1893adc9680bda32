import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest } from '.';

// Request shapes from RTB House's tagging guide: creativecdn.com/tags?id=pr_<tagging hash>_<event>_<args>, one id
// per event, several ids in one request.
const HASH = 'Kx3vQ7pZaB9mN2wR';
const tags = (...ids: string[]): string =>
  `https://creativecdn.com/tags?${ids.map((id) => `id=${encodeURIComponent(`pr_${HASH}_${id}`)}`).join('&')}`;

describe('rtb-house', () => {
  it.each<[string, HitRequest, object]>([
    ['home page', { url: tags('home') }, { event: 'home', account: HASH, params: {} }],
    ['product page', { url: tags('offer_SKU-7') }, { event: 'offer', account: HASH, params: { product_id: 'SKU-7' } }],
    [
      'listing',
      { url: tags('listing_SKU-1,SKU-2,SKU-3') },
      { event: 'listing', params: { product_ids: 'SKU-1,SKU-2,SKU-3' } },
    ],
    [
      'order confirmation',
      { url: `${tags('orderstatus2_59.90_ORD-8812_SKU-1,SKU-2')}&cd=default` },
      {
        event: 'orderstatus2',
        account: HASH,
        params: { value: '59.90', order_id: 'ORD-8812', product_ids: 'SKU-1,SKU-2', deduplication: 'default' },
      },
    ],
    [
      'regional host',
      { url: `https://us.creativecdn.com/tags?id=pr_${HASH}_basketstatus_SKU-9&ncm=1` },
      { event: 'basketstatus', params: { product_ids: 'SKU-9', ncm: '1' } },
    ],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'rtb-house', ...want }));

  it('reads the JSON tags of /tags/v2, one hit per tag', () => {
    const body = JSON.stringify({
      th: HASH,
      tags: [
        { eventType: 'offer', offerId: 'SKU-7' },
        { eventType: 'uid', id: 'u-42' },
      ],
    });
    const hits = decodeRequest({ url: 'https://us.creativecdn.com/tags/v2?type=json', method: 'POST', body });
    expect(hits).toEqual([
      { vendor: 'rtb-house', event: 'offer', account: HASH, params: { offerId: 'SKU-7' } },
      { vendor: 'rtb-house', event: 'uid', account: HASH, params: { id: 'u-42' } },
    ]);
  });

  it('reads one hit per tag id of a request', () => {
    const hits = decodeRequest({ url: tags('category2_kitchen', 'uid_u-42') });
    expect(hits.map((h) => [h.event, h.account, h.params.category_id ?? h.params.user_id])).toEqual([
      ['category2', HASH, 'kitchen'],
      ['uid', HASH, 'u-42'],
    ]);
  });

  it.each([
    'https://creativecdn.com/cm-notify?pi=criteo&c=1',
    'https://creativecdn.com/creatives?id=abc&type=banner',
    'https://creativecdn.com/tags?id=not-a-tag',
    'https://creativecdn.com.evil.example/tags?id=pr_x_home',
  ])('does not read %s as a hit', (url) =>
    expect(decodeRequest({ url }).filter((h) => h.vendor === 'rtb-house')).toEqual([]),
  );
});
