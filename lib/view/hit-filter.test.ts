import { describe, expect, it } from 'vitest';
import { hit, pageEvent, PAGE_START, session } from './fixtures';
import type { StoredFiring } from '../store/types';
import { filterChoices, filterHits, isFiltering, type HitFilter } from './hit-filter';
import { buildStream } from './stream';

const items = buildStream(
  [
    hit({
      vendor: 'ga4',
      event: 'add_to_cart',
      account: 'G-SHOP',
      params: { currency: 'EUR', value: '19.90' },
      id: 'ga',
    }),
    hit({
      vendor: 'meta-pixel',
      event: 'Lead',
      account: '1234567890',
      url: 'https://www.facebook.com/tr/?id=1234567890&ev=Lead',
      params: {},
      id: 'fb',
    }),
    hit({
      vendor: 'linkedin',
      event: 'conversion',
      account: '98765',
      url: 'https://px.ads.linkedin.com/collect/?pid=98765',
      params: { conversion_id: '555' },
      id: 'li',
      status: 'blocked',
    }),
    hit({ vendor: 'ga4', event: 'add_to_cart', account: 'G-OTHER', params: {}, id: 'ga2', at: PAGE_START + 5_000 }),
  ],
  [
    pageEvent({ source: 'dataLayer', event: 'add_to_cart', data: '{"ecommerce":{"value":19.9}}', id: 'dl' }),
    pageEvent({ source: 'fbq', event: 'Lead', id: 'fbq' }),
  ],
  {
    sessions: [
      session({ navigations: [{ at: PAGE_START + 4_000, url: 'https://shop.example/checkout', kind: 'history' }] }),
    ],
    firings: [
      {
        id: 'f1',
        sessionId: 's1',
        tabId: 7,
        frameId: 0,
        goalId: 'cart',
        goalName: 'Add to cart',
        trigger: 'click',
        at: PAGE_START + 3_000,
        url: 'https://shop.example/',
      } satisfies StoredFiring,
    ],
    separators: true,
  },
);

describe('filterHits', () => {
  it.each<[string, HitFilter, string[]]>([
    ['no filter', {}, ['page:s1', 'ga2', 'route:s1:0', 'f1', 'fbq', 'li', 'dl', 'fb', 'ga']],
    [
      'by vendor, with the page events addressed to it and what happened on the page',
      { vendor: 'meta-pixel' },
      ['page:s1', 'route:s1:0', 'f1', 'fbq', 'fb'],
    ],
    [
      'by a Google vendor: the dataLayer feeds it',
      { vendor: 'ga4' },
      ['page:s1', 'ga2', 'route:s1:0', 'f1', 'dl', 'ga'],
    ],
    ['by a vendor no page event speaks to', { vendor: 'linkedin' }, ['page:s1', 'route:s1:0', 'f1', 'li']],
    ['by event text', { text: 'ADD_TO_CART' }, ['page:s1', 'ga2', 'dl', 'ga']],
    [
      'by event name: the hits and what the page said of that name',
      { event: 'add_to_cart' },
      ['page:s1', 'ga2', 'dl', 'ga'],
    ],
    ['by status: hits only', { status: 'blocked' }, ['page:s1', 'li']],
    ['by account: hits only', { account: 'G-SHOP' }, ['page:s1', 'ga']],
    ['by account text', { text: 'g-shop' }, ['page:s1', 'ga']],
    ['by goal name', { text: 'add to cart' }, ['page:s1', 'f1']],
    ['by route', { text: '/checkout' }, ['page:s1', 'route:s1:0']],
    ['by param key', { text: 'conversion_id' }, ['page:s1', 'li']],
    ['by param value', { text: '19.90' }, ['page:s1', 'ga']],
    ['by URL', { text: 'facebook.com/tr' }, ['page:s1', 'fb']],
    ['by page event data', { text: 'ecommerce' }, ['page:s1', 'dl']],
    ['text with spaces around it', { text: '  lead ' }, ['page:s1', 'fbq', 'fb']],
    ['page events hidden', { hidePageEvents: true }, ['page:s1', 'ga2', 'li', 'fb', 'ga']],
    ['vendor and text together', { vendor: 'ga4', text: 'eur' }, ['page:s1', 'ga']],
    ['nothing matches', { text: 'purchase' }, ['page:s1']],
  ])('%s', (_, filter, want) => {
    const order = filterHits(items, filter).map((i) => i.id);
    // The stream is newest first; compare sets in stream order.
    expect(order).toEqual(items.map((i) => i.id).filter((id) => want.includes(id)));
    expect(order).toHaveLength(want.length);
  });
});

it.each<[HitFilter, boolean]>([
  [{}, false],
  [{ vendor: '', text: '  ', status: '' }, false],
  [{ status: 'failed' }, true],
  [{ hidePageEvents: true }, true],
])('isFiltering(%o) is %s', (filter, want) => expect(isFiltering(filter)).toBe(want));

it('offers the events and accounts of the hits shown, most frequent first', () => {
  expect(filterChoices(items)).toEqual({
    events: ['add_to_cart', 'conversion', 'Lead'],
    accounts: ['1234567890', '98765', 'G-OTHER', 'G-SHOP'],
  });
});

it('offers at most so many, the most frequent, however many names a page makes up', () => {
  const many = buildStream(
    [
      ...Array.from({ length: 3 }, (_, i) =>
        hit({ vendor: 'ga4', event: 'add_to_cart', id: `a${i}`, at: PAGE_START + i }),
      ),
      ...Array.from({ length: 250 }, (_, i) =>
        hit({ vendor: 'ga4', event: `noise_${i}`, id: `n${i}`, at: PAGE_START + 10 + i }),
      ),
    ],
    [],
    { sessions: [session()], order: 'newest-last' },
  );
  const { events } = filterChoices(many, 100);
  expect(events).toHaveLength(100);
  expect(events[0]).toBe('add_to_cart');
});
