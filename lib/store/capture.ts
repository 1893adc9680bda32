import type { BodyText } from '../tags/body';
import type { HitRequest, TagHit } from '../tags/types';
import type { PendingBody, TagwatchDB } from './db';
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

/** A request body the page hooks saw (sendBeacon / fetch / XHR with a Blob or buffer body). */
export interface PageBody {
  tabId: number;
  frameId: number;
  documentId?: string;
  at: number;
  url: string;
  method: string;
  body: string;
}

/** How far apart the page hooks' clock and webRequest's may place the same request. */
export const MERGE_WINDOW_MS = 10_000;
/** The raw body kept for the developer view: the decoded params carry the rest. */
export const RAW_BODY_KEEP = 16 * 1024;

type HitRow = StoredHit & { urlHash: string };

function bodyFacts(body: BodyText): { text?: string; state: BodyState } {
  switch (body.kind) {
    case 'none':
      return { state: 'none' };
    case 'text':
      return { text: body.text, state: body.truncated ? 'truncated' : 'text' };
    case 'binary':
      return { state: 'binary' };
    case 'unavailable':
      return { state: 'missing' };
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

/**
 * Store the tag hits of one request the browser reported. Requests that are not tags cost no IndexedDB work.
 * When the browser withheld the body (a Blob sendBeacon), a body the page hooks already delivered is merged in;
 * otherwise the hits are stored as `missing` and `recordPageBody` completes them when the body arrives.
 */
export async function recordRequest(db: TagwatchDB, req: CapturedRequest, decode: Decode): Promise<StoredHit[]> {
  const facts = bodyFacts(req.body);
  const first = decode({ url: req.url, method: req.method, body: facts.text, type: req.type });
  if (first.length === 0) return [];
  const hash = urlHash(req.url);
  const tx = db.transaction(['tabs', 'sessions', 'hits', 'pendingBodies'], 'readwrite');
  const session = await resolveSession(tx, req);
  let hits = first;
  let { state } = facts;
  let text = facts.text;
  if (state === 'missing') {
    const pending = await takePending(tx.objectStore('pendingBodies'), req.tabId, hash, req.at);
    if (pending) {
      text = pending.body;
      state = 'page';
      hits = decode({ url: req.url, method: req.method, body: text, type: req.type });
    }
  }
  const stored = rows(
    hits,
    {
      requestKey: `wr:${req.requestId}`, sessionId: session.id, tabId: req.tabId, frameId: req.frameId, at: req.at,
      url: req.url, method: req.method, type: req.type, status: 'pending', bodyState: state, urlHash: hash,
    },
    text,
    bodyNote(state),
  );
  const store = tx.objectStore('hits');
  await Promise.all(stored.map((row) => store.put(row)));
  await tx.done;
  return stored;
}

async function takePending(
  store: { index(name: 'byTabUrl'): { getAll(key: [number, string]): Promise<PendingBody[]> }; delete(key: string): Promise<void> },
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
export async function recordPageBody(db: TagwatchDB, page: PageBody, decode: Decode): Promise<'merged' | 'duplicate' | 'pending' | 'ignored'> {
  const hits = decode({ url: page.url, method: page.method, body: page.body });
  if (hits.length === 0) return 'ignored';
  const hash = urlHash(page.url);
  const tx = db.transaction(['hits', 'pendingBodies'], 'readwrite');
  const hitStore = tx.objectStore('hits');
  const near = (await hitStore.index('byTabUrl').getAll([page.tabId, hash])).filter(
    (h) => Math.abs(h.at - page.at) <= MERGE_WINDOW_MS && h.method === page.method,
  );
  const waiting = near.filter((h) => h.bodyState === 'missing').sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
  const target = waiting[0];
  if (target) {
    const olds = waiting.filter((h) => h.requestKey === target.requestKey);
    for (const old of olds) await hitStore.delete(old.id);
    const { requestKey, sessionId, tabId, frameId, at, url, method, type, status, statusCode, error } = target;
    const fresh = rows(
      hits,
      { requestKey, sessionId, tabId, frameId, at, url, method, type, status, statusCode, error, bodyState: 'page', urlHash: hash },
      page.body,
      undefined,
    );
    for (const row of fresh) await hitStore.put(row);
    await tx.done;
    return 'merged';
  }
  if (near.length > 0) {
    await tx.done;
    return 'duplicate';
  }
  await tx.objectStore('pendingBodies').put({ id: newId('pb'), tabId: page.tabId, urlHash: hash, url: page.url, method: page.method, body: page.body, at: page.at });
  await tx.done;
  return 'pending';
}

export type RequestOutcome = { statusCode: number } | { error: string };

/**
 * Errors that mean something stopped the request on purpose (an ad blocker, a policy): `blocked`. Any other
 * network error (no DNS, connection refused, timeout) means the vendor could not be reached: `failed`.
 */
export function statusForError(error: string): 'blocked' | 'failed' {
  return /ERR_BLOCKED_BY_(CLIENT|ADMINISTRATOR|RESPONSE|CSP|ORB)|ERR_ABORTED/.test(error) ? 'blocked' : 'failed';
}

/** The browser's answer for a request: HTTP status, or the error that stopped it. */
export async function recordOutcome(db: TagwatchDB, requestId: string, outcome: RequestOutcome): Promise<StoredHit[]> {
  const tx = db.transaction('hits', 'readwrite');
  const hits = await tx.store.index('byRequest').getAll(`wr:${requestId}`);
  const updated = hits.map((h): HitRow =>
    'error' in outcome
      ? { ...h, status: statusForError(outcome.error), error: outcome.error }
      : { ...h, status: outcome.statusCode >= 400 ? 'failed' : 'sent', statusCode: outcome.statusCode },
  );
  await Promise.all(updated.map((h) => tx.store.put(h)));
  await tx.done;
  return updated;
}
