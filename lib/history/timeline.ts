import { auditTab } from '../audit/audit-tab';
import type { FunnelStepUntrackedFinding } from '../audit/funnels';
import type { TagStatus } from '../audit/reconcile';
import type { Plan } from '../goals/types';
import type { PageRecords } from '../store/queries';
import type { Navigation } from '../store/types';
import type { Visit } from '../visits/visits';
import type { VisitFunnels } from '../view/funnels';
import { type StepState, stepState } from '../words';
import { visitHost } from './rows';
import { tagTally, type TagTally } from './tags';

// One visit opened: its pages in order, and on each what the visitor did (goal firings, each with its tags'
// verdict), the funnel steps reached there, and what the tags sent. Pure: the page reads the visit's records and
// passes them with the plans.

export interface TimelineFiring {
  id: string;
  goalId: string;
  goalName: string;
  at: number;
  /** Each tag the goal expects, as reconciled; empty when the goal expects none or another goal owns the action. */
  tags: Array<{ vendor: string; event?: string; status: TagStatus }>;
  /** The goal whose verdict covers this action, when it is another's. */
  ownedBy?: string;
}

export interface TimelineStep {
  funnel: string;
  name: string;
  state: StepState;
  at: number;
}

export interface TimelinePage {
  sessionId: string;
  tabId: number;
  url: string;
  title?: string;
  startedAt: number;
  /** SPA route and #fragment changes in the page. */
  routes: Navigation[];
  firings: TimelineFiring[];
  steps: TimelineStep[];
  tags: TagTally[];
}

export interface VisitTimeline {
  id: string;
  host: string;
  startedAt: number;
  lastAt: number;
  pages: TimelinePage[];
  /** The funnels as the popup shows them (entrypoints/shared FunnelsView). */
  funnels: VisitFunnels;
  /** All the visit's tags, page by page summed: what a comparison sets side by side. */
  tags: TagTally[];
}

export function visitTimeline(
  plans: readonly Plan[],
  visit: Visit,
  records: PageRecords,
  generatedAt: number,
): VisitTimeline {
  const audit = auditTab(plans, records, { generatedAt, funnels: true });
  const resultOf = new Map(audit.results.flatMap((r) => r.firings.map((f) => [f.firing.id, f] as const)));
  const sessionOf = new Map(records.firings.map((f) => [`${f.goalId}\u0000${f.at}`, f.sessionId]));
  const steps = new Map<string, TimelineStep[]>();
  for (const funnel of audit.funnels)
    for (const step of funnel.steps) {
      if (!step.reached || step.at === undefined) continue;
      // The step's first firing is one of its goals' at `at`: its page is that firing's.
      const session = (step.goals ?? [step.goal])
        .map((g) => sessionOf.get(`${g}\u0000${step.at}`))
        .find((s) => s !== undefined);
      if (!session) continue;
      const list = steps.get(session) ?? [];
      list.push({ funnel: funnel.name, name: step.name, state: stepState(step), at: step.at });
      steps.set(session, list);
    }
  const bySession = <T extends { sessionId: string; at: number }>(rows: readonly T[], id: string): T[] =>
    rows.filter((r) => r.sessionId === id).sort((a, b) => a.at - b.at);
  const pages = [...visit.sessions]
    .sort((a, b) => a.startedAt - b.startedAt)
    .map((s): TimelinePage => {
      const firings = bySession(records.firings, s.id).map((f): TimelineFiring => {
        const result = resultOf.get(f.id);
        return {
          id: f.id,
          goalId: f.goalId,
          goalName: f.goalName,
          at: f.at,
          tags: (result?.tags ?? []).map((t) => ({
            vendor: t.expected.vendor,
            ...(t.expected.event !== undefined ? { event: t.expected.event } : {}),
            status: t.status,
          })),
          ...(result?.ownedBy ? { ownedBy: result.ownedBy.goal.name } : {}),
        };
      });
      return {
        sessionId: s.id,
        tabId: s.tabId,
        url: s.url,
        ...(s.title?.trim() ? { title: s.title.trim() } : {}),
        startedAt: s.startedAt,
        routes: s.navigations,
        firings,
        steps: (steps.get(s.id) ?? []).sort((a, b) => a.at - b.at),
        tags: tagTally(bySession(records.hits, s.id)),
      };
    })
    // A new tab's blank page that recorded nothing is no page to the reader.
    .filter((p) => /^https?:/i.test(p.url) || p.firings.length > 0 || p.tags.length > 0);
  return {
    id: visit.id,
    host: visitHost(visit),
    startedAt: visit.startedAt,
    lastAt: visit.lastAt,
    pages,
    funnels: {
      startedAt: visit.startedAt,
      tabs: visit.tabIds.length,
      pages: pages.filter((p) => /^https?:/i.test(p.url)).length,
      funnels: audit.funnels,
      untracked: audit.findings.filter((f): f is FunnelStepUntrackedFinding => f.kind === 'funnel_step_untracked'),
    },
    tags: tagTally(records.hits),
  };
}
