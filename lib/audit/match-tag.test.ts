import { describe, expect, it } from 'vitest';
import type { ExpectedTag } from '../goals/types';
import type { TagHit } from '../tags/types';
import { compileTag, matchesTag } from './match-tag';

const ga4 = (event: string | undefined, params: Record<string, string> = {}, account = 'G-ABC123'): TagHit => ({
  vendor: 'ga4',
  event,
  account,
  params,
});
const meta = (event: string, params: Record<string, string> = {}): TagHit => ({
  vendor: 'meta-pixel',
  event,
  account: '111',
  params,
});
const ads = (event: string, params: Record<string, string> = {}): TagHit => ({
  vendor: 'google-ads',
  event,
  account: 'AW-123',
  params,
});

describe('matchesTag', () => {
  it.each<[string, ExpectedTag, TagHit, boolean]>([
    ['same vendor and event', { vendor: 'ga4', event: 'sign_up' }, ga4('sign_up'), true],
    ['another vendor', { vendor: 'ga4', event: 'sign_up' }, { ...meta('sign_up'), vendor: 'meta-pixel' }, false],
    ['another event', { vendor: 'ga4', event: 'sign_up' }, ga4('login'), false],
    ['events are case-sensitive (Meta)', { vendor: 'meta-pixel', event: 'Lead' }, meta('lead'), false],
    ['events are case-sensitive (GA4)', { vendor: 'ga4', event: 'sign_up' }, ga4('Sign_Up'), false],
    ['no event in the plan: any event', { vendor: 'meta-pixel' }, meta('PageView'), true],
    ['no event in the plan: not a library load', { vendor: 'meta-pixel' }, meta('library_load'), false],
    ['library_load when asked for', { vendor: 'meta-pixel', event: 'library_load' }, meta('library_load'), true],
    ['hit without an event', { vendor: 'ga4', event: 'sign_up' }, ga4(undefined), false],
    ['account equal', { vendor: 'ga4', event: 'sign_up', account: 'G-ABC123' }, ga4('sign_up'), true],
    ['account different', { vendor: 'ga4', event: 'sign_up', account: 'G-OTHER' }, ga4('sign_up'), false],
    ['account case-sensitive', { vendor: 'ga4', event: 'sign_up', account: 'g-abc123' }, ga4('sign_up'), false],
    [
      'Ads send_to with label',
      { vendor: 'google-ads', event: 'conversion', account: 'AW-123/AbC' },
      ads('conversion', { conversion_label: 'AbC' }),
      true,
    ],
    [
      'Ads send_to, other label',
      { vendor: 'google-ads', event: 'conversion', account: 'AW-123/AbC' },
      ads('conversion', { conversion_label: 'XyZ' }),
      false,
    ],
    [
      'Ads: the gtag event behind a ping',
      { vendor: 'google-ads', event: 'purchase' },
      ads('remarketing', { event_name: 'purchase' }),
      true,
    ],
    [
      'event_name counts only for Google Ads',
      { vendor: 'ga4', event: 'purchase' },
      ga4('page_view', { event_name: 'purchase' }),
      false,
    ],
  ])('%s', (_, expected, h, want) => expect(matchesTag(expected, h)).toBe(want));
});

describe('param rules', () => {
  const tag = (params: ExpectedTag['params']): ExpectedTag => ({ vendor: 'ga4', event: 'purchase', params });
  it.each<[string, ExpectedTag['params'], Record<string, string>, boolean]>([
    ['string equals', { currency: 'EUR' }, { currency: 'EUR' }, true],
    ['string differs', { currency: 'EUR' }, { currency: 'eur' }, false],
    ['string missing', { currency: 'EUR' }, {}, false],
    ['{equals}', { value: { equals: '9.5' } }, { value: '9.5' }, true],
    ['{equals} differs', { value: { equals: '9.5' } }, { value: '9.50' }, false],
    ['{exists: true} present', { value: { exists: true } }, { value: '0' }, true],
    ['{exists: true} absent', { value: { exists: true } }, {}, false],
    ['{exists: true} empty is absent', { value: { exists: true } }, { value: '' }, false],
    ['{exists: false} absent', { user_id: { exists: false } }, {}, true],
    ['{exists: false} empty', { user_id: { exists: false } }, { user_id: '' }, true],
    ['{exists: false} present', { user_id: { exists: false } }, { user_id: 'u1' }, false],
    ['{regex} matches', { transaction_id: { regex: '^T-\\d+$' } }, { transaction_id: 'T-77' }, true],
    ['{regex} does not match', { transaction_id: { regex: '^T-\\d+$' } }, { transaction_id: 'X-77' }, false],
    ['{regex} on a missing param', { transaction_id: { regex: '.*' } }, {}, false],
    ['{regex} invalid: no match, no throw', { transaction_id: { regex: '(' } }, { transaction_id: '(' }, false],
    ['all rules must hold', { currency: 'EUR', value: { exists: true } }, { currency: 'EUR' }, false],
    ['items by dotted name', { 'items.0.item_id': 'SKU1' }, { 'items.0.item_id': 'SKU1' }, true],
    ['a prototype name is not a param', { constructor: { exists: true } }, {}, false],
  ])('%s', (_, params, hitParams, want) => expect(matchesTag(tag(params), ga4('purchase', hitParams))).toBe(want));

  it('compiles a regex once per rule, however many hits it tests', () => {
    const spy = new Proxy(RegExp, {
      construct: (target, args: [string]) => {
        calls++;
        return new target(...args);
      },
    });
    let calls = 0;
    const original = globalThis.RegExp;
    globalThis.RegExp = spy;
    try {
      const compiled = compileTag(tag({ transaction_id: { regex: '^T-' } }));
      for (let i = 0; i < 50; i++) compiled.matches(ga4('purchase', { transaction_id: `T-${i}` }));
    } finally {
      globalThis.RegExp = original;
    }
    expect(calls).toBe(1);
  });
});

describe('mismatch', () => {
  it.each<[string, ExpectedTag, TagHit, string | undefined]>([
    ['a match', { vendor: 'ga4', event: 'sign_up' }, ga4('sign_up'), undefined],
    ['wrong event', { vendor: 'ga4', event: 'sign_up' }, ga4('login'), 'its event is "login"'],
    [
      'wrong account',
      { vendor: 'ga4', event: 'sign_up', account: 'G-X' },
      ga4('sign_up'),
      'its account is "G-ABC123", expected "G-X"',
    ],
    [
      'wrong value',
      { vendor: 'ga4', event: 'purchase', params: { currency: 'EUR' } },
      ga4('purchase', { currency: 'USD' }),
      'currency is "USD", expected "EUR"',
    ],
    [
      'missing value',
      { vendor: 'ga4', event: 'purchase', params: { value: { exists: true } } },
      ga4('purchase'),
      'value is missing',
    ],
    [
      'regex',
      { vendor: 'ga4', event: 'purchase', params: { transaction_id: { regex: '^T-' } } },
      ga4('purchase', { transaction_id: '77' }),
      'transaction_id "77" does not match /^T-/',
    ],
    [
      'bad regex',
      { vendor: 'ga4', event: 'purchase', params: { transaction_id: { regex: '[' } } },
      ga4('purchase', { transaction_id: '77' }),
      "the plan's pattern for transaction_id (/[/) is not a valid regex",
    ],
  ])('%s', (_, expected, h, want) => expect(compileTag(expected).mismatch(h)).toBe(want));
});
