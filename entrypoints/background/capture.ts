import browser, { type WebRequest } from 'webextension-polyfill';
import {
  decodeCaptured,
  grouped,
  isCandidate,
  recordOutcome,
  recordRequest,
  toCapturedRequest,
  toOutcome,
  earliestAt,
  type RecordOptions,
  type WebRequestDetails,
} from '@/lib/store';
import { accountFromBasicAuth, wantsAuthAccount } from '@/lib/tags';
import { listenHosts } from '@/lib/tags/listen-hosts';
import type { WorkerContext } from './context';

/** Resource types that never carry a tag hit — the page itself, styles, fonts, media: no event for them at all. */
const NEVER_TAGS = new Set([
  'main_frame',
  'stylesheet',
  'font',
  'media',
  'csp_report',
  'speculative',
  'web_manifest',
  'xml_dtd',
  'xslt',
]);

/**
 * How long a tag request's hits wait for its response before they are written without it. Most tag requests end
 * within it: their hits are then written once, with their status, instead of written, read back and written again
 * (the worker's largest cost during a page load). Short enough that a live view shows a hit within 100 ms.
 */
const HOLD_MS = 50;

type Ended = NonNullable<RecordOptions['ended']>;

/** These URLs, every resource type that can carry a hit (the browser's own list, which differs between browsers). */
function requestFilter(urls: string[]): WebRequest.RequestFilter {
  const known = (browser.webRequest as unknown as { ResourceType?: Record<string, string> }).ResourceType;
  const types = known ? Object.values(known).filter((t) => !NEVER_TAGS.has(t)) : [];
  return { urls, ...(types.length > 0 ? { types: types as WebRequest.ResourceType[] } : {}) };
}

/**
 * Every request of every tab: decoded into tag hits, written once its response is in (at most HOLD_MS later,
 * else written then and its outcome added when it comes). While the tab's page loads, the write waits for its load
 * event (quiet.ts), unless a view shows the tab live: the page's own work comes first. Requests that are not tags
 * are dropped here, before any IndexedDB work; the writes of a burst of tag requests share transactions (group
 * commit, lib/store/batch.ts) instead of opening one each.
 */
