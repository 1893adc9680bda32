import type { Funnel, FunnelStep, Plan } from './types';
import { inScope } from './url-pattern';

// Funnels of the plans in force: the micro-conversions on the way to a macro conversion, checked over a visit.

/** The goal ids of one step: any of them reaches it. */
export function stepGoals(step: FunnelStep): string[] {
  return typeof step === 'string' ? [step] : step;
}

/**
 * The funnels in force on a visit that went through `urls`: those of every plan whose scope admits one of the
 * URLs. As with goals, plans without a scope come first and a per-site plan's funnel replaces the one with the
 * same id.
 */
export function funnelsInForce(plans: readonly Plan[], urls: readonly string[]): Funnel[] {
  const byId = new Map<string, Funnel>();
  const general = plans.filter((p) => !p.scope?.length);
  const perSite = plans.filter((p) => !!p.scope?.length && urls.some((url) => inScope(p.scope, url)));
  for (const plan of [...general, ...perSite]) for (const funnel of plan.funnels ?? []) byId.set(funnel.id, funnel);
  return [...byId.values()];
}
