import { auditSpan, type TabTail } from '../store/queries';
import type { PageSession, StoredCookie, StoredFiring, StoredHit, StoredSignal } from '../store/types';

// What an open view holds of a tab, kept current by live notices: the worker says from what time the tab's
// records changed, the view reads that part of IndexedDB (lib/store tabRecordsSince) and splices it in here.
// IndexedDB stays the source of truth; this is the part of it in memory, replaced piece by piece.

export interface TabData {
  tabId: number;
  /** The tab's pages, newest first. */
  sessions: PageSession[];
  /** Records timed at or after `from`, oldest first (as the byTab indexes order them: time, then id). */
  hits: StoredHit[];
  firings: StoredFiring[];
  signals: StoredSignal[];
  /** The cookies set on the tab's pages (names only), by when they were first set. */
  cookies: StoredCookie[];
  /** The earliest time held: records before it were not read (the view shows later pages only). */
  from: number;
}

export const emptyTabData = (tabId: number, from = -Infinity): TabData => ({
  tabId,
  sessions: [],
  hits: [],
  firings: [],
  signals: [],
  cookies: [],
  from,
});

/** First index with `list[i].at >= at` (list in time order). */
export function firstAtOrAfter(list: ReadonlyArray<{ at: number }>, at: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.at < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index with `list[i].at > at` (list in time order). */
export function firstAfter(list: ReadonlyArray<{ at: number }>, at: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.at <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `held` up to `since`, then `fresh` (read from `since` on): a record deleted since is gone, one changed is new. */
function splice<T extends { at: number }>(held: readonly T[], fresh: readonly T[], since: number, from: number): T[] {
  const keep = held.slice(0, firstAtOrAfter(held, since));
  const start = since < from ? firstAtOrAfter(fresh, from) : 0;
  for (let i = start; i < fresh.length; i++) keep.push(fresh[i]!);
  return keep;
}

/** The view's data with the part of the tab read after a notice put in place of what it held from `tail.since` on. */
export function applyTail(data: TabData, tail: TabTail): TabData {
  if (tail.since === Infinity) return { ...data, sessions: tail.sessions };
  return {
    ...data,
    sessions: tail.sessions,
    hits: splice(data.hits, tail.hits, tail.since, data.from),
    firings: splice(data.firings, tail.firings, tail.since, data.from),
    signals: splice(data.signals, tail.signals, tail.since, data.from),
    cookies: splice(data.cookies, tail.cookies, tail.since, data.from),
  };
}

/** One page session of the tab and what its views show (the popup's and the side panel's scope). */
export interface PageData {
  tabId?: number;
  /** The tab's sessions, newest first. */
  sessions: PageSession[];
  /** The session shown (the tab's current page unless the user picked an earlier one). */
  session?: PageSession;
  /** The tab's page now. */
  currentSessionId?: string;
  /** Of `session`, oldest first. */
  hits: StoredHit[];
  signals: StoredSignal[];
  firings: StoredFiring[];
  /**
   * The tab's hits the page's goals are reconciled against: from just before the page to just into the next one
   * (a form that navigates away has its hits in the next page). Oldest first.
   */
  auditHits: StoredHit[];
  /** The cookies set while the page was shown (names only). */
  cookies: StoredCookie[];
}

export const EMPTY_PAGE: PageData = { sessions: [], hits: [], signals: [], firings: [], auditHits: [], cookies: [] };

/** The session a view shows: the one picked while it exists, else the tab's current page. */
export function shownSession(sessions: readonly PageSession[], chosen: string | undefined): PageSession | undefined {
  return sessions.find((s) => s.id === chosen) ?? sessions[0];
}

/** Where a view of `session` must start reading the tab: its audit looks at hits from 2 s before it. */
export function pageFrom(session: Pick<PageSession, 'startedAt'>): number {
  return auditSpan(session, undefined).from;
}

/** One page of the tab, from what the view holds: the session's own records, and the tab's hits around it. */
export function pageData(data: TabData, chosen: string | undefined): PageData {
  const session = shownSession(data.sessions, chosen);
  if (!session) return { ...EMPTY_PAGE, tabId: data.tabId, sessions: data.sessions };
  const index = data.sessions.indexOf(session);
  const next = index > 0 ? data.sessions[index - 1] : undefined;
  const { from, to } = auditSpan(session, next);
  const mine = <T extends { sessionId: string }>(list: readonly T[]) => list.filter((r) => r.sessionId === session.id);
  return {
    tabId: data.tabId,
    sessions: data.sessions,
    session,
    currentSessionId: data.sessions[0]?.id,
    hits: mine(data.hits),
    signals: mine(data.signals),
    firings: mine(data.firings),
    auditHits: data.hits.slice(firstAtOrAfter(data.hits, from), firstAfter(data.hits, to)),
    cookies: mine(data.cookies),
  };
}

/**
 * page: one page of the tab, the one picked or the current one (the popup, the side panel) · log: the tab's pages
 * one after the other, kept across navigations unless the user turns that off (the DevTools panel).
 */
export type Scope = 'page' | 'log';

/** Where a view must start reading the tab for what it shows: the oldest page it shows, 2 s before it began. */
export function requiredFrom(
  sessions: readonly PageSession[],
  scope: Scope,
  chosen: string | undefined,
  preserveLog: boolean,
): number {
  if (sessions.length === 0) return -Infinity;
  if (scope === 'log' && preserveLog) return pageFrom(sessions[sessions.length - 1]!);
  const shown = scope === 'page' ? shownSession(sessions, chosen) : sessions[0];
  return shown ? pageFrom(shown) : -Infinity;
}

/** The view's data without the records before `from` (it moved on to a later page). */
export function dropBefore(data: TabData, from: number): TabData {
  if (from <= data.from) return data;
  return {
    ...data,
    from,
    hits: data.hits.slice(firstAtOrAfter(data.hits, from)),
    firings: data.firings.slice(firstAtOrAfter(data.firings, from)),
    signals: data.signals.slice(firstAtOrAfter(data.signals, from)),
  };
}
