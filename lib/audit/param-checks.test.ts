import { describe, expect, it } from 'vitest';
import type { TagHit } from '../tags/types';
import { paramProblems } from './param-checks';

const ITEMS = { 'items.0.item_id': 'SKU1', 'items.0.price': '9.5' };
const h = (vendor: TagHit['vendor'], event: string, params: Record<string, string>): TagHit => ({
  vendor,
  event,
  params,
});

describe('paramProblems', () => {
  it.each<[string, TagHit, string[]]>([
    [
      'a complete GA4 purchase',
      h('ga4', 'purchase', { currency: 'EUR', value: '9.5', transaction_id: 'T-1', ...ITEMS }),
      [],
    ],
    [
      'GA4 purchase without transaction_id',
      h('ga4', 'purchase', { currency: 'EUR', value: '9.5', ...ITEMS }),
      ['no transaction_id'],
    ],
    [
      'GA4 purchase with nothing',
      h('ga4', 'purchase', {}),
      ['no currency', 'no value', 'no items', 'no transaction_id'],
    ],
    ['GA4 add_to_cart without currency', h('ga4', 'add_to_cart', { value: '9.5', ...ITEMS }), ['no currency']],
    ['GA4 add_to_cart without items', h('ga4', 'add_to_cart', { value: '9.5', currency: 'EUR' }), ['no items']],
    [
      'GA4 add_to_cart does not need a transaction',
      h('ga4', 'add_to_cart', { value: '9.5', currency: 'EUR', ...ITEMS }),
      [],
    ],
    [
      'GA4 view_item with an empty value',
      h('ga4', 'view_item', { value: ' ', currency: 'EUR', ...ITEMS }),
      ['no value'],
    ],
    [
      'GA4 refund needs its transaction',
      h('ga4', 'refund', { value: '9.5', currency: 'EUR', ...ITEMS }),
      ['no transaction_id'],
    ],
    [
      'GA4 begin_checkout with a comma value',
      h('ga4', 'begin_checkout', { value: '9,99', currency: 'EUR', ...ITEMS }),
      ['value "9,99" that is not a number'],
    ],
    [
      'GA4 view_cart with a currency symbol',
      h('ga4', 'view_cart', { value: '9.99', currency: '€', ...ITEMS }),
      ['currency "€" that is not a three-letter code such as EUR'],
    ],
    ['GA4 sign_up is not ecommerce', h('ga4', 'sign_up', {}), []],
    ['GA4 Purchase (wrong case) is not GA4 ecommerce', h('ga4', 'Purchase', {}), []],
    ['Meta Purchase complete', h('meta-pixel', 'Purchase', { value: '9.5', currency: 'EUR' }), []],
    ['Meta Purchase without value', h('meta-pixel', 'Purchase', { currency: 'EUR' }), ['no value']],
    ['Meta Purchase without anything', h('meta-pixel', 'Purchase', {}), ['no value', 'no currency']],
    ['Meta Lead needs nothing', h('meta-pixel', 'Lead', {}), []],
    [
      'Ads conversion with value and currency',
      h('google-ads', 'conversion', { value: '10', currency: 'EUR', endpoint: 'conversion' }),
      [],
    ],
    [
      'Ads conversion with a value but no currency',
      h('google-ads', 'conversion', { value: '10', endpoint: 'conversion' }),
      ['a value but no currency'],
    ],
    ['Ads conversion without value', h('google-ads', 'conversion', { endpoint: 'conversion' }), []],
    [
      'Ads first-party copy is judged on the original',
      h('google-ads', 'conversion', { value: '10', endpoint: '1p-conversion' }),
      [],
    ],
    ['Ads remarketing ping', h('google-ads', 'remarketing', { value: '10' }), []],
    ['another vendor', h('tiktok', 'CompletePayment', {}), []],
  ])('%s', (_, hit, want) => expect(paramProblems(hit).map((p) => p.problem)).toEqual(want));
});
