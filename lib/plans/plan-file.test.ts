import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAN } from '../goals/default-plan';
import type { Plan } from '../goals/types';
import { importPlanText, planFileName, planToJson } from './plan-file';
import { PRESETS } from './presets';

const plan = (name: string, scope?: string[]): Plan => ({ version: 1, name, goals: [], ...(scope ? { scope } : {}) });

describe('export', () => {
  it.each(PRESETS.map((p) => [p.plan.name, p.plan] as const))('%s reads back equal', (_, p) => {
    const r = importPlanText([], planToJson(p));
    expect(r.ok && r.plans).toEqual([p]);
  });
  it('writes version first, then name and scope, goals last', () => {
    const text = planToJson({ goals: [], scope: ['https://a.example'], name: 'A', version: 1 });
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['version', 'name', 'scope', 'goals']);
    expect(text.endsWith('}\n')).toBe(true);
  });
  it.each([
    ['Shop micro-conversions', 'tagwatch-plan-shop-micro-conversions.json'],
    ['Site: localhost:8080', 'tagwatch-plan-site-localhost-8080.json'],
    ['!!!', 'tagwatch-plan-untitled.json'],
  ])('names the file of %j %j', (name, file) => expect(planFileName(plan(name))).toBe(file));
});

describe('import', () => {
  const inForce = [DEFAULT_PLAN, plan('Shop', ['https://shop.example'])];
  it.each<[string, string, string]>([
    ['broken JSON', '{"version": 1, "goals": [}', 'JSON syntax error at line 1, column 26'],
    [
      'an unknown trigger kind',
      JSON.stringify({ version: 1, name: 'X', goals: [{ id: 'a', trigger: { kind: 'sumbit' } }] }),
      'goals[0].trigger.kind: unknown kind "sumbit"',
    ],
    [
      'an unknown vendor',
      JSON.stringify({
        version: 1,
        goals: [{ id: 'a', trigger: { kind: 'download' }, expect: [{ vendor: 'facebook' }] }],
      }),
      'goals[0].expect[0].vendor: unknown vendor "facebook"',
    ],
    ['an empty file', '  ', 'plan: the text is empty'],
  ])('refuses %s with the errors naming the path', (_, text, error) => {
    const r = importPlanText(inForce, text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.join('\n')).toContain(error);
  });
  it('adds a plan with a new name', () => {
    const r = importPlanText(inForce, JSON.stringify(plan('New')));
    expect(r.ok && r.plans.map((p) => p.name)).toEqual(['Tagwatch defaults', 'Shop', 'New']);
    expect(r.ok && r.replaced).toBe(false);
  });
  it('replaces the plan of the same name', () => {
    const r = importPlanText(
      inForce,
      `\uFEFF${JSON.stringify({ version: 1, name: 'Shop', goals: [{ id: 'a', trigger: { kind: 'scroll_depth', percent: 50 } }] })}`,
    );
    expect(r.ok && r.plans[1]).toEqual({
      version: 1,
      name: 'Shop',
      goals: [{ id: 'a', name: 'a', trigger: { kind: 'scroll_depth', percent: 50 } }],
    });
    expect(r.ok && r.replaced).toBe(true);
  });
});
