import { templatesOf } from '../crawl/template';
import { normalizeUrl, shortUrl } from '../crawl/url';
import type { Finding, FindingKind, Severity } from './findings';
import type { AuditReport, ReportHit } from './report';
import { count, FINDING_LABELS, listWords, vendorName } from '../words';
import { goalFullyTracked } from './coverage';

// The site roll-up: many page reports read as one site — which vendor is on which page (grouped by template),
// each kind of finding once with the pages it occurs on, the accounts each vendor sends to. JSON
// `format: "tagwatch-site"`, `version: 1` (docs/site-report.md); written beside the list of page reports,
// never instead of it. Pure: page reports in, the roll-up out.

export const SITE_FORMAT = 'tagwatch-site';

/**
 * What one vendor did on one page. tracked: it sent its page-level hit (GA4 `page_view`, Meta `PageView`;
 * for other vendors any hit) · partial: it sent hits, but not its page-level one · library: its library
 * loaded and sent nothing · not_sent: it tried, and every request was blocked or failed.
 */
export type VendorPresence = 'tracked' | 'partial' | 'library' | 'not_sent';

/** The hit that says "this page was seen", for vendors that have one. */
export const PAGE_LEVEL_EVENTS: Readonly<Record<string, string>> = {
  ga4: 'page_view',
  'meta-pixel': 'PageView',
  'universal-analytics': 'pageview',
};

/** Vendors whose account is the site's property: two of them on one site splits its numbers. */
const PROPERTY_VENDORS: ReadonlySet<string> = new Set(['ga4', 'universal-analytics', 'matomo']);

/** A vendor on fewer pages than this share is page-specific (a conversion pixel), not expected everywhere. */
const SITE_WIDE_SHARE = 0.5;

export interface SitePage {
  url: string;
  title?: string;
  template: string;
  vendors: Record<string, VendorPresence>;
  goals: { fired: number; tracked: number };
  findings: { error: number; warning: number; info: number };
}

export interface SiteFailure {
  url: string;
  error: string;
}

export type SkipReason = 'robots' | 'not_html';

export interface SiteSkip {
  url: string;
  reason: SkipReason;
}

export interface SiteTemplate {
  template: string;
  pages: string[];
}

export interface SiteAccount {
  account: string;
  pages: string[];
}

export interface SiteVendor {
  vendor: string;
  /** Pages where it sent anything (tracked or partial). */
  pages: number;
  /** Pages where it sent its page-level hit. */
  tracked: number;
  /** On at least half of the pages: expected on every page, so the others are gaps. */
  siteWide: boolean;
  /** Pages not tracked by a site-wide vendor. */
  missingOn: string[];
  accounts: SiteAccount[];
}

export interface FindingGroup {
  kind: FindingKind;
  severity: Severity;
  vendor?: string;
  /** What the findings are about: the event, the goal, the parameter. */
  subject?: string;
  /** `Missing tag · Meta Pixel · AddToCart (Add to cart)`. */
  title: string;
  /** One page's message, as an example of the group. */
  example: string;
  total: number;
  pages: Array<{ url: string; count: number }>;
}

/** What only shows across pages: a discriminated union, one member per kind. */
export type SiteFinding =
  | { kind: 'vendor_gaps'; severity: 'warning'; vendor: string; pages: string[]; of: number; message: string }
  | {
      kind: 'multiple_accounts';
      severity: 'warning' | 'info';
      vendor: string;
      accounts: Array<{ account: string; pages: number }>;
      message: string;
    };

export interface SiteRollup {
  format: typeof SITE_FORMAT;
  version: 1;
  generatedAt: number;
  plans: string[];
  pages: SitePage[];
  failed: SiteFailure[];
  skipped: SiteSkip[];
  templates: SiteTemplate[];
  vendors: SiteVendor[];
  findingGroups: FindingGroup[];
  siteFindings: SiteFinding[];
}

