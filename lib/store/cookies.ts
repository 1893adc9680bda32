import { inTx, type Writable } from './batch';
import { resolveSession, type DocumentRef } from './sessions';
import type { CookieSeen } from './set-cookie';
import type { StoredCookie } from './types';

// The cookies set while a page is shown: one record per cookie of a page session, kept from its first set (the
// moment that matters for consent); a later set only extends its expiry. Names only, never values.

function cookieId(sessionId: string, c: Pick<CookieSeen, 'domain' | 'path' | 'name'>): string {
  return `${sessionId}|${c.domain}|${c.path}|${c.name}`;
}

async function put(
  tx: Parameters<Parameters<typeof inTx>[2]>[0],
  sessionId: string,
  tabId: number,
  c: CookieSeen,
): Promise<StoredCookie | undefined> {
  const store = tx.objectStore('cookies');
  const id = cookieId(sessionId, c);
  const old = await store.get(id);
  if (old) {
    if (c.expires !== undefined && c.expires !== old.expires) await store.put({ ...old, expires: c.expires });
    return undefined;
  }
  const row: StoredCookie = {
    id,
    sessionId,
    tabId,
    at: c.at,
    name: c.name,
    domain: c.domain,
    path: c.path,
    via: c.via,
  };
  if (c.expires !== undefined) row.expires = c.expires;
  if (c.url !== undefined) row.url = c.url.slice(0, 2048);
  await store.put(row);
  return row;
}

/** Cookies a tag response of a known document set (its Set-Cookie headers). Returns those new to the page. */
export async function recordResponseCookies(
  db: Writable,
  ref: DocumentRef,
  cookies: readonly CookieSeen[],
): Promise<StoredCookie[]> {
  if (cookies.length === 0) return [];
  return inTx(db, ['tabs', 'sessions', 'cookies'], async (tx) => {
    const session = await resolveSession(tx, ref);
    const out: StoredCookie[] = [];
    for (const c of cookies) {
      const row = await put(tx, session.id, ref.tabId, c);
      if (row) out.push(row);
    }
    return out;
  });
}

/** `host` is `domain` or one of its subdomains: the cookie is sent to (and set by) that page. */
function onDomain(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/**
 * A cookie the browser's cookie store reports set (by a page's script or any response): it names no tab, so it
 * goes to the current page of each open tab (`openTabs`) whose host is on the cookie's domain.
 */
export async function recordStoreCookie(
  db: Writable,
  cookie: CookieSeen,
  openTabs: readonly number[],
): Promise<StoredCookie[]> {
  return inTx(db, ['tabs', 'sessions', 'cookies'], async (tx) => {
    const out: StoredCookie[] = [];
    for (const tabId of openTabs) {
      const tab = await tx.objectStore('tabs').get(tabId);
      const session = tab ? await tx.objectStore('sessions').get(tab.sessionId) : undefined;
      if (!session) continue;
      let host: string;
      try {
        host = new URL(session.url).hostname;
      } catch {
        continue;
      }
      if (!onDomain(host, cookie.domain)) continue;
      const row = await put(tx, session.id, tabId, cookie);
      if (row) out.push(row);
    }
    return out;
  });
}
