import type { TagStatus } from './reconcile';
import type { AuditReport, ReportFiring, ReportGoal, ReportTag } from './report';
import { count, notTriggeredWords, worstOf, type Verdict } from '../words';
import type { VendorId } from '../tags/vendors';

// What each goal's expected tags did over its firings, read from a report: the CLI table, the Markdown and the
// HTML report count the same way and show goals in the same order — the goals that own an action first, then
// the goals whose actions another goal owns, then, folded into one line, the goals that did not fire.

export interface ExpectedLabel {
  vendor: VendorId;
  event?: string;
  account?: string;
}

export interface TagCoverage {
  expected: ExpectedLabel;
  status: Verdict;
  /** Actions for which this tag was sent, out of `firings`. */
  sent: number;
  firings: number;
  /** One per action the goal owns, in time order. */
  perFiring: Array<{ firing: ReportFiring; tag: ReportTag | undefined; status: TagStatus }>;
}

/** The firings that carry a verdict: the goal owns their action. */
export function judgedFirings(goal: ReportGoal): ReportFiring[] {
  return goal.firings.filter((f) => f.ownedBy === undefined);
}

/** The firing's result for the goal's i-th expected tag: by position (the reconciliation keeps the plan's order), else by vendor and event. */
function tagFor(firing: ReportFiring, expected: ExpectedLabel, i: number): ReportTag | undefined {
  const atIndex = firing.tags[i];
  if (atIndex && atIndex.vendor === expected.vendor && atIndex.event === expected.event) return atIndex;
  return firing.tags.find((t) => t.vendor === expected.vendor && t.event === expected.event);
}

/** What the goal expects: the plan's list, or (a report written without it) what its first firing was checked for. */
function expectedOf(goal: ReportGoal): ExpectedLabel[] {
  if (goal.expect.length > 0) return goal.expect;
  const first = judgedFirings(goal)[0];
  return (first?.tags ?? []).map((t) =>
    t.event !== undefined ? { vendor: t.vendor, event: t.event } : { vendor: t.vendor },
  );
}

export function goalCoverage(goal: ReportGoal): TagCoverage[] {
  const own = judgedFirings(goal);
  return expectedOf(goal).map((expected, i) => {
    const perFiring = own.map((firing) => {
      const tag = tagFor(firing, expected, i);
      return { firing, tag, status: tag?.status ?? 'missing' };
    });
    const statuses = perFiring.map((p) => p.status);
    const status: Verdict = perFiring.length === 0 ? 'not_triggered' : worstOf(statuses);
    return {
      expected,
      status,
      sent: statuses.filter((s) => s === 'sent').length,
      firings: perFiring.length,
      perFiring,
    };
  });
}

/** Owns an action, and every expected tag was sent for every action it owns. */
export function goalFullyTracked(goal: ReportGoal): boolean {
  return judgedFirings(goal).length > 0 && goalCoverage(goal).every((c) => c.status === 'sent');
}

export interface GoalGroups {
  /** Goals that own at least one action: they carry verdicts. */
  judged: ReportGoal[];
  /** Goals that matched only actions another goal owns: "matched, owned by X". */
  owned: ReportGoal[];
  /** Goals that did not fire: one folded line. */
  notTriggered: ReportGoal[];
}

/** When a goal first fired: the goals that fired are shown in the order the visitor made them fire. */
function firstAt(goal: ReportGoal): number {
  return Math.min(...goal.firings.map((f) => f.at));
}

/** The report's goals in the order every surface shows them: fired ones as they happened, the others in the plan's order. */
export function goalGroups(report: AuditReport): GoalGroups {
  const groups: GoalGroups = { judged: [], owned: [], notTriggered: [] };
  for (const goal of report.goals) {
    if (goal.firings.length === 0) groups.notTriggered.push(goal);
    else if (judgedFirings(goal).length > 0) groups.judged.push(goal);
    else groups.owned.push(goal);
  }
  const byTime = (a: ReportGoal, b: ReportGoal) => firstAt(a) - firstAt(b);
  groups.judged.sort(byTime);
  groups.owned.sort(byTime);
  return groups;
}

/** `Add to cart (button)` for the goal that owns the actions of `goal` (the first one's owner). */
export function ownerNames(report: AuditReport, goal: ReportGoal): string[] {
  const names = new Map(report.goals.map((g) => [g.id, g.name]));
  return [
    ...new Set(goal.firings.flatMap((f) => (f.ownedBy !== undefined ? [names.get(f.ownedBy) ?? f.ownedBy] : []))),
  ];
}

/** `12 goals not triggered on this page`. */
export function foldedLine(report: AuditReport): string {
  return notTriggeredWords(goalGroups(report).notTriggered.length, report.pages.length);
}

export interface ReportCounts {
  pages: number;
  goals: number;
  /** Goals that own at least one action. */
  judged: number;
  tracked: number;
  notTriggered: number;
  errors: number;
  warnings: number;
  notes: number;
  hits: number;
}

export function reportCounts(reports: readonly AuditReport[]): ReportCounts {
  const counts: ReportCounts = {
    pages: reports.length,
    goals: 0,
    judged: 0,
    tracked: 0,
    notTriggered: 0,
    errors: 0,
    warnings: 0,
    notes: 0,
    hits: 0,
  };
  for (const report of reports) {
    const groups = goalGroups(report);
    counts.goals += report.goals.length;
    counts.judged += groups.judged.length;
    counts.tracked += groups.judged.filter(goalFullyTracked).length;
    counts.notTriggered += groups.notTriggered.length;
    counts.hits += report.hits.length;
    for (const f of report.findings) {
      if (f.severity === 'error') counts.errors++;
      else if (f.severity === 'warning') counts.warnings++;
      else counts.notes++;
    }
  }
  return counts;
}

/** `4 of 5 goals that fired fully tracked · 5 not triggered · 3 errors · 1 warning`, over every report given. */
export function summaryLine(reports: readonly AuditReport[]): string {
  if (reports.length === 0) return 'No page was audited';
  const c = reportCounts(reports);
  const parts: string[] = [];
  if (reports.length > 1) parts.push(`${reports.length} pages`);
  parts.push(
    c.goals === 0
      ? 'no goals in the plan'
      : c.judged === 0
        ? 'no goal fired'
        : `${c.tracked} of ${count(c.judged, 'goal')} that fired fully tracked`,
  );
  if (c.notTriggered > 0) parts.push(`${c.notTriggered} not triggered`);
  const problems = [
    ...(c.errors ? [count(c.errors, 'error')] : []),
    ...(c.warnings ? [count(c.warnings, 'warning')] : []),
    ...(c.notes ? [count(c.notes, 'note')] : []),
  ];
  parts.push(...(problems.length ? problems : ['no problems found']));
  return parts.join(' · ');
}
