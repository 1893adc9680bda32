import {
  STATUS_SYMBOL,
  STATUS_WORDS,
  SEVERITIES,
  SEVERITY_TITLES,
  tagLabel,
  funnelSummary,
  stepDetail,
  stepState,
  STEP_SYMBOL,
  verdictWords,
  type Verdict,
} from '../words';
import { KIND_NAMES } from '../goals/default-plan';
import { foldedLine, goalCoverage, goalGroups, ownerNames, reportCounts, summaryLine } from './coverage';
import type { Severity } from './findings';
import type { AuditReport, ReportGoal } from './report';

// The audit command's terminal output: per page audited, a goal × expected tag table (the goals that fired
// first; those that did not, folded into one line), the findings by severity, then one summary line. Pure:
// report data in, a string out; colour only when asked (a pipe or NO_COLOR gets plain text). Nothing is cut:
// cells too long for their column wrap onto the next lines of the row.

export { summaryLine } from './coverage';

// ── terminal text: widths, truncation, colour ────────────────────────────────

/**
 * Text from a web page goes to a terminal: a control character could move the cursor, clear the screen or
 * change colours (and would break the no-escape-codes promise of `color: false`); bidi overrides could reorder
 * what is shown. Line breaks and tabs become spaces.
 */
export function terminalSafe(text: string): string {
  return text
    .replace(/[\t\n\r\f\v]+/g, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '\ufffd');
}

const ZERO_WIDTH = /^[\p{Mn}\p{Me}\u200b-\u200f\u2060\ufe00-\ufe0f]$/u;
const EMOJI_WIDE = /^\p{Emoji_Presentation}$/u;

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
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

const STATUS_STYLE: Record<Verdict, Style> = {
  sent: 'green',
  missing: 'red',
  blocked: 'yellow',
  failed: 'yellow',
  not_triggered: 'dim',
};
const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'dim' };
const SEVERITY_MARK: Record<Severity, string> = { error: '✗', warning: '!', info: '·' };

export interface TextReportOptions {
  color: boolean;
  /** Terminal columns; 80 when absent. Nothing printed is wider, except on terminals narrower than 40. */
  width?: number;
  /** List the goals that did not fire in the table instead of folding them into one line. */
  allGoals?: boolean;
}

export const DEFAULT_WIDTH = 80;
const MIN_WIDTH = 40;
const INDENT = '  ';
const GAP = '  ';

function painter(color: boolean): (style: Style | undefined, text: string) => string {
  return (style, text) => (color && style && text ? `${SGR[style][0]}${text}${SGR[style][1]}` : text);
}

type Paint = ReturnType<typeof painter>;

interface Row {
  goal: string;
  fired: string;
  tag: string;
  /** `✗ missing (1 of 2 sent)`. */
  status: string;
  style: Verdict | undefined;
}

const OWNED_STATUS = '↳ counted there';

function goalRows(report: AuditReport, goal: ReportGoal): Row[] {
  const name = terminalSafe(goal.name);
  const fired = String(goal.fired);
  const groups = goalGroups(report);
  if (groups.owned.includes(goal)) {
    // Matched only actions another goal owns: no verdict of its own, and it says whose it is.
    const owners = ownerNames(report, goal)
      .map((n) => `“${terminalSafe(n)}”`)
      .join(', ');
    return [{ goal: name, fired, tag: `same action as ${owners}`, status: OWNED_STATUS, style: undefined }];
  }
  const coverage = goalCoverage(goal);
  if (coverage.length === 0) {
    // Still listed: the plan logs it, and whether it fired is worth knowing.
    const didFire = goal.firings.length > 0;
    return [
      {
        goal: name,
        fired,
        tag: '(no tags expected)',
        status: didFire ? 'fired' : `${STATUS_SYMBOL.not_triggered} ${STATUS_WORDS.not_triggered}`,
        style: didFire ? undefined : 'not_triggered',
      },
    ];
  }
  return coverage.map((c, i) => ({
    goal: i === 0 ? name : '',
    fired: i === 0 ? fired : '',
    tag: terminalSafe(tagLabel(c.expected)),
    status: `${STATUS_SYMBOL[c.status]} ${verdictWords(c.status, c.sent, c.firings)}`,
    style: c.status,
  }));
}

interface Widths {
  goal: number;
  fired: number;
  tag: number;
  status: number;
}

/** Below this, goal and tag names would share too little room: the table turns into one block per goal. */
const MIN_NAME_COLUMNS = 30;

