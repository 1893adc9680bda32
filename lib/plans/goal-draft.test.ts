import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAN } from '../goals/default-plan';
import { parsePlan } from '../goals/schema';
import type { Goal } from '../goals/types';
import {
  draftFromGoal,
  emptyDraft,
  emptyTag,
  emptyTrigger,
  goalFromDraft,
  withName,
  type GoalDraft,
} from './goal-draft';
import { PRESETS } from './presets';

const draft = (over: Partial<GoalDraft> = {}): GoalDraft => ({
  ...emptyDraft(),
  id: 'g',
  name: 'G',
  expect: [],
  ...over,
});

describe('goalFromDraft builds the goal the form shows', () => {
  it.each<[string, GoalDraft, Goal]>([
    [
      'a newsletter form',
      draft({
        id: 'newsletter',
        name: 'Newsletter',
        trigger: { ...emptyTrigger('form_submit'), selector: ' form#nl ', hasField: 'email', text: 'left over' },
        expect: [
          { ...emptyTag('ga4'), event: 'sign_up' },
          { ...emptyTag('meta-pixel'), event: 'Lead' },
        ],
      }),
      {
        id: 'newsletter',
        name: 'Newsletter',
        category: 'interaction',
        trigger: { kind: 'form_submit', selector: 'form#nl', hasField: 'email' },
        expect: [
          { vendor: 'ga4', event: 'sign_up' },
          { vendor: 'meta-pixel', event: 'Lead' },
        ],
      },
    ],
    [
      'a click by text, no tags, no category',
      draft({ category: '', trigger: { ...emptyTrigger('click'), text: 'Add to cart' } }),
      { id: 'g', name: 'G', trigger: { kind: 'click', text: 'Add to cart' } },
    ],
    [
      'video progress keeps the percent',
      draft({ trigger: { ...emptyTrigger('video'), action: 'progress', percent: '50' } }),
      { id: 'g', name: 'G', category: 'interaction', trigger: { kind: 'video', action: 'progress', percent: 50 } },
    ],
    [
      'video play drops a percent left from progress',
      draft({ trigger: { ...emptyTrigger('video'), action: 'play', percent: '50' } }),
      { id: 'g', name: 'G', category: 'interaction', trigger: { kind: 'video', action: 'play' } },
    ],
    [
      'lists, numbers, scope and params',
      draft({
        trigger: { ...emptyTrigger('download'), extensions: 'pdf, zip' },
        expect: [
          {
            vendor: 'ga4',
            event: 'file_download',
            account: 'G-1',
            params: [
              { name: 'file_extension', rule: 'equals', value: 'pdf' },
              { name: 'link_url', rule: 'exists', value: 'x' },
              { name: 'id', rule: 'regex', value: '^T-' },
              { name: 'pii', rule: 'absent', value: '' },
              { name: ' ', rule: 'equals', value: 'dropped' },
            ],
          },
        ],
        windowMs: '3000',
        scope: 'https://shop.example\n\n*/docs/*',
      }),
      {
        id: 'g',
        name: 'G',
        category: 'interaction',
        trigger: { kind: 'download', extensions: ['pdf', 'zip'] },
        expect: [
          {
            vendor: 'ga4',
            event: 'file_download',
            account: 'G-1',
            params: { file_extension: 'pdf', link_url: { exists: true }, id: { regex: '^T-' }, pii: { exists: false } },
          },
        ],
        windowMs: 3000,
        scope: ['https://shop.example', '*/docs/*'],
      },
    ],
    [
      'scroll',
      draft({ trigger: { ...emptyTrigger('scroll_depth'), percent: '75' } }),
      { id: 'g', name: 'G', category: 'interaction', trigger: { kind: 'scroll_depth', percent: 75 } },
    ],
    [
      'time',
      draft({ trigger: { ...emptyTrigger('time_on_page'), seconds: ' 30 ' } }),
      { id: 'g', name: 'G', category: 'interaction', trigger: { kind: 'time_on_page', seconds: 30 } },
    ],
    [
      'hosts',
      draft({ trigger: { ...emptyTrigger('outbound_click'), hosts: 'a.example,b.example' } }),
      {
        id: 'g',
        name: 'G',
        category: 'interaction',
        trigger: { kind: 'outbound_click', hosts: ['a.example', 'b.example'] },
      },
    ],
    [
      'search',
      draft({ trigger: { ...emptyTrigger('site_search'), param: 'term' } }),
      { id: 'g', name: 'G', category: 'interaction', trigger: { kind: 'site_search', param: 'term' } },
    ],
    [
      'the name falls back to the id',
      draft({ name: '  ', trigger: { ...emptyTrigger('datalayer_event'), event: 'x' } }),
      { id: 'g', name: 'g', category: 'interaction', trigger: { kind: 'datalayer_event', event: 'x' } },
    ],
  ])('%s', (_, d, want) => expect(goalFromDraft(d)).toEqual({ ok: true, goal: want }));

  it.each<[string, GoalDraft, string]>([
    [
      'letters in a number',
      draft({ trigger: { ...emptyTrigger('scroll_depth'), percent: 'lots' } }),
      'trigger.percent: percent: "lots" is not a number',
    ],
    [
      'a missing scroll percent',
      draft({ trigger: emptyTrigger('scroll_depth') }),
      'trigger.percent: enter how far the page must be scrolled, from 1 to 100',
    ],
    [
      'missing seconds',
      draft({ trigger: emptyTrigger('time_on_page') }),
      'trigger.seconds: enter how many seconds on the page make the goal',
    ],
    [
      'a bad wait',
      draft({ trigger: { ...emptyTrigger('click'), text: 'x' }, windowMs: '5s' }),
      'windowMs: wait for tags (ms): "5s" is not a number',
    ],
  ])('refuses %s', (_, d, error) => expect(goalFromDraft(d)).toEqual({ ok: false, errors: [error] }));

  it('leaves a missing required text for parsePlan to name', () => {
    const r = goalFromDraft(draft({ trigger: emptyTrigger('page_view') }));
    const parsed = parsePlan({ version: 1, goals: [r.ok && r.goal] });
    expect(!parsed.ok && parsed.errors[0]).toMatch(/^goals\[0\]\.trigger\.url: /);
  });
});

describe('draftFromGoal', () => {
  const goals = [...DEFAULT_PLAN.goals, ...PRESETS.flatMap((p) => p.plan.goals)];
  it.each(goals.map((g) => [g.id, g] as const))('%s survives the form unchanged', (_, goal) => {
    const r = goalFromDraft(draftFromGoal(goal));
    // `{equals: x}` is written back as the plain value `x`: the same rule.
    expect(r).toEqual({ ok: true, goal });
  });
});

describe('withName', () => {
  it.each<[string, GoalDraft, string, string[], string]>([
    ['follows the name', emptyDraft(), 'Add to cart', [], 'add_to_cart'],
    ['stays unique', emptyDraft(), 'Add to cart', ['add_to_cart'], 'add_to_cart_2'],
    ['an empty name empties it', { ...emptyDraft(), id: 'x' }, ' ', [], ''],
    ['an edited id is kept', { ...emptyDraft(), id: 'mine', idEdited: true }, 'Add to cart', [], 'mine'],
  ])('%s', (_, d, name, taken, id) => {
    const next = withName(d, name, taken);
    expect(next.id).toBe(id);
    expect(next.name).toBe(name);
  });
});
