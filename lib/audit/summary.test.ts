import { describe, expect, it } from 'vitest';
import type { Finding } from './findings';
import { reconcile, type GoalResult } from './reconcile';
import { tabSummary, type TabSummary } from './summary';
import { firing, hit, newsletter, purchase, T0 } from './testing';

const pushed = (at: number) =>
  firing(purchase.id, at, { trigger: 'datalayer_event', element: undefined, detail: { event: 'purchase' } });
const fired = (n: number): GoalResult[] =>
  reconcile(
    [newsletter, purchase],
    [...(n >= 1 ? [firing(newsletter.id, T0)] : []), ...(n >= 2 ? [pushed(T0), pushed(T0 + 1)] : [])],
    [hit('ga4', 'sign_up', T0)],
  );

const note: Finding = {
  kind: 'tag_without_goal',
  severity: 'info',
  message: 'm',
  todo: 't',
  vendor: 'ga4',
  event: 'x',
  hitId: 'h',
  hits: 1,
  at: T0,
};
const warning: Finding = {
  kind: 'library_without_hits',
  severity: 'warning',
  message: 'm',
  todo: 't',
  vendor: 'ga4',
  hitId: 'h',
  sessionId: 's',
  at: T0,
};
const error: Finding = {
  kind: 'missing_tag',
  severity: 'error',
  status: 'missing',
  message: 'm',
  todo: 't',
  goalId: 'g',
  goals: ['g'],
  firingId: 'f',
  firingIds: ['f'],
  vendor: 'ga4',
  at: T0,
  element: 'the form',
  occurrences: 1,
  outOf: 1,
};

describe('tabSummary', () => {
  it.each<[string, GoalResult[], Finding[], number, TabSummary]>([
    [
      'problems in red',
      fired(1),
      [error, error, warning],
      9,
      { firedGoals: 1, problems: 2, badge: { text: '2', color: 'red' } },
    ],
    [
      'warnings and notes are not problems: fired goals in green',
      fired(2),
      [warning, note],
      9,
      { firedGoals: 2, problems: 0, badge: { text: '2', color: 'green' } },
    ],
    [
      'a goal fired twice counts once',
      fired(2),
      [],
      0,
      { firedGoals: 2, problems: 0, badge: { text: '2', color: 'green' } },
    ],
    [
      'nothing fired: the hit count in grey',
      fired(0),
      [],
      14,
      { firedGoals: 0, problems: 0, badge: { text: '14', color: 'grey' } },
    ],
    [
      'nothing at all: an empty grey badge',
      fired(0),
      [],
      0,
      { firedGoals: 0, problems: 0, badge: { text: '', color: 'grey' } },
    ],
    [
      'a large count fits the badge',
      fired(0),
      [],
      12_345,
      { firedGoals: 0, problems: 0, badge: { text: '999+', color: 'grey' } },
    ],
    [
      'many problems fit the badge',
      [],
      Array.from({ length: 1200 }, () => error),
      0,
      { firedGoals: 0, problems: 1200, badge: { text: '999+', color: 'red' } },
    ],
  ])('%s', (_, results, findings, hits, want) => expect(tabSummary(results, findings, hits)).toEqual(want));

  it('counts hits as zero when not given', () => expect(tabSummary([], []).badge).toEqual({ text: '', color: 'grey' }));
});