export interface RollupExtras {
  generatedAt: number;
  failed?: readonly SiteFailure[];
  skipped?: readonly SiteSkip[];
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function presenceOf(vendor: string, hits: readonly ReportHit[]): VendorPresence {
  const sent = hits.filter((h) => h.event !== 'library_load' && (h.status === 'sent' || h.status === 'pending'));
  if (sent.length > 0) {
    const level = PAGE_LEVEL_EVENTS[vendor];
    return level === undefined || sent.some((h) => h.event === level) ? 'tracked' : 'partial';
  }
  return hits.some((h) => h.event !== 'library_load') ? 'not_sent' : 'library';
}

function pageVendors(report: AuditReport): Record<string, VendorPresence> {
  const byVendor = new Map<string, ReportHit[]>();
  for (const hit of report.hits) byVendor.set(hit.vendor, [...(byVendor.get(hit.vendor) ?? []), hit]);
  const out: Record<string, VendorPresence> = {};
  for (const [vendor, hits] of [...byVendor].sort((a, b) => (a[0] < b[0] ? -1 : 1)))
    out[vendor] = presenceOf(vendor, hits);
  return out;
}

/** What a group of findings is about, beyond its kind and vendor; the switch names every kind. */
export function subjectOf(f: Finding): string | undefined {
  switch (f.kind) {
    case 'missing_tag':
      return `${f.event ?? 'any event'} (goal ${f.goalId})`;
    case 'duplicate_hit':
      return f.event;
    case 'pii_in_hit':
      return `${f.pii} in ${f.location === 'param' ? (f.param ?? 'a parameter') : 'the request URL'}`;
    case 'before_consent':
      return f.rule;
    case 'invalid_params':
      return `${f.event} ${f.param}`;
    case 'tag_without_goal':
      return f.event;
    case 'library_without_hits':
      return undefined;
    case 'funnel_step_untracked':
      return `${f.goalId} (funnel ${f.funnelId})`;
  }
}

function groupFindings(reports: readonly AuditReport[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const report of reports) {
    const url = report.page.url;
    for (const f of report.findings) {
      const subject = subjectOf(f);
      const key = JSON.stringify([f.kind, f.vendor ?? '', subject ?? '']);
      let group = groups.get(key);
      if (!group) {
        const title = [
          FINDING_LABELS[f.kind],
          ...(f.vendor ? [vendorName(f.vendor)] : []),
          ...(subject ? [subject] : []),
        ].join(' · ');
        group = { kind: f.kind, severity: f.severity, title, example: f.message, total: 0, pages: [] };
        if (f.vendor) group.vendor = f.vendor;
        if (subject) group.subject = subject;
        groups.set(key, group);
      }
      if (SEVERITY_RANK[f.severity] < SEVERITY_RANK[group.severity]) {
        group.severity = f.severity;
        group.example = f.message;
      }
      group.total++;
      const page = group.pages.find((p) => p.url === url);
      if (page) page.count++;
      else group.pages.push({ url, count: 1 });
    }
  }
  return [...groups.values()].sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      b.pages.length - a.pages.length ||
      (a.title < b.title ? -1 : 1),
  );
}

function accountsOf(reports: readonly AuditReport[], vendor: string): SiteAccount[] {
  const pages = new Map<string, string[]>();
  for (const report of reports) {
    const seen = new Set(
      report.hits.filter((h) => h.vendor === vendor && h.account && h.event !== 'library_load').map((h) => h.account!),
    );
    for (const account of seen) pages.set(account, [...(pages.get(account) ?? []), report.page.url]);
  }
  return [...pages]
    .map(([account, urls]) => ({ account, pages: urls }))
    .sort((a, b) => b.pages.length - a.pages.length || (a.account < b.account ? -1 : 1));
}

function pagesWords(urls: readonly string[], max = 5): string {
  const shown = urls.slice(0, max).map(shortUrl);
  return urls.length > max ? `${shown.join(', ')} and ${urls.length - max} more` : listWords(shown);
}

function siteFindings(vendors: readonly SiteVendor[], pages: readonly SitePage[]): SiteFinding[] {
  const out: SiteFinding[] = [];
  for (const v of vendors) {
    if (v.siteWide && v.missingOn.length > 0) {
      const what = PAGE_LEVEL_EVENTS[v.vendor] ? `its ${PAGE_LEVEL_EVENTS[v.vendor]} hit` : 'anything';
      out.push({
        kind: 'vendor_gaps',
        severity: 'warning',
        vendor: v.vendor,
        pages: v.missingOn.slice(),
        of: pages.length,
        message:
          `${vendorName(v.vendor)} sends ${what} on ${v.tracked} of ${count(pages.length, 'page')}, but not on ${pagesWords(v.missingOn)}. ` +
          'Check that these pages load the tag (a template without the snippet, or a tag manager trigger that excludes them).',
      });
    }
    if (PROPERTY_VENDORS.has(v.vendor) && v.accounts.length > 1) {
      // Every page sending to the same set of accounts is dual tagging, done on purpose; pages that
      // disagree split the site's numbers between properties.
      const sets = new Set(
        pages
          .filter((p) => p.vendors[v.vendor] !== undefined)
          .map((p) =>
            v.accounts
              .filter((a) => a.pages.includes(p.url))
              .map((a) => a.account)
              .join(','),
          ),
      );
      const consistent = sets.size === 1;
      const list = v.accounts.map(
        (a) =>
          `${a.account} on ${count(a.pages.length, 'page')}${a.pages.length <= 3 ? ` (${pagesWords(a.pages)})` : ''}`,
      );
      out.push({
        kind: 'multiple_accounts',
        severity: consistent ? 'info' : 'warning',
        vendor: v.vendor,
        accounts: v.accounts.map((a) => ({ account: a.account, pages: a.pages.length })),
        message:
          `${v.accounts.length} ${vendorName(v.vendor)} accounts on this site: ${listWords(list)}. ` +
          (consistent
            ? 'Every page sends to all of them: fine if you report to several properties on purpose.'
            : 'Pages report to different properties, so neither has the whole site: use one, or send every page to each.'),
      });
    }
  }
  return out;
}

