import { describe, expect, it } from 'vitest';
import { funnelsInForce, stepGoals } from './funnels';
import type { Plan } from './types';

const goals = [
  { id: 'a', name: 'a', trigger: { kind: 'click' as const, text: 'a' } },
  { id: 'b', name: 'b', trigger: { kind: 'click' as const, text: 'b' } },
];
const general: Plan = {
  version: 1,
  name: 'Defaults',
  goals,
  funnels: [
    { id: 'f', name: 'Default f', steps: ['a', 'b'] },
    { id: 'g', name: 'g', steps: ['b', 'a'] },
  ],
};
const shop: Plan = {
  version: 1,
  name: 'Shop',
  scope: ['https://shop.example'],
  goals,
  funnels: [{ id: 'f', name: 'Shop f', steps: ['a', 'b'] }],
};
const blog: Plan = {
  version: 1,
  name: 'Blog',
  scope: ['https://blog.example'],
  goals,
  funnels: [{ id: 'h', name: 'h', steps: ['a', 'b'] }],
};

describe('funnelsInForce', () => {
  it.each<[string, string[], string[]]>([
    ['a page of no per-site plan', ['https://other.example/'], ['Default f', 'g']],
    [
      'a visit through the shop: its funnel replaces the default one of the same id',
      ['https://other.example/', 'https://shop.example/'],
      ['Shop f', 'g'],
    ],
    ['a visit through both sites', ['https://shop.example/', 'https://blog.example/'], ['Shop f', 'g', 'h']],
    ['no page at all', [], ['Default f', 'g']],
  ])('on %s', (_, urls, names) =>
    expect(funnelsInForce([general, shop, blog], urls).map((f) => f.name)).toEqual(names),
  );

  it('plans written before funnels have none', () =>
    expect(funnelsInForce([{ version: 1, name: 'Old', goals }], ['https://x.example/'])).toEqual([]));
});

describe('stepGoals', () => {
  it.each<[string | string[], string[]]>([
    ['a', ['a']],
    [
      ['a', 'b'],
      ['a', 'b'],
    ],
  ])('%j → %j', (step, ids) => expect(stepGoals(step)).toEqual(ids));
});
