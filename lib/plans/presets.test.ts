import { describe, expect, it } from 'vitest';
import { isShippedGoal } from '../goals/library';
import { parsePlan } from '../goals/schema';
import { PRESETS, presetById } from './presets';

const isValidSelector = (s: string): boolean => !/^\s*$/.test(s);

describe('presets', () => {
  it.each(PRESETS.map((p) => [p.label, p] as const))('%s is a valid plan, unchanged by parsePlan', (_, preset) => {
    const r = parsePlan(preset.plan, { isValidSelector });
    expect(r.ok ? [] : r.errors).toEqual([]);
    expect(r.ok && r.plan).toEqual(preset.plan);
  });

  it.each(PRESETS.map((p) => [p.label, p] as const))(
    "%s is made of the goal library's definitions, not copies",
    (_, preset) => {
      for (const goal of preset.plan.goals) expect(isShippedGoal(goal), goal.id).toBe(true);
    },
  );

  it('offers the default micro-conversions and at least two more', () => {
    expect(PRESETS.map((p) => p.label)).toEqual(
      expect.arrayContaining(['Default micro-conversions', 'Lead generation (B2B)', 'E-commerce funnel']),
    );
    expect(new Set(PRESETS.map((p) => p.plan.name)).size).toBe(PRESETS.length);
  });

  it.each([
    ['ecommerce', 'E-commerce funnel'],
    ['lead-generation', 'Lead generation (B2B)'],
    ['nope', undefined],
  ])('presetById(%j)', (id, label) => expect(presetById(id)?.label).toBe(label));
});
