import type { Goal, Plan } from './types';
import { inScope } from './url-pattern';

/**
 * The goals in force on `url`: those of every plan whose `scope` admits the URL, each kept only where its own
 * `scope` admits it. Plans without a scope (the defaults) come first; a per-site plan's goal replaces the
 * goal with the same id (in the place of the one it replaces); among per-site plans the later one wins.
 * A goal's own scope is checked after overriding, so a per-site goal scoped elsewhere hides the default.
 */
export function activeGoals(plans: readonly Plan[], url: string): Goal[] {
  const byId = new Map<string, Goal>();
  const general = plans.filter((p) => !p.scope?.length);
  const perSite = plans.filter((p) => !!p.scope?.length && inScope(p.scope, url));
  for (const plan of [...general, ...perSite]) for (const goal of plan.goals) byId.set(goal.id, goal);
  return [...byId.values()].filter((goal) => inScope(goal.scope, url));
}