/** The roll-up of page reports (one per page, as `--out` writes them). */
export function rollUp(reports: readonly AuditReport[], extras: RollupExtras): SiteRollup {
  const templates = templatesOf(reports.map((r) => r.page.url));
  const pages: SitePage[] = reports.map((r) => {
    const page: SitePage = {
      url: r.page.url,
      template: templates.get(r.page.url) ?? r.page.url,
      vendors: pageVendors(r),
      goals: { fired: r.goals.filter((g) => g.fired > 0).length, tracked: r.goals.filter(goalFullyTracked).length },
      findings: {
        error: r.findings.filter((f) => f.severity === 'error').length,
        warning: r.findings.filter((f) => f.severity === 'warning').length,
        info: r.findings.filter((f) => f.severity === 'info').length,
      },
    };
    if (r.page.title !== undefined) page.title = r.page.title;
    return page;
  });
  const byTemplate = new Map<string, string[]>();
  for (const p of pages) byTemplate.set(p.template, [...(byTemplate.get(p.template) ?? []), p.url]);
  const vendorIds = [...new Set(pages.flatMap((p) => Object.keys(p.vendors)))];
  const vendors: SiteVendor[] = vendorIds
    .map((vendor) => {
      const sending = pages.filter((p) => p.vendors[vendor] === 'tracked' || p.vendors[vendor] === 'partial').length;
      const tracked = pages.filter((p) => p.vendors[vendor] === 'tracked');
      const siteWide = tracked.length >= 2 && tracked.length >= pages.length * SITE_WIDE_SHARE;
      return {
        vendor,
        pages: sending,
        tracked: tracked.length,
        siteWide,
        missingOn: siteWide ? pages.filter((p) => p.vendors[vendor] !== 'tracked').map((p) => p.url) : [],
        accounts: accountsOf(reports, vendor),
      };
    })
    .sort((a, b) => b.pages - a.pages || b.tracked - a.tracked || (a.vendor < b.vendor ? -1 : 1));
  return {
    format: SITE_FORMAT,
    version: 1,
    generatedAt: extras.generatedAt,
    plans: [...new Set(reports.map((r) => r.plan.name))],
    pages,
    failed: (extras.failed ?? []).map((f) => ({ ...f })),
    skipped: (extras.skipped ?? []).map((s) => ({ ...s })),
    templates: [...byTemplate]
      .map(([template, urls]) => ({ template, pages: urls }))
      .sort((a, b) => (a.template < b.template ? -1 : 1)),
    vendors,
    findingGroups: groupFindings(reports),
    siteFindings: siteFindings(vendors, pages),
  };
}

/** Page reports as `--out` writes them: one report, or a list. Anything else is refused with what was found. */
export function pageReportsOf(json: unknown, file: string): AuditReport[] {
  const list = Array.isArray(json) ? json : [json];
  list.forEach((r, i) => {
    const ok =
      typeof r === 'object' &&
      r !== null &&
      (r as { version?: unknown }).version === 1 &&
      typeof (r as { page?: { url?: unknown } }).page?.url === 'string' &&
      Array.isArray((r as { goals?: unknown }).goals) &&
      Array.isArray((r as { hits?: unknown }).hits) &&
      Array.isArray((r as { findings?: unknown }).findings);
    if (!ok) {
      const site = typeof r === 'object' && r !== null && (r as { format?: unknown }).format === SITE_FORMAT;
      throw new Error(
        site
          ? `${file} is a site roll-up: give the page reports it was made from (the --out file, not the .site.json beside it).`
          : `${file}${Array.isArray(json) ? `[${i}]` : ''} is not a Tagwatch page report (version 1 with page, goals, hits and findings). Give a file written by \`npm run audit -- --out\`.`,
      );
    }
  });
  return list as AuditReport[];
}

/** The page a report is about, as the baseline and the merge match pages: its canonical URL. */
export function pageKey(url: string): string {
  return normalizeUrl(url) ?? url;
}
