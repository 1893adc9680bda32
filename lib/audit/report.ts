import type { ConsentAnswer, ConsentSource, GcmType, PurposeState } from '../consent/answers';
import type { ElementInfo, ExpectedTag, Plan, SiteKind } from '../goals/types';
import type { HitStatus, PageSession, StoredCookie, StoredFiring, StoredHit } from '../store/types';
import { classifyCookie } from '../tags/cookies';
import type { ConsentPurpose, VendorId } from '../tags/vendors';
import { STATUS_WORDS, elementWords } from '../words';
import type { Finding } from './findings';
import type { FunnelResult } from './funnels';
import type { GoalResult, TagStatus } from './reconcile';

// The audit report, JSON `version: 1` (contract: DESIGN.md): exported from the popup, written by the audit
// command, read back by users' own tooling. Fields may be added; none may be renamed or change meaning.
// Also its CSV form for a spreadsheet (Markdown: markdown.ts, HTML: html-report.ts, terminal: text-report.ts).

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
  /** The element in a marketer's words: `the “Subscribe” form`, `the “Add to cart” button of Desk lamp`. */
  what?: string;
  url: string;
  /** One per expected tag; empty when another goal owns the action (`ownedBy`). */
  tags: ReportTag[];
  /** The goal (id) that owns the action this firing is part of: the verdict is that goal's, none here. */
  ownedBy?: string;
  /** On the owner's firing: the goals (ids) that matched the same action. */
  alsoMatched?: string[];
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

/** One thing the page said about consent, in time order (the consent timeline). */
export interface ReportConsentAnswer {
  at: number;
  source: ConsentSource;
  /** default: the page's own setting before the visitor chose; answer: the visitor's choice, or the CMP's record of it. */
  kind: 'default' | 'answer';
  /** Per Consent Mode type, what this source said; a type it did not mention is absent. */
  purposes: Partial<Record<GcmType, PurposeState>>;
  region?: string[];
  waitForUpdateMs?: number;
  /** For a TCF answer: what its TC string holds. */
  tcf?: {
    gdprApplies: boolean;
    eventStatus?: string;
    cmpId?: number;
    purposeConsents: number[];
    purposeLegitimateInterests: number[];
    vendorConsents: number[];
    vendorLegitimateInterests: number[];
    error?: string;
  };
}

/** A cookie set during the visit: names only, never values. */
export interface ReportCookie {
  name: string;
  domain: string;
  /** The vendor and purpose of a well-known tracking cookie; absent for others. */
  vendor?: VendorId;
  purpose?: ConsentPurpose;
  firstSet: number;
  /** When it expires (ms since the epoch); absent for a session cookie. */
  expires?: number;
  via: StoredCookie['via'];
}

/** What the page was taken for (the default plan offers each kind its goals), and what said so. */
export interface ReportSite {
  kinds: SiteKind[];
  signs: string[];
}

export interface AuditReport {
  version: 1;
  generatedAt: number;
  page: { url: string; title?: string };
  plan: { name: string };
  site?: ReportSite;
  /** Every page (top-level document) the report covers, in order. */
  pages: ReportPage[];
  goals: ReportGoal[];
  tags: ReportVendor[];
  hits: ReportHit[];
  findings: Finding[];
  /** The consent timeline and the cookie inventory; present when the page said anything about consent or set cookies. */
  consent?: { timeline: ReportConsentAnswer[]; cookies: ReportCookie[] };
  /** The plan's funnels over the visit the report covers; present when the plans have funnels. */
  funnels?: FunnelResult[];
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
  site?: ReportSite;
  answers?: readonly ConsentAnswer[];
  cookies?: readonly StoredCookie[];
  funnels?: readonly FunnelResult[];
}

function reportAnswer(a: ConsentAnswer): ReportConsentAnswer {
  const out: ReportConsentAnswer = { at: a.at, source: a.source, kind: a.kind, purposes: { ...a.purposes } };
  if (a.region) out.region = [...a.region];
  if (a.waitForUpdateMs !== undefined) out.waitForUpdateMs = a.waitForUpdateMs;
  if (a.tcf) out.tcf = { ...a.tcf };
  return out;
}

/** One entry per cookie name and domain, first set first. */
export function cookieInventory(cookies: readonly StoredCookie[]): ReportCookie[] {
  const byKey = new Map<string, ReportCookie>();
  for (const c of [...cookies].sort((a, b) => a.at - b.at)) {
    const key = `${c.domain}\u0000${c.name}`;
    const seen = byKey.get(key);
    if (seen) {
      if (c.expires !== undefined && (seen.expires === undefined || c.expires > seen.expires)) seen.expires = c.expires;
      continue;
    }
    const out: ReportCookie = { name: c.name, domain: c.domain, firstSet: c.at, via: c.via };
    const known = classifyCookie(c.name);
    if (known) {
      out.vendor = known.vendor;
      out.purpose = known.purpose;
    }
    if (c.expires !== undefined) out.expires = c.expires;
    byKey.set(key, out);
  }
  return [...byKey.values()];
}

