import browser from 'webextension-polyfill';
import { isCandidate, recordOutcome, recordRequest, toCapturedRequest, toOutcome, type WebRequestDetails } from '@/lib/store';
import type { WorkerContext } from './context';

const ALL = { urls: ['<all_urls>'] };

/** Every request of every tab: decoded into tag hits and written through at once; then its outcome. */
export function registerCapture(ctx: WorkerContext): void {
  // Requests stored with hits since this worker started: their outcome must be recorded even when only the
  // body named the vendor. A cache, not state — after a restart the URL check below still covers nearly all.
  const tagged = new Set<string>();

  browser.webRequest.onBeforeRequest.addListener(
    (details) => {
      const d = details as unknown as WebRequestDetails;
      if (!isCandidate(d)) return;
      const req = toCapturedRequest(d);
      void ctx.write(d.tabId, async (db) => {
        const hits = await recordRequest(db, req, ctx.decode);
        if (hits.length === 0) return;
        tagged.add(d.requestId);
        if (tagged.size > 5_000) tagged.delete(tagged.values().next().value as string);
        ctx.changed(d.tabId);
      });
    },
    ALL,
    ['requestBody'],
  );
  const outcome = (details: unknown) => {
    const d = details as WebRequestDetails;
    // Only requests whose URL names a vendor can have hits: the rest cost no IndexedDB work.
    if (!isCandidate(d)) return;
    if (!tagged.delete(d.requestId) && ctx.decode({ url: d.url, method: d.method }).length === 0) return;
    void ctx.write(d.tabId, async (db) => {
      const hits = await recordOutcome(db, d.requestId, toOutcome(d));
      if (hits.length > 0) ctx.changed(d.tabId);
    });
  };
  browser.webRequest.onCompleted.addListener(outcome, ALL);
  browser.webRequest.onErrorOccurred.addListener(outcome, ALL);
}
