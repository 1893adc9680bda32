import { VENDORS, categoryWords, isVendorId, type VendorId } from '../tags/vendors';
import {
  FINDING_LABELS,
  HIT_STATUS_SYMBOL,
  HIT_STATUS_WORDS,
  SEVERITIES,
  SEVERITY_TITLES,
  STATUS_LEGEND,
  STATUS_SYMBOL,
  STATUS_WORDS,
  clock,
  vendorName,
  funnelSummary,
  stepDetail,
  stepState,
  STEP_SYMBOL,
  STEP_WORDS,
  type Verdict,
} from '../words';
import { KIND_NAMES } from '../goals/default-plan';
import {
  foldedLine,
  goalCoverage,
  goalGroups,
  ownerNames,
  reportCounts,
  summaryLine,
  type TagCoverage,
} from './coverage';
import { scanParam, scanValue } from './pii';
import type { AuditReport, ReportGoal, ReportHit } from './report';
import type { SiteRollup } from './site';
import { siteSection, SITE_CSS } from './site-html';
import { consentView } from '../view/consent';

// The audit as one HTML file a consultant hands to a client: headline, goal × vendor coverage grid, findings,
// a timeline per page, the tags seen. Self-contained (inline CSS, no script, no external asset), light and dark,
// printable. Everything in a report may come from an arbitrary web page, so every piece of report text goes
// through `esc` — there is no other way into the markup.

export interface HtmlReportOptions {
  /** When the file was written (the header says so, in UTC). */
  generatedAt: number;
  /** The document's title; `Tracking audit — <first page>` when absent. */
  title?: string;
  /** Hits listed in each report's timeline; the rest are counted in a note. 500 when absent. */
  maxHits?: number;
  /** The site roll-up, shown first when several pages were audited. */
  site?: SiteRollup;
  /** Page sections for every page (the default), or only for pages with an error or a warning (large crawls). */
  pageSections?: 'all' | 'with-problems';
}

export const DEFAULT_MAX_HITS = 500;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Safe in text and in a double- or single-quoted attribute. */
export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** A cell's status when its tags disagree: the one that most needs fixing. */
const CELL_ORDER: readonly Verdict[] = ['missing', 'blocked', 'failed', 'sent', 'not_triggered'];

function utc(at: number): string {
  return Number.isFinite(at) ? `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC` : 'unknown time';
}

