import type { GoalFiring } from '../goals/types';
import type { IDBPTransaction } from 'idb';
import { inTx, type Writable } from './batch';
import type { TagwatchDB, TagwatchSchema } from './db';
import { resolveSession, type DocumentRef } from './sessions';
import type { PageEvent, PageSession, StoredCookie, StoredFiring, StoredHit, StoredSignal } from './types';

/** The session the tab shows now, if Tagwatch has seen the tab. */
export async function currentSession(db: TagwatchDB, tabId: number): Promise<PageSession | undefined> {
  const tab = await db.get('tabs', tabId);
  return tab ? db.get('sessions', tab.sessionId) : undefined;
}

/** The tab's sessions, newest first: the popup offers the previous page (a form that navigated away). */
export async function sessionsForTab(db: TagwatchDB, tabId: number, limit = 20): Promise<PageSession[]> {
  const range = IDBKeyRange.bound([tabId, -Infinity], [tabId, Infinity]);
  const all = await db.getAllFromIndex('sessions', 'byTab', range);
  return all.reverse().slice(0, limit);
}

function strip<T extends { urlHash?: string }>(row: T): Omit<T, 'urlHash'> {
  const { urlHash: _hash, ...rest } = row;
  return rest;
}

/** Hits of one session in time order. */
export async function hitsForSession(db: TagwatchDB, sessionId: string): Promise<StoredHit[]> {
  const range = IDBKeyRange.bound([sessionId, -Infinity], [sessionId, Infinity]);
  return (await db.getAllFromIndex('hits', 'bySession', range)).map(strip);
}

/** Hits of a tab in a time range (reconciliation looks across sessions of one tab). */
export async function hitsForTab(db: TagwatchDB, tabId: number, from = -Infinity, to = Infinity): Promise<StoredHit[]> {
  return (await db.getAllFromIndex('hits', 'byTab', IDBKeyRange.bound([tabId, from], [tabId, to]))).map(strip);
}

export async function firingsForTab(
  db: TagwatchDB,
  tabId: number,
  from = -Infinity,
  to = Infinity,
): Promise<StoredFiring[]> {
  return db.getAllFromIndex('firings', 'byTab', IDBKeyRange.bound([tabId, from], [tabId, to]));
}

export async function firingsForSession(db: TagwatchDB, sessionId: string): Promise<StoredFiring[]> {
  return db.getAllFromIndex('firings', 'bySession', IDBKeyRange.bound([sessionId, -Infinity], [sessionId, Infinity]));
}

export async function countHitsForSession(db: TagwatchDB, sessionId: string): Promise<number> {
  return db.countFromIndex('hits', 'bySession', IDBKeyRange.bound([sessionId, -Infinity], [sessionId, Infinity]));
}

/** Store a goal firing in the session of the document that saw it. */
export async function recordFiring(
  db: Writable,
  ref: DocumentRef,
  firing: GoalFiring,
  id: string,
): Promise<StoredFiring> {
  return inTx(db, ['tabs', 'sessions', 'firings'], async (tx) => {
    const session = await resolveSession(tx, ref);
    const stored: StoredFiring = { ...firing, id, sessionId: session.id, tabId: ref.tabId, frameId: ref.frameId };
    await tx.objectStore('firings').put(stored);
    return stored;
  });
}

/** Forget a tab's data (the popup's "Clear"); the tab keeps its current session, emptied. */
export async function clearTab(db: TagwatchDB, tabId: number): Promise<void> {
  const sessions = await sessionsForTab(db, tabId, Infinity);
  const tx = db.transaction(['sessions', 'hits', 'firings', 'signals', 'cookies'], 'readwrite');
  for (const s of sessions) {
    await deleteSessionRecords(tx, s.id);
    await tx.objectStore('sessions').put({ ...s, navigations: [] });
  }
  await tx.done;
}

type RecordsTx = IDBPTransaction<
  TagwatchSchema,
  ('sessions' | 'hits' | 'firings' | 'signals' | 'cookies')[],
  'readwrite'
>;

/** Delete everything recorded in one session (not the session itself); returns how many hits went. */
export async function deleteSessionRecords(tx: RecordsTx, sessionId: string): Promise<number> {
  const range = IDBKeyRange.bound([sessionId, -Infinity], [sessionId, Infinity]);
  let hits = 0;
  for (const name of ['hits', 'firings', 'signals', 'cookies'] as const) {
    const store = tx.objectStore(name);
    const keys = await store.index('bySession').getAllKeys(range);
    for (const key of keys) await store.delete(key);
    if (name === 'hits') hits = keys.length;
  }
  return hits;
}

/** Store what the page said (dataLayer event, consent state) in the session of the document that said it. */
export async function recordSignal(
  db: Writable,
  ref: DocumentRef,
  event: PageEvent,
  id: string,
): Promise<StoredSignal> {
  return inTx(db, ['tabs', 'sessions', 'signals'], async (tx) => {
    const session = await resolveSession(tx, ref);
    const stored = {
      ...event,
      id,
      sessionId: session.id,
      tabId: ref.tabId,
      frameId: ref.frameId,
      at: ref.at,
    } as StoredSignal;
    await tx.objectStore('signals').put(stored);
    return stored;
  });
}

