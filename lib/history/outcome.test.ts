import { describe, expect, it } from 'vitest';
import { hit } from '../audit/testing';
import type { Plan } from '../goals/types';
import { longestWindow, verdictSpans, visitOutcome } from './outcome';
import { SHOP_PLAN, shopVisit, T0 } from './testing';

// A listed visit's funnels from the hits around its firings only: the same outcome as from all its hits.

describe('verdictSpans', () => {
  it.each<[string, Array<{ tabId: number; at: number }>, Array<[number, Array<[number, number]>]>]>([
    ['one firing', [{ tabId: 1, at: 10_000 }], [[1, [[8_000, 15_000]]]]],
    [
      'overlapping firings merge',
      [
        { tabId: 1, at: 10_000 },
        { tabId: 1, at: 12_000 },
      ],
      [[1, [[8_000, 17_000]]]],
    ],
    [
      'far apart stay apart, in time order',
      [
        { tabId: 1, at: 60_000 },
        { tabId: 1, at: 10_000 },
      ],
      [
        [
          1,
          [
            [8_000, 15_000],
            [58_000, 65_000],
          ],
        ],
      ],
    ],
    [
      'per tab',
      [
        { tabId: 1, at: 10_000 },
        { tabId: 2, at: 10_000 },
      ],
      [
        [1, [[8_000, 15_000]]],
        [2, [[8_000, 15_000]]],
      ],
    ],
    ['no firing, no hit to read', [], []],
  ])('%s', (_, firings, want) =>
    expect([...verdictSpans(firings, 5_000)].map(([tab, spans]) => [tab, spans.map((s) => [s.from, s.to])])).toEqual(
      want,
    ),
  );
});

describe('longestWindow', () => {
  it.each<[string, Plan[], number]>([
    ['the default when no goal says', [{ version: 1, name: 'p', goals: [] }], 5_000],
    ['a goal that waits longer', [SHOP_PLAN], 10_000],
  ])('%s', (_, plans, want) => expect(longestWindow(plans)).toBe(want));
});

describe('visitOutcome', () => {
  it('is the same from the hits around the firings as from every hit of the visit', () => {
    const { visit, records } = shopVisit(T0, 1, { beginCheckout: false });
    // A busy visit: hundreds of hits between the steps, none of them deciding a step.
    const noise = Array.from({ length: 300 }, (_, i) =>
      hit('meta-pixel', 'PageView', T0 + 20_000 + i * 100, { sessionId: records.sessions[0]!.id, id: `n${i}` }),
    );
    const all = { ...records, hits: [...records.hits, ...noise] };
    const spans = verdictSpans(all.firings, longestWindow([SHOP_PLAN]));
    const near = all.hits.filter((h) => spans.get(h.tabId)?.some((s) => h.at >= s.from && h.at <= s.to));
    expect(near.length).toBeLessThan(20);
    const full = visitOutcome([SHOP_PLAN], visit, all, T0);
    expect(visitOutcome([SHOP_PLAN], visit, { ...all, hits: near }, T0)).toEqual(full);
    expect(full[0]!.steps.map((s) => [s.goal, s.tracked])).toEqual([
      ['product_view', true],
      ['begin_checkout', false],
      ['purchase', true],
    ]);
  });

  it('is empty when the plans have no funnel', () => {
    const { visit, records } = shopVisit(T0, 1, { beginCheckout: true });
    expect(visitOutcome([{ ...SHOP_PLAN, funnels: [] }], visit, records, T0)).toEqual([]);
  });
});
