import browser, { type WebRequest } from 'webextension-polyfill';
import {
  grouped,
  parseSetCookie,
  recordResponseCookies,
  recordStoreCookie,
  type CookieSeen,
  type WebRequestDetails,
} from '@/lib/store';
import { vendorsOwning } from '@/lib/tags/vendors';
import type { WorkerContext } from './context';

/**
 * The cookies set while pages are shown, names only: the browser's cookie store (what a page's scripts and its
 * responses set, filed under each open tab on the cookie's domain) and the Set-Cookie headers of tag responses
 * (filed under the tab that sent the tag, whether or not the browser kept a third-party cookie).
 */
export function registerCookies(ctx: WorkerContext): void {
  browser.cookies.onChanged.addListener(({ removed, cookie }) => {
    if (removed) return;
    const seen: CookieSeen = {
      name: cookie.name,
      domain: cookie.domain.replace(/^\./, ''),
      path: cookie.path,
      via: 'cookie_store',
      at: Date.now(),
      ...(cookie.expirationDate !== undefined ? { expires: Math.round(cookie.expirationDate * 1000) } : {}),
    };
    void ctx.write(-1, async (db) => {
      const open = (await browser.tabs.query({})).flatMap((t) => (t.id !== undefined && t.id >= 0 ? [t.id] : []));
      const rows = await grouped(db, (w) => recordStoreCookie(w, seen, open));
      // Open views read the tab again from the earliest cookie written for it.
      for (const tabId of new Set(rows.map((r) => r.tabId)))
        ctx.changed(tabId, Math.min(...rows.filter((r) => r.tabId === tabId).map((r) => r.at)));
    });
  });
}

/**
 * The Set-Cookie headers of tag responses. Chromium shows Set-Cookie to webRequest only with `extraHeaders`, and a
 * listener with it also makes Chromium handle CORS preflights in the browser, which changes what the capture
 * listeners see of credentialed tag requests (RudderStack's Basic-auth account went missing, e2e/sdks.e2e.ts). So
 * Chromium files tag responses' cookies through cookies.onChanged above; Firefox shows Set-Cookie without the
 * option, and reads it here. Registered by the capture, in Firefox only, for the hosts that carry tag hits only (its
 * outcome listeners' patterns): on every response of every page, the event cost page loads for nothing; in
 * Chromium it would cost every tag request an event, for headers it cannot see.
 */
export function tagResponseCookies(ctx: WorkerContext): (details: WebRequest.OnHeadersReceivedDetailsType) => void {
  return (details) => {
    if (details.tabId < 0 || details.type === 'main_frame') return;
    const headers = (details.responseHeaders ?? []).filter((h) => h.name.toLowerCase() === 'set-cookie');
    if (headers.length === 0) return;
    // Tag responses only: a vendor's host, or a request that decodes as a tag hit (a first-party collector).
    let host = '';
    try {
      host = new URL(details.url).hostname;
    } catch {
      return;
    }
    if (vendorsOwning(host).length === 0 && ctx.decode({ url: details.url, method: details.method }).length === 0)
      return;
    // Firefox joins several Set-Cookie headers into one value, one per line.
    const cookies = headers
      .flatMap((h) => (h.value ?? '').split('\n'))
      .flatMap((v) => parseSetCookie(v, details.url, details.timeStamp) ?? []);
    const d = details as unknown as WebRequestDetails;
    const ref = {
      tabId: d.tabId,
      frameId: d.frameId,
      at: d.timeStamp,
      ...(d.documentId ? { documentId: d.documentId } : {}),
    };
    void ctx.write(d.tabId, async (db) => {
      const rows = await grouped(db, (w) => recordResponseCookies(w, ref, cookies));
      if (rows.length > 0) ctx.changed(d.tabId, Math.min(...rows.map((r) => r.at)));
    });
  };
}
