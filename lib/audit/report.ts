import type { ElementInfo, ExpectedTag, Plan } from '../goals/types';
import type { HitStatus, PageSession, StoredFiring, StoredHit } from '../store/types';
import type { VendorId } from '../tags/vendors';
import type { Finding, Severity } from './findings';
import type { GoalResult, TagStatus } from './reconcile';
import { vendorName } from './words';

// The audit report, JSON `version: 1` (contract: DESIGN.md): exported from the popup, written by the audit
// command, read back by users' own tooling. Fields may be added; none may be renamed or change meaning.
// Also its two human forms: CSV for a spreadsheet, Markdown for a client document.

export interface ReportTag {
  vendor: VendorId;
  event?: string;
  status: TagStatus;
  hitId?: string;
  reason?: string;
}

export interface ReportFiring {
  id: string;
  at: number;
  /** A selector a developer can paste into devtools (`form#newsletter`), or what fired when there is no element. */
  element: string;
  url: string;
  tags: ReportTag[];
}

export interface ReportGoal {
  id: string;
  name: string;
  fired: number;
  /** What the plan expects of every firing: lets a reader see what a goal that did not fire would have needed. */
  expect: ExpectedTag[];
  firings: ReportFiring[];
}

export interface ReportVendor {
  vendor: VendorId;
  accounts: string[];
  /** Every hit of the vendor, library loads included. */
  hits: number;
  blocked: number;
  failed: number;
  /** Hits per event name. */
  events: Record<string, number>;
}

export interface ReportHit {
  id: string;
  at: number;
  vendor: VendorId;
  event?: string;
  account?: string;
  status: HitStatus;
  statusCode?: number;
  /** Why it was blocked or failed, in the browser's words. */
  error?: string;
  params: Record<string, string>;
  url: string;
  /** Why only part of the hit could be read (body withheld by the browser, cut, corrupt): absent when it was read whole. */
  partial?: string;
}

export interface ReportPage {
  url: string;
  title?: string;
  startedAt: number;
}

export interface AuditReport {
  version: 1;
  generatedAt: number;
  page: { url: string; title?: string };
  plan: { name: string };
  /** Every page (top-level document) the report covers, in order. */
  pages: ReportPage[];
  goals: ReportGoal[];
  tags: ReportVendor[];
  hits: ReportHit[];
  findings: Finding[];
}

export interface ReportInput {
  page: { url: string; title?: string };
  plan: Plan;
  sessions: readonly PageSession[];
  firings: readonly StoredFiring[];
  hits: readonly StoredHit[];
  results: readonly GoalResult[];
  findings: readonly Finding[];
  generatedAt: number;
}

function elementWords(element: ElementInfo | undefined, firing: StoredFiring): string {
  if (element?.selector) return element.selector;
  if (element) return `${element.tag}${element.id ? `#${element.id}` : ''}${(element.classes ?? []).slice(0, 2).map((c) => `.${c}`).join('')}`;
  // No element: a dataLayer event, a scroll depth, a time on page. Say what fired instead.
  const detail = firing.detail ? Object.values(firing.detail)[0] : undefined;
  return detail ? `(${firing.trigger}: ${detail})` : `(${firing.trigger})`;
}

function reportHit(hit: StoredHit): ReportHit {
  const out: ReportHit = { id: hit.id, at: hit.at, vendor: hit.vendor, status: hit.status, params: { ...hit.params }, url: hit.url };
  if (hit.event !== undefined) out.event = hit.event;
  if (hit.account !== undefined) out.account = hit.account;
  if (hit.statusCode !== undefined) out.statusCode = hit.statusCode;
  if (hit.error !== undefined) out.error = hit.error;
  if (hit.partial !== undefined) out.partial = hit.partial;
  return out;
}

function vendors(hits: readonly StoredHit[]): ReportVendor[] {
  const byVendor = new Map<VendorId, ReportVendor & { accountSet: Set<string> }>();
  for (const hit of hits) {
    let v = byVendor.get(hit.vendor);
    if (!v) byVendor.set(hit.vendor, (v = { vendor: hit.vendor, accounts: [], hits: 0, blocked: 0, failed: 0, events: {}, accountSet: new Set() }));
    v.hits++;
    if (hit.status === 'blocked') v.blocked++;
    if (hit.status === 'failed') v.failed++;
    if (hit.account) v.accountSet.add(hit.account);
    const event = hit.event ?? '(no event)';
    v.events[event] = (v.events[event] ?? 0) + 1;
  }
  return [...byVendor.values()]
    .map(({ accountSet, ...v }) => ({ ...v, accounts: [...accountSet].sort() }))
    .sort((a, b) => b.hits - a.hits || (a.vendor < b.vendor ? -1 : 1));
}