/** The width of a column that wraps: what it needs, or its share; never less than its longest word allows to read. */
function columnWidths(rows: readonly Row[], width: number): Widths | undefined {
  const natural = (get: (r: Row) => string, header: string) =>
    Math.max(displayWidth(header), ...rows.map((r) => displayWidth(get(r))));
  const fired = natural((r) => r.fired, 'Fired');
  const wantGoal = natural((r) => r.goal, 'Goal');
  const wantTag = natural((r) => r.tag, 'Expected tag');
  // The status wraps its "(1 of 2 sent)" onto a second line before the names are made to wrap.
  let status = natural((r) => r.status, 'Status');
  const room = () => width - INDENT.length - fired - status - 3 * GAP.length;
  if (wantGoal + wantTag > room()) status = natural((r) => r.status.replace(/ \(.*\)$/, ''), 'Status');
  const avail = room();
  if (wantGoal + wantTag <= avail) return { goal: wantGoal, fired, tag: wantTag, status };
  if (avail < MIN_NAME_COLUMNS) return undefined;
  let goal = Math.min(wantGoal, Math.floor(avail * 0.45));
  const tag = Math.min(wantTag, avail - goal);
  goal = Math.min(wantGoal, avail - tag);
  return { goal, fired, tag, status };
}

function gridLines(rows: readonly Row[], w: Widths, paint: Paint): string[] {
  const out = [
    paint(
      'dim',
      (
        INDENT +
        pad('Goal', w.goal) +
        GAP +
        pad('Fired', w.fired) +
        GAP +
        pad('Expected tag', w.tag) +
        GAP +
        'Status'
      ).trimEnd(),
    ),
    paint('dim', INDENT + [w.goal, w.fired, w.tag, w.status].map((n) => '─'.repeat(n)).join(GAP)),
  ];
  for (const r of rows) {
    // Each cell wraps in its column; the row is as tall as its tallest cell.
    const goal = wrap(r.goal, w.goal);
    const tag = wrap(r.tag, w.tag);
    const status = wrap(r.status, w.status);
    const height = Math.max(goal.length, tag.length, status.length);
    for (let i = 0; i < height; i++) {
      const fired = i === 0 ? r.fired : '';
      const st = status[i] ?? '';
      out.push(
        (
          INDENT +
          pad(goal[i] ?? '', w.goal) +
          GAP +
          paint(r.fired === '0' ? 'dim' : undefined, pad(fired, w.fired)) +
          GAP +
          pad(tag[i] ?? '', w.tag) +
          GAP +
          paint(r.style ? STATUS_STYLE[r.style] : undefined, st)
        ).trimEnd(),
      );
    }
  }
  return out;
}

/** For a narrow terminal: each goal on its line, then one line per expected tag, status first; long names wrap. */
function stackedLines(rows: readonly Row[], width: number, paint: Paint): string[] {
  const out: string[] = [];
  // The status alone in front; "(1 of 2 sent)" goes after the tag.
  const split = (r: Row) => /^(.*?)( \(.*\))?$/.exec(r.status)!;
  const statusWidth = Math.max(...rows.map((r) => displayWidth(split(r)[1]!)));
  const tagWidth = Math.max(10, width - 2 * INDENT.length - statusWidth - GAP.length);
  for (const r of rows) {
    if (r.goal)
      for (const line of wrap(`${r.goal} · fired ${r.fired}`, width - INDENT.length)) out.push(`${INDENT}${line}`);
    const [, status, mixed] = split(r);
    wrap(`${r.tag}${mixed ?? ''}`, tagWidth).forEach((line, i) => {
      const lead =
        i === 0
          ? paint(r.style ? STATUS_STYLE[r.style] : undefined, status!) +
            ' '.repeat(statusWidth - displayWidth(status!))
          : ' '.repeat(statusWidth);
      out.push(`${INDENT}${INDENT}${lead}${GAP}${line}`.trimEnd());
    });
  }
  return out;
}

function goalTable(report: AuditReport, width: number, paint: Paint, allGoals: boolean): string[] {
  if (report.goals.length === 0) return [`${INDENT}${paint('dim', 'The plan has no goals for these pages.')}`];
  const groups = goalGroups(report);
  const shown = [...groups.judged, ...groups.owned, ...(allGoals ? groups.notTriggered : [])];
  const rows = shown.flatMap((g) => goalRows(report, g));
  const out: string[] = [];
  if (rows.length > 0) {
    const widths = columnWidths(rows, width);
    out.push(...(widths ? gridLines(rows, widths, paint) : stackedLines(rows, width, paint)));
  }
  if (!allGoals && groups.notTriggered.length > 0) {
    const line = `${STATUS_SYMBOL.not_triggered} ${foldedLine(report)} (--all-goals lists them)`;
    if (out.length) out.push('');
    out.push(...wrap(line, width - INDENT.length).map((l) => `${INDENT}${paint('dim', l)}`));
  }
  if (out.length === 0) out.push(`${INDENT}${paint('dim', 'No goal of the plan applies here.')}`);
  return out;
}

