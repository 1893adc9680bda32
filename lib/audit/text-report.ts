import type { VendorId } from '../tags/vendors';
import type { Severity } from './findings';
import type { TagStatus } from './reconcile';
import type { AuditReport, ReportFiring, ReportGoal, ReportTag } from './report';
import { vendorName } from './words';

// The audit command's terminal output: per page audited, a goal × expected tag table, the findings by severity,
// then one summary line. Pure: report data in, a string out; colour only when asked (a pipe or NO_COLOR gets
// plain text). The coverage helpers here are shared with the HTML report so both count the same way.

// ── coverage: what each goal's expected tags did over its firings ────────────

/** A tag's status over a goal's firings; `not_triggered` when the goal did not fire at all. */
export type CoverageStatus = TagStatus | 'not_triggered';

export const STATUS_SYMBOL: Record<CoverageStatus, string> = { sent: '✓', missing: '✗', blocked: '⛔', failed: '⚠', not_triggered: '–' };
export const STATUS_WORDS: Record<CoverageStatus, string> = { sent: 'sent', missing: 'missing', blocked: 'blocked', failed: 'failed', not_triggered: 'not triggered' };

/** The status a tag shows when its firings disagree: the one that most needs fixing. */
const WORST: readonly TagStatus[] = ['missing', 'blocked', 'failed', 'sent'];

export interface ExpectedLabel {
  vendor: VendorId;
  event?: string;
  account?: string;
}

export interface TagCoverage {
  expected: ExpectedLabel;
  status: CoverageStatus;
  /** Firings for which this tag was sent, out of `firings`. */
  sent: number;
  firings: number;
  /** One per firing of the goal, in time order. */
  perFiring: Array<{ firing: ReportFiring; tag: ReportTag | undefined; status: TagStatus }>;
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
  return (goal.firings[0]?.tags ?? []).map((t) => (t.event !== undefined ? { vendor: t.vendor, event: t.event } : { vendor: t.vendor }));
}

export function goalCoverage(goal: ReportGoal): TagCoverage[] {
  return expectedOf(goal).map((expected, i) => {
    const perFiring = goal.firings.map((firing) => {
      const tag = tagFor(firing, expected, i);
      return { firing, tag, status: tag?.status ?? 'missing' };
    });
    const statuses = perFiring.map((p) => p.status);
    const status: CoverageStatus = perFiring.length === 0 ? 'not_triggered' : WORST.find((s) => statuses.includes(s)) ?? 'sent';
    return { expected, status, sent: statuses.filter((s) => s === 'sent').length, firings: perFiring.length, perFiring };
  });
}

/** Fired, and every expected tag was sent for every firing. */
export function goalFullyTracked(goal: ReportGoal): boolean {
  return goal.firings.length > 0 && goalCoverage(goal).every((c) => c.status === 'sent');
}

export interface ReportCounts {
  pages: number;
  goals: number;
  tracked: number;
  notTriggered: number;
  errors: number;
  warnings: number;
  notes: number;
  hits: number;
}

