import { describe, expect, it } from 'vitest';
import { evaluateFunnels } from '../audit/funnels';
import { reconcile } from '../audit/reconcile';
import { groupVisits } from '../visits/visits';
import { historyRows, matchesQuery, sameSite, type HistoryQuery } from './rows';
import { DAY, SHOP_PLAN, shopVisit, T0 } from './testing';

// The History list: newest first, searchable by site and day, each row with its funnels' outcome.

const before = shopVisit(T0 - 3 * DAY, 1, { beginCheckout: true });
const after = shopVisit(T0, 2, { beginCheckout: false });
const blog = shopVisit(T0 - DAY, 3, { beginCheckout: false, host: 'blog.example' });
const visits = [before.visit, after.visit, blog.visit];

describe('historyRows', () => {
  it('lists the visits newest first with site, day, duration and pages', () =>
    expect(historyRows(visits, {}, new Map(), 'UTC').map((r) => [r.host, r.day, r.duration, r.pages])).toEqual([
      ['shop.example', '2025-11-23', '2 min', 3],
      ['blog.example', '2025-11-22', '2 min', 3],
      ['shop.example', '2025-11-20', '2 min', 3],
    ]));

  it.each<[string, HistoryQuery, string[]]>([
    ['no filter', {}, ['2025-11-23', '2025-11-22', '2025-11-20']],
    ['a host', { site: 'shop' }, ['2025-11-23', '2025-11-20']],
    ['a host, any case, spaces around', { site: '  BLOG.example ' }, ['2025-11-22']],
    ['a page title', { site: 'page /product' }, ['2025-11-23', '2025-11-22', '2025-11-20']],
    ['from a day on', { from: '2025-11-22' }, ['2025-11-23', '2025-11-22']],
    ['up to a day, inclusive', { to: '2025-11-22' }, ['2025-11-22', '2025-11-20']],
    ['one day', { from: '2025-11-20', to: '2025-11-20' }, ['2025-11-20']],
    ['site and days', { site: 'shop', from: '2025-11-21' }, ['2025-11-23']],
    ['nothing matches', { site: 'nowhere' }, []],
  ])('filters: %s', (_, query, days) =>
    expect(historyRows(visits, query, new Map(), 'UTC').map((r) => r.day)).toEqual(days),
  );

  it('says each funnel outcome once it is known', () => {
    const funnels = (r: typeof before) =>
      evaluateFunnels(SHOP_PLAN.funnels!, reconcile(SHOP_PLAN.goals, r.records.firings, r.records.hits));
    const outcomes = new Map([
      [before.visit.id, funnels(before)],
      [after.visit.id, funnels(after)],
    ]);
    const rows = historyRows(visits, { site: 'shop' }, outcomes, 'UTC');
    expect(rows.map((r) => r.funnels?.map((f) => f.text))).toEqual([
      ['Checkout: 3 of 3 steps reached, 1 not tracked'],
      ['Checkout: 3 of 3 steps reached'],
    ]);
    expect(historyRows(visits, { site: 'blog' }, outcomes, 'UTC')[0]!.funnels).toBeUndefined();
  });

  it('leaves out a visit of no web page (the browser’s own pages only)', () => {
    const [blank] = groupVisits([{ id: 'b', tabId: 9, url: 'about:blank', startedAt: T0, navigations: [] }], []);
    expect(historyRows([blank!], {})).toEqual([]);
  });
});

describe('matchesQuery', () => {
  it.each<[string, string, boolean]>([
    ['UTC', '2025-11-23', true],
    // 07:40 UTC is still the 22nd in Honolulu: the day is the viewer's.
    ['Pacific/Honolulu', '2025-11-23', false],
  ])('reads the day in the viewer’s zone (%s)', (zone, day, want) =>
    expect(matchesQuery(after.visit, { from: day, to: day }, zone)).toBe(want),
  );
});

describe('sameSite', () => {
  it.each([
    ['two visits of one host', before, after, true],
    ['two hosts', before, blog, false],
  ])('%s', (_, a, b, want) => expect(sameSite(a.visit, b.visit)).toBe(want));
});