function findingLines(report: AuditReport, width: number, paint: Paint): string[] {
  if (report.findings.length === 0) return [`${INDENT}${paint('green', 'No problems found.')}`];
  const out: string[] = [];
  for (const severity of SEVERITIES) {
    const list = report.findings.filter((f) => f.severity === severity);
    if (list.length === 0) continue;
    if (out.length) out.push('');
    out.push(
      `${INDENT}${paint(SEVERITY_STYLE[severity], paint('bold', `${SEVERITY_TITLES[severity]} (${list.length})`))}`,
    );
    const textWidth = Math.max(20, width - INDENT.length - 2);
    for (const f of list) {
      wrap(terminalSafe(f.message), textWidth).forEach((l, i) => {
        out.push(`${INDENT}${i === 0 ? `${paint(SEVERITY_STYLE[severity], SEVERITY_MARK[severity])} ` : '  '}${l}`);
      });
    }
  }
  return out;
}

function funnelLines(report: AuditReport, width: number, paint: Paint): string[] {
  const out: string[] = [];
  for (const funnel of report.funnels ?? []) {
    out.push(
      `${INDENT}${paint('bold', `Funnel “${terminalSafe(funnel.name)}”`)} ${paint('dim', `(${funnelSummary(funnel)})`)}`,
    );
    const textWidth = Math.max(20, width - INDENT.length - 4);
    funnel.steps.forEach((step, i) => {
      const state = stepState(step);
      const style: Style = state === 'tracked' ? 'green' : state === 'untracked' ? 'red' : 'dim';
      wrap(terminalSafe(`${i + 1}. ${step.name ?? step.goal}: ${stepDetail(step)}`), textWidth).forEach((l, j) => {
        out.push(`${INDENT}  ${j === 0 ? paint(style, STEP_SYMBOL[state]) : ' '} ${l}`);
      });
    });
    out.push('');
  }
  return out;
}

function summaryStyle(reports: readonly AuditReport[]): Style {
  const c = reportCounts(reports);
  return c.errors > 0 ? 'red' : c.warnings > 0 || c.tracked < c.judged ? 'yellow' : 'green';
}

function pageHeader(report: AuditReport, width: number, paint: Paint): string[] {
  const title = terminalSafe(report.page.title?.trim() || report.page.url);
  const out = wrap(title, width).map((l) => paint('bold', l));
  const about = [
    ...(report.page.title?.trim() ? [terminalSafe(report.page.url)] : []),
    `plan "${terminalSafe(report.plan.name)}"`,
    `${report.hits.length} ${report.hits.length === 1 ? 'hit' : 'hits'}`,
    ...(report.site && report.site.kinds.length > 0
      ? [
          `read as ${report.site.kinds.map((k) => KIND_NAMES[k]).join(' and ')}${report.site.signs.length ? ` (${report.site.signs.join(', ')})` : ''}`,
        ]
      : []),
  ].join(' · ');
  out.push(...wrap(about, width).map((l) => paint('dim', l)));
  if (report.pages.length > 1)
    out.push(
      ...wrap(`Pages: ${report.pages.map((p) => terminalSafe(p.url)).join(' → ')}`, width).map((l) => paint('dim', l)),
    );
  return out;
}

export function reportToText(reports: readonly AuditReport[], opts: TextReportOptions): string {
  const width = Math.max(MIN_WIDTH, Math.floor(opts.width ?? DEFAULT_WIDTH));
  const paint = painter(opts.color);
  if (reports.length === 0) return 'No page was audited.';
  const out: string[] = [];
  for (const report of reports) {
    if (out.length) out.push('', paint('dim', '━'.repeat(width)), '');
    out.push(...pageHeader(report, width, paint), '');
    out.push(...goalTable(report, width, paint, opts.allGoals ?? false), '');
    out.push(...funnelLines(report, width, paint));
    out.push(...findingLines(report, width, paint));
    if (reports.length > 1)
      out.push('', ...wrap(summaryLine([report]), width).map((l) => paint(summaryStyle([report]), l)));
  }
  // The line a CI log is read for: wrapped, never cut.
  out.push('', ...wrap(summaryLine(reports), width).map((l) => paint(summaryStyle(reports), paint('bold', l))));
  return out.join('\n');
}
