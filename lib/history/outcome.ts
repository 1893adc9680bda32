import type { FunnelResult } from '../audit/funnels';
import { DEFAULT_LEAD_MS, windowOf } from '../audit/reconcile';
import { DEFAULT_WINDOW_MS, type Plan } from '../goals/types';
import type { PageRecords } from '../store/queries';
import type { StoredFiring } from '../store/types';
import type { Visit } from '../visits/visits';
import { visitFunnels } from '../view/funnels';

// A listed visit's funnel outcome without reading all its hits. A funnel step is tracked when a matching hit was
// sent from DEFAULT_LEAD_MS before one of its firings to the goal's window after it (lib/audit/reconcile.ts): no
// hit outside those spans changes a verdict, only the wording of a clue the list does not show. So the list
// reads the visit's firings and page events (few) and the hits in those spans (a handful per firing), not the
// thousands a busy visit sends.

/** A span of time, ms since the epoch, both ends included. */
export interface Span {
  from: number;
  to: number;
}

/** The longest a hit may come after a firing and still count for any goal of the plans. */
export function longestWindow(plans: readonly Plan[]): number {
  return Math.max(DEFAULT_WINDOW_MS, ...plans.flatMap((p) => p.goals.map(windowOf)));
}

/**
 * The spans where the hits that decide the firings' verdicts can be, per tab (reconcile matches hits of the
 * firing's tab), merged where they overlap, each tab's in time order.
 */
export function verdictSpans(
  firings: readonly Pick<StoredFiring, 'tabId' | 'at'>[],
  windowMs: number,
  leadMs = DEFAULT_LEAD_MS,
): Map<number, Span[]> {
  const byTab = new Map<number, Span[]>();
  const sorted = [...firings].sort((a, b) => a.at - b.at);
  for (const f of sorted) {
    let spans = byTab.get(f.tabId);
    if (!spans) byTab.set(f.tabId, (spans = []));
    const span = { from: f.at - leadMs, to: f.at + windowMs };
    const last = spans.at(-1);
    if (last && span.from <= last.to) last.to = Math.max(last.to, span.to);
    else spans.push(span);
  }
  return byTab;
}

/** The plans' funnels over a visit's records (all of them, or those verdictSpans selected: the same outcome). */
export function visitOutcome(
  plans: readonly Plan[],
  visit: Pick<Visit, 'startedAt' | 'tabIds'>,
  records: PageRecords,
  generatedAt: number,
): FunnelResult[] {
  if (!plans.some((p) => p.funnels?.length)) return [];
  return visitFunnels(plans, visit, records, generatedAt).funnels;
}
