import { auditTab, type TabAudit } from '../audit/audit-tab';
import type { Plan } from '../goals/types';
import type { PageSession, StoredFiring, StoredHit, StoredSignal } from '../store/types';
import { findingGroups, type FindingGroup } from './findings';
import { goalViews, type GoalView } from './goals';

// The popup's audit of the page it shows: the one audit (lib/audit/audit-tab.ts), and what the Goals and
// Findings views make of it.

export interface PageAudit {
  /** The plans in force (storage.local `plans`). */
  plans: Plan[];
  audit: TabAudit;
  goals: GoalView[];
  findings: FindingGroup[];
}

export interface PageAuditInput {
  session: PageSession;
  /** The page's own hits: the ones the Hits view lists. */
  hits: readonly StoredHit[];
  /** The tab's hits around the page (lib/store pageRecords): what its goals are reconciled against. */
  auditHits: readonly StoredHit[];
  firings: readonly StoredFiring[];
  signals: readonly StoredSignal[];
}

export function pageAudit(plans: Plan[], input: PageAuditInput, generatedAt: number): PageAudit {
  const { session } = input;
  const audit = auditTab(
    plans,
    { sessions: [session], hits: input.auditHits, firings: input.firings, signals: input.signals },
    { generatedAt, page: { url: session.url, ...(session.title ? { title: session.title } : {}) } },
  );
  const shown = new Set(input.hits.map((h) => h.id));
  return {
    plans,
    audit,
    goals: goalViews(audit.results, input.auditHits, shown),
    findings: findingGroups(audit.findings, audit.goals, shown),
  };
}
