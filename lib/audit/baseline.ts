import type { Finding } from './findings';
import type { AuditReport, ReportGoal } from './report';
import { pageKey, subjectOf, type SiteFailure } from './site';
import { FINDING_LABELS, STATUS_WORDS, listWords, vendorName } from '../words';
import { goalCoverage, goalFullyTracked } from './coverage';
import { shortUrl } from '../crawl/url';

// The regression gate: this audit against an earlier one (`--baseline previous.json`). Pages are matched by
// their canonical URL, goals by id, findings by what they are about (not by their wording or time). Only what
// got worse fails the build; what was already broken in the baseline does not, so a team can adopt the gate on
// a site with known problems and be told only of new ones. Pure: two sets of page reports in, changes out.

/** One thing that changed on one page; the same kinds serve regressions and improvements. */
export type BaselineChange =
  | {
      kind: 'goal';
      page: string;
      goalId: string;
      goalName: string;
      before: GoalState;
      now: GoalState;
      tags: string[];
      message: string;
    }
  | { kind: 'vendor'; page: string; vendor: string; before: number; now: number; message: string }
  | {
      kind: 'error_finding';
      page: string;
      findingKind: Finding['kind'];
      vendor?: string;
      subject?: string;
      message: string;
    }
  | { kind: 'page'; page: string; error?: string; message: string };

/** tracked: fired, every expected tag sent · incomplete: fired, a tag not sent · not_fired. */
export type GoalState = 'tracked' | 'incomplete' | 'not_fired';

export interface BaselineResult {
  regressions: BaselineChange[];
  improvements: BaselineChange[];
  /** Pages in the baseline this audit did not cover, and new pages: not compared, listed so nothing hides. */
  onlyBefore: string[];
  onlyNow: string[];
  compared: number;
}

function goalState(goal: ReportGoal | undefined): GoalState {
  if (!goal || goal.fired === 0) return 'not_fired';
  return goalFullyTracked(goal) ? 'tracked' : 'incomplete';
}

/** `Meta Pixel · Purchase missing`, for each expected tag not sent on some firing. */
function unsentTags(goal: ReportGoal): string[] {
  return goalCoverage(goal)
    .filter((c) => c.status !== 'sent' && c.status !== 'not_triggered')
    .map((c) => `${vendorName(c.expected.vendor)} · ${c.expected.event ?? 'any event'} ${STATUS_WORDS[c.status]}`);
}

/** Hits a vendor sent on the page (library loads and blocked or failed requests do not count). */
function sentBy(report: AuditReport): Map<string, number> {
  const out = new Map<string, number>();
  for (const h of report.hits)
    if (h.event !== 'library_load' && (h.status === 'sent' || h.status === 'pending'))
      out.set(h.vendor, (out.get(h.vendor) ?? 0) + 1);
  return out;
}

function errorKeys(report: AuditReport): Map<string, Finding> {
  const out = new Map<string, Finding>();
  for (const f of report.findings) {
    if (f.severity !== 'error') continue;
    const key = JSON.stringify([f.kind, f.vendor ?? '', subjectOf(f) ?? '']);
    if (!out.has(key)) out.set(key, f);
  }
  return out;
}

function findingChange(page: string, f: Finding, message: string): BaselineChange {
  const subject = subjectOf(f);
  return {
    kind: 'error_finding',
    page,
    findingKind: f.kind,
    message,
    ...(f.vendor ? { vendor: f.vendor } : {}),
    ...(subject ? { subject } : {}),
  };
}

