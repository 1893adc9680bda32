import { describe, expect, it } from 'vitest';
import { parsePlan } from '../goals/schema';
import type { Funnel, Goal, Plan } from '../goals/types';
import { putFunnel, removeFunnel } from './edit';
import {
  addAlternative,
  addStep,
  draftFromFunnel,
  emptyFunnelDraft,
  funnelFromDraft,
  moveStep,
  removeStep,
  renameFunnelDraft,
  setStepGoal,
  type FunnelDraft,
} from './funnel-draft';

const goal = (id: string): Goal => ({ id, name: id, trigger: { kind: 'click', selector: `#${id}` }, expect: [] });
const plan: Plan = { version: 1, name: 'Shop', goals: ['view', 'cart', 'checkout', 'purchase'].map(goal) };
const draft = (steps: string[][], name = 'Checkout'): FunnelDraft => ({ id: 'checkout', idEdited: true, name, steps });

describe('a new funnel', () => {
  it("starts on the plan's first two goals", () =>
    expect(emptyFunnelDraft(plan)).toEqual({ id: '', idEdited: false, name: '', steps: [['view'], ['cart']] }));

  it('starts with blank choices in a plan without goals', () =>
    expect(emptyFunnelDraft({ ...plan, goals: [] }).steps).toEqual([[''], ['']]));

  it('takes its id from its name until one is typed, avoiding the ids taken', () => {
    const named = renameFunnelDraft(emptyFunnelDraft(plan), 'Check out!', ['check_out']);
    expect(named.id).toBe('check_out_2');
    expect(renameFunnelDraft({ ...named, id: 'mine', idEdited: true }, 'Other', []).id).toBe('mine');
  });
});

describe('editing steps', () => {
  const three = draft([['view'], ['cart'], ['purchase']]);
  it.each([
    ['moves a step up', moveStep(three, 1, -1), [['cart'], ['view'], ['purchase']]],
    ['moves a step down', moveStep(three, 1, 1), [['view'], ['purchase'], ['cart']]],
    ['leaves the first step where it is when moved up', moveStep(three, 0, -1), three.steps],
    ['leaves the last step where it is when moved down', moveStep(three, 2, 1), three.steps],
    ['removes a step', removeStep(three, 0), [['cart'], ['purchase']]],
    ['adds a step on the first goal not used yet', addStep(three, plan), [...three.steps, ['checkout']]],
    ['adds an alternative, blank until chosen', addAlternative(three, 1), [['view'], ['cart', ''], ['purchase']]],
    [
      'sets an alternative',
      setStepGoal(addAlternative(three, 1), 1, 1, 'checkout'),
      [['view'], ['cart', 'checkout'], ['purchase']],
    ],
    [
      'drops an alternative set back to nothing',
      setStepGoal(draft([['view', 'cart'], ['purchase']]), 0, 1, ''),
      [['view'], ['purchase']],
    ],
    [
      "keeps a step's own choice when blanked, for the user to make",
      setStepGoal(three, 0, 0, ''),
      [[''], ['cart'], ['purchase']],
    ],
  ])('%s', (_, next, steps) => expect(next.steps).toEqual(steps));

  it('adds a blank step when every goal is used', () =>
    expect(addStep(draft([['view'], ['cart'], ['checkout'], ['purchase']]), plan).steps.at(-1)).toEqual(['']));
});

describe('building the funnel', () => {
  it('gives a one-goal step as its id and alternatives as a list', () =>
    expect(funnelFromDraft(draft([['view', 'cart'], ['purchase']]))).toEqual({
      ok: true,
      funnel: { id: 'checkout', name: 'Checkout', steps: [['view', 'cart'], 'purchase'] },
    }));

  it.each([
    ['a blank name', draft([['view'], ['cart']], '  '), 'name: give the funnel a name, like "Checkout"'],
    ['a blank id', { ...draft([['view'], ['cart']]), id: ' ' }, 'id: give the funnel an id, like "checkout"'],
    ['a step not chosen', draft([['view'], ['']]), 'steps[1]: choose the goal of step 2'],
    ['one step', draft([['view']]), 'steps: a funnel needs at least two steps'],
  ])('refuses %s, saying what to do', (_, d, message) => {
    const built = funnelFromDraft(d);
    expect(built.ok).toBe(false);
    if (!built.ok) expect(built.errors.join('\n')).toContain(message);
  });

  it('round-trips a funnel through the form', () => {
    const funnel: Funnel = { id: 'f', name: 'F', steps: ['view', ['cart', 'checkout'], 'purchase'] };
    expect(funnelFromDraft(draftFromFunnel(funnel))).toEqual({ ok: true, funnel });
  });

  it("leaves the plan's rules to parsePlan: a goal twice in one funnel is refused there, naming the step", () => {
    const built = funnelFromDraft(draft([['view'], ['view']]));
    if (!built.ok) throw new Error('the form itself accepts it');
    const parsed = parsePlan(putFunnel(plan, undefined, built.funnel));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.errors.join('\n')).toMatch(/funnels\[0\]\.steps\[1\].*"view" is already in this funnel/);
  });
});

describe('funnels in a plan', () => {
  const a: Funnel = { id: 'a', name: 'A', steps: ['view', 'cart'] };
  const b: Funnel = { id: 'b', name: 'B', steps: ['cart', 'purchase'] };
  it.each([
    ['appends a new funnel', putFunnel({ ...plan, funnels: [a] }, undefined, b).funnels, [a, b]],
    [
      'replaces an edited one in its place',
      putFunnel({ ...plan, funnels: [a, b] }, 'a', { ...a, id: 'a2' }).funnels,
      [{ ...a, id: 'a2' }, b],
    ],
    ['adds the first funnel to a plan without any', putFunnel(plan, undefined, a).funnels, [a]],
    ['removes one', removeFunnel({ ...plan, funnels: [a, b] }, 'a').funnels, [b]],
    ['drops the key with the last one', removeFunnel({ ...plan, funnels: [a] }, 'a').funnels, undefined],
  ])('%s', (_, funnels, expected) => expect(funnels).toEqual(expected));
});