export function buildReport(input: ReportInput): AuditReport {
  const results = new Map(input.results.map((r) => [r.goal.id, r]));
  const goals: ReportGoal[] = input.plan.goals.map((goal) => {
    const result = results.get(goal.id);
    return {
      id: goal.id,
      name: goal.name,
      fired: result?.fired ?? 0,
      expect: (goal.expect ?? []).map((e) => ({ ...e })),
      firings: (result?.firings ?? []).map(({ firing, tags }) => ({
        id: firing.id,
        at: firing.at,
        element: elementWords(firing.element, firing),
        url: firing.url,
        tags: tags.map((t) => {
          const tag: ReportTag = { vendor: t.expected.vendor, status: t.status };
          if (t.expected.event !== undefined) tag.event = t.expected.event;
          if (t.hitId) tag.hitId = t.hitId;
          if (t.reason) tag.reason = t.reason;
          return tag;
        }),
      })),
    };
  });
  const hits = input.hits.slice().sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  const page: AuditReport['page'] = { url: input.page.url };
  if (input.page.title !== undefined) page.title = input.page.title;
  return {
    version: 1,
    generatedAt: input.generatedAt,
    page,
    plan: { name: input.plan.name },
    pages: input.sessions
      .slice()
      .sort((a, b) => a.startedAt - b.startedAt)
      .map((s) => (s.title !== undefined ? { url: s.url, title: s.title, startedAt: s.startedAt } : { url: s.url, startedAt: s.startedAt })),
    goals,
    tags: vendors(hits),
    hits: hits.map(reportHit),
    findings: input.findings.slice(),
  };
}

// ── CSV ──────────────────────────────────────────────────────────────────────

/**
 * One RFC 4180 cell. A cell that starts with = + - @ (or a tab or carriage return) is prefixed with `'`:
 * spreadsheets would run it as a formula, and a page can put anything in a hit.
 */
