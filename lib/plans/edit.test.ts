import { describe, expect, it } from 'vitest';
import type { Goal, Plan } from '../goals/types';
import {
  addGoal,
  addToSitePlan,
  commitPlan,
  newPlan,
  originOf,
  parseCommaList,
  parseLines,
  putPlan,
  removeGoal,
  removePlanAt,
  renamePlan,
  setPlanScope,
  sitePlanIndex,
  uniquePlanName,
  updateGoal,
} from './edit';

const goal = (id: string, extra: Partial<Goal> = {}): Goal => ({
  id,
  name: id,
  trigger: { kind: 'click', selector: `#${id}` },
  ...extra,
});
const plan = (name: string, goals: Goal[] = [], scope?: string[]): Plan => ({
  version: 1,
  name,
  goals,
  ...(scope ? { scope } : {}),
});

describe('editing the goals of a plan', () => {
  const base = plan('Shop', [goal('a'), goal('b'), goal('c')]);
  it.each<[string, () => Plan, string[]]>([
    ['add appends', () => addGoal(base, goal('d')), ['a', 'b', 'c', 'd']],
    ['update keeps the place', () => updateGoal(base, 'b', goal('b2')), ['a', 'b2', 'c']],
    ['update of an unknown id appends', () => updateGoal(base, 'zz', goal('z')), ['a', 'b', 'c', 'z']],
    ['remove', () => removeGoal(base, 'a'), ['b', 'c']],
    ['remove of an unknown id changes nothing', () => removeGoal(base, 'zz'), ['a', 'b', 'c']],
  ])('%s', (_, edit, ids) => {
    expect(edit().goals.map((g) => g.id)).toEqual(ids);
    expect(base.goals.map((g) => g.id)).toEqual(['a', 'b', 'c']); // never mutated
  });
});

describe('removing a goal a funnel walks through', () => {
  const withFunnels: Plan = {
    ...plan('Shop', [goal('a'), goal('b'), goal('c'), goal('d')]),
    funnels: [
      { id: 'long', name: 'Long', steps: ['a', ['b', 'd'], 'c'] },
      { id: 'short', name: 'Short', steps: ['a', 'c'] },
    ],
  };
  it.each<[string, string, Plan['funnels']]>([
    ['a step of its own goes', 'a', [{ id: 'long', name: 'Long', steps: [['b', 'd'], 'c'] }]],
    [
      'a step of several goals keeps the others',
      'd',
      [
        { id: 'long', name: 'Long', steps: ['a', 'b', 'c'] },
        { id: 'short', name: 'Short', steps: ['a', 'c'] },
      ],
    ],
  ])('%s, and the plan stays valid', (_, id, funnels) => {
    const next = removeGoal(withFunnels, id);
    expect(next.funnels).toEqual(funnels);
    expect(commitPlan([withFunnels], 0, next).ok).toBe(true);
  });
});

describe('plans', () => {
  it.each<[string, Plan, string[], Plan]>([
    ['a scope', plan('P'), [' https://shop.example ', ''], plan('P', [], ['https://shop.example'])],
    ['no scope removes the key', plan('P', [], ['https://a.example']), [], plan('P')],
    ['blank lines only remove the key', plan('P', [], ['https://a.example']), ['  '], plan('P')],
  ])('setPlanScope: %s', (_, p, scope, want) => expect(setPlanScope(p, scope)).toEqual(want));

  it('renames, trimmed', () => expect(renamePlan(plan('A'), '  B ').name).toBe('B'));

  it.each<[string, string[], string, string]>([
    ['free', ['A'], 'New plan', 'New plan'],
    ['taken', ['New plan'], 'New plan', 'New plan 2'],
    ['taken twice', ['New plan', 'New plan 2'], 'New plan', 'New plan 3'],
  ])('uniquePlanName: %s', (_, names, name, want) =>
    expect(
      uniquePlanName(
        names.map((n) => plan(n)),
        name,
      ),
    ).toBe(want),
  );

  it('newPlan is empty and uniquely named', () => expect(newPlan([plan('New plan')])).toEqual(plan('New plan 2')));

  it('removePlanAt', () =>
    expect(removePlanAt([plan('A'), plan('B'), plan('C')], 1).map((p) => p.name)).toEqual(['A', 'C']));

  it.each<[string, string, string[]]>([
    ['lines', 'https://a.example\n\n  */checkout*  \n', ['https://a.example', '*/checkout*']],
    ['a regex with a comma stays whole', '/a{1,3}/', ['/a{1,3}/']],
  ])('parseLines: %s', (_, text, want) => expect(parseLines(text)).toEqual(want));

  it.each<[string, string[]]>([
    ['pdf, zip', ['pdf', 'zip']],
    [' pdf ,, zip\ndocx', ['pdf', 'zip', 'docx']],
    ['', []],
  ])('parseCommaList(%j)', (text, want) => expect(parseCommaList(text)).toEqual(want));
});

