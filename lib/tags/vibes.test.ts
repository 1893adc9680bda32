import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest } from '.';

// Request shapes of the Vibes ecommerce tag: tagtracking.vibescm.com/track (EU tagtracking.eu.vibes.com) carrying
// the campaign click action and the product actions; field names are kept as sent (Vibes documents actions only).

describe('vibes', () => {
  it.each<[string, HitRequest, object]>([
    [
      'click action from a campaign link',
      {
        url: 'https://tagtracking.vibescm.com/track?company_key=c7a1b2&event=click&url=https%3A%2F%2Fshop.example%2F%3Fvibes_cid%3D99&vibes_cid=99',
      },
      { event: 'click', account: 'c7a1b2', params: { url: 'https://shop.example/?vibes_cid=99', vibes_cid: '99' } },
    ],
    [
      'purchase with revenue',
      {
        url: 'https://tagtracking.vibescm.com/track?company_key=c7a1b2&event=purchase&revenue=59.90&currency=USD&transaction_id=T-77',
      },
      { event: 'purchase', account: 'c7a1b2', params: { revenue: '59.90', currency: 'USD', transaction_id: 'T-77' } },
    ],
    [
      'EU add to cart as a form POST',
      {
        url: 'https://tagtracking.eu.vibes.com/track',
        method: 'POST',
        body: 'key=eu-55&action=add&product_id=SKU-1&quantity=1',
      },
      { event: 'add', account: 'eu-55', params: { product_id: 'SKU-1', quantity: '1' } },
    ],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'vibes', ...want }));

  it.each([
    'https://www.vibes.com/platform',
    'https://tagtracking.vibescm.com/health',
    'https://tagtracking.vibescm.com.evil.example/track?event=purchase',
    'https://tagtracking.vibescm.com/vibes-tag.js',
  ])('does not read %s as a hit', (url) =>
    expect(decodeRequest({ url }).filter((h) => h.vendor === 'vibes')).toEqual([]),
  );
});