export function reportCounts(reports: readonly AuditReport[]): ReportCounts {
  const counts: ReportCounts = { pages: reports.length, goals: 0, tracked: 0, notTriggered: 0, errors: 0, warnings: 0, notes: 0, hits: 0 };
  for (const report of reports) {
    counts.goals += report.goals.length;
    counts.tracked += report.goals.filter(goalFullyTracked).length;
    counts.notTriggered += report.goals.filter((g) => g.firings.length === 0).length;
    counts.hits += report.hits.length;
    for (const f of report.findings) {
      if (f.severity === 'error') counts.errors++;
      else if (f.severity === 'warning') counts.warnings++;
      else counts.notes++;
    }
  }
  return counts;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `3 of 5 goals fully tracked · 1 not triggered · 2 errors · 1 warning`, over every report given. */
export function summaryLine(reports: readonly AuditReport[]): string {
  if (reports.length === 0) return 'No page was audited';
  const c = reportCounts(reports);
  const parts: string[] = [];
  if (reports.length > 1) parts.push(`${reports.length} pages`);
  parts.push(c.goals === 0 ? 'no goals in the plan' : `${c.tracked} of ${plural(c.goals, 'goal')} fully tracked`);
  if (c.notTriggered > 0) parts.push(`${c.notTriggered} not triggered`);
  const problems = [
    ...(c.errors ? [plural(c.errors, 'error')] : []),
    ...(c.warnings ? [plural(c.warnings, 'warning')] : []),
    ...(c.notes ? [plural(c.notes, 'note')] : []),
  ];
  parts.push(...(problems.length ? problems : ['no problems found']));
  return parts.join(' · ');
}

/** `Google Analytics 4 · sign_up`, with the account when the plan names one. */
export function expectedWords(e: ExpectedLabel): string {
  return `${vendorName(e.vendor)} · ${e.event ?? 'any event'}${e.account !== undefined ? ` (${e.account})` : ''}`;
}

/** `✗ missing`, `⚠ failed (1 of 2 sent)`. */
export function coverageWords(c: TagCoverage): string {
  const mixed = c.sent > 0 && c.sent < c.firings ? ` (${c.sent} of ${c.firings} sent)` : '';
  return `${STATUS_SYMBOL[c.status]} ${STATUS_WORDS[c.status]}${mixed}`;
}

// ── terminal text: widths, truncation, colour ────────────────────────────────

/**
 * Text from a web page goes to a terminal: a control character could move the cursor, clear the screen or
 * change colours (and would break the no-escape-codes promise of `color: false`); bidi overrides could reorder
 * what is shown. Line breaks and tabs become spaces.
 */
export function terminalSafe(text: string): string {
  return text.replace(/[\t\n\r\f\v]+/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '\ufffd');
}

const ZERO_WIDTH = /^[\p{Mn}\p{Me}\u200b-\u200f\u2060\ufe00-\ufe0f]$/u;
const EMOJI_WIDE = /^\p{Emoji_Presentation}$/u;

function isWide(cp: number): boolean {
  return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) || (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x20000 && cp <= 0x3fffd);
}

function charWidth(ch: string): number {
  if (ZERO_WIDTH.test(ch)) return 0;
  const cp = ch.codePointAt(0)!;
  return isWide(cp) || EMOJI_WIDE.test(ch) ? 2 : 1;
}

