import { auditTab, type TabAudit } from '../audit/audit-tab';
import { isShippedGoal } from '../goals/library';
import type { Plan } from '../goals/types';
import type { PageSession, StoredCookie, StoredFiring, StoredHit, StoredSignal } from '../store/types';
import { findingGroups, type FindingGroup } from './findings';
import { foldedGoalsLine, goalViews, goalsHeadline, type GoalView } from './goals';
import { nextStep, siteLine } from './next-step';

// The popup's audit of the page it shows: the one audit (lib/audit/audit-tab.ts), and what the Goals and
// Findings views make of it.

export interface PageAudit {
  /** The plans in force (storage.local `plans`). */
  plans: Plan[];
  audit: TabAudit;
  goals: GoalView[];
  findings: FindingGroup[];
  /** `3 goals fired · 2 fully tracked · 1 with tags missing`. */
  headline: string;
  /** What the user should do next, in one line. */
  nextStep: string;
  /** `12 goals not triggered on this page`; empty when every goal fired. */
  folded: string;
  /** What the page was read as, when the default plan's goals were picked by it. */
  site?: string;
}

export interface PageAuditInput {
  session: PageSession;
  /** The page's own hits: the ones the Hits view lists. */
  hits: readonly StoredHit[];
  /** The tab's hits around the page (lib/store pageRecords): what its goals are reconciled against. */
  auditHits: readonly StoredHit[];
  firings: readonly StoredFiring[];
  signals: readonly StoredSignal[];
  /** The cookies set while the page was shown; none when not read. */
  cookies?: readonly StoredCookie[];
}

export function pageAudit(plans: Plan[], input: PageAuditInput, generatedAt: number): PageAudit {
  const { session } = input;
  const audit = auditTab(
    plans,
    {
      sessions: [session],
      hits: input.auditHits,
      firings: input.firings,
      signals: input.signals,
      cookies: input.cookies ?? [],
    },
    { generatedAt, page: { url: session.url, ...(session.title ? { title: session.title } : {}) } },
  );
  const shown = new Set(input.hits.map((h) => h.id));
  const goals = goalViews(audit.results, input.auditHits, shown);
  const site = siteLine(
    audit.site,
    audit.goals.some((g) => g.siteKinds?.length && isShippedGoal(g)),
  );
  return {
    plans,
    audit,
    goals,
    findings: findingGroups(audit.findings, audit.goals, shown),
    headline: goalsHeadline(goals),
    nextStep: nextStep(audit.findings, goals),
    folded: foldedGoalsLine(goals),
    ...(site ? { site } : {}),
  };
}
