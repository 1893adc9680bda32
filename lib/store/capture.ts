import { pageBodyText, type BodyText } from '../tags/body';
import type { HitRequest, TagHit } from '../tags/types';
import { inTx, type Writable } from './batch';
import type { PendingBody } from './db';
import { newId, urlHash } from './ids';
import { resolveSession } from './sessions';
import type { BodyState, StoredHit } from './types';

export type Decode = (req: HitRequest) => TagHit[];

/** One request as webRequest reported it, as plain data. */
export interface CapturedRequest {
  requestId: string;
  tabId: number;
  frameId: number;
  /** Chromium's id of the document that made the request: an unload beacon carries the old page's. */
  documentId?: string;
  at: number;
  url: string;
  method: string;
  type?: string;
  initiator?: string;
  body: BodyText;
}

/**
 * A request body the page hooks saw (sendBeacon / fetch / XHR with a Blob or buffer body, or a sendBeacon with
 * no body at all: `''`). `base64`: the bytes of a binary body (a gzipped batch), read like webRequest's.
 */
export interface PageBody {
  tabId: number;
  frameId: number;
  documentId?: string;
  at: number;
  url: string;
  method: string;
  body: string;
  encoding?: 'base64';
}

/** How far apart the page hooks' clock and webRequest's may place the same request. */
export const MERGE_WINDOW_MS = 10_000;
/**
 * How far apart webRequest's timestamp and the page's resource timing may place one request. Resource timing
 * starts when the page asked for it, webRequest when the request left the browser's per-host queue (six
 * connections over HTTP/1.1): in a burst of hundreds of pixels that is seconds later, and a window of one second
 * stored such a request twice (a false duplicate). Matching is by exact URL and nearest in time, one to one.
 */
export const WITNESS_WINDOW_MS = 10_000;
/** The raw body kept for the developer view: the decoded params carry the rest. */
export const RAW_BODY_KEEP = 16 * 1024;

type HitRow = StoredHit & { urlHash: string };

/** What a body gives the decoders, how much of it there is, and why it is incomplete when it is. */
function bodyFacts(body: BodyText): { text?: string; state: BodyState; note?: string } {
  switch (body.kind) {
    case 'none':
      return { state: 'none' };
    case 'text': {
      const state = body.truncated ? 'truncated' : 'text';
      const note = body.problem ?? bodyNote(state);
      return { text: body.text, state, ...(note ? { note } : {}) };
    }
    case 'binary':
      return { state: 'binary', note: body.problem ?? bodyNote('binary') };
    case 'unavailable':
      return { state: 'missing', note: bodyNote('missing') };
  }
}

function rows(
  hits: TagHit[],
  base: Omit<HitRow, keyof TagHit | 'id' | 'body'>,
  body: string | undefined,
  partial: string | undefined,
): HitRow[] {
  return hits.map((hit, i) => ({
    ...hit,
    ...(partial && !hit.partial ? { partial } : {}),
    ...base,
    id: `${base.requestKey}#${i}`,
    // One copy of the raw body per request, on its first hit.
    ...(i === 0 && body !== undefined ? { body: body.slice(0, RAW_BODY_KEEP) } : {}),
  }));
}

function bodyNote(state: BodyState): string | undefined {
  if (state === 'truncated') return 'body truncated at 64 KiB';
  if (state === 'binary') return 'binary body not decoded';
  if (state === 'missing') return 'the browser withheld the body; waiting for the page hooks to deliver it';
  return undefined;
}

/** The tag hits of one request as the browser reported it (its body as webRequest gave it). */
export function decodeCaptured(req: CapturedRequest, decode: Decode): TagHit[] {
  return decode({ url: req.url, method: req.method, body: bodyFacts(req.body).text, type: req.type });
}

/** What the capture knows of a request beyond the request itself. */
export interface RecordOptions {
  /** Its hits, when the caller already decoded them. */
  decoded?: TagHit[];
  /** Told when the request replaced rows its resource-timing witness had stored, with the witness's time. */
  onReplaced?: (witnessAt: number) => void;
  /** False when no witness can have been stored for it (lib/store/witness-tracker.ts): one read fewer per hit. */
  mayHaveWitness?: boolean;
  /** Its outcome, when it ended before it was written: stored in the same write, not read back and written again. */
  ended?: { outcome: RequestOutcome; account?: string };
}

