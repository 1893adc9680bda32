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
    const pending = (await tx.objectStore('tabs').get(nav.tabId))?.pendingTitle;
    const title = pending && sameDocument(pending.url, nav.url) ? pending.title : undefined;
    const existing = nav.documentId ? await sessions.index('byDocument').get(nav.documentId) : undefined;
    if (!existing) return create(tx, nav.tabId, nav.url, nav.at, nav.documentId, title);
    const session = { ...existing, url: nav.url, ...(title !== undefined ? { title } : {}) };
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

/** Two URLs of one document: equal but for the fragment. */
function sameDocument(a: string, b: string): boolean {
  return a.split('#')[0] === b.split('#')[0];
}

/**
 * Whether a title the tab shows at `url` is the session's: its URL or one of its routes, or (a session opened
 * from a request's initiator, for a tab open before Tagwatch started) its origin.
 */
function titleBelongs(session: PageSession, url: string): boolean {
  if ([session.url, ...session.navigations.map((n) => n.url)].some((u) => sameDocument(u, url))) return true;
  try {
    const own = new URL(session.url);
    return own.pathname === '/' && !session.url.endsWith('/') && own.origin === new URL(url).origin;
  } catch {
    return false;
  }
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

/**
 * The page title, kept for the views and the report. It usually arrives after the navigation; on a fast page
 * the browser can name the new page before its navigation was recorded, and `url` (the tab's URL with the
 * title) keeps that title off the page before: it waits on the tab until the page of that URL starts.
 */
export async function setSessionTitle(db: Writable, tabId: number, title: string, url?: string): Promise<void> {
  const clipped = title.slice(0, MAX_TITLE);
  await inTx(db, ['sessions', 'tabs'], async (tx) => {
    const tab = await tx.objectStore('tabs').get(tabId);
    const session = tab ? await tx.objectStore('sessions').get(tab.sessionId) : undefined;
    if (url !== undefined && (!session || !titleBelongs(session, url))) {
      // A new tab's first page may be named before anything of the tab was recorded: the tab gets a record
      // with no page yet ('' names no session).
      await tx
        .objectStore('tabs')
        .put({ tabId, sessionId: tab?.sessionId ?? '', pendingTitle: { url, title: clipped } });
      return;
    }
    if (session && session.title !== clipped) await tx.objectStore('sessions').put({ ...session, title: clipped });
  });
}