function selectorWords(element: ElementInfo | undefined, firing: StoredFiring): string {
  if (element?.selector) return element.selector;
  if (element)
    return `${element.tag}${element.id ? `#${element.id}` : ''}${(element.classes ?? [])
      .slice(0, 2)
      .map((c) => `.${c}`)
      .join('')}`;
  // No element: a dataLayer event, a scroll depth, a time on page. Say what fired instead.
  const detail = firing.detail ? Object.values(firing.detail)[0] : undefined;
  return detail ? `(${firing.trigger}: ${detail})` : `(${firing.trigger})`;
}

const byTime = (hits: readonly StoredHit[]) => hits.slice().sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));

/** A report's `hits`: what buildReport puts there for these hits (a view that moved the report between threads without them makes them again). */
export function reportHits(hits: readonly StoredHit[]): ReportHit[] {
  return byTime(hits).map(reportHit);
}

function reportHit(hit: StoredHit): ReportHit {
  const out: ReportHit = {
    id: hit.id,
    at: hit.at,
    vendor: hit.vendor,
    status: hit.status,
    params: { ...hit.params },
    url: hit.url,
  };
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
    if (!v)
      byVendor.set(
        hit.vendor,
        (v = { vendor: hit.vendor, accounts: [], hits: 0, blocked: 0, failed: 0, events: {}, accountSet: new Set() }),
      );
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
      firings: (result?.firings ?? []).map(({ firing, tags, ownedBy, alsoMatched }) => {
        const out: ReportFiring = {
          id: firing.id,
          at: firing.at,
          element: selectorWords(firing.element, firing),
          what: elementWords(firing).what,
          url: firing.url,
          tags: tags.map((t) => {
            const tag: ReportTag = { vendor: t.expected.vendor, status: t.status };
            if (t.expected.event !== undefined) tag.event = t.expected.event;
            if (t.hitId) tag.hitId = t.hitId;
            if (t.reason) tag.reason = t.reason;
            return tag;
          }),
        };
        if (ownedBy) out.ownedBy = ownedBy.goal.id;
        if (alsoMatched.length > 0) out.alsoMatched = alsoMatched.map((m) => m.goal.id);
        return out;
      }),
    };
  });
  const hits = byTime(input.hits);
  const page: AuditReport['page'] = { url: input.page.url };
  if (input.page.title !== undefined) page.title = input.page.title;
  return {
    version: 1,
    generatedAt: input.generatedAt,
    page,
    plan: { name: input.plan.name },
    ...(input.site ? { site: { kinds: [...input.site.kinds], signs: [...input.site.signs] } } : {}),
    pages: input.sessions
      // A new tab's about:blank (or an about:srcdoc) is no page of the site: never a page of a report.
      .filter((s) => !/^about:/i.test(s.url))
      .slice()
      .sort((a, b) => a.startedAt - b.startedAt)
      .map((s) =>
        s.title !== undefined
          ? { url: s.url, title: s.title, startedAt: s.startedAt }
          : { url: s.url, startedAt: s.startedAt },
      ),
    goals,
    tags: vendors(hits),
    hits: hits.map(reportHit),
    findings: input.findings.slice(),
    ...(input.answers?.length || input.cookies?.length
      ? {
          consent: { timeline: (input.answers ?? []).map(reportAnswer), cookies: cookieInventory(input.cookies ?? []) },
        }
      : {}),
    ...(input.funnels?.length ? { funnels: structuredClone([...input.funnels]) } : {}),
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
        h.id,
        iso(h.at),
        h.vendor,
        h.event,
        h.account,
        h.status,
        h.error ?? (h.statusCode !== undefined && h.statusCode >= 400 ? `HTTP ${h.statusCode}` : undefined),
        h.url,
        JSON.stringify(h.params),
        h.partial,
      ]),
    ]);
  }
  const rows: Array<Array<string | number | undefined>> = [
    ['goal_id', 'goal_name', 'fired_at', 'element', 'vendor', 'event', 'status', 'hit_id', 'reason', 'owned_by'],
  ];
  const notTriggered = STATUS_WORDS.not_triggered;
  // Fired goals first, as on every other surface; the plan's order within each.
  const ordered = [
    ...report.goals.filter((g) => g.firings.length > 0),
    ...report.goals.filter((g) => g.firings.length === 0),
  ];
  for (const goal of ordered) {
    if (goal.firings.length === 0) {
      // A goal that did not fire still shows what it expects: the spreadsheet is the full grid.
      if (goal.expect.length === 0)
        rows.push([
          goal.id,
          goal.name,
          undefined,
          undefined,
          undefined,
          undefined,
          notTriggered,
          undefined,
          undefined,
          undefined,
        ]);
      for (const e of goal.expect)
        rows.push([
          goal.id,
          goal.name,
          undefined,
          undefined,
          e.vendor,
          e.event,
          notTriggered,
          undefined,
          undefined,
          undefined,
        ]);
      continue;
    }
    for (const f of goal.firings) {
      // Another goal owns the action: one row saying whose verdict it is, no verdict here.
      if (f.ownedBy !== undefined)
        rows.push([
          goal.id,
          goal.name,
          iso(f.at),
          f.element,
          undefined,
          undefined,
          'matched',
          undefined,
          undefined,
          f.ownedBy,
        ]);
      else if (f.tags.length === 0)
        rows.push([
          goal.id,
          goal.name,
          iso(f.at),
          f.element,
          undefined,
          undefined,
          'fired',
          undefined,
          undefined,
          undefined,
        ]);
      for (const t of f.tags)
        rows.push([
          goal.id,
          goal.name,
          iso(f.at),
          f.element,
          t.vendor,
          t.event,
          t.status,
          t.hitId,
          t.reason,
          undefined,
        ]);
    }
  }
  return csv(rows);
}