/**
 * Store the tag hits of one request the browser reported. Requests that are not tags cost no IndexedDB work.
 * When the browser withheld the body (a Blob sendBeacon), a body the page hooks already delivered is merged in;
 * otherwise the hits are stored as `missing` and `recordPageBody` completes them when the body arrives.
 */
export async function recordRequest(
  db: Writable,
  req: CapturedRequest,
  decode: Decode,
  { decoded, onReplaced, mayHaveWitness = true, ended }: RecordOptions = {},
): Promise<StoredHit[]> {
  const facts = bodyFacts(req.body);
  const first = decoded ?? decodeCaptured(req, decode);
  if (first.length === 0) return [];
  const hash = urlHash(req.url);
  return inTx(db, ['tabs', 'sessions', 'hits', 'pendingBodies'], async (tx) => {
    const session = await resolveSession(tx, req);
    const store = tx.objectStore('hits');
    // The page's resource timing may have recorded this request first (its webRequest event was queued while
    // the worker restarted): the browser's own report replaces that witness, keeping a body it was given.
    const witness = mayHaveWitness ? await nearestWitness(store, req.tabId, hash, req.at) : undefined;
    let hits = first;
    let { state, note } = facts;
    let text = facts.text;
    if (state === 'missing') {
      // A witness the page hooks already completed ('page', or 'none' for a call without a body) knows the body.
      const known = witness?.[0];
      const recovered =
        known && (known.bodyState === 'page' || known.bodyState === 'none')
          ? { body: known.body ?? '', partial: known.partial }
          : undefined;
      const pending = recovered ?? (await takePending(tx.objectStore('pendingBodies'), req.tabId, hash, req.at));
      if (pending) {
        ({ text, state, note } = fromPage(pending));
        hits = decode({ url: req.url, method: req.method, body: text, type: req.type });
      }
    }
    const written = rows(
      hits,
      {
        requestKey: `wr:${req.requestId}`,
        sessionId: session.id,
        tabId: req.tabId,
        frameId: req.frameId,
        at: req.at,
        url: req.url,
        method: req.method,
        type: req.type,
        status: 'pending',
        bodyState: state,
        urlHash: hash,
      },
      text,
      note,
    );
    const stored = ended ? written.map((h) => withOutcome(h, ended.outcome, ended.account)) : written;
    if (witness) {
      for (const old of witness) await store.delete(old.id);
      if (witness[0]) onReplaced?.(witness[0].at);
    }
    await Promise.all(stored.map((row) => store.put(row)));
    return stored;
  });
}

/**
 * The rows of the resource-timing witness (`rt:` request key) of this URL nearest to `at`, if any. Looked up by
 * primary key first: the same URL was usually sent before in this tab (a page view on every load), and reading
 * all those rows with their bodies, to find none is a witness, was the worker's largest read of a page load.
 */
async function nearestWitness(
  store: {
    index(name: 'byTabUrl'): { getAllKeys(key: [number, string]): Promise<IDBValidKey[]> };
    get(key: string): Promise<HitRow | undefined>;
  },
  tabId: number,
  hash: string,
  at: number,
): Promise<HitRow[] | undefined> {
  const keys = await store.index('byTabUrl').getAllKeys([tabId, hash]);
  const witnessKeys = keys.filter((k): k is string => typeof k === 'string' && k.startsWith('rt:'));
  if (witnessKeys.length === 0) return undefined;
  const rows = (await Promise.all(witnessKeys.map((k) => store.get(k)))).filter((h): h is HitRow => h !== undefined);
  const near = rows.filter((h) => Math.abs(h.at - at) <= WITNESS_WINDOW_MS);
  if (near.length === 0) return undefined;
  near.sort((a, b) => Math.abs(a.at - at) - Math.abs(b.at - at));
  const key = near[0]!.requestKey;
  return rows.filter((h) => h.requestKey === key);
}

/** A body the page hooks handed over. Empty: the call had none (`sendBeacon(url)`), so nothing was withheld. */
function fromPage(pending: { body: string; partial?: string }): { text?: string; state: BodyState; note?: string } {
  const note = pending.partial;
  return pending.body === '' ? { state: 'none', note } : { text: pending.body, state: 'page', note };
}

