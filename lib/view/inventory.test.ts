import { describe, expect, it } from 'vitest';
import { hit, PAGE_START } from './fixtures';
import { onlyLibraryLoaded, pageCounts, tagInventory } from './inventory';

describe('tagInventory', () => {
  it('summarises each vendor once, in the order the vendors appeared', () => {
    const rows = tagInventory([
      hit({ vendor: 'gtm', event: 'library_load', account: 'GTM-AB12', at: PAGE_START + 1 }),
      hit({ vendor: 'ga4', event: 'page_view', account: 'G-ONE', at: PAGE_START + 2 }),
      hit({ vendor: 'meta-pixel', event: 'PageView', account: '111', at: PAGE_START + 3 }),
      hit({ vendor: 'ga4', event: 'add_to_cart', account: 'G-TWO', at: PAGE_START + 9 }),
      hit({ vendor: 'ga4', event: 'scroll', account: 'G-ONE', at: PAGE_START + 5 }),
    ]);
    expect(rows.map((r) => r.vendor)).toEqual(['gtm', 'ga4', 'meta-pixel']);
    expect(rows[1]).toMatchObject({
      name: 'Google Analytics 4',
      accounts: ['G-ONE', 'G-TWO'],
      hits: 3,
      libraryLoads: 0,
      lastEvent: 'add_to_cart',
      lastEventAt: PAGE_START + 9,
      lastAt: PAGE_START + 9,
    });
  });

  it.each([
    ['only a library load', [{ event: 'library_load' }], true],
    ['a library load and an event', [{ event: 'library_load' }, { event: 'page_view' }], false],
    ['an event without a library load', [{ event: 'page_view' }], false],
  ])('%s: library loaded, nothing sent → %s', (_, events, want) => {
    const [row] = tagInventory(events.map((e) => hit({ vendor: 'meta-pixel', ...e })));
    expect(onlyLibraryLoaded(row!)).toBe(want);
  });

  it('counts blocked, failed and pending requests, library loads included, and names the failures once each', () => {
    const [row] = tagInventory([
      hit({ vendor: 'ga4', event: 'library_load', status: 'blocked', error: 'net::ERR_BLOCKED_BY_CLIENT' }),
      hit({ vendor: 'ga4', event: 'page_view', status: 'blocked', error: 'net::ERR_BLOCKED_BY_CLIENT' }),
      hit({ vendor: 'ga4', event: 'sign_up', status: 'failed', statusCode: 404 }),
      hit({ vendor: 'ga4', event: 'sign_up', status: 'failed', statusCode: 404 }),
      hit({ vendor: 'ga4', event: 'login', status: 'failed', statusCode: undefined, error: 'net::ERR_TIMED_OUT' }),
      hit({ vendor: 'ga4', event: 'scroll', status: 'pending', statusCode: undefined }),
    ]);
    expect(row).toMatchObject({
      blocked: 2,
      failed: 3,
      pending: 1,
      hits: 5,
      libraryLoads: 1,
      failureReasons: ['HTTP 404', 'net::ERR_TIMED_OUT'],
    });
  });

  it('is empty for a page without hits', () => expect(tagInventory([])).toEqual([]));
});

it('pageCounts adds up the inventory', () => {
  const inv = tagInventory([
    hit({ vendor: 'gtm', event: 'library_load' }),
    hit({ vendor: 'ga4', event: 'page_view', status: 'blocked' }),
    hit({ vendor: 'ga4', event: 'sign_up', status: 'failed' }),
  ]);
  expect(pageCounts(inv)).toEqual({ hits: 3, vendors: 2, blocked: 1, failed: 1 });
});
