import { inTx, type Writable, type WriteTx } from './batch';
import { newId } from './ids';
import type { Navigation, PageSession } from './types';

type SessionTx = WriteTx;

export interface DocumentRef {
  tabId: number;
  frameId: number;
  documentId?: string;
  at: number;
  /** Where the request came from, for a session we have to create without having seen its navigation. */
  initiator?: string;
}

const MAX_NAVIGATIONS = 500;

function create(
  tx: SessionTx,
  tabId: number,
  url: string,
  at: number,
  documentId?: string,
  title?: string,
): Promise<PageSession> {
  const session: PageSession = {
    id: newId('s'),
    tabId,
    url,
    startedAt: at,
    navigations: [],
    ...(documentId ? { documentId } : {}),
    ...(title !== undefined ? { title } : {}),
  };
  return Promise.all([
    tx.objectStore('sessions').put(session),
    tx.objectStore('tabs').put({ tabId, sessionId: session.id }),
  ]).then(() => session);
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
  db: Writable,
  nav: { tabId: number; documentId?: string; url: string; at: number },
): Promise<PageSession> {
  return inTx(db, ['sessions', 'tabs'], async (tx) => {
    const sessions = tx.objectStore('sessions');
    const existing = nav.documentId ? await sessions.index('byDocument').get(nav.documentId) : undefined;
    if (!existing) return create(tx, nav.tabId, nav.url, nav.at, nav.documentId);
    const session = { ...existing, url: nav.url };
    await sessions.put(session);
    await tx.objectStore('tabs').put({ tabId: nav.tabId, sessionId: session.id });
    return session;
  });
}

/** An SPA route change or #fragment change: recorded inside the current session, which stays open. */
export async function recordNavigation(db: Writable, tabId: number, nav: Navigation): Promise<PageSession | undefined> {
  return inTx(db, ['sessions', 'tabs'], async (tx) => {
    const tab = await tx.objectStore('tabs').get(tabId);
    const session = tab ? await tx.objectStore('sessions').get(tab.sessionId) : undefined;
    if (!session) return undefined;
    const last = session.navigations.at(-1);
    if (last?.url === nav.url || session.navigations.length >= MAX_NAVIGATIONS) return session;
    const updated = { ...session, navigations: [...session.navigations, nav] };
    await tx.objectStore('sessions').put(updated);
    return updated;
  });
}

/** The longest title kept: a page may put anything in its <title>. */
export const MAX_TITLE = 300;

/**
 * The title a document said of itself (its content script, top frame): filed under that document's page, found
 * by its id where the browser gives one, else the tab's current page (a content script speaks after its page was
 * committed). True when the title changed.
 */
export async function setDocumentTitle(db: Writable, ref: DocumentRef, title: string): Promise<boolean> {
  const clipped = title.trim().slice(0, MAX_TITLE);
  if (clipped === '') return false;
  return inTx(db, ['sessions', 'tabs'], async (tx) => {
    const session = await resolveSession(tx, ref);
    if (session.title === clipped) return false;
    await tx.objectStore('sessions').put({ ...session, title: clipped });
    return true;
  });
}