async function takePending(
  store: {
    index(name: 'byTabUrl'): { getAll(key: [number, string]): Promise<PendingBody[]> };
    delete(key: string): Promise<void>;
  },
  tabId: number,
  hash: string,
  at: number,
): Promise<PendingBody | undefined> {
  const candidates = (await store.index('byTabUrl').getAll([tabId, hash]))
    .filter((p) => Math.abs(p.at - at) <= MERGE_WINDOW_MS)
    .sort((a, b) => a.at - b.at);
  // First in, first out: repeated beacons to one URL pair up in the order they were sent.
  const match = candidates[0];
  if (match) await store.delete(match.id);
  return match;
}

/**
 * A body from the page hooks. If webRequest already stored the request without its body, its hits are decoded
 * again and replaced (same ids, same status); if webRequest saw the body itself, nothing changes; if webRequest
 * has not reported the request yet, the body waits in `pendingBodies` for it.
 */
export async function recordPageBody(
  db: Writable,
  page: PageBody,
  decode: Decode,
): Promise<'merged' | 'duplicate' | 'pending' | 'ignored'> {
  const facts = bodyFacts(pageBodyText(page.body, page.encoding));
  const hits = decode({ url: page.url, method: page.method, body: facts.text });
  if (hits.length === 0) return 'ignored';
  const hash = urlHash(page.url);
  return inTx(db, ['hits', 'pendingBodies'], async (tx) => {
    const hitStore = tx.objectStore('hits');
    const near = (await hitStore.index('byTabUrl').getAll([page.tabId, hash])).filter(
      (h) => Math.abs(h.at - page.at) <= MERGE_WINDOW_MS && h.method === page.method,
    );
    const waiting = near
      .filter((h) => h.bodyState === 'missing')
      .sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
    const target = waiting[0];
    if (target) {
      const olds = waiting.filter((h) => h.requestKey === target.requestKey);
      for (const old of olds) await hitStore.delete(old.id);
      const { requestKey, sessionId, tabId, frameId, at, url, method, type, status, statusCode, error } = target;
      const fresh = rows(
        hits,
        {
          requestKey,
          sessionId,
          tabId,
          frameId,
          at,
          url,
          method,
          type,
          status,
          statusCode,
          error,
          bodyState: facts.text === undefined ? 'none' : 'page',
          urlHash: hash,
        },
        facts.text,
        facts.note,
      );
      for (const row of fresh) await hitStore.put(row);
      return 'merged';
    }
    if (near.length > 0) return 'duplicate';
    await tx.objectStore('pendingBodies').put({
      id: newId('pb'),
      tabId: page.tabId,
      urlHash: hash,
      url: page.url,
      method: page.method,
      body: facts.text ?? '',
      at: page.at,
      ...(facts.note ? { partial: facts.note } : {}),
    });
    return 'pending';
  });
}

/** `at`: when the browser reported it (ms since the epoch), for the request's timing. */
export type RequestOutcome = ({ statusCode: number } | { error: string }) & { at?: number };

/**
 * Errors that mean something stopped the request on purpose (an ad blocker, a policy): `blocked`. Any other
 * network error (no DNS, connection refused, timeout) means the vendor could not be reached: `failed`.
 * Chromium says `net::ERR_BLOCKED_BY_CLIENT`; Firefox says `NS_ERROR_ABORT` for a request another extension
 * cancelled (its ERR_ABORTED), `NS_ERROR_*TRACKING_URI` and kin for its own tracking protection, and
 * `NS_ERROR_BLOCKED_BY_POLICY` / `NS_ERROR_CONTENT_BLOCKED` for a policy or CSP.
 */
export function statusForError(error: string): 'blocked' | 'failed' {
  return /ERR_BLOCKED_BY_(CLIENT|ADMINISTRATOR|RESPONSE|CSP|ORB)|ERR_ABORTED|NS_ERROR_ABORT\b|NS_ERROR_(SOCIAL)?TRACKING_URI|NS_ERROR_(FINGERPRINTING|CRYPTOMINING)_URI|NS_ERROR_BLOCKED_BY_POLICY|NS_ERROR_CONTENT_BLOCKED/.test(
    error,
  )
    ? 'blocked'
    : 'failed';
}

/**
 * The browser's answer for a request: HTTP status, or the error that stopped it. `account`: the account its
 * headers named (a write key sent as Basic auth), given to the hits that have none.
 */
