import type { IDBPTransaction, StoreNames } from 'idb';
import type { TagwatchDB, TagwatchSchema } from './db';
import { newId } from './ids';
import type { Navigation, PageSession } from './types';

type Names = StoreNames<TagwatchSchema>;
type SessionTx = IDBPTransaction<TagwatchSchema, Names[], 'readwrite'>;

export interface DocumentRef {
  tabId: number;
  frameId: number;
  documentId?: string;
  at: number;
  /** Where the request came from, for a session we have to create without having seen its navigation. */
  initiator?: string;
}

const MAX_NAVIGATIONS = 500;

function create(tx: SessionTx, tabId: number, url: string, at: number, documentId?: string): Promise<PageSession> {
  const session: PageSession = { id: newId('s'), tabId, url, startedAt: at, navigations: [], ...(documentId ? { documentId } : {}) };
  return Promise.all([tx.objectStore('sessions').put(session), tx.objectStore('tabs').put({ tabId, sessionId: session.id })]).then(() => session);
}

/**
 * The page session a request or firing belongs to. By document first: a beacon sent while a page unloads belongs
 * to the page that sent it, not to the one replacing it. Then the tab's current session. A tab we never saw
 * navigate (it was open before Tagwatch started) gets a session on first sight.
 */
export async function resolveSession(tx: SessionTx, ref: DocumentRef): Promise<PageSession> {
  const sessions = tx.objectStore('sessions');
  if (ref.documentId && ref.frameId === 0) {
    const byDoc = await sessions.index('byDocument').get(ref.documentId);
    if (byDoc) return byDoc;
  }
  const tab = await tx.objectStore('tabs').get(ref.tabId);
  const current = tab ? await sessions.get(tab.sessionId) : undefined;
  if (current) return current;
  return create(tx, ref.tabId, ref.initiator ?? 'about:blank', ref.at, ref.frameId === 0 ? ref.documentId : undefined);
}

/** A top-level navigation committed: a new page session (or the one a request of this document already opened). */
export async function startSession(
  db: TagwatchDB,
  nav: { tabId: number; documentId?: string; url: string; at: number },
): Promise<PageSession> {
  const tx = db.transaction(['sessions', 'tabs'], 'readwrite') as unknown as SessionTx;
  const sessions = tx.objectStore('sessions');
  const existing = nav.documentId ? await sessions.index('byDocument').get(nav.documentId) : undefined;
  let session: PageSession;
  if (existing) {
    session = { ...existing, url: nav.url };
    await sessions.put(session);
    await tx.objectStore('tabs').put({ tabId: nav.tabId, sessionId: session.id });
  } else {
    session = await create(tx, nav.tabId, nav.url, nav.at, nav.documentId);
  }
  await tx.done;
  return session;
}

/** An SPA route change or #fragment change: recorded inside the current session, which stays open. */
export async function recordNavigation(db: TagwatchDB, tabId: number, nav: Navigation): Promise<PageSession | undefined> {
  const tx = db.transaction(['sessions', 'tabs'], 'readwrite');
  const tab = await tx.objectStore('tabs').get(tabId);
  const session = tab ? await tx.objectStore('sessions').get(tab.sessionId) : undefined;
  if (!session) {
    await tx.done;
    return undefined;
  }
  const last = session.navigations.at(-1);
  if (last?.url === nav.url || session.navigations.length >= MAX_NAVIGATIONS) {
    await tx.done;
    return session;
  }
  const updated = { ...session, navigations: [...session.navigations, nav] };
  await tx.objectStore('sessions').put(updated);
  await tx.done;
  return updated;
}

/** The page title arrives after the navigation; kept for the report. */
export async function setSessionTitle(db: TagwatchDB, tabId: number, title: string): Promise<void> {
  const tx = db.transaction(['sessions', 'tabs'], 'readwrite');
  const tab = await tx.objectStore('tabs').get(tabId);
  const session = tab ? await tx.objectStore('sessions').get(tab.sessionId) : undefined;
  if (session && session.title !== title) await tx.objectStore('sessions').put({ ...session, title: title.slice(0, 300) });
  await tx.done;
}