export function csvCell(value: string | number | undefined): string {
  let text = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv(rows: ReadonlyArray<ReadonlyArray<string | number | undefined>>): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function iso(at: number): string {
  return Number.isFinite(at) ? new Date(at).toISOString() : '';
}

export type CsvTable = 'hits' | 'goals';

export function reportToCsv(report: AuditReport, table: CsvTable): string {
  if (table === 'hits') {
    return csv([
      // `partial` last: spreadsheets and scripts that read the columns by position keep working.
      ['id', 'time', 'vendor', 'event', 'account', 'status', 'error', 'url', 'params', 'partial'],
      ...report.hits.map((h) => [
        h.id, iso(h.at), h.vendor, h.event, h.account, h.status,
        h.error ?? (h.statusCode !== undefined && h.statusCode >= 400 ? `HTTP ${h.statusCode}` : undefined), h.url, JSON.stringify(h.params),
        h.partial,
      ]),
    ]);
  }
  const rows: Array<Array<string | number | undefined>> = [['goal_id', 'goal_name', 'fired_at', 'element', 'vendor', 'event', 'status', 'hit_id', 'reason']];
  for (const goal of report.goals) {
    if (goal.firings.length === 0) {
      // A goal that did not fire still shows what it expects: the spreadsheet is the full grid.
      if (goal.expect.length === 0) rows.push([goal.id, goal.name, undefined, undefined, undefined, undefined, 'not fired', undefined, undefined]);
      for (const e of goal.expect) rows.push([goal.id, goal.name, undefined, undefined, e.vendor, e.event, 'not fired', undefined, undefined]);
      continue;
    }
    for (const f of goal.firings) {
      if (f.tags.length === 0) rows.push([goal.id, goal.name, iso(f.at), f.element, undefined, undefined, 'fired', undefined, undefined]);
      for (const t of f.tags) rows.push([goal.id, goal.name, iso(f.at), f.element, t.vendor, t.event, t.status, t.hitId, t.reason]);
    }
  }
  return csv(rows);
}

// ── Markdown ─────────────────────────────────────────────────────────────────

const SYMBOL: Record<TagStatus, string> = { sent: '✓', missing: '✗', blocked: '⛔', failed: '⚠' };
/** The status a cell shows when firings disagree: the one that most needs fixing. */
const WORST: readonly TagStatus[] = ['missing', 'blocked', 'failed', 'sent'];
const SEVERITY_TITLE: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Notes' };

/** Text from a web page goes into a document: nothing in it may become markup, a link or a table column. */
function md(text: string): string {
  return text.replace(/[\\`|<>[\]]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ');
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function goalTracked(goal: ReportGoal): boolean {
  return goal.fired > 0 && goal.firings.every((f) => f.tags.every((t) => t.status === 'sent'));
}

/** One goal × vendor cell: each expected tag of that vendor with its status over every firing. */
function cell(goal: ReportGoal, vendor: VendorId): string {
  const parts: string[] = [];
  goal.expect.forEach((e, i) => {
    if (e.vendor !== vendor) return;
    const label = md(e.event ?? 'any event');
    if (goal.fired === 0) {
      parts.push(`– ${label}`);
      return;
    }
    const statuses = goal.firings.map((f) => f.tags[i]?.status ?? 'missing');
    const worst = WORST.find((s) => statuses.includes(s)) ?? 'sent';
    const sent = statuses.filter((s) => s === 'sent').length;
    const mixed = sent > 0 && sent < statuses.length ? ` (${sent} of ${statuses.length} sent)` : '';
    parts.push(`${SYMBOL[worst]} ${label}${mixed}`);
  });
  return parts.join(' · ');
}

function headline(report: AuditReport): string {
  const fired = report.goals.filter((g) => g.fired > 0);
  const tracked = fired.filter(goalTracked).length;
  const notFired = report.goals.length - fired.length;
  const counts = (['error', 'warning', 'info'] as const).map((s) => [s, report.findings.filter((f) => f.severity === s).length] as const);
  const problems = counts.filter(([, n]) => n > 0).map(([s, n]) => plural(n, s === 'info' ? 'note' : s));
  const head = fired.length === 0
    ? `**No goal of the plan fired** (${plural(report.goals.length, 'goal')} in the plan).`
    : `**${tracked} of ${plural(fired.length, 'goal')} that fired ${fired.length === 1 ? 'is' : 'are'} fully tracked.**` +
      (notFired > 0 ? ` ${plural(notFired, 'goal')} of the plan did not fire.` : '');
  return `${head} ${problems.length ? `${problems.join(', ')}.` : 'No problems found.'}`;
}

export function reportToMarkdown(report: AuditReport): string {
  const lines: string[] = [];
  const title = report.page.title?.trim() || report.page.url;
  lines.push(`# Tracking audit: ${md(title)}`, '');
  lines.push(`${md(report.page.url)} · plan “${md(report.plan.name)}” · ${iso(report.generatedAt).slice(0, 16).replace('T', ' ')} UTC`, '');
  if (report.pages.length > 1) lines.push(`Pages covered: ${report.pages.map((p) => md(p.url)).join(', ')}`, '');
  lines.push(headline(report), '');

  lines.push('## Goals', '');
  const vendorsExpected: VendorId[] = [];
  for (const g of report.goals) for (const e of g.expect) if (!vendorsExpected.includes(e.vendor)) vendorsExpected.push(e.vendor);
  if (report.goals.length === 0) lines.push('The plan has no goals.', '');
  else {
    lines.push(`| Goal | Fired | ${vendorsExpected.map((v) => md(vendorName(v))).join(' | ')}${vendorsExpected.length ? ' |' : ''}`);
    lines.push(`| --- | --- | ${vendorsExpected.map(() => '---').join(' | ')}${vendorsExpected.length ? ' |' : ''}`);
    for (const g of report.goals) {
      const cells = vendorsExpected.map((v) => cell(g, v));
      lines.push(`| ${md(g.name)} | ${g.fired} | ${cells.join(' | ')}${cells.length ? ' |' : ''}`);
    }
    lines.push('', '✓ sent · ✗ missing · ⛔ blocked · ⚠ failed · – goal did not fire', '');
  }

  for (const severity of ['error', 'warning', 'info'] as const) {
    const list = report.findings.filter((f) => f.severity === severity);
    if (!list.length) continue;
    lines.push(`## ${SEVERITY_TITLE[severity]} (${list.length})`, '');
    for (const f of list) lines.push(`- ${md(f.message)}`);
    lines.push('');
  }

  lines.push('## Tags seen', '');
  if (report.tags.length === 0) lines.push('No tag sent anything on these pages.', '');
  else {
    lines.push('| Tag | Accounts | Hits | Blocked | Failed |', '| --- | --- | --- | --- | --- |');
    for (const t of report.tags) {
      lines.push(`| ${md(vendorName(t.vendor))} | ${md(t.accounts.join(', ')) || '–'} | ${t.hits} | ${t.blocked} | ${t.failed} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