export async function signalsForTab(
  db: TagwatchDB,
  tabId: number,
  from = -Infinity,
  to = Infinity,
): Promise<StoredSignal[]> {
  return db.getAllFromIndex('signals', 'byTab', IDBKeyRange.bound([tabId, from], [tabId, to]));
}

export async function cookiesForSession(db: TagwatchDB, sessionId: string): Promise<StoredCookie[]> {
  return db.getAllFromIndex('cookies', 'bySession', IDBKeyRange.bound([sessionId, -Infinity], [sessionId, Infinity]));
}

export async function signalsForSession(db: TagwatchDB, sessionId: string): Promise<StoredSignal[]> {
  return db.getAllFromIndex('signals', 'bySession', IDBKeyRange.bound([sessionId, -Infinity], [sessionId, Infinity]));
}

/** The page the tab showed after `session`, if any. */
export async function nextSession(
  db: TagwatchDB,
  session: Pick<PageSession, 'tabId' | 'startedAt'>,
): Promise<PageSession | undefined> {
  const range = IDBKeyRange.bound([session.tabId, session.startedAt], [session.tabId, Infinity], true, false);
  const [next] = await db.getAllFromIndex('sessions', 'byTab', range, 1);
  return next;
}

/** Hits a page's goals are reconciled against from this long before the page started (see auditSpan). */
export const AUDIT_LEAD_MS = 2_000;
/** …and until this long into the next page: a form that navigates away has its hits in the next page. */
export const AUDIT_TAIL_MS = 10_000;

/** The time span of the tab's hits that belong to a page's audit: from its start − 2 s to the next page's start + 10 s. */
export function auditSpan(
  session: Pick<PageSession, 'startedAt'>,
  next: Pick<PageSession, 'startedAt'> | undefined,
): { from: number; to: number } {
  return { from: session.startedAt - AUDIT_LEAD_MS, to: next ? next.startedAt + AUDIT_TAIL_MS : Infinity };
}

/** What one page's audit reads (lib/audit/audit-tab.ts TabRecords): the popup and the badge read the same. */
export interface PageRecords {
  sessions: PageSession[];
  hits: StoredHit[];
  firings: StoredFiring[];
  signals: StoredSignal[];
  cookies: StoredCookie[];
}

/** One page's firings and page events, and the tab's hits around it (auditSpan). */
export async function pageRecords(db: TagwatchDB, session: PageSession): Promise<PageRecords> {
  const next = await nextSession(db, session);
  const { from, to } = auditSpan(session, next);
  const [hits, firings, signals, cookies] = await Promise.all([
    hitsForTab(db, session.tabId, from, to),
    firingsForSession(db, session.id),
    signalsForSession(db, session.id),
    cookiesForSession(db, session.id),
  ]);
  return { sessions: [session], hits, firings, signals, cookies };
}

/** The earliest time among records just written: where a live view starts reading the tab again. */
export function earliestAt(records: ReadonlyArray<{ at: number }>): number {
  let at = Infinity;
  for (const r of records) if (r.at < at) at = r.at;
  return at;
}

/** A tab's records from a time on, and its pages: what a live view reads when the worker says what changed. */
export interface TabTail extends PageRecords {
  /** Records timed at or after this were read (`-Infinity`: all of the tab's). */
  since: number;
}

/**
 * The tab's pages (newest first, as sessionsForTab) and its hits, firings and page events timed at or after
 * `since`, read in one transaction so they agree. `Infinity` reads the pages only (a title changed).
 */
export async function tabRecordsSince(
  db: TagwatchDB,
  tabId: number,
  since: number,
  sessionLimit = 20,
): Promise<TabTail> {
  const tx = db.transaction(['sessions', 'hits', 'firings', 'signals', 'cookies']);
  const range = IDBKeyRange.bound([tabId, since], [tabId, Infinity]);
  const pagesOnly = since === Infinity;
  const [sessions, hits, firings, signals, cookies] = await Promise.all([
    tx
      .objectStore('sessions')
      .index('byTab')
      .getAll(IDBKeyRange.bound([tabId, -Infinity], [tabId, Infinity])),
    pagesOnly ? Promise.resolve([]) : tx.objectStore('hits').index('byTab').getAll(range),
    pagesOnly ? Promise.resolve([]) : tx.objectStore('firings').index('byTab').getAll(range),
    pagesOnly ? Promise.resolve([]) : tx.objectStore('signals').index('byTab').getAll(range),
    pagesOnly ? Promise.resolve([]) : tx.objectStore('cookies').index('byTab').getAll(range),
  ]);
  await tx.done;
  return {
    since,
    sessions: sessions.reverse().slice(0, sessionLimit),
    hits: hits.map(strip),
    firings,
    signals,
    cookies,
  };
}
