import { describe, expect, it } from 'vitest';
import type { Finding } from '../audit/findings';
import { newsletter, T0 } from '../audit/testing';
import { FINDING_LABELS } from '../words';
import { findingGroups } from './findings';

const missing: Extract<Finding, { kind: 'missing_tag' }> = {
  kind: 'missing_tag',
  severity: 'error',
  status: 'missing',
  goalId: 'newsletter_signup',
  goals: ['newsletter_signup'],
  firingId: 'f1',
  firingIds: ['f1'],
  vendor: 'meta-pixel',
  event: 'Lead',
  at: T0,
  element: 'the “Subscribe” form',
  occurrences: 1,
  outOf: 1,
  message: 'Meta Pixel Lead is missing on the “Subscribe” form: add the Lead event to the Meta Pixel tag of that form.',
  todo: 'Meta Pixel Lead is missing on the “Subscribe” form: add the Lead event to the Meta Pixel tag of that form.',
  detail:
    'Goal “Newsletter signup” (a form with an email field is submitted; form matching form) fired at 07:40:00 on form#newsletter.',
};
const blocked: Finding = {
  ...missing,
  status: 'blocked',
  vendor: 'ga4',
  event: 'sign_up',
  hitId: 'h-blocked',
  message: 'GA4 blocked.',
  todo: 'Check with blockers off.',
};
const duplicate: Finding = {
  kind: 'duplicate_hit',
  severity: 'warning',
  vendor: 'ga4',
  event: 'add_to_cart',
  hitId: 'h2',
  duplicateOf: 'h1',
  at: T0 + 5,
  message: 'Sent twice.',
  todo: 'Fire once.',
};
const noGoal: Finding = {
  kind: 'tag_without_goal',
  severity: 'info',
  vendor: 'tiktok',
  event: 'ViewContent',
  hitId: 'h9',
  hits: 1,
  at: T0 + 9,
  message: 'No goal.',
  todo: 'Add a goal.',
};

describe('findingGroups', () => {
  it('groups by severity, errors first, and leaves out a severity with nothing', () => {
    const groups = findingGroups([noGoal, missing, duplicate, blocked], [newsletter], new Set());
    expect(groups.map((g) => [g.severity, g.title, g.findings.map((f) => f.kind)])).toEqual([
      ['error', 'Errors', ['missing_tag', 'missing_tag']],
      ['warning', 'Warnings', ['duplicate_hit']],
      ['info', 'Notes', ['tag_without_goal']],
    ]);
    expect(findingGroups([noGoal], [], new Set()).map((g) => g.severity)).toEqual(['info']);
    expect(findingGroups([], [], new Set())).toEqual([]);
  });

  it.each<[string, Finding, ReadonlySet<string>, Record<string, unknown>]>([
    [
      'a missing tag points at its goal, by name',
      missing,
      new Set(),
      { goalId: 'newsletter_signup', goalName: 'Newsletter signup', vendorName: 'Meta Pixel', hitShown: false },
    ],
    [
      'a blocked tag also at the attempt, when Hits lists it',
      blocked,
      new Set(['h-blocked']),
      { goalName: 'Newsletter signup', hitId: 'h-blocked', hitShown: true },
    ],
    ['a hit the Hits view does not list is not linked', duplicate, new Set(['h1']), { hitId: 'h2', hitShown: false }],
    ['a goal no longer in the plan keeps its id', { ...missing, goalId: 'gone' }, new Set(), { goalName: 'gone' }],
  ])('%s', (_, finding, shown, want) => {
    const [group] = findingGroups([finding], [newsletter], shown);
    expect(group!.findings[0]).toMatchObject({
      ...want,
      label: FINDING_LABELS[finding.kind],
      message: finding.message,
      todo: finding.todo,
    });
  });

  it('keeps the developer detail apart from the message', () => {
    const [group] = findingGroups([missing], [newsletter], new Set());
    expect(group!.findings[0]!.detail).toContain('form#newsletter');
    expect(group!.findings[0]!.message).not.toContain('form#newsletter');
  });

  it('gives each finding a distinct key, even two alike', () => {
    const keys = findingGroups([missing, missing, duplicate], [], new Set()).flatMap((g) =>
      g.findings.map((f) => f.key),
    );
    expect(new Set(keys).size).toBe(3);
  });
});