export function registerCapture(
  ctx: WorkerContext,
  /** Told of each response of a request on a host that carries hits, with its headers (a tag's Set-Cookie). */
  onTagResponse?: (details: WebRequest.OnHeadersReceivedDetailsType) => void,
): void {
  const filter = requestFilter(['<all_urls>']);
  // A request's later events (headers, response headers, completion, error) are dispatched only for hosts that
  // carry hits: the registry's, and those learned here when an any-host decoder recognises a first-party collector.
  // Every other request of every tab costs one event, not five.
  const hosts = listenHosts();
  // Requests stored with hits since this worker started: their outcome must be recorded even when only the
  // body named the vendor. A cache, not state — after a restart the URL check below still covers nearly all.
  const tagged = new Set<string>();
  // Requests whose hits lack an account their SDK may send as Basic auth (Segment, RudderStack write keys), and the
  // account their headers named: kept from onBeforeSendHeaders to the outcome, which stores it with the status.
  const wantAuth = new Set<string>();
  const authAccounts = new Map<string, string>();

  const headers = (details: WebRequest.OnBeforeSendHeadersDetailsType) => {
    if (!wantAuth.delete(details.requestId)) return;
    const header = details.requestHeaders?.find((h) => h.name.toLowerCase() === 'authorization')?.value;
    const account = accountFromBasicAuth(header);
    if (account !== undefined) authAccounts.set(details.requestId, account);
  };
  // Requests whose hits wait for their response (HOLD_MS): what ended them, and what writes them.
  const held = new Map<string, { ended?: Ended; flush: () => void }>();
  const outcome = (details: unknown) => {
    const d = details as WebRequestDetails;
    // Only requests whose URL names a vendor can have hits: the rest cost no IndexedDB work.
    if (!isCandidate(d)) return;
    const account = authAccounts.get(d.requestId);
    authAccounts.delete(d.requestId);
    wantAuth.delete(d.requestId);
    const waiting = held.get(d.requestId);
    if (waiting) {
      // Not written yet: written with its outcome, in one write — now, or once the tab's page has loaded.
      tagged.delete(d.requestId);
      waiting.ended = { outcome: toOutcome(d), ...(account !== undefined ? { account } : {}) };
      if (!ctx.holding(d.tabId)) waiting.flush();
      return;
    }
    if (
      !tagged.delete(d.requestId) &&
      account === undefined &&
      (!ctx.mayCarryHits(d.url) || ctx.decode({ url: d.url, method: d.method }).length === 0)
    )
      return;
    void ctx.write(d.tabId, async (db) => {
      const hits = await grouped(db, (w) => recordOutcome(w, d.requestId, toOutcome(d), account));
      if (hits.length > 0) ctx.changed(d.tabId, earliestAt(hits));
    });
  };
  // One set of listeners per pattern list, each with closures of its own (a browser keeps one registration per
  // function). Request headers are read only where they may name an account (`headerPatterns`): every other tag
  // request costs one event fewer. Returns what removes them.
  const listen = (patterns: string[], headerPatterns = patterns) => {
    const only = requestFilter(patterns);
    const onHeaders = (d: WebRequest.OnBeforeSendHeadersDetailsType) => headers(d);
    const onOutcome = (d: unknown) => outcome(d);
    const onResponse = (d: WebRequest.OnHeadersReceivedDetailsType) => onTagResponse?.(d);
    const { onBeforeSendHeaders, onHeadersReceived, onCompleted, onErrorOccurred } = browser.webRequest;
    if (headerPatterns.length > 0)
      onBeforeSendHeaders.addListener(onHeaders, requestFilter(headerPatterns), ['requestHeaders']);
    if (onTagResponse) onHeadersReceived.addListener(onResponse, only, ['responseHeaders']);
    onCompleted.addListener(onOutcome, only);
    onErrorOccurred.addListener(onOutcome, only);
    return () => {
      onBeforeSendHeaders.removeListener(onHeaders);
      onHeadersReceived.removeListener(onResponse);
      onCompleted.removeListener(onOutcome);
      onErrorOccurred.removeListener(onOutcome);
    };
  };
  listen(hosts.registry(), hosts.authRegistry());
  // A learned host's listeners, removed when it is forgotten. Nothing else is ever removed, so no request of a
  // host already heard completes while its listener is away.
  const learnedListeners = new Map<string, () => void>();
  const learnHost = (hostname: string) => {
    const learned = hosts.learn(hostname);
    if (!learned) return;
    learnedListeners.set(hostname.toLowerCase(), listen([learned.pattern]));
    if (learned.forgotten === undefined) return;
    learnedListeners.get(learned.forgotten)?.();
    learnedListeners.delete(learned.forgotten);
  };
  browser.webRequest.onBeforeRequest.addListener(
    (details) => {
      const d = details as unknown as WebRequestDetails;
      // Most requests are not tags: turned away on their URL, before their body is read.
      if (!isCandidate(d) || !ctx.mayCarryHits(d.url)) return;
      const req = toCapturedRequest(d);
      const decoded = decodeCaptured(req, ctx.decode);
      if (decoded.length === 0) return;
      // Marked now, not once written: a response that completes before the write ends must still find its request
      // (a POST whose hits are in its body cannot be recognised again from its URL). Its outcome is queued behind
      // this write (ctx.write runs a tab's writes in order).
      tagged.add(d.requestId);
      if (tagged.size > 5_000) tagged.delete(tagged.values().next().value as string);
      // A host met for the first time: listen to its outcomes from now on (this request's usually included, as its
      // response is still to come; a missed one stays `pending`, which counts as sent — never a false ✗).
      learnHost(hostOf(d.url));
      if (wantsAuthAccount(decoded)) {
        wantAuth.add(d.requestId);
        if (wantAuth.size > 1_000) wantAuth.delete(wantAuth.values().next().value as string);
      }
      const write = (ended?: Ended) =>
        void ctx.write(d.tabId, async (db) => {
          let since = req.at;
          const hits = await grouped(db, (w) =>
            // A witness of the same request (resource timing), timed earlier, replaced: the views drop it too.
            recordRequest(w, req, ctx.decode, {
              decoded,
              onReplaced: (witnessAt) => (since = Math.min(since, witnessAt)),
              // Asked when the write runs: a witness written by an earlier write of the group is known by then.
              mayHaveWitness: ctx.witnesses.mayExist(d.tabId, req.at),
              ...(ended ? { ended } : {}),
            }),
          );
          if (hits.length === 0) return;
          ctx.changed(d.tabId, since);
        });
      // A redirect reports the same request again: what waited is written at once, and so is this, so that
      // the one outcome updates both, as it would without waiting.
      const earlier = held.get(d.requestId);
      if (earlier) {
        earlier.flush();
        write();
        return;
      }
      const entry: { ended?: Ended; flush: () => void } = {
        flush: () => {
          if (held.get(d.requestId) !== entry) return;
          held.delete(d.requestId);
          clearTimeout(timer);
          write(entry.ended);
        },
      };
      // After HOLD_MS, written — or, while the tab's page loads and no view shows it live, once it has loaded.
      const timer = setTimeout(() => ctx.afterLoad(d.tabId, entry.flush), HOLD_MS);
      held.set(d.requestId, entry);
    },
    filter,
    ['requestBody'],
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