function comparePage(before: AuditReport, now: AuditReport, page: string, out: BaselineResult): void {
  const where = shortUrl(page);
  for (const goal of before.goals) {
    const was = goalState(goal);
    const nowGoal = now.goals.find((g) => g.id === goal.id);
    const is = goalState(nowGoal);
    if (was === 'tracked' && is !== 'tracked') {
      const tags = nowGoal && is === 'incomplete' ? unsentTags(nowGoal) : [];
      out.regressions.push({
        kind: 'goal',
        page,
        goalId: goal.id,
        goalName: goal.name,
        before: was,
        now: is,
        tags,
        message:
          is === 'not_fired'
            ? `${where}: "${goal.name}" fired with every tag sent before, and did not fire this time.`
            : `${where}: "${goal.name}" had every tag sent before; now ${listWords(tags)}.`,
      });
    } else if (was !== 'tracked' && is === 'tracked') {
      out.improvements.push({
        kind: 'goal',
        page,
        goalId: goal.id,
        goalName: goal.name,
        before: was,
        now: is,
        tags: [],
        message: `${where}: "${goal.name}" is now fully tracked (${was === 'not_fired' ? 'it did not fire before' : 'a tag was not sent before'}).`,
      });
    }
  }
  const sentBefore = sentBy(before);
  const sentNow = sentBy(now);
  for (const [vendor, n] of sentBefore) {
    if ((sentNow.get(vendor) ?? 0) > 0) continue;
    out.regressions.push({
      kind: 'vendor',
      page,
      vendor,
      before: n,
      now: 0,
      message: `${where}: ${vendorName(vendor)} sent nothing this time (${n} ${n === 1 ? 'hit' : 'hits'} before).`,
    });
  }
  const errorsBefore = errorKeys(before);
  const errorsNow = errorKeys(now);
  for (const [key, f] of errorsNow) {
    if (!errorsBefore.has(key))
      out.regressions.push(findingChange(page, f, `${where}: new error (${FINDING_LABELS[f.kind]}): ${f.message}`));
  }
  for (const [key, f] of errorsBefore) {
    if (!errorsNow.has(key))
      out.improvements.push(findingChange(page, f, `${where}: fixed (${FINDING_LABELS[f.kind]}): ${f.message}`));
  }
}

/**
 * Compare this audit (`now`, and the pages it could not audit) with the baseline's page reports. A page
 * audited before that could not be audited now is a regression: whatever it tracked is unknown.
 */
export function compareWithBaseline(
  before: readonly AuditReport[],
  now: readonly AuditReport[],
  failedNow: readonly SiteFailure[] = [],
): BaselineResult {
  const out: BaselineResult = { regressions: [], improvements: [], onlyBefore: [], onlyNow: [], compared: 0 };
  const beforeByKey = new Map(before.map((r) => [pageKey(r.page.url), r]));
  const nowByKey = new Map(now.map((r) => [pageKey(r.page.url), r]));
  const failedByKey = new Map(failedNow.map((f) => [pageKey(f.url), f]));
  for (const [key, was] of beforeByKey) {
    const is = nowByKey.get(key);
    if (is) {
      out.compared++;
      comparePage(was, is, key, out);
      continue;
    }
    const failed = failedByKey.get(key);
    if (failed) {
      out.regressions.push({
        kind: 'page',
        page: key,
        error: failed.error,
        message: `${shortUrl(key)}: could not be audited this time (${failed.error}).`,
      });
    } else out.onlyBefore.push(key);
  }
  for (const key of nowByKey.keys()) if (!beforeByKey.has(key)) out.onlyNow.push(key);
  return out;
}

/** The lines the command prints: regressions first, then improvements, then what was not compared. */
export function baselineLines(result: BaselineResult, file: string): string[] {
  const lines: string[] = [];
  const head =
    `Compared with ${file} (${result.compared} ${result.compared === 1 ? 'page' : 'pages'}): ` +
    `${result.regressions.length} ${result.regressions.length === 1 ? 'regression' : 'regressions'}, ` +
    `${result.improvements.length} ${result.improvements.length === 1 ? 'improvement' : 'improvements'}.`;
  lines.push(head);
  if (result.regressions.length) lines.push('Regressions:', ...result.regressions.map((c) => `  ✗ ${c.message}`));
  if (result.improvements.length) lines.push('Improvements:', ...result.improvements.map((c) => `  ✓ ${c.message}`));
  if (result.onlyBefore.length)
    lines.push(`Not audited this time (in the baseline only): ${result.onlyBefore.map(shortUrl).join(', ')}`);
  if (result.onlyNow.length) lines.push(`New pages (not in the baseline): ${result.onlyNow.map(shortUrl).join(', ')}`);
  return lines;
}
