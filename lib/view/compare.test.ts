import { expect, it } from 'vitest';
import { hit, PAGE_START } from './fixtures';
import { comparable, compareHits } from './compare';

const purchase = (id: string, at: number, params: Record<string, string>) =>
  hit({ vendor: 'ga4', event: 'purchase', account: 'G-SHOP', id, at: PAGE_START + at, params });

it('lines up the parameters of two hits, flagging what differs and what one of them lacks', () => {
  const a = purchase('a', 0, {
    transaction_id: 'T-1',
    value: '31.5',
    currency: 'EUR',
    'items.0.item_id': 'SKU-1',
    page_location: 'https://shop.example/thanks',
  });
  const b = purchase('b', 9, {
    transaction_id: 'T-2',
    currency: 'EUR',
    'items.0.item_id': 'SKU-1',
    page_location: 'https://shop.example/thanks',
  });
  const rows = compareHits(a, b);
  expect(rows.map((r) => [r.key, r.a, r.b, r.same])).toEqual([
    ['account', 'G-SHOP', 'G-SHOP', true],
    ['status', 'sent', 'sent', true],
    ['transaction_id', 'T-1', 'T-2', false],
    ['value', '31.5', undefined, false],
    ['currency', 'EUR', 'EUR', true],
    ['items.0.item_id', 'SKU-1', 'SKU-1', true],
    ['page_location', 'https://shop.example/thanks', 'https://shop.example/thanks', true],
  ]);
});

it('offers the other hits of the same vendor and event, nearest first', () => {
  const a = purchase('a', 1_000, {});
  const others = [
    purchase('far', 0, {}),
    purchase('near', 1_200, {}),
    hit({ vendor: 'ga4', event: 'add_to_cart', id: 'x' }),
    hit({ vendor: 'meta-pixel', event: 'purchase', id: 'y' }),
  ];
  expect(comparable(a, [a, ...others]).map((h) => h.id)).toEqual(['near', 'far']);
});
