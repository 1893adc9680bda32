import { parsePlan, type ParseOptions } from '../goals/schema';
import type { Goal } from '../goals/types';

// What comes back from the suggest script is data from a web page's tab: every goal is checked with the
// plan schema before it is shown, and what does not validate is dropped.

/** The valid goals of an executeScript result (anything else: none). */
export function acceptSuggestions(result: unknown, options: ParseOptions = {}): Goal[] {
  if (!Array.isArray(result)) return [];
  const out: Goal[] = [];
  const ids = new Set<string>();
  for (const item of result.slice(0, 100)) {
    const parsed = parsePlan({ version: 1, name: 'Suggestions', goals: [item] }, options);
    const goal = parsed.ok ? parsed.plan.goals[0] : undefined;
    if (goal && !ids.has(goal.id)) {
      ids.add(goal.id);
      out.push(goal);
    }
  }
  return out;
}