/** `+3.217 s` from the page's start. */
function rel(ms: number): string {
  if (!Number.isFinite(ms)) return '?';
  return `${ms < 0 ? '−' : '+'}${(Math.abs(ms) / 1000).toFixed(3)} s`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function cut(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

interface PageSpan {
  url: string;
  title?: string;
  startedAt: number;
}

/** The report's pages in order; a report without pages gets one, starting at its first event. */
function pagesOf(report: AuditReport): PageSpan[] {
  if (report.pages.length > 0) return report.pages.slice().sort((a, b) => a.startedAt - b.startedAt);
  const times = [...report.hits.map((h) => h.at), ...report.goals.flatMap((g) => g.firings.map((f) => f.at))];
  const page: PageSpan = { url: report.page.url, startedAt: times.length ? Math.min(...times) : report.generatedAt };
  if (report.page.title !== undefined) page.title = report.page.title;
  return [page];
}

/** Index of the page an event belongs to: the last one started at or before it (the first for earlier events). */
function pageIndex(pages: readonly PageSpan[], at: number): number {
  let i = 0;
  for (let j = 1; j < pages.length; j++) if (pages[j]!.startedAt <= at) i = j;
  return i;
}

function relToPage(pages: readonly PageSpan[], at: number): string {
  return rel(at - pages[pageIndex(pages, at)]!.startedAt);
}

function expectedVendors(report: AuditReport): VendorId[] {
  const out: VendorId[] = [];
  for (const goal of report.goals)
    for (const c of goalCoverage(goal)) if (!out.includes(c.expected.vendor)) out.push(c.expected.vendor);
  return out;
}

// ── coverage grid ────────────────────────────────────────────────────────────

function tagTooltip(goal: ReportGoal, c: TagCoverage, pages: readonly PageSpan[]): string {
  const what = `${vendorName(c.expected.vendor)} ${c.expected.event ?? '(any event)'}`;
  if (c.status === 'not_triggered') return `"${goal.name}" did not fire on these pages, so ${what} was not due.`;
  return c.perFiring
    .map(({ firing, tag, status }, i) => {
      const head = `Firing ${i + 1} (${relToPage(pages, firing.at)}, ${firing.element}): ${STATUS_WORDS[status]}`;
      if (status === 'sent') return `${head}${tag?.hitId ? ` (hit ${tag.hitId})` : ''}`;
      return `${head}${tag?.reason ? ` — ${tag.reason}` : ''}`;
    })
    .join('\n');
}

function gridCell(
  goal: ReportGoal,
  coverage: readonly TagCoverage[],
  vendor: VendorId,
  pages: readonly PageSpan[],
): string {
  const mine = coverage.filter((c) => c.expected.vendor === vendor);
  if (mine.length === 0) return `<td class="none" data-vendor="${esc(vendor)}"></td>`;
  const status = CELL_ORDER.find((s) => mine.some((c) => c.status === s)) ?? 'not_triggered';
  const tags = mine.map((c) => {
    const label = `${c.expected.event ?? 'any event'}${c.expected.account !== undefined ? ` (${c.expected.account})` : ''}`;
    const mixed = c.sent > 0 && c.sent < c.firings ? ` <small>${c.sent} of ${c.firings} sent</small>` : '';
    return `<div class="tag s-${c.status}" title="${esc(tagTooltip(goal, c, pages))}"><span class="sym" aria-label="${esc(STATUS_WORDS[c.status])}">${STATUS_SYMBOL[c.status]}</span> ${esc(label)}${mixed}</div>`;
  });
  return `<td class="cell s-${status}" data-vendor="${esc(vendor)}" data-status="${status}">${tags.join('')}</td>`;
}

function goalRow(
  report: AuditReport,
  goal: ReportGoal,
  vendors: readonly VendorId[],
  pages: readonly PageSpan[],
): string {
  const coverage = goalCoverage(goal);
  const owners = goal.firings.length > 0 && coverage.every((c) => c.firings === 0) ? ownerNames(report, goal) : [];
  const note =
    owners.length > 0
      ? ` <small class="muted owned">same action as ${owners.map((n) => `“${esc(n)}”`).join(', ')}: counted there</small>`
      : coverage.length === 0
        ? ' <small class="muted">no tags expected</small>'
        : '';
  const cells =
    owners.length > 0
      ? `<td class="owned" colspan="${vendors.length}"></td>`
      : vendors.map((v) => gridCell(goal, coverage, v, pages)).join('');
  return (
    `<tr data-goal="${esc(goal.id)}"${goal.fired === 0 ? ' class="not-fired"' : owners.length > 0 ? ' class="owned"' : ''}><th scope="row">${esc(goal.name)}${note}</th>` +
    `<td class="num">${goal.fired}</td>${cells}</tr>`
  );
}

function grid(report: AuditReport, pages: readonly PageSpan[]): string {
  if (report.goals.length === 0) return '<p class="muted">The plan has no goals for these pages.</p>';
  const vendors = expectedVendors(report);
  const head = `<tr><th scope="col">Goal</th><th scope="col" class="num">Fired</th>${vendors.map((v) => `<th scope="col" data-vendor="${esc(v)}">${esc(vendorName(v))}</th>`).join('')}</tr>`;
  const { judged, owned, notTriggered } = goalGroups(report);
  const rows = [...judged, ...owned].map((goal) => goalRow(report, goal, vendors, pages));
  const table = (body: readonly string[]) =>
    `<div class="scroll"><table class="grid"><thead>${head}</thead><tbody>${body.join('\n')}</tbody></table></div>`;
  // The goals that did not fire: one line, opened on demand.
  const folded =
    notTriggered.length > 0
      ? `<details class="not-triggered"><summary>${esc(foldedLine(report))} — show</summary>${table(notTriggered.map((goal) => goalRow(report, goal, vendors, pages)))}</details>`
      : '';
  return (
    (rows.length > 0 ? table(rows) : '<p class="muted">No goal of the plan fired on these pages.</p>') +
    folded +
    `<p class="legend muted">${esc(STATUS_LEGEND)}. Hover a cell for the reason.</p>`
  );
}

// ── findings ─────────────────────────────────────────────────────────────────

function findingsHtml(report: AuditReport): string {
  if (report.findings.length === 0) return '<p class="ok-note">No problems found.</p>';
  return SEVERITIES.map((severity) => {
    const list = report.findings.filter((f) => f.severity === severity);
    if (list.length === 0) return '';
    const items = list.map((f) => {
      const meta = [FINDING_LABELS[f.kind], ...(f.vendor ? [vendorName(f.vendor)] : [])].join(' · ');
      // Selectors, patterns and what was seen: for the developer, one click away.
      const detail = f.detail
        ? `<details class="dev"><summary>Developer detail</summary><pre>${esc(f.detail)}</pre></details>`
        : '';
      return `<li class="finding sev-${severity}" data-kind="${esc(f.kind)}"><span class="meta">${esc(meta)}</span> <span class="message">${esc(f.message)}</span>${detail}</li>`;
    });
    return `<h4 class="sev-${severity}" data-severity="${severity}">${SEVERITY_TITLES[severity]} (${list.length})</h4><ul class="findings">${items.join('\n')}</ul>`;
  }).join('\n');
}

// ── timeline ─────────────────────────────────────────────────────────────────

type Entry =
  | { kind: 'firing'; at: number; goal: ReportGoal; index: number }
  | { kind: 'hit'; at: number; hit: ReportHit };

function firingRow(report: AuditReport, entry: Extract<Entry, { kind: 'firing' }>, page: PageSpan): string {
  const firing = entry.goal.firings[entry.index]!;
  const what = firing.what
    ? `${esc(firing.what)} <code>${esc(firing.element)}</code>`
    : `<code>${esc(firing.element)}</code>`;
  if (firing.ownedBy !== undefined) {
    const owner = report.goals.find((g) => g.id === firing.ownedBy)?.name ?? firing.ownedBy;
    return (
      `<tr class="firing owned" data-goal="${esc(entry.goal.id)}"><td class="time">${rel(firing.at - page.startedAt)}</td>` +
      `<td colspan="4"><strong>${esc(entry.goal.name)}</strong> matched ${what} <small class="muted">— same action as “${esc(owner)}”, counted there</small></td></tr>`
    );
  }
  const coverage = goalCoverage(entry.goal);
  const tags = coverage.map((c) => {
    const p = c.perFiring.find((x) => x.firing.id === firing.id);
    const status = p?.status ?? 'missing';
    const why = p?.tag?.reason ? ` title="${esc(p.tag.reason)}"` : '';
    return `<span class="tag s-${status}"${why}>${STATUS_SYMBOL[status]} ${esc(vendorName(c.expected.vendor))} ${esc(c.expected.event ?? 'any event')}</span>`;
  });
  return (
    `<tr class="firing" data-goal="${esc(entry.goal.id)}"><td class="time">${rel(firing.at - page.startedAt)}</td>` +
    `<td colspan="4"><strong>★ ${esc(entry.goal.name)}</strong> fired on ${what}` +
    `${tags.length ? `<div class="tags">${tags.join(' ')}</div>` : ''}</td></tr>`
  );
}

function hitRow(hit: ReportHit, page: PageSpan, countedFor: ReadonlyMap<string, string[]>): string {
  const st = { symbol: HIT_STATUS_SYMBOL[hit.status], words: HIT_STATUS_WORDS[hit.status], cls: `s-${hit.status}` };
  const detail =
    hit.error ?? (hit.statusCode !== undefined && hit.statusCode >= 400 ? `HTTP ${hit.statusCode}` : undefined);
  // The file is handed around: personal data a page leaked into a hit is shown masked, as the findings show it.
  const params = Object.entries(hit.params).map(([k, v]): [string, string] => {
    const found = scanParam(k, v);
    return [k, found ? `${found.sample} (personal data, masked)` : v];
  });
  const url = scanValue(hit.url) ? '(request URL withheld: it carries personal data)' : hit.url;
  const preview =
    params
      .slice(0, 3)
      .map(([k, v]) => `${k}=${cut(v, 40)}`)
      .join(' · ') + (params.length > 3 ? ` · +${params.length - 3}` : '');
  const goals = countedFor.get(hit.id);
  const details =
    params.length > 0 || hit.url
      ? `<details><summary>${esc(preview || 'request URL')}</summary>` +
        (params.length
          ? `<table class="params">${params.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</table>`
          : '') +
        `<div class="url">${esc(url)}</div></details>`
      : '';
  const lib = hit.event === 'library_load' ? ' library' : '';
  return (
    `<tr class="hit${lib}" data-hit="${esc(hit.id)}"><td class="time">${rel(hit.at - page.startedAt)}</td>` +
    `<td>${esc(vendorName(hit.vendor))}${hit.account ? ` <small class="muted">${esc(hit.account)}</small>` : ''}</td>` +
    `<td>${esc(hit.event ?? '(no event)')}${goals ? ` <small class="counted">for ${esc(goals.join(', '))}</small>` : ''}</td>` +
    `<td class="${st.cls}">${st.symbol} ${st.words}${detail ? ` <small class="why">${esc(detail)}</small>` : ''}` +
    `${hit.partial ? ` <small class="partial" title="Only part of this hit could be read">partial: ${esc(hit.partial)}</small>` : ''}</td>` +
    `<td class="detail">${details}</td></tr>`
  );
}

/** Fixed widths: the timelines of successive pages line up. */
const TIMELINE_COLS =
  '<colgroup><col class="c-time"><col class="c-tag"><col class="c-event"><col class="c-status"><col></colgroup>';

function timeline(report: AuditReport, pages: readonly PageSpan[], maxHits: number): string {
  const hits = report.hits.slice().sort((a, b) => a.at - b.at);
  const shown = hits.slice(0, Math.max(0, maxHits));
  const countedFor = new Map<string, string[]>();
  const entries: Entry[] = [];
  for (const goal of report.goals) {
    goal.firings.forEach((f, index) => {
      entries.push({ kind: 'firing', at: f.at, goal, index });
      for (const t of f.tags) {
        // Blocked and failed attempts belong to the goal too: that is where the fix starts.
        if (!t.hitId) continue;
        const names = countedFor.get(t.hitId) ?? [];
        if (!names.includes(goal.name)) names.push(goal.name);
        countedFor.set(t.hitId, names);
      }
    });
  }
  for (const hit of shown) entries.push({ kind: 'hit', at: hit.at, hit });
  // A firing sorts before the hits of the same instant: it is what they answer.
  entries.sort((a, b) => a.at - b.at || (a.kind === b.kind ? 0 : a.kind === 'firing' ? -1 : 1));
  if (entries.length === 0)
    return '<p class="muted">Nothing happened on these pages: no goal fired and no tag sent anything.</p>';

  const byPage = pages.map(() => [] as Entry[]);
  for (const e of entries) byPage[pageIndex(pages, e.at)]!.push(e);
  const sections = pages.map((page, i) => {
    const list = byPage[i]!;
    const head = `<h4 class="page-head">Page ${pages.length > 1 ? `${i + 1} ` : ''}<span class="muted">started ${esc(clock(page.startedAt, 'UTC'))} UTC</span><br><span class="page-url">${esc(page.title?.trim() ? `${page.title} — ${page.url}` : page.url)}</span></h4>`;
    if (list.length === 0) return `${head}<p class="muted">No firing and no hit on this page.</p>`;
    const rows = list.map((e) => (e.kind === 'firing' ? firingRow(report, e, page) : hitRow(e.hit, page, countedFor)));
    return `${head}<div class="scroll"><table class="timeline">${TIMELINE_COLS}<thead><tr><th class="time">Time</th><th>Tag</th><th>Event</th><th>Status</th><th>Parameters</th></tr></thead><tbody>${rows.join('\n')}</tbody></table></div>`;
  });
  const more = hits.length - shown.length;
  const note =
    more > 0
      ? `<p class="note">… and ${more} more ${more === 1 ? 'hit' : 'hits'} not listed here: the JSON report has every one.</p>`
      : '';
  return sections.join('\n') + note;
}

// ── tags inventory ───────────────────────────────────────────────────────────

function inventory(report: AuditReport): string {
  const seen = new Set(report.tags.map((t) => t.vendor));
  const neverSeen = expectedVendors(report).filter((v) => !seen.has(v));
  const never = neverSeen.length
    ? `<p class="warn-note">Expected by the plan but never seen on these pages: ${neverSeen.map((v) => `<strong>${esc(vendorName(v))}</strong>`).join(', ')}.</p>`
    : '';
  if (report.tags.length === 0) return `<p class="muted">No tag sent anything on these pages.</p>${never}`;
  const rows = report.tags.map((t) => {
    const kind = isVendorId(t.vendor) ? categoryWords(VENDORS[t.vendor].category) : '';
    const events = Object.entries(t.events)
      .sort((a, b) => b[1] - a[1])
      .map(([e, n]) => `${esc(e)}&nbsp;×${n}`)
      .join(', ');
    return (
      `<tr data-vendor="${esc(t.vendor)}"><th scope="row">${esc(vendorName(t.vendor))}</th><td>${esc(kind)}</td><td>${esc(t.accounts.join(', ')) || '–'}</td>` +
      `<td class="num">${t.hits}</td><td class="num${t.blocked ? ' s-blocked' : ''}">${t.blocked}</td><td class="num${t.failed ? ' s-failed' : ''}">${t.failed}</td><td>${events}</td></tr>`
    );
  });
  return (
    `<div class="scroll"><table class="inventory"><thead><tr><th>Tag</th><th>Type</th><th>Accounts</th><th class="num">Hits</th><th class="num">Blocked</th><th class="num">Failed</th><th>Events</th></tr></thead>` +
    `<tbody>${rows.join('\n')}</tbody></table></div>${never}`
  );
}

// ── the document ─────────────────────────────────────────────────────────────

/** What the page said about consent and the cookies set during the visit (names only): the popup's Consent tab. */
function consentSection(report: AuditReport, pages: readonly PageSpan[]): string {
  if (!report.consent || (report.consent.timeline.length === 0 && report.consent.cookies.length === 0)) return '';
  const view = consentView(report, report.findings, pages[0]!.startedAt);
  const answers =
    view.timeline.length === 0
      ? '<p class="muted">The page said nothing about consent: no Consent Mode command, no TCF consent string, no known consent banner.</p>'
      : `<div class="scroll"><table class="consent"><thead><tr><th>When</th><th>Source</th><th>Kind</th><th>Purposes</th><th>Notes</th></tr></thead><tbody>${view.timeline
          .map(
            (r) =>
              `<tr><td title="${esc(r.clock)}">${esc(r.when)}</td><td>${esc(r.source)}</td><td>${esc(r.kind)}</td><td>${r.purposes
                .map((p) => `<span class="${p.state === 'granted' ? 'ok' : 'bad'}">${esc(p.label)} ${p.state}</span>`)
                .join(', ')}</td><td>${esc(r.notes.join(' · '))}</td></tr>`,
          )
          .join('\n')}</tbody></table></div>`;
  const cookies =
    view.cookies.length === 0
      ? '<p class="muted">No cookie was set during the visit.</p>'
      : `<div class="scroll"><table class="cookies"><thead><tr><th>Cookie</th><th>Domain</th><th>Vendor</th><th>Purpose</th><th>First set</th><th>Expires</th><th></th></tr></thead><tbody>${view.cookies
          .map(
            (c) =>
              `<tr><td>${esc(c.name)}</td><td>${esc(c.domain)}</td><td>${esc(c.vendor ?? '')}</td><td>${esc(c.purpose ?? '')}</td><td>${esc(c.when)}</td><td>${esc(c.expires)}</td><td>${c.flagged ? `<span class="${c.flagged === 'error' ? 'bad' : 'warn'}">set before consent</span>` : ''}</td></tr>`,
          )
          .join('\n')}</tbody></table></div>`;
  return `<h3>Consent</h3><h4>Answers, in order</h4>${answers}<h4>Cookies set during the visit</h4>${cookies}`;
}

function pageName(report: AuditReport): string {
  return report.page.title?.trim() || report.page.url;
}

function headline(reports: readonly AuditReport[]): string {
  const c = reportCounts(reports);
  const card = (value: string, label: string, cls: string) =>
    `<div class="card ${cls}"><div class="value">${esc(value)}</div><div class="label">${esc(label)}</div></div>`;
  return (
    `<p class="summary">${esc(summaryLine(reports))}</p><div class="cards">` +
    card(
      `${c.tracked} / ${c.judged}`,
      'goals that fired fully tracked',
      c.judged > 0 && c.tracked === c.judged ? 'good' : c.tracked < c.judged ? 'bad' : '',
    ) +
    card(String(c.notTriggered), 'goals not triggered', c.notTriggered ? 'muted-card' : '') +
    card(String(c.errors), c.errors === 1 ? 'error' : 'errors', c.errors ? 'bad' : 'good') +
    card(String(c.warnings), c.warnings === 1 ? 'warning' : 'warnings', c.warnings ? 'warn' : '') +
    card(String(c.hits), 'tag hits seen', '') +
    '</div>'
  );
}

function overview(reports: readonly AuditReport[]): string {
  const rows = reports.map((r, i) => {
    const c = reportCounts([r]);
    return (
      `<tr><th scope="row"><a href="#report-${i + 1}">${esc(pageName(r))}</a></th><td class="num">${c.tracked} / ${c.judged}</td><td class="num">${c.notTriggered}</td>` +
      `<td class="num${c.errors ? ' s-missing' : ''}">${c.errors}</td><td class="num${c.warnings ? ' s-failed' : ''}">${c.warnings}</td><td class="num">${c.hits}</td></tr>`
    );
  });
  return `<section><h2>Pages audited</h2><div class="scroll"><table class="overview"><thead><tr><th>Page</th><th class="num">Fully tracked</th><th class="num">Not triggered</th><th class="num">Errors</th><th class="num">Warnings</th><th class="num">Hits</th></tr></thead><tbody>${rows.join('\n')}</tbody></table></div></section>`;
}

/** The funnels the visit walked into: each step ✓ reached and tracked, ✗ reached but not tracked, – not reached. */
function funnelsHtml(report: AuditReport): string {
  if (!report.funnels?.length) return '';
  const funnels = report.funnels.map((f) => {
    const steps = f.steps.map((step) => {
      const state = stepState(step);
      const cls = state === 'tracked' ? 'sent' : state === 'untracked' ? 'missing' : 'not_triggered';
      return `<li class="step ${cls}" title="${esc(STEP_WORDS[state])}"><span class="sym">${STEP_SYMBOL[state]}</span> <b>${esc(step.name ?? step.goal)}</b> <span class="muted">${esc(stepDetail(step, 'UTC'))}</span></li>`;
    });
    return `<h4>${esc(f.name)} <span class="muted small">${esc(funnelSummary(f))}</span></h4><ol class="funnel">${steps.join('')}</ol>`;
  });
  return `<h3>Funnels</h3>${funnels.join('')}`;
}

function reportSection(report: AuditReport, index: number, many: boolean, maxHits: number): string {
  const pages = pagesOf(report);
  const about = [
    ...(report.page.title?.trim() ? [`<span class="page-url">${esc(report.page.url)}</span>`] : []),
    `plan “${esc(report.plan.name)}”`,
    ...(report.site && report.site.kinds.length > 0
      ? [
          `read as ${esc(report.site.kinds.map((k) => KIND_NAMES[k]).join(' and '))}${report.site.signs.length ? ` (${esc(report.site.signs.join(', '))})` : ''}`,
        ]
      : []),
    `audited ${esc(utc(report.generatedAt))}`,
  ].join(' · ');
  const journey =
    report.pages.length > 1
      ? `<p class="muted">Pages covered: ${pages.map((p) => `<span class="page-url">${esc(p.url)}</span>`).join(' → ')}</p>`
      : '';
  return (
    `<section class="report" id="report-${index + 1}">` +
    `<h2>${many ? `${index + 1}. ` : ''}${esc(pageName(report))}</h2><p class="muted">${about}</p>${journey}` +
    (many ? `<p class="summary small">${esc(summaryLine([report]))}</p>` : '') +
    `<h3>Goals × tags</h3>${grid(report, pages)}` +
    funnelsHtml(report) +
    `<h3>Findings</h3>${findingsHtml(report)}` +
    `<h3>Timeline</h3>${timeline(report, pages, maxHits)}` +
    `<h3>Tags seen</h3>${inventory(report)}` +
    consentSection(report, pages) +
    '</section>'
  );
}

const CSS = `
ol.funnel{padding-left:1.4em}ol.funnel .sym{font-weight:bold}ol.funnel .missing .sym{color:var(--bad)}ol.funnel .sent .sym{color:var(--ok)}
:root{color-scheme:light dark;--bg:#fff;--fg:#1c2330;--muted:#5d6677;--line:#dde2ea;--card:#f4f6f9;--head:#eef1f5;
--ok:#137333;--ok-bg:#e6f4ea;--bad:#b3261e;--bad-bg:#fce8e6;--warn:#8a5300;--warn-bg:#fef3d7;--block:#7a2e8a;--block-bg:#f6e8f8;
--firing-bg:#e8f0fe;--firing-line:#1a73e8;--accent:#1a73e8}
@media (prefers-color-scheme:dark){:root{--bg:#15181d;--fg:#e4e8ee;--muted:#9aa3b2;--line:#2f3540;--card:#1e232b;--head:#20262f;
--ok:#81c995;--ok-bg:#1d3325;--bad:#f28b82;--bad-bg:#3c1f1e;--warn:#fdd663;--warn-bg:#3a3019;--block:#d7aefb;--block-bg:#33243d;
--firing-bg:#1c2b44;--firing-line:#8ab4f8;--accent:#8ab4f8}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif,"Apple Color Emoji","Segoe UI Emoji","Noto Color Emoji"}
main{max-width:1180px;margin:0 auto;padding:28px 24px 48px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:36px 0 4px;padding-top:12px;border-top:2px solid var(--line)}
h3{font-size:16px;margin:26px 0 8px}h4{font-size:14px;margin:16px 0 6px}
a{color:var(--accent)}code{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--card);padding:1px 4px;border-radius:3px}
.muted{color:var(--muted)}small{font-size:11.5px}.partial{display:block;color:var(--warn)}
.page-url{word-break:break-all}
.summary{font-size:16px;font-weight:600;margin:14px 0 10px}.summary.small{font-size:14px}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin:0 0 8px}
.card{flex:1 1 140px;background:var(--card);border:1px solid var(--line);border-left:4px solid var(--line);border-radius:6px;padding:10px 14px}
.card .value{font-size:24px;font-weight:700}.card .label{color:var(--muted);font-size:12.5px}
.card.good{border-left-color:var(--ok)}.card.good .value{color:var(--ok)}
.card.bad{border-left-color:var(--bad)}.card.bad .value{color:var(--bad)}
.card.warn{border-left-color:var(--warn)}.card.warn .value{color:var(--warn)}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{border:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}
thead th{background:var(--head);font-weight:600;font-size:12.5px}
tbody th{font-weight:600}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.grid td.cell{white-space:nowrap}
.grid .tag{margin:1px 0;cursor:help}.grid .sym{display:inline-block;min-width:1.2em;font-weight:700}
tr.not-fired th,tr.not-fired td.num{color:var(--muted)}
.s-sent{color:var(--ok)}.s-missing{color:var(--bad)}.s-blocked{color:var(--block)}.s-failed{color:var(--warn)}.s-not_triggered,.s-pending{color:var(--muted)}
td.cell.s-sent{background:var(--ok-bg)}td.cell.s-missing{background:var(--bad-bg)}td.cell.s-blocked{background:var(--block-bg)}td.cell.s-failed{background:var(--warn-bg)}
.legend{font-size:12.5px;margin:6px 0 0}
details.not-triggered{margin:8px 0 0}details.not-triggered>summary{color:var(--muted);cursor:pointer;font-size:13px}
tr.owned th,tr.owned td.num{color:var(--muted);font-weight:400}
details.dev{margin-top:4px}details.dev>summary{font-size:11.5px}details.dev pre{white-space:pre-wrap;overflow-wrap:anywhere;font:11.5px ui-monospace,Menlo,Consolas,monospace;margin:4px 0 0}
.findings{list-style:none;padding:0;margin:0}
.finding{border-left:4px solid var(--line);background:var(--card);padding:7px 10px;margin:0 0 6px;border-radius:0 4px 4px 0}
.finding .meta{display:block;font-size:11.5px;font-weight:600;text-transform:uppercase;letter-spacing:.03em;color:var(--muted)}
.finding.sev-error{border-left-color:var(--bad)}.finding.sev-warning{border-left-color:var(--warn)}
h4.sev-error{color:var(--bad)}h4.sev-warning{color:var(--warn)}h4.sev-info{color:var(--muted)}
.consent .ok{color:var(--ok)}.consent .bad,.cookies .bad{color:var(--bad);font-weight:600}.cookies .warn{color:var(--warn)}
.ok-note{color:var(--ok);font-weight:600}.warn-note{color:var(--warn)}.note{color:var(--muted);font-style:italic}
.page-head{font-weight:600}
.timeline{table-layout:fixed}.c-time{width:9%}.c-tag{width:19%}.c-event{width:20%}.c-status{width:19%}.timeline td{overflow-wrap:anywhere}.timeline td.time{white-space:nowrap;font-variant-numeric:tabular-nums}
.timeline tr.firing td{background:var(--firing-bg)}.timeline tr.firing td:first-child{border-left:4px solid var(--firing-line)}
.timeline tr.firing .tags{margin-top:3px}.timeline tr.firing .tag{display:inline-block;margin-right:10px;font-size:12.5px}
.timeline tr.library td{color:var(--muted)}
.counted{color:var(--ok)}.why{display:block}
details summary{cursor:pointer;color:var(--muted);font-size:12px;overflow-wrap:anywhere}
.params{margin:4px 0;font-size:12px;table-layout:auto}.params th{font-weight:500}.params th,.params td,.url{overflow-wrap:anywhere}
.url{font:11px ui-monospace,Menlo,Consolas,monospace;color:var(--muted);margin-top:3px}
footer{margin-top:40px;color:var(--muted);font-size:12px;border-top:1px solid var(--line);padding-top:10px}
@media print{
:root{--bg:#fff;--fg:#000;--muted:#555;--line:#bbb;--card:#f6f6f6;--head:#eee;--ok:#137333;--ok-bg:#e6f4ea;--bad:#b3261e;--bad-bg:#fce8e6;
--warn:#8a5300;--warn-bg:#fef3d7;--block:#7a2e8a;--block-bg:#f6e8f8;--firing-bg:#e8f0fe;--firing-line:#1a73e8;--accent:#000}
@page{margin:14mm}
body{font-size:10pt;-webkit-print-color-adjust:exact;print-color-adjust:exact}
main{max-width:none;padding:0}
.scroll{overflow:visible}
tr,.finding,.card{break-inside:avoid}
h2,h3,h4{break-after:avoid}
section.report{break-before:page}section.report:first-of-type{break-before:auto}
a{text-decoration:none}
}
`;

export function reportToHtml(reports: readonly AuditReport[], opts: HtmlReportOptions): string {
  const maxHits = opts.maxHits ?? DEFAULT_MAX_HITS;
  const first = reports[0];
  const title =
    opts.title ??
    (first
      ? `Tracking audit — ${pageName(first)}${reports.length > 1 ? ` and ${plural(reports.length - 1, 'more page')}` : ''}`
      : 'Tracking audit');
  const plans = [...new Set(reports.map((r) => r.plan.name))];
  const sub = [
    ...(plans.length ? [`Plan ${plans.map((p) => `“${esc(p)}”`).join(', ')}`] : []),
    plural(reports.length, 'page audited', 'pages audited'),
    `generated ${esc(utc(opts.generatedAt))}`,
  ].join(' · ');
  const withProblems = (r: AuditReport) => r.findings.some((f) => f.severity !== 'info');
  const sections = reports.map((r, i) =>
    opts.pageSections === 'with-problems' && !withProblems(r) ? '' : reportSection(r, i, reports.length > 1, maxHits),
  );
  const left = sections.filter((x) => x === '').length;
  const body =
    reports.length === 0
      ? '<p>No page was audited.</p>'
      : headline(reports) +
        (opts.site ? siteSection(opts.site) : '') +
        (reports.length > 1 ? overview(reports) : '') +
        (left > 0
          ? `<p class="note">${left} ${left === 1 ? 'page' : 'pages'} without errors or warnings ${left === 1 ? 'has' : 'have'} no section of ${left === 1 ? 'its' : 'their'} own here; the JSON report has every page.</p>`
          : '') +
        sections.filter(Boolean).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Tagwatch">
<title>${esc(title)}</title>
<style>${CSS}${opts.site ? SITE_CSS : ''}</style>
</head>
<body>
<main>
<header><h1>${esc(title)}</h1><p class="muted">${sub}</p></header>
${body}
<footer>Made with Tagwatch. Times in the timeline are from the start of each page; clock times are UTC. ${esc(STATUS_LEGEND)}.</footer>
</main>
</body>
</html>
`;
}
