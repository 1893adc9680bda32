import type { PageSession } from '../store/types';

// Visits: what one visitor did in one tab from its first page until the tab went idle for 30 minutes (or was
// closed: a closed tab's id is not used again while the browser runs), following its navigations and SPA routes,
// and the tabs it opened. Derived from the page sessions and the openers the worker records, when read: the
// write path stays as it was, and sessions stored before visits existed are grouped the same way.

export const VISIT_IDLE_MS = 30 * 60 * 1000;

/** A tab opened from another (a link with target=_blank, window.open): `openerTabId`. */
export interface Opener {
  tabId: number;
  openerTabId: number;
  at: number;
}

export interface Visit {
  /** The id of its first page session: stable as the visit grows. */
  id: string;
  /** Its tabs that showed a web page, the first one first. */
  tabIds: number[];
  /** Its page sessions, in time order. */
  sessions: PageSession[];
  startedAt: number;
  /** The last time the visitor was seen: a page or route change. */
  lastAt: number;
}

/**
 * Pages of no website: the browser's and extensions' own pages (Tagwatch's popup in a tab among them). They are no
 * part of a visit, and a tab they open starts its own.
 */
export function isVisitPage(url: string): boolean {
  return (
    !/^(chrome|edge|brave|opera|vivaldi|about|moz-extension|chrome-extension|devtools|view-source):/i.test(url) ||
    /^about:(blank|srcdoc)/i.test(url)
  );
}

/** The last time a page showed activity: its start or its last route change. */
function lastActivity(s: PageSession): number {
  return Math.max(s.startedAt, s.navigations.at(-1)?.at ?? -Infinity);
}

/** Group page sessions into visits, oldest first. */
export function groupVisits(
  sessions: readonly PageSession[],
  openers: readonly Opener[],
  idleMs = VISIT_IDLE_MS,
): Visit[] {
  const openerOf = new Map(openers.map((o) => [o.tabId, o]));
  const current = new Map<number, Visit>();
  const visits: Visit[] = [];
  const alive = (v: Visit | undefined, at: number): v is Visit => v !== undefined && at - v.lastAt <= idleMs;
  const pages = sessions.filter((s) => isVisitPage(s.url));
  for (const s of pages.sort((a, b) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : 1))) {
    let visit = current.get(s.tabId);
    if (!alive(visit, s.startedAt)) {
      // A tab's first page, opened from another tab while that tab's visit was going on, continues it.
      const opener = openerOf.get(s.tabId);
      const from = opener && !current.has(s.tabId) ? current.get(opener.openerTabId) : undefined;
      visit = alive(from, s.startedAt) ? from : undefined;
    }
    if (!visit) {
      visit = { id: s.id, tabIds: [], sessions: [], startedAt: s.startedAt, lastAt: s.startedAt };
      visits.push(visit);
    }
    // A tab counts once it shows a page of the site: a new tab's blank page (the popup opened in a tab starts on
    // one) does not make it a tab of the visit.
    if (/^https?:/i.test(s.url) && !visit.tabIds.includes(s.tabId)) visit.tabIds.push(s.tabId);
    visit.sessions.push(s);
    visit.lastAt = Math.max(visit.lastAt, lastActivity(s));
    current.set(s.tabId, visit);
  }
  return visits;
}

/** The visit a tab is in now (its latest page's); undefined when the tab has no page. */
export function visitOfTab(visits: readonly Visit[], tabId: number): Visit | undefined {
  let found: Visit | undefined;
  let latest = -Infinity;
  for (const v of visits)
    for (const s of v.sessions)
      if (s.tabId === tabId && s.startedAt >= latest) {
        latest = s.startedAt;
        found = v;
      }
  return found;
}

/** The visit's first real page (not a new tab's about:blank): what the history names it by. */
export function visitPage(visit: Visit): PageSession | undefined {
  return visit.sessions.find((s) => /^https?:/i.test(s.url)) ?? visit.sessions[0];
}
