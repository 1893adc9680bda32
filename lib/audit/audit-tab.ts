import { activeGoals } from '../goals/active-goals';
import type { Goal, Plan } from '../goals/types';
import type { PageSession, StoredFiring, StoredHit, StoredSignal } from '../store/types';
import { consentSignals } from './consent';
import { findings as computeFindings, type Finding } from './findings';
import { reconcile, type GoalResult } from './reconcile';
import { buildReport, type AuditReport } from './report';
import { tabSummary, type TabSummary } from './summary';

// The one audit: the popup, the badge and the audit command all call this with what Tagwatch recorded for a
// tab, so they cannot disagree.

/** What Tagwatch recorded for one tab (or the part of it being audited). */
export interface TabRecords {
  sessions: readonly PageSession[];
  hits: readonly StoredHit[];
  firings: readonly StoredFiring[];
  signals: readonly StoredSignal[];
}

export interface TabAudit {
  goals: Goal[];
  results: GoalResult[];
  findings: Finding[];
  report: AuditReport;
  summary: TabSummary;
}

export interface AuditOptions {
  generatedAt: number;
  /** The page the report is about; the first session's when absent. */
  page?: { url: string; title?: string };
  timeZone?: string;
}

/** Every URL the tab showed: each page and each SPA route, in order. */
function urlsOf(records: TabRecords): string[] {
  const urls: string[] = [];
  for (const s of [...records.sessions].sort((a, b) => a.startedAt - b.startedAt)) {
    urls.push(s.url);
    for (const n of s.navigations) urls.push(n.url);
  }
  for (const f of records.firings) urls.push(f.url);
  return urls;
}

/** The goals in force on any page the records cover, each once, in the order first met. */
export function goalsInForce(plans: readonly Plan[], records: TabRecords): Goal[] {
  const byId = new Map<string, Goal>();
  for (const url of new Set(urlsOf(records))) for (const goal of activeGoals(plans, url)) if (!byId.has(goal.id)) byId.set(goal.id, goal);
  return [...byId.values()];
}

export function auditTab(plans: readonly Plan[], records: TabRecords, options: AuditOptions): TabAudit {
  const goals = goalsInForce(plans, records);
  const results = reconcile(goals, records.firings, records.hits);
  const found = computeFindings({
    goals,
    firings: records.firings,
    hits: records.hits,
    results,
    consent: consentSignals(records.signals),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  });
  // A new tab's initial about:blank is a session too; the report is about the first real page.
  const ordered = [...records.sessions].sort((a, b) => a.startedAt - b.startedAt);
  const first = ordered.find((s) => /^https?:/.test(s.url)) ?? ordered[0];
  const page = options.page ?? { url: first?.url ?? 'about:blank', ...(first?.title ? { title: first.title } : {}) };
  const plan: Plan = { version: 1, name: plans.map((p) => p.name).join(' + ') || 'No plan', goals };
  const report = buildReport({
    page, plan, sessions: records.sessions, firings: records.firings, hits: records.hits, results, findings: found, generatedAt: options.generatedAt,
  });
  return { goals, results, findings: found, report, summary: tabSummary(results, found, records.hits.length) };
}
