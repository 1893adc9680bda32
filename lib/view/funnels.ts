import { auditTab } from '../audit/audit-tab';
import type { FunnelResult, FunnelStepUntrackedFinding } from '../audit/funnels';
import type { Plan } from '../goals/types';
import type { PageRecords } from '../store/queries';
import type { Visit } from '../visits/visits';

// The popup's Funnels view: the plans' funnels over the visit the tab is in (its pages, and the tabs it opened),
// and the steps reached but never tracked, each said once.

export interface VisitFunnels {
  /** The visit's first page's time, its tab count and page count: what "this visit" covers. */
  startedAt: number;
  tabs: number;
  pages: number;
  funnels: FunnelResult[];
  untracked: FunnelStepUntrackedFinding[];
}

export function visitFunnels(
  plans: readonly Plan[],
  visit: Pick<Visit, 'startedAt' | 'tabIds'>,
  records: PageRecords,
  generatedAt: number,
): VisitFunnels {
  const audit = auditTab(plans, records, { generatedAt, funnels: true });
  return {
    startedAt: visit.startedAt,
    tabs: visit.tabIds.length,
    pages: records.sessions.filter((s) => /^https?:/i.test(s.url)).length,
    funnels: audit.funnels,
    untracked: audit.findings.filter((f): f is FunnelStepUntrackedFinding => f.kind === 'funnel_step_untracked'),
  };
}
