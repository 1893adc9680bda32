import { parsePlan, type ParseOptions } from '../goals/schema';
import type { Funnel, Goal, Plan } from '../goals/types';

// Editing the plans in force: pure functions from the list of plans to the next list. Nothing here writes
// storage; `commitPlan` is the gate every change passes (the whole plan validated with parsePlan).

export type CommitResult = { ok: true; plans: Plan[]; index: number } | { ok: false; errors: string[] };

/** The plan with `goal` appended (a duplicate id is left for parsePlan to refuse, naming both places). */
export function addGoal(plan: Plan, goal: Goal): Plan {
  return { ...plan, goals: [...plan.goals, goal] };
}

/** The plan with the goal `id` replaced by `goal`, in its place (appended when there is no such goal). */
export function updateGoal(plan: Plan, id: string, goal: Goal): Plan {
  const at = plan.goals.findIndex((g) => g.id === id);
  if (at === -1) return addGoal(plan, goal);
  return { ...plan, goals: plan.goals.map((g, i) => (i === at ? goal : g)) };
}

/** The plan without goal `id`; its funnels lose the goal too (a funnel left with fewer than two steps goes). */
export function removeGoal(plan: Plan, id: string): Plan {
  const out: Plan = { ...plan, goals: plan.goals.filter((g) => g.id !== id) };
  if (!plan.funnels) return out;
  const funnels = plan.funnels
    .map((f) => ({
      ...f,
      steps: f.steps
        .map((step) => (typeof step === 'string' ? step : step.filter((g) => g !== id)))
        .filter((step) => (typeof step === 'string' ? step !== id : step.length > 0))
        .map((step) => (Array.isArray(step) && step.length === 1 ? step[0]! : step)),
    }))
    .filter((f) => f.steps.length >= 2);
  return { ...out, funnels };
}

export function renamePlan(plan: Plan, name: string): Plan {
  return { ...plan, name: name.trim() };
}

/** The plan applied to `scope` (URL patterns or origins); an empty scope means everywhere (the key is dropped). */
export function setPlanScope(plan: Plan, scope: readonly string[]): Plan {
  const { scope: _old, ...rest } = plan;
  const clean = scope.map((s) => s.trim()).filter((s) => s !== '');
  return clean.length > 0 ? { ...rest, scope: clean } : rest;
}

/** Patterns typed one per line → the list, blanks dropped. (Not split on commas: a /regex/ may hold one.) */
export function parseLines(text: string): string[] {
  return text
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** `pdf, zip` (or one per line) → `['pdf', 'zip']`. */
export function parseCommaList(text: string): string[] {
  return parseLines(text.replace(/,/g, '\n'));
}

export function removePlanAt(plans: readonly Plan[], index: number): Plan[] {
  return plans.filter((_, i) => i !== index);
}

/** `name`, or `name 2`, `name 3`… when a plan already has it. */
export function uniquePlanName(plans: readonly Plan[], name: string): string {
  const names = new Set(plans.map((p) => p.name));
  if (!names.has(name)) return name;
  for (let n = 2; ; n++) if (!names.has(`${name} ${n}`)) return `${name} ${n}`;
}

export function newPlan(plans: readonly Plan[], name = 'New plan'): Plan {
  return { version: 1, name: uniquePlanName(plans, name), goals: [] };
}

/**
 * Validate `candidate` with parsePlan and put it at `index` (`plans.length` appends). Invalid → the errors,
 * each naming its path, and nothing changes. The stored plan is the normalised output of parsePlan.
 */
export function commitPlan(
  plans: readonly Plan[],
  index: number,
  candidate: unknown,
  options: ParseOptions = {},
): CommitResult {
  if (index < 0 || index > plans.length)
    return { ok: false, errors: [`plan: no plan at position ${index + 1}; reload the page and try again`] };
  const parsed = parsePlan(candidate, options);
  if (!parsed.ok) return parsed;
  const next = [...plans];
  next.splice(index, index === plans.length ? 0 : 1, parsed.plan);
  return { ok: true, plans: next, index };
}

/**
 * Put a plan in force: it replaces the plan with the same name (re-importing an edited export, re-adding a
 * preset to reset it), or is added at the end.
 */
export function putPlan(
  plans: readonly Plan[],
  candidate: unknown,
  options: ParseOptions = {},
): CommitResult & { replaced?: boolean } {
  const parsed = parsePlan(candidate, options);
  if (!parsed.ok) return parsed;
  const at = plans.findIndex((p) => p.name === parsed.plan.name);
  const result = commitPlan(plans, at === -1 ? plans.length : at, parsed.plan, options);
  return result.ok ? { ...result, replaced: at !== -1 } : result;
}

// ——— per-site plans ———

/** `https://shop.example` for a page URL; undefined for what has no web origin (about:, file:…). */
export function originOf(pageUrl: string): string | undefined {
  try {
    const u = new URL(pageUrl);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

const sameOrigin = (a: string, b: string): boolean =>
  a.replace(/\/+$/, '').toLowerCase() === b.replace(/\/+$/, '').toLowerCase();

/** The index of the plan made for exactly this origin (its scope is that origin alone), or -1. */
export function sitePlanIndex(plans: readonly Plan[], origin: string): number {
  return plans.findIndex((p) => p.scope?.length === 1 && sameOrigin(p.scope[0]!, origin));
}

/**
 * Add `goal` to the per-site plan of `pageUrl`'s origin, creating `Site: host` scoped to the origin when there
 * is none. A goal with the same id there is replaced (adding a suggestion twice does not duplicate it).
 */
export function addToSitePlan(
  plans: readonly Plan[],
  pageUrl: string,
  goal: Goal,
  options: ParseOptions = {},
): CommitResult {
  const origin = originOf(pageUrl);
  if (!origin)
    return {
      ok: false,
      errors: [`scope: ${pageUrl} is not a web page (http or https); open the site in a tab and try again`],
    };
  const at = sitePlanIndex(plans, origin);
  const plan: Plan =
    at === -1
      ? { version: 1, name: uniquePlanName(plans, `Site: ${new URL(origin).host}`), scope: [origin], goals: [] }
      : plans[at]!;
  return commitPlan(plans, at === -1 ? plans.length : at, updateGoal(plan, goal.id, goal), options);
}

// ——— funnels ———

/** The plan with funnel `originalId` replaced by `funnel` in its place, or `funnel` appended (`originalId` absent). */
export function putFunnel(plan: Plan, originalId: string | undefined, funnel: Funnel): Plan {
  const funnels = plan.funnels ?? [];
  const at = originalId === undefined ? -1 : funnels.findIndex((f) => f.id === originalId);
  return { ...plan, funnels: at === -1 ? [...funnels, funnel] : funnels.map((f, i) => (i === at ? funnel : f)) };
}

/** The plan without funnel `id` (the `funnels` key dropped when it was the last). */
export function removeFunnel(plan: Plan, id: string): Plan {
  const { funnels, ...rest } = plan;
  const left = (funnels ?? []).filter((f) => f.id !== id);
  return left.length > 0 ? { ...rest, funnels: left } : rest;
}
