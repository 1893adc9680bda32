import { expect, it } from 'vitest';
import { reconcile } from '../audit/reconcile';
import type { Goal } from '../goals/types';
import type { StoredFiring } from '../store/types';
import { hit, PAGE_START } from './fixtures';
import { hitGoals } from './hit-goals';

it('names the goal each hit counted for, and the blocked attempt, not the hits no goal asked for', () => {
  const cart: Goal = {
    id: 'add_to_cart',
    name: 'Add to cart',
    trigger: { kind: 'click', selector: '.add' },
    expect: [
      { vendor: 'ga4', event: 'add_to_cart', params: { currency: 'EUR' } },
      { vendor: 'meta-pixel', event: 'AddToCart' },
      { vendor: 'tiktok', event: 'AddToCart' },
    ],
  };
  const firing: StoredFiring = {
    id: 'f1',
    sessionId: 's1',
    tabId: 7,
    frameId: 0,
    goalId: 'add_to_cart',
    goalName: 'Add to cart',
    trigger: 'click',
    at: PAGE_START + 1_000,
    url: 'https://shop.example/',
  };
  const hits = [
    hit({ vendor: 'ga4', event: 'page_view', id: 'pv', at: PAGE_START + 10 }),
    hit({ vendor: 'ga4', event: 'add_to_cart', id: 'ga', at: PAGE_START + 1_050, params: { currency: 'EUR' } }),
    hit({
      vendor: 'meta-pixel',
      event: 'AddToCart',
      id: 'fb',
      at: PAGE_START + 1_060,
      status: 'blocked',
      statusCode: undefined,
      error: 'net::ERR_BLOCKED_BY_CLIENT',
    }),
  ];
  const links = hitGoals(reconcile([cart], [firing], hits));
  expect(links.get('ga')).toEqual([
    {
      goalId: 'add_to_cart',
      goalName: 'Add to cart',
      firedAt: PAGE_START + 1_000,
      expected: 'add_to_cart (currency = EUR)',
      status: 'sent',
    },
  ]);
  expect(links.get('fb')?.map((l) => l.status)).toEqual(['blocked']);
  expect(links.has('pv')).toBe(false);
  expect([...links.keys()].sort()).toEqual(['fb', 'ga']);
});