describe('commitPlan validates the whole plan', () => {
  const plans = [plan('A', [goal('a')]), plan('B')];
  it('replaces the plan at the index with the normalised plan', () => {
    const r = commitPlan(plans, 1, {
      version: 1,
      name: ' B ',
      goals: [{ id: 'x', trigger: { kind: 'download', extensions: ['.PDF'] } }],
    });
    expect(r).toEqual({
      ok: true,
      index: 1,
      plans: [
        plans[0],
        { version: 1, name: 'B', goals: [{ id: 'x', name: 'x', trigger: { kind: 'download', extensions: ['pdf'] } }] },
      ],
    });
  });
  it('appends at plans.length', () => {
    const r = commitPlan(plans, 2, plan('C'));
    expect(r.ok && r.plans.map((p) => p.name)).toEqual(['A', 'B', 'C']);
  });
  it.each<[string, unknown, string]>([
    ['a duplicate id', addGoal(plans[0]!, goal('a')), 'goals[1].id: duplicate id "a"'],
    [
      'an unknown kind',
      { ...plan('A'), goals: [{ id: 'a', trigger: { kind: 'sumbit' } }] },
      'goals[0].trigger.kind: unknown kind "sumbit"',
    ],
    [
      'a bad selector',
      addGoal(plan('A'), goal('a', { trigger: { kind: 'click', selector: 'a[' } })),
      'goals[0].trigger.selector: invalid CSS selector',
    ],
  ])('refuses %s, naming the path, and changes nothing', (_, candidate, error) => {
    const r = commitPlan(plans, 0, candidate, { isValidSelector: (s) => !s.endsWith('[') });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.join('\n')).toContain(error);
    expect(plans.map((p) => p.goals.length)).toEqual([1, 0]);
  });
  it('refuses an index out of range', () => expect(commitPlan(plans, 5, plan('X')).ok).toBe(false));
});

describe('putPlan: import and presets', () => {
  const plans = [plan('A', [goal('a')]), plan('B')];
  it.each<[string, Plan, string[], boolean]>([
    ['a new name is added', plan('C'), ['A', 'B', 'C'], false],
    ['the same name replaces', plan('A', [goal('z')]), ['A', 'B'], true],
  ])('%s', (_, p, names, replaced) => {
    const r = putPlan(plans, p);
    expect(r.ok && r.plans.map((x) => x.name)).toEqual(names);
    expect(r.ok && r.replaced).toBe(replaced);
  });
});

describe('per-site plans', () => {
  it.each<[string, string, string | undefined]>([
    ['a page', 'https://shop.example/products/1?x=1', 'https://shop.example'],
    ['a port', 'http://localhost:8080/', 'http://localhost:8080'],
    ['not the web', 'chrome://extensions/', undefined],
    ['not a URL', 'nonsense', undefined],
  ])('originOf %s', (_, url, want) => expect(originOf(url)).toBe(want));

  it.each<[string, string[] | undefined, number]>([
    ['exactly the origin', ['https://shop.example'], 0],
    ['with a trailing slash, other case', ['HTTPS://shop.example/'], 0],
    ['another origin', ['https://other.example'], -1],
    ['the origin and more', ['https://shop.example', '*/x*'], -1],
    ['everywhere', undefined, -1],
  ])('sitePlanIndex: %s', (_, scope, want) =>
    expect(sitePlanIndex([plan('S', [], scope)], 'https://shop.example')).toBe(want),
  );

  it('creates "Site: host" scoped to the origin when there is none', () => {
    const r = addToSitePlan([plan('Defaults', [goal('a')])], 'http://localhost:8080/page?x', goal('n'));
    expect(r.ok && r.plans[1]).toEqual({
      version: 1,
      name: 'Site: localhost:8080',
      scope: ['http://localhost:8080'],
      goals: [goal('n')],
    });
    expect(r.ok && r.index).toBe(1);
  });
  it('adds to the existing site plan, replacing a goal with the same id', () => {
    const plans = [plan('Defaults', [goal('a')]), plan('Site: shop', [goal('n'), goal('m')], ['https://shop.example'])];
    const r = addToSitePlan(plans, 'https://shop.example/x', goal('n', { name: 'New name' }));
    expect(r.ok && r.plans[1]!.goals.map((g) => g.name)).toEqual(['New name', 'm']);
    expect(r.ok && r.plans.length).toBe(2);
  });
  it('refuses a page that is not on the web', () => expect(addToSitePlan([], 'about:blank', goal('n')).ok).toBe(false));
});
