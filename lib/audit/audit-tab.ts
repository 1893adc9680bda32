import { activeGoals } from '../goals/active-goals';
import { consentAnswers } from '../consent/answers';
import type { SiteReading } from '../goals/site-kind';
import type { Goal, Plan, SiteKind } from '../goals/types';
import type { PageSession, StoredCookie, StoredFiring, StoredHit, StoredSignal } from '../store/types';
import { defaultOrigin, type GoalOrigin } from './actions';
import { funnelsInForce } from '../goals/funnels';
import { findings as computeFindings, type Finding } from './findings';
import { evaluateFunnels, funnelFindings, type FunnelResult } from './funnels';
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
  /** The cookies set while the pages were shown (names only); absent where they were not read. */
  cookies?: readonly StoredCookie[];
}

export interface TabAudit {
  goals: Goal[];
  results: GoalResult[];
  findings: Finding[];
  report: AuditReport;
  summary: TabSummary;
  /** What the pages read as, when they were read: the default plan's goals are offered by it. */
  site?: SiteReading;
  /** The plans' funnels over the records (a visit: its pages and the tabs they opened). */
  funnels: FunnelResult[];
}

export interface AuditOptions {
  generatedAt: number;
  /** The page the report is about; the first session's when absent. */
  page?: { url: string; title?: string };
  timeZone?: string;
  /**
   * The records are a whole visit (lib/visits: a tab's pages and the tabs it opened): evaluate the plans' funnels
   * over them. Off for one page's records (the popup's page audit, the badge, a crawled page): a funnel judged on
   * one page would call a step "never sent" that another page of the visit sent.
   */
  funnels?: boolean;
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

/** What the records' pages read as: every kind any of them read as, and what said so. Undefined when none was read. */
export function siteOf(signals: readonly StoredSignal[]): SiteReading | undefined {
  const readings = signals.filter((s): s is Extract<StoredSignal, { kind: 'site' }> => s.kind === 'site');
  if (readings.length === 0) return undefined;
  const kinds = new Set<SiteKind>();
  const signs = new Set<string>();
  for (const r of readings) {
    for (const k of r.kinds) kinds.add(k);
    for (const s of r.signs) signs.add(s);
  }
  return { kinds: [...kinds], signs: [...signs] };
}

/** The goals of the plans on any page the records cover, each once, in the order first met (site kinds aside). */
function goalsByUrl(plans: readonly Plan[], records: TabRecords): Goal[] {
  const byId = new Map<string, Goal>();
  for (const url of new Set(urlsOf(records)))
    for (const goal of activeGoals(plans, url)) if (!byId.has(goal.id)) byId.set(goal.id, goal);
  return [...byId.values()];
}

/**
 * The goals in force on any page the records cover, each once, in the order first met. A goal offered only on
 * some kinds of site (the default plan's) is not in force on pages read as another kind, even if it fired: a
 * shop is judged on a shop's micro-conversions, not on a blog's scroll depth. Pages never read (or that said too
 * little) keep every goal.
 */
export function goalsInForce(
  plans: readonly Plan[],
  records: TabRecords,
  site: SiteReading | undefined = siteOf(records.signals),
): Goal[] {
  const goals = goalsByUrl(plans, records);
  if (!site || site.kinds.length === 0) return goals;
  return goals.filter((g) => !g.siteKinds?.length || g.siteKinds.some((k) => site.kinds.includes(k)));
}

/** Where each goal in force comes from: a per-site plan, a plan the user wrote, or shipped as it is. */
export function goalOrigins(plans: readonly Plan[], goals: readonly Goal[]): Map<string, GoalOrigin> {
  const fromSitePlan = new Set<Goal>(plans.filter((p) => p.scope?.length).flatMap((p) => p.goals));
  return new Map(goals.map((g) => [g.id, fromSitePlan.has(g) ? 'site' : defaultOrigin(g)]));
}

export function auditTab(plans: readonly Plan[], records: TabRecords, options: AuditOptions): TabAudit {
  const site = siteOf(records.signals);
  const goals = goalsInForce(plans, records, site);
  const results = reconcile(goals, records.firings, records.hits, { origins: goalOrigins(plans, goals) });
  const answers = consentAnswers(records.signals);
  const cookies = records.cookies ?? [];
  const found = computeFindings({
    goals,
    // A tag a goal of the plan expects is explained, even where that goal is not offered (another kind of site).
    knownGoals: goalsByUrl(plans, records),
    firings: records.firings,
    hits: records.hits,
    results,
    consent: answers,
    cookies,
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  });
  const funnels = options.funnels ? funnelsOf(plans, records, goals, results) : [];
  const firingIdOf = (goalId: string, at: number) =>
    records.firings.find((f) => f.goalId === goalId && f.at === at)?.id ?? '';
  const untracked = funnelFindings(funnels, firingIdOf, options.timeZone);
  // One problem, one finding: a step's tag never sent in the whole visit is the funnel's finding, which takes over
  // the missing-tag findings of the step's actions for that tag (their detail goes with it). A tag missing on one
  // action but sent on another stays a missing tag: the funnel is not broken by it.
  const covered = (f: Finding): boolean =>
    f.kind === 'missing_tag' &&
    untracked.some(
      (u) =>
        u.steps.some((g) => f.goals.includes(g)) && u.missing.some((m) => m.vendor === f.vendor && m.event === f.event),
    );
  for (const u of untracked) {
    const details = found.filter(covered).filter((f) => f.kind === 'missing_tag' && u.steps.includes(f.goalId));
    const extra = details.map((f) => f.detail).filter((d): d is string => !!d);
    if (extra.length) u.detail = [u.detail, ...extra].filter(Boolean).join(' ');
  }
  const kept = untracked.length ? found.filter((f) => !covered(f)) : found;
  // Errors first, as findings() orders them: the funnel's errors join the others by time.
  const all: Finding[] = untracked.length
    ? [...kept.filter((f) => f.severity === 'error'), ...untracked.map(({ steps: _s, ...u }) => u)]
        .sort((a, b) => (a.at ?? 0) - (b.at ?? 0))
        .concat(kept.filter((f) => f.severity !== 'error'))
    : found;
  // A new tab's initial about:blank is a session too; the report is about the first real page.
  const ordered = [...records.sessions].sort((a, b) => a.startedAt - b.startedAt);
  const first = ordered.find((s) => /^https?:/.test(s.url)) ?? ordered[0];
  const page = options.page ?? { url: first?.url ?? 'about:blank', ...(first?.title ? { title: first.title } : {}) };
  const plan: Plan = { version: 1, name: plans.map((p) => p.name).join(' + ') || 'No plan', goals };
  const report = buildReport({
    page,
    plan,
    sessions: records.sessions,
    firings: records.firings,
    hits: records.hits,
    results,
    findings: all,
    generatedAt: options.generatedAt,
    answers,
    cookies,
    funnels,
    ...(site ? { site } : {}),
  });
  return {
    goals,
    results,
    findings: all,
    report,
    summary: tabSummary(results, all, records.hits.length),
    funnels,
    ...(site ? { site } : {}),
  };
}

/**
 * The funnels in force over the records, evaluated on the goals in force. A funnel none of whose steps the visit
 * reached says nothing about it (a blog visit and the shop's checkout funnel): left out, so that a report lists
 * the funnels the visitor walked into.
 */
function funnelsOf(
  plans: readonly Plan[],
  records: TabRecords,
  goals: readonly Goal[],
  results: readonly GoalResult[],
): FunnelResult[] {
  const inForce = new Set(goals.map((g) => g.id));
  const funnels = funnelsInForce(plans, urlsOf(records))
    // A step whose goals are none of them in force here (another kind of site) is no step of this visit.
    .map((f) => ({
      ...f,
      steps: f.steps.filter((s) => (typeof s === 'string' ? [s] : s).some((id) => inForce.has(id))),
    }))
    .filter((f) => f.steps.length >= 2);
  return evaluateFunnels(funnels, results).filter((f) => f.steps.some((s) => s.reached));
}
