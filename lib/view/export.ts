import type { FunnelResult } from '../audit/funnels';
import { tagRequestsToHar } from '../audit/har-export';
import { reportToMarkdown } from '../audit/markdown';
import { reportToCsv, type AuditReport } from '../audit/report';
import type { PageSession, StoredHit } from '../store/types';

// The popup's exports of the audit report: the files' names and contents. Pure; the popup saves them.

/** The forms of the audit report. */
export type ReportExportKind = 'json' | 'csv-hits' | 'csv-goals' | 'markdown';
/** Everything the Export bar offers: the report's forms, and the page's tag requests as HAR. */
export type ExportKind = ReportExportKind | 'har';

export interface ExportFile {
  name: string;
  mime: string;
  text: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `yyyymmdd-hhmm` in the viewer's time zone: the time they see on their clock when they export. */
export function fileStamp(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}`;
}

/** The page's host as a file name part: `shop.example`, `localhost-8080`; `page` when there is none. */
export function fileHost(url: string): string {
  let host = '';
  try {
    host = new URL(url).host;
  } catch {
    // not a URL: fall through
  }
  const safe = host
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return safe || 'page';
}

const NAMES: Record<ExportKind, { prefix: string; ext: string; mime: string }> = {
  json: { prefix: 'tagwatch-report', ext: 'json', mime: 'application/json' },
  'csv-hits': { prefix: 'tagwatch-hits', ext: 'csv', mime: 'text/csv' },
  'csv-goals': { prefix: 'tagwatch-goals', ext: 'csv', mime: 'text/csv' },
  markdown: { prefix: 'tagwatch-report', ext: 'md', mime: 'text/markdown' },
  har: { prefix: 'tagwatch-tags', ext: 'har', mime: 'application/json' },
};

/** `tagwatch-report-shop.example-20251123-0842.json` */
export function exportName(report: Pick<AuditReport, 'page' | 'generatedAt'>, kind: ExportKind): string {
  const { prefix, ext } = NAMES[kind];
  return `${prefix}-${fileHost(report.page.url)}-${fileStamp(report.generatedAt)}.${ext}`;
}

/**
 * The page's report with the funnels of the visit it belongs to (the popup's Funnels tab), so an export says what
 * the popup showed. The page's own audit cannot know them: a visit spans pages and tabs.
 */
export function withVisitFunnels(report: AuditReport, funnels: readonly FunnelResult[] | undefined): AuditReport {
  return funnels?.length ? { ...report, funnels: [...funnels] } : report;
}

/** The file for one export: the JSON report as it is (contract: DESIGN.md), or one of its human forms. */
export function exportFile(report: AuditReport, kind: ReportExportKind): ExportFile {
  const { mime } = NAMES[kind];
  const name = exportName(report, kind);
  switch (kind) {
    case 'json':
      return { name, mime, text: `${JSON.stringify(report, null, 2)}\n` };
    case 'csv-hits':
      return { name, mime, text: reportToCsv(report, 'hits') };
    case 'csv-goals':
      return { name, mime, text: reportToCsv(report, 'goals') };
    case 'markdown':
      return { name, mime, text: reportToMarkdown(report) };
  }
}

/**
 * The page's tag requests as HAR 1.2 (bodies, the browser's answers, the decoded hits as a custom field), for
 * a HAR viewer or a colleague's DevTools; `npm run audit -- --har` reads it back.
 */
export function exportHar(
  report: Pick<AuditReport, 'page' | 'generatedAt'>,
  session: PageSession,
  hits: readonly StoredHit[],
  version: string,
): ExportFile {
  const har = tagRequestsToHar({
    sessions: [session],
    hits: hits.filter((h) => h.sessionId === session.id),
    creator: { name: 'Tagwatch', version },
  });
  return { name: exportName(report, 'har'), mime: NAMES.har.mime, text: `${JSON.stringify(har, null, 2)}\n` };
}
