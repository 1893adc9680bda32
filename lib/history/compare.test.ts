import { describe, expect, it } from 'vitest';
import type { FunnelResult, FunnelStepResult } from '../audit/funnels';
import { hit } from '../audit/testing';
import { compareVisits, type CompareSide } from './compare';
import { tagTally } from './tags';
import { DAY, SHOP_PLAN, shopVisit, T0 } from './testing';
import { visitTimeline } from './timeline';

// Before and after a release, step by step and tag by tag.

const side = (r: ReturnType<typeof shopVisit>): CompareSide => {
  const t = visitTimeline([SHOP_PLAN], r.visit, r.records, T0);
  return { id: r.visit.id, startedAt: r.visit.startedAt, funnels: t.funnels.funnels, tags: t.tags };
};
const before = side(shopVisit(T0 - 3 * DAY, 1, { beginCheckout: true }));
const after = side(shopVisit(T0, 2, { beginCheckout: false }));

describe('compareVisits, the shop before and after a release that dropped begin_checkout', () => {
  const diff = compareVisits(after, before);

  it('puts the earlier visit first, whichever was picked first', () =>
    expect([diff.a.id, diff.b.id]).toEqual([before.id, after.id]));

  it('shows the step that went from tracked to untracked', () =>
    expect(diff.steps.map((s) => [s.name, s.change, s.text])).toEqual([
      ['Product page', 'same', 'tracked'],
      ['Begin checkout', 'worse', 'tracked → untracked'],
      ['Purchase', 'same', 'tracked'],
    ]));

  it('shows the tag that disappeared', () =>
    expect(diff.tags.map((t) => [t.name, t.event, t.change, t.text])).toEqual([
      ['Google Analytics 4', 'page_view', 'same', '3 hits'],
      ['Google Analytics 4', 'view_item', 'same', '1 hit'],
      ['Google Analytics 4', 'begin_checkout', 'disappeared', '1 hit → none'],
      ['Google Analytics 4', 'purchase', 'same', '1 hit'],
    ]));
});

const step = (goal: string, reached: boolean, tracked: boolean): FunnelStepResult => ({
  goal,
  name: goal,
  reached,
  tracked,
});
const funnel = (...steps: FunnelStepResult[]): FunnelResult[] => [{ id: 'f', name: 'F', steps }];
const sides = (a: FunnelResult[], b: FunnelResult[]): [CompareSide, CompareSide] => [
  { id: 'a', startedAt: 1, funnels: a, tags: [] },
  { id: 'b', startedAt: 2, funnels: b, tags: [] },
];

describe('a step between two visits', () => {
  it.each<[string, FunnelStepResult, FunnelStepResult, string, string]>([
    ['fixed', step('x', true, false), step('x', true, true), 'better', 'untracked → tracked'],
    ['broken', step('x', true, true), step('x', true, false), 'worse', 'tracked → untracked'],
    ['reached now, untracked', step('x', false, false), step('x', true, false), 'worse', 'not reached → untracked'],
    [
      'the visitor went another way',
      step('x', true, true),
      step('x', false, false),
      'changed',
      'tracked → not reached',
    ],
    ['as before', step('x', true, true), step('x', true, true), 'same', 'tracked'],
  ])('%s', (_, a, b, change, text) => {
    const [d] = compareVisits(...sides(funnel(a), funnel(b))).steps;
    expect([d!.change, d!.text]).toEqual([change, text]);
  });

  it('counts a funnel a visit did not walk into as not reached there', () =>
    expect(compareVisits(...sides(funnel(step('x', true, true)), [])).steps.map((s) => s.text)).toEqual([
      'tracked → not reached',
    ]));
});

describe('a tag between two visits', () => {
  const tally = (...hits: Parameters<typeof hit>[]) => tagTally(hits.map((h) => hit(...h)));
  it.each<[string, CompareSide['tags'], CompareSide['tags'], string, string]>([
    ['appeared', [], tally(['meta-pixel', 'Lead', 1]), 'appeared', 'none → 1 hit'],
    [
      'now blocked',
      tally(['ga4', 'sign_up', 1]),
      tally(['ga4', 'sign_up', 1, { status: 'blocked' }]),
      'changed',
      '1 hit → 1 hit, 1 blocked',
    ],
    [
      'more hits',
      tally(['ga4', 'sign_up', 1]),
      tally(['ga4', 'sign_up', 1], ['ga4', 'sign_up', 2]),
      'changed',
      '1 hit → 2 hits',
    ],
  ])('%s', (_, a, b, change, text) => {
    const [d] = compareVisits(
      { id: 'a', startedAt: 1, funnels: [], tags: a },
      { id: 'b', startedAt: 2, funnels: [], tags: b },
    ).tags;
    expect([d!.change, d!.text]).toEqual([change, text]);
  });
});
