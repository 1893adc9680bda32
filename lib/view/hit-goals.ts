import type { GoalResult } from '../audit/reconcile';
import { expectedWords } from '../words';

// Which goal a hit counted for: the reconciliation says, per firing, which hit satisfied each expected tag.
// The DevTools panel shows it beside the hit ("counted for: Add to cart, expected GA4 add_to_cart").

export interface HitGoal {
  goalId: string;
  goalName: string;
  /** When the goal fired. */
  firedAt: number;
  /** What the plan expected, in words: `add_to_cart (currency = EUR)`. */
  expected: string;
  status: 'sent' | 'blocked' | 'failed';
}

/** For each hit the reconciliation used, the goals (firings) it counted for or the attempt it was. */
export function hitGoals(results: readonly GoalResult[]): Map<string, HitGoal[]> {
  const out = new Map<string, HitGoal[]>();
  for (const result of results) {
    for (const firing of result.firings) {
      for (const tag of firing.tags) {
        if (!tag.hitId || tag.status === 'missing') continue;
        let list = out.get(tag.hitId);
        if (!list) out.set(tag.hitId, (list = []));
        list.push({
          goalId: result.goal.id,
          goalName: result.goal.name,
          firedAt: firing.firing.at,
          expected: expectedWords(tag.expected),
          status: tag.status,
        });
      }
    }
  }
  return out;
}
