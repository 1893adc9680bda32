import type { FunnelResult } from '../audit/funnels';
import { type Visit, visitPage } from '../visits/visits';
import { calendarDay, funnelSummary, visitDuration } from '../words';

// The History list: past visits, newest first, each a row a user can scan — the site, when, how long, how many
// pages, and how each funnel went. Plain data in, plain data out: the page reads the visits (lib/store/history.ts)
// and the funnel outcomes of the rows it shows, and this turns them into rows.

/** What the user narrowed the list to: a site (text in the host or the first page's URL or title), a day range. */
export interface HistoryQuery {
  site?: string;
  /** First day kept, `YYYY-MM-DD` (a date input's value), in the viewer's zone. */
  from?: string;
  /** Last day kept, `YYYY-MM-DD`, inclusive. */
  to?: string;
}

/** One funnel's outcome over a visit, in a few words: `Checkout: 3 of 4 steps reached, 1 not tracked`. */
export interface FunnelOutcome {
  id: string;
  name: string;
  reached: number;
  steps: number;
  untracked: number;
  text: string;
}

export interface HistoryRow {
  id: string;
  /** The site: the host of the visit's first web page. */
  host: string;
  url: string;
  title?: string;
  startedAt: number;
  /** `YYYY-MM-DD`, the day it started on. */
  day: string;
  durationMs: number;
  duration: string;
  /** Web pages (new tabs' blank pages are not pages of the site). */
  pages: number;
  tabs: number;
  /** Undefined while the visit's outcome has not been read. */
  funnels?: FunnelOutcome[];
}

/** The host a visit is named by; the URL itself when it has none (a file:// page). */
export function visitHost(visit: Visit): string {
  const page = visitPage(visit);
  if (!page) return '';
  try {
    return new URL(page.url).host || page.url;
  } catch {
    return page.url;
  }
}

function webPages(visit: Pick<Visit, 'sessions'>): number {
  return visit.sessions.filter((s) => /^https?:/i.test(s.url)).length;
}

/** Whether a visit is one the query asks for. */
export function matchesQuery(visit: Visit, query: HistoryQuery, timeZone?: string): boolean {
  const day = calendarDay(visit.startedAt, timeZone);
  if (query.from && day < query.from) return false;
  if (query.to && day > query.to) return false;
  const text = query.site?.trim().toLowerCase();
  if (!text) return true;
  const page = visitPage(visit);
  return [visitHost(visit), page?.url ?? '', page?.title ?? ''].some((s) => s.toLowerCase().includes(text));
}

export function funnelOutcomes(funnels: readonly FunnelResult[]): FunnelOutcome[] {
  return funnels.map((f) => ({
    id: f.id,
    name: f.name,
    reached: f.steps.filter((s) => s.reached).length,
    steps: f.steps.length,
    untracked: f.steps.filter((s) => s.reached && !s.tracked).length,
    text: `${f.name}: ${funnelSummary(f)}`,
  }));
}

/**
 * The rows of the visits the query asks for, newest first. A visit with no web page (a tab that only showed the
 * browser's own pages) is no visit of a site: left out. `outcomes` holds what is known so far, by visit id.
 */
export function historyRows(
  visits: readonly Visit[],
  query: HistoryQuery,
  outcomes: ReadonlyMap<string, readonly FunnelResult[]> = new Map(),
  timeZone?: string,
): HistoryRow[] {
  return visits
    .filter((v) => webPages(v) > 0 && matchesQuery(v, query, timeZone))
    .sort((a, b) => b.startedAt - a.startedAt || (a.id < b.id ? 1 : -1))
    .map((v) => {
      const page = visitPage(v)!;
      const funnels = outcomes.get(v.id);
      const durationMs = Math.max(0, v.lastAt - v.startedAt);
      return {
        id: v.id,
        host: visitHost(v),
        url: page.url,
        ...(page.title?.trim() ? { title: page.title.trim() } : {}),
        startedAt: v.startedAt,
        day: calendarDay(v.startedAt, timeZone),
        durationMs,
        duration: visitDuration(durationMs),
        pages: webPages(v),
        tabs: v.tabIds.length,
        ...(funnels ? { funnels: funnelOutcomes(funnels) } : {}),
      };
    });
}

/** Two visits can be compared step by step when they are of the same site. */
export function sameSite(a: Visit, b: Visit): boolean {
  return visitHost(a) === visitHost(b);
}