export async function recordOutcome(
  db: Writable,
  requestId: string,
  outcome: RequestOutcome,
  account?: string,
): Promise<StoredHit[]> {
  return inTx(db, ['hits'], async (tx) => {
    const store = tx.objectStore('hits');
    const hits = await store.index('byRequest').getAll(`wr:${requestId}`);
    const updated = hits.map((h) => withOutcome(h, outcome, account));
    await Promise.all(updated.map((h) => store.put(h)));
    return updated;
  });
}

const RECOVERED =
  'recovered from the page’s own list of requests: the browser did not report it to Tagwatch (a stopped worker, or a keepalive fetch, which Firefox does not show extensions)';

/** A hit with its request's outcome: its status, when it ended, and the account its headers named (Basic auth). */
function withOutcome(h: HitRow, outcome: RequestOutcome, account: string | undefined): HitRow {
  return {
    ...h,
    ...(outcome.at !== undefined ? { doneAt: outcome.at } : {}),
    ...('error' in outcome
      ? { status: statusForError(outcome.error), error: outcome.error }
      : { status: outcome.statusCode >= 400 ? 'failed' : 'sent', statusCode: outcome.statusCode }),
    ...(account !== undefined && h.account === undefined && h.event !== 'library_load' ? { account } : {}),
  };
}

/** A request the page's resource timing reported (lib/page/resources.ts). */
export interface ResourceWitness {
  url: string;
  at: number;
  initiator: string;
  status: number;
}

/**
 * Requests the page says it made. Each tag request webRequest already reported is matched (nearest in time,
 * one to one) and changes nothing; a tag request no webRequest report matches — its event was lost with a
 * stopped worker — is stored from the page's account: URL only, so a POST body is missing until the page
 * hooks deliver it.
 */
export async function recordResources(
  db: Writable,
  ref: { tabId: number; frameId: number; documentId?: string },
  items: readonly ResourceWitness[],
  decode: Decode,
): Promise<StoredHit[]> {
  const tagged = items
    .map((item) => {
      const method = item.initiator === 'beacon' ? 'POST' : 'GET';
      return { item, method, hits: decode({ url: item.url, method }) };
    })
    .filter((x) => x.hits.length > 0);
  if (tagged.length === 0) return [];
  return inTx(db, ['tabs', 'sessions', 'hits', 'pendingBodies'], async (tx) => {
    const store = tx.objectStore('hits');
    const stored: HitRow[] = [];
    const claimed = new Set<string>();
    for (const { item, method, hits } of tagged.sort((a, b) => a.item.at - b.item.at)) {
      const hash = urlHash(item.url);
      const near = (await store.index('byTabUrl').getAll([ref.tabId, hash])).filter(
        (h) => Math.abs(h.at - item.at) <= WITNESS_WINDOW_MS && !claimed.has(h.requestKey),
      );
      if (near.length > 0) {
        near.sort((a, b) => Math.abs(a.at - item.at) - Math.abs(b.at - item.at));
        claimed.add(near[0]!.requestKey);
        continue;
      }
      const session = await resolveSession(tx, { ...ref, at: item.at });
      const requestKey = `rt:${ref.tabId}:${hash}:${item.at}`;
      claimed.add(requestKey);
      // The page hooks may have handed its body over already (webRequest saw no body, or nothing: Firefox's
      // keepalive fetch), waiting for a webRequest report that never came: the witness takes it.
      const pending = await takePending(tx.objectStore('pendingBodies'), ref.tabId, hash, item.at);
      const {
        text: body,
        state,
        note,
      } = pending
        ? fromPage(pending)
        : { state: method === 'POST' ? ('missing' as const) : ('none' as const), text: undefined, note: undefined };
      const withBody = pending ? decode({ url: item.url, method: pending.method, body }) : hits;
      const rowsFor = rows(
        withBody.length > 0 ? withBody : hits,
        {
          requestKey,
          sessionId: session.id,
          tabId: ref.tabId,
          frameId: ref.frameId,
          at: item.at,
          url: item.url,
          method: pending?.method ?? method,
          type: item.initiator === 'beacon' ? 'ping' : item.initiator,
          status: item.status >= 400 ? 'failed' : 'sent',
          ...(item.status > 0 ? { statusCode: item.status } : {}),
          bodyState: state,
          urlHash: hash,
        },
        body,
        // Why the body is partial too, when the hooks said so: both are true of this hit.
        [RECOVERED, note].filter(Boolean).join('; '),
      );
      for (const row of rowsFor) await store.put(row);
      stored.push(...rowsFor);
    }
    return stored;
  });
}