/** Columns a (colourless) string takes in a terminal: CJK and emoji take two, combining marks none. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch);
  return w;
}

/** At most `max` columns; cut text ends with `…`. */
export function truncate(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  if (max <= 0) return '';
  let out = '';
  let w = 0;
  for (const ch of text) {
    const cw = charWidth(ch);
    if (w + cw > max - 1) break;
    out += ch;
    w += cw;
  }
  return `${out}…`;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** Word-wrap to `width` columns; a word longer than a line is cut across lines. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').filter((w) => w !== '')) {
    let rest = word;
    while (displayWidth(rest) > width) {
      if (line) {
        lines.push(line);
        line = '';
      }
      let head = '';
      let w = 0;
      for (const ch of rest) {
        if (w + charWidth(ch) > width) break;
        head += ch;
        w += charWidth(ch);
      }
      if (!head) head = [...rest][0]!;
      lines.push(head);
      rest = rest.slice(head.length);
    }
    if (!rest) continue;
    if (!line) line = rest;
    else if (displayWidth(line) + 1 + displayWidth(rest) <= width) line += ` ${rest}`;
    else {
      lines.push(line);
      line = rest;
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

type Style = 'green' | 'red' | 'yellow' | 'dim' | 'bold';
const SGR: Record<Style, [string, string]> = {
  green: ['\x1b[32m', '\x1b[39m'],
  red: ['\x1b[31m', '\x1b[39m'],
  yellow: ['\x1b[33m', '\x1b[39m'],
  dim: ['\x1b[2m', '\x1b[22m'],
  bold: ['\x1b[1m', '\x1b[22m'],
};

const STATUS_STYLE: Record<CoverageStatus, Style> = { sent: 'green', missing: 'red', blocked: 'yellow', failed: 'yellow', not_triggered: 'dim' };
const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'dim' };
const SEVERITY_TITLE: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Notes' };
const SEVERITY_MARK: Record<Severity, string> = { error: '✗', warning: '!', info: '·' };

export interface TextReportOptions {
  color: boolean;
  /** Terminal columns; 100 when absent. Nothing printed is wider, except on terminals narrower than 40. */
  width?: number;
}

const MIN_WIDTH = 40;
const INDENT = '  ';
const GAP = '  ';

function painter(color: boolean): (style: Style | undefined, text: string) => string {
  return (style, text) => (color && style && text ? `${SGR[style][0]}${text}${SGR[style][1]}` : text);
}

interface Row {
  goal: string;
  fired: string;
  tag: string;
  /** `✗ missing`: the status alone. */
  status: string;
  /** ` (1 of 2 sent)` when the firings disagree. */
  mixed: string;
  style: CoverageStatus | undefined;
}

function goalRows(goal: ReportGoal): Row[] {
  const name = terminalSafe(goal.name);
  const fired = String(goal.fired);
  const coverage = goalCoverage(goal);
  if (coverage.length === 0) {
    // Still listed: the plan logs it, and whether it fired is worth knowing.
    const didFire = goal.firings.length > 0;
    return [{
      goal: name, fired, tag: '(no tags expected)', mixed: '',
      status: didFire ? 'fired' : `${STATUS_SYMBOL.not_triggered} ${STATUS_WORDS.not_triggered}`, style: didFire ? undefined : 'not_triggered',
    }];
  }
  return coverage.map((c, i) => ({
    goal: i === 0 ? name : '',
    fired: i === 0 ? fired : '',
    tag: terminalSafe(expectedWords(c.expected)),
    status: `${STATUS_SYMBOL[c.status]} ${STATUS_WORDS[c.status]}`,
    mixed: coverageWords(c).slice(`${STATUS_SYMBOL[c.status]} ${STATUS_WORDS[c.status]}`.length),
    style: c.status,
  }));
}

interface Widths {
  goal: number;
  fired: number;
  tag: number;
  status: number;
}

/** Below this, goal and tag names would be cut to little: the table turns into one block per goal. */
const MIN_NAME_COLUMNS = 40;

/**
 * The goal and tag columns share what the fixed columns leave, each getting what it needs when it can;
 * undefined when they would share too little to be read.
 */
function columnWidths(rows: readonly Row[], width: number): Widths | undefined {
  const natural = (get: (r: Row) => string, header: string) => Math.max(displayWidth(header), ...rows.map((r) => displayWidth(get(r))));
  const fired = natural((r) => r.fired, 'Fired');
  const status = natural((r) => r.status + r.mixed, 'Status');
  const wantGoal = natural((r) => r.goal, 'Goal');
  const wantTag = natural((r) => r.tag, 'Expected tag');
  const avail = width - INDENT.length - fired - status - 3 * GAP.length;
  if (wantGoal + wantTag <= avail) return { goal: wantGoal, fired, tag: wantTag, status };
  if (avail < MIN_NAME_COLUMNS) return undefined;
  let goal = Math.min(wantGoal, Math.floor(avail * 0.45));
  const tag = Math.min(wantTag, avail - goal);
  goal = Math.min(wantGoal, avail - tag);
  return { goal, fired, tag, status };
}

type Paint = ReturnType<typeof painter>;

function gridLines(rows: readonly Row[], w: Widths, paint: Paint): string[] {
  const line = (r: Pick<Row, 'goal' | 'fired' | 'tag'>, status: string, statusStyle: Style | undefined, dimFired: boolean) =>
    (INDENT + pad(truncate(r.goal, w.goal), w.goal) + GAP + paint(dimFired ? 'dim' : undefined, pad(r.fired, w.fired)) + GAP +
      pad(truncate(r.tag, w.tag), w.tag) + GAP + paint(statusStyle, status)).trimEnd();
  const out = [
    paint('dim', line({ goal: 'Goal', fired: 'Fired', tag: 'Expected tag' }, 'Status', undefined, false)),
    paint('dim', INDENT + [w.goal, w.fired, w.tag, w.status].map((n) => '─'.repeat(n)).join(GAP)),
  ];
  for (const r of rows) out.push(line(r, r.status + r.mixed, r.style ? STATUS_STYLE[r.style] : undefined, r.fired === '0'));
  return out;
}

/** For a narrow terminal: each goal on its line, then one line per expected tag, status first. */
function stackedLines(rows: readonly Row[], width: number, paint: Paint): string[] {
  const statusWidth = Math.max(...rows.map((r) => displayWidth(r.status)));
  const tagWidth = width - 2 * INDENT.length - statusWidth - GAP.length;
  const out: string[] = [];
  for (const r of rows) {
    if (r.goal) {
      const fired = ` · fired ${r.fired}`;
      out.push(`${INDENT}${truncate(r.goal, width - INDENT.length - displayWidth(fired))}${paint('dim', fired)}`);
    }
    const status = paint(r.style ? STATUS_STYLE[r.style] : undefined, r.status);
    out.push(`${INDENT}${INDENT}${status}${' '.repeat(statusWidth - displayWidth(r.status))}${GAP}${truncate(r.tag + r.mixed, tagWidth)}`.trimEnd());
  }
  return out;
}

function goalTable(report: AuditReport, width: number, paint: Paint): string[] {
  if (report.goals.length === 0) return [`${INDENT}${paint('dim', 'The plan has no goals for these pages.')}`];
  const rows = report.goals.flatMap(goalRows);
  const widths = columnWidths(rows, width);
  return widths ? gridLines(rows, widths, paint) : stackedLines(rows, width, paint);
}

function findingLines(report: AuditReport, width: number, paint: Paint): string[] {
  if (report.findings.length === 0) return [`${INDENT}${paint('green', 'No problems found.')}`];
  const out: string[] = [];
  for (const severity of ['error', 'warning', 'info'] as const) {
    const list = report.findings.filter((f) => f.severity === severity);
    if (list.length === 0) continue;
    if (out.length) out.push('');
    out.push(`${INDENT}${paint(SEVERITY_STYLE[severity], paint('bold', `${SEVERITY_TITLE[severity]} (${list.length})`))}`);
    const textWidth = Math.max(20, width - INDENT.length - 2);
    for (const f of list) {
      wrap(terminalSafe(f.message), textWidth).forEach((l, i) => {
        out.push(`${INDENT}${i === 0 ? `${paint(SEVERITY_STYLE[severity], SEVERITY_MARK[severity])} ` : '  '}${l}`);
      });
    }
  }
  return out;
}

function summaryStyle(reports: readonly AuditReport[]): Style {
  const c = reportCounts(reports);
  return c.errors > 0 ? 'red' : c.warnings > 0 || c.tracked < c.goals - c.notTriggered ? 'yellow' : 'green';
}

function pageHeader(report: AuditReport, width: number, paint: Paint): string[] {
  const title = terminalSafe(report.page.title?.trim() || report.page.url);
  const out = [paint('bold', truncate(title, width))];
  const about = [
    ...(report.page.title?.trim() ? [terminalSafe(report.page.url)] : []),
    `plan "${terminalSafe(report.plan.name)}"`,
    plural(report.hits.length, 'hit'),
  ].join(' · ');
  out.push(...wrap(about, width).map((l) => paint('dim', l)));
  if (report.pages.length > 1) out.push(...wrap(`Pages: ${report.pages.map((p) => terminalSafe(p.url)).join(' → ')}`, width).map((l) => paint('dim', l)));
  return out;
}

export function reportToText(reports: readonly AuditReport[], opts: TextReportOptions): string {
  const width = Math.max(MIN_WIDTH, Math.floor(opts.width ?? 100));
  const paint = painter(opts.color);
  if (reports.length === 0) return 'No page was audited.';
  const out: string[] = [];
  for (const report of reports) {
    if (out.length) out.push('', paint('dim', '━'.repeat(width)), '');
    out.push(...pageHeader(report, width, paint), '');
    out.push(...goalTable(report, width, paint), '');
    out.push(...findingLines(report, width, paint));
    if (reports.length > 1) out.push('', ...wrap(summaryLine([report]), width).map((l) => paint(summaryStyle([report]), l)));
  }
  // The line a CI log is read for: wrapped, never cut.
  out.push('', ...wrap(summaryLine(reports), width).map((l) => paint(summaryStyle(reports), paint('bold', l))));
  return out.join('\n');
}
