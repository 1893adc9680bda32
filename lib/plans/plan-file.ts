import { parsePlanText, type ParseOptions } from '../goals/schema';
import type { Plan } from '../goals/types';
import { putPlan, type CommitResult } from './edit';
import { slug } from './slug';

// Plans as files (`version: 1`, DESIGN.md): what export writes, import reads back unchanged.

/** The plan's JSON, keys in the contract's order, indented for people to read and diff. */
export function planToJson(plan: Plan): string {
  const { version, name, scope, goals, ...rest } = plan;
  return `${JSON.stringify({ version, name, ...(scope ? { scope } : {}), ...rest, goals }, null, 2)}\n`;
}

/** `tagwatch-plan-shop-micro-conversions.json` */
export function planFileName(plan: Plan): string {
  return `tagwatch-plan-${slug(plan.name, '-') || 'untitled'}.json`;
}

/**
 * Put the plan of an imported file in force: validated with parsePlanText, replacing the plan of the same
 * name or added. Invalid → the errors, each naming its path, and the plans are unchanged.
 */
export function importPlanText(
  plans: readonly Plan[],
  text: string,
  options: ParseOptions = {},
): CommitResult & { replaced?: boolean } {
  const parsed = parsePlanText(text, options);
  if (!parsed.ok) return parsed;
  return putPlan(plans, parsed.plan, options);
}
