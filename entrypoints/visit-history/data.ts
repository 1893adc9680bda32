import type { FunnelResult } from '@/lib/audit/funnels';
import type { Plan } from '@/lib/goals/types';
import { longestWindow, verdictSpans, visitOutcome } from '@/lib/history/outcome';
import { visitTimeline, type VisitTimeline } from '@/lib/history/timeline';
import { allVisits, outcomeRecords, visitRecords, type TagwatchDB } from '@/lib/store';
import type { Visit } from '@/lib/visits/visits';

// The History page's reads: IndexedDB through lib/store, turned into the page's data by lib/history. The page
// only reads; the background is the only writer.

export function readVisits(db: TagwatchDB): Promise<Visit[]> {
  return allVisits(db);
}

/** A listed visit's funnels, from its firings and the hits around them (lib/history/outcome.ts). */
export async function readOutcome(db: TagwatchDB, visit: Visit, plans: readonly Plan[]): Promise<FunnelResult[]> {
  if (!plans.some((p) => p.funnels?.length)) return [];
  const windowMs = longestWindow(plans);
  const records = await outcomeRecords(db, visit, (firings) => verdictSpans(firings, windowMs));
  return visitOutcome(plans, visit, records, Date.now());
}

/** An opened visit: every record of it. */
export async function readTimeline(db: TagwatchDB, visit: Visit, plans: readonly Plan[]): Promise<VisitTimeline> {
  return visitTimeline(plans, visit, await visitRecords(db, visit), Date.now());
}
