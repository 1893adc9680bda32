import type { VendorId } from '../tags/vendors';
import { SEVERITIES, SEVERITY_TITLES, STATUS_LEGEND, STATUS_SYMBOL, count, vendorName } from '../words';
import { STEP_SYMBOL, funnelSummary, stepDetail, stepState } from '../words/funnels';
import { KIND_NAMES } from '../goals/default-plan';
import { foldedLine, goalCoverage, goalGroups, ownerNames, reportCounts, type TagCoverage } from './coverage';
import type { AuditReport, ReportGoal } from './report';

// The audit as Markdown, to paste into a client document: the headline, the goal × vendor table (the goals that
// fired first; those that did not, in one folded line), the findings by severity, the tags seen.

/** Text from a web page goes into a document: nothing in it may become markup, a link or a table column. */
function md(text: string): string {
  return text.replace(/[\\`|<>[\]]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ');
}

function iso(at: number): string {
  return Number.isFinite(at) ? new Date(at).toISOString() : '';
}

/** One goal × vendor cell: each expected tag of that vendor with its status over the actions the goal owns. */
function cell(coverage: readonly TagCoverage[], vendor: VendorId): string {
  return coverage
    .filter((c) => c.expected.vendor === vendor)
    .map((c) => {
      const label = md(c.expected.event ?? 'any event');
      const mixed = c.sent > 0 && c.sent < c.firings ? ` (${c.sent} of ${c.firings} sent)` : '';
      return `${STATUS_SYMBOL[c.status]} ${label}${mixed}`;
    })
    .join(' · ');
}

function headline(report: AuditReport): string {
  const c = reportCounts([report]);
  const problems = [
    ...(c.errors ? [count(c.errors, 'error')] : []),
    ...(c.warnings ? [count(c.warnings, 'warning')] : []),
    ...(c.notes ? [count(c.notes, 'note')] : []),
  ];
  const head =
    c.judged === 0
      ? `**No goal of the plan fired** (${count(report.goals.length, 'goal')} in the plan).`
      : `**${c.tracked} of ${count(c.judged, 'goal')} that fired ${c.judged === 1 ? 'is' : 'are'} fully tracked.**` +
        (c.notTriggered > 0 ? ` ${count(c.notTriggered, 'goal')} of the plan did not fire.` : '');
  return `${head} ${problems.length ? `${problems.join(', ')}.` : 'No problems found.'}`;
}

function goalLine(report: AuditReport, goal: ReportGoal, vendors: readonly VendorId[]): string {
  const coverage = goalCoverage(goal);
  const owners = goal.firings.length > 0 && coverage.every((c) => c.firings === 0) ? ownerNames(report, goal) : [];
  const cells =
    owners.length > 0
      ? vendors.map((_, i) => (i === 0 ? `same action as ${owners.map((n) => `“${md(n)}”`).join(', ')}` : ''))
      : vendors.map((v) => cell(coverage, v));
  return `| ${md(goal.name)} | ${goal.fired} | ${cells.join(' | ')}${cells.length ? ' |' : ''}`;
}

export function reportToMarkdown(report: AuditReport): string {
  const lines: string[] = [];
  const title = report.page.title?.trim() || report.page.url;
  lines.push(`# Tracking audit: ${md(title)}`, '');
  const site =
    report.site && report.site.kinds.length > 0
      ? ` · read as ${report.site.kinds.map((k) => KIND_NAMES[k]).join(' and ')}`
      : '';
  lines.push(
    `${md(report.page.url)} · plan “${md(report.plan.name)}”${md(site)} · ${iso(report.generatedAt).slice(0, 16).replace('T', ' ')} UTC`,
    '',
  );
  if (report.pages.length > 1) lines.push(`Pages covered: ${report.pages.map((p) => md(p.url)).join(', ')}`, '');
  lines.push(headline(report), '');

  lines.push('## Goals', '');
  const vendors: VendorId[] = [];
  for (const g of report.goals) for (const e of g.expect) if (!vendors.includes(e.vendor)) vendors.push(e.vendor);
  const { judged, owned, notTriggered } = goalGroups(report);
  if (report.goals.length === 0) lines.push('The plan has no goals.', '');
  else {
    const shown = [...judged, ...owned];
    if (shown.length > 0) {
      lines.push(`| Goal | Fired | ${vendors.map((v) => md(vendorName(v))).join(' | ')}${vendors.length ? ' |' : ''}`);
      lines.push(`| --- | --- | ${vendors.map(() => '---').join(' | ')}${vendors.length ? ' |' : ''}`);
      for (const g of shown) lines.push(goalLine(report, g, vendors));
      lines.push('');
    }
    if (notTriggered.length > 0)
      lines.push(
        `${STATUS_SYMBOL.not_triggered} ${foldedLine(report)}: ${notTriggered.map((g) => md(g.name)).join(', ')}.`,
        '',
      );
    lines.push(STATUS_LEGEND, '');
  }

  if (report.funnels?.length) {
    // The path to the conversion, step by step, in the words of the popup and the HTML report.
    lines.push('## Funnels', '');
    for (const f of report.funnels) {
      lines.push(`**${md(f.name)}** — ${funnelSummary(f)}`, '');
      f.steps.forEach((step, i) =>
        lines.push(`${i + 1}. ${STEP_SYMBOL[stepState(step)]} ${md(step.name)} — ${md(stepDetail(step, 'UTC'))}`),
      );
      lines.push('');
    }
  }

  for (const severity of SEVERITIES) {
    const list = report.findings.filter((f) => f.severity === severity);
    if (!list.length) continue;
    lines.push(`## ${SEVERITY_TITLES[severity]} (${list.length})`, '');
    for (const f of list) lines.push(`- ${md(f.message)}`);
    lines.push('');
  }

  lines.push('## Tags seen', '');
  if (report.tags.length === 0) lines.push('No tag sent anything on these pages.', '');
  else {
    lines.push('| Tag | Accounts | Hits | Blocked | Failed |', '| --- | --- | --- | --- | --- |');
    for (const t of report.tags) {
      lines.push(
        `| ${md(vendorName(t.vendor))} | ${md(t.accounts.join(', ')) || '–'} | ${t.hits} | ${t.blocked} | ${t.failed} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}
