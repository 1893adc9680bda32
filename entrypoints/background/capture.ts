import browser, { type WebRequest } from 'webextension-polyfill';
import { decodeCaptured, grouped, isCandidate, recordOutcome, recordRequest, toCapturedRequest, toOutcome, type WebRequestDetails } from '@/lib/store';
import { accountFromBasicAuth, wantsAuthAccount } from '@/lib/tags';
import type { WorkerContext } from './context';

/** Resource types that never carry a tag hit — the page itself, styles, fonts, media: no event for them at all. */
const NEVER_TAGS = new Set(['main_frame', 'stylesheet', 'font', 'media', 'csp_report', 'speculative', 'web_manifest', 'xml_dtd', 'xslt']);

/** Every URL, every resource type that can carry a hit (the browser's own list, which differs between browsers). */
function requestFilter(): WebRequest.RequestFilter {
  const known = (browser.webRequest as unknown as { ResourceType?: Record<string, string> }).ResourceType;
  const types = known ? Object.values(known).filter((t) => !NEVER_TAGS.has(t)) : [];
  return { urls: ['<all_urls>'], ...(types.length > 0 ? { types: types as WebRequest.ResourceType[] } : {}) };
}

/**
 * Every request of every tab: decoded into tag hits and written through at once; then its outcome. Requests
 * that are not tags are dropped here, before any IndexedDB work; the writes of a burst of tag requests share
 * transactions (group commit, lib/store/batch.ts) instead of opening one each.
 */
export function registerCapture(ctx: WorkerContext): void {
  const filter = requestFilter();
  // Requests stored with hits since this worker started: their outcome must be recorded even when only the
  // body named the vendor. A cache, not state — after a restart the URL check below still covers nearly all.
  const tagged = new Set<string>();
  // Requests whose hits lack an account their SDK may send as Basic auth (Segment, RudderStack write keys), and the
  // account their headers named: kept from onBeforeSendHeaders to the outcome, which stores it with the status.
  const wantAuth = new Set<string>();
  const authAccounts = new Map<string, string>();

  browser.webRequest.onBeforeRequest.addListener(
    (details) => {
      const d = details as unknown as WebRequestDetails;
      if (!isCandidate(d)) return;
      const req = toCapturedRequest(d);
      const decoded = decodeCaptured(req, ctx.decode);
      if (decoded.length === 0) return;
      if (wantsAuthAccount(decoded)) {
        wantAuth.add(d.requestId);
        if (wantAuth.size > 1_000) wantAuth.delete(wantAuth.values().next().value as string);
      }
      void ctx.write(d.tabId, async (db) => {
        const hits = await grouped(db, (w) => recordRequest(w, req, ctx.decode, decoded));
        if (hits.length === 0) return;
        tagged.add(d.requestId);
        if (tagged.size > 5_000) tagged.delete(tagged.values().next().value as string);
        ctx.changed(d.tabId);
      });
    },
    filter,
    ['requestBody'],
  );
  browser.webRequest.onBeforeSendHeaders.addListener(
    (details) => {
      if (!wantAuth.delete(details.requestId)) return;
      const header = details.requestHeaders?.find((h) => h.name.toLowerCase() === 'authorization')?.value;
      const account = accountFromBasicAuth(header);
      if (account !== undefined) authAccounts.set(details.requestId, account);
    },
    filter,
    ['requestHeaders'],
  );
  const outcome = (details: unknown) => {
    const d = details as WebRequestDetails;
    // Only requests whose URL names a vendor can have hits: the rest cost no IndexedDB work.
    if (!isCandidate(d)) return;
    const account = authAccounts.get(d.requestId);
    authAccounts.delete(d.requestId);
    wantAuth.delete(d.requestId);
    if (!tagged.delete(d.requestId) && account === undefined && ctx.decode({ url: d.url, method: d.method }).length === 0) return;
    void ctx.write(d.tabId, async (db) => {
      const hits = await grouped(db, (w) => recordOutcome(w, d.requestId, toOutcome(d), account));
      if (hits.length > 0) ctx.changed(d.tabId);
    });
  };
  browser.webRequest.onCompleted.addListener(outcome, filter);
  browser.webRequest.onErrorOccurred.addListener(outcome, filter);
}
