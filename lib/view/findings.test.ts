import { describe, expect, it } from 'vitest';
import type { Finding } from '../audit/findings';
import { newsletter, T0 } from '../audit/testing';
import { findingGroups, KIND_LABELS } from './findings';

const missing: Finding = {
  kind: 'missing_tag', severity: 'error', status: 'missing', goalId: 'newsletter_signup', firingId: 'f1', vendor: 'meta-pixel', event: 'Lead', at: T0,
  message: 'Meta Pixel did not send Lead for "Newsletter signup".',
};
const blocked: Finding = { ...missing, status: 'blocked', vendor: 'ga4', event: 'sign_up', hitId: 'h-blocked', message: 'GA4 blocked.' };
const duplicate: Finding = {
  kind: 'duplicate_hit', severity: 'warning', vendor: 'ga4', event: 'add_to_cart', hitId: 'h2', duplicateOf: 'h1', at: T0 + 5, message: 'Sent twice.',
};
const noGoal: Finding = { kind: 'tag_without_goal', severity: 'info', vendor: 'tiktok', event: 'ViewContent', hitId: 'h9', hits: 1, at: T0 + 9, message: 'No goal.' };

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
    ['a missing tag points at its goal, by name', missing, new Set(), { goalId: 'newsletter_signup', goalName: 'Newsletter signup', vendorName: 'Meta Pixel', hitShown: false }],
    ['a blocked tag also at the attempt, when Hits lists it', blocked, new Set(['h-blocked']), { goalName: 'Newsletter signup', hitId: 'h-blocked', hitShown: true }],
    ['a hit the Hits view does not list is not linked', duplicate, new Set(['h1']), { hitId: 'h2', hitShown: false }],
    ['a goal no longer in the plan keeps its id', { ...missing, goalId: 'gone' }, new Set(), { goalName: 'gone' }],
  ])('%s', (_, finding, shown, want) => {
    const [group] = findingGroups([finding], [newsletter], shown);
    expect(group!.findings[0]).toMatchObject({ ...want, label: KIND_LABELS[finding.kind], message: finding.message });
  });

  it('gives each finding a distinct key, even two alike', () => {
    const keys = findingGroups([missing, missing, duplicate], [], new Set()).flatMap((g) => g.findings.map((f) => f.key));
    expect(new Set(keys).size).toBe(3);
  });
});
