import type { Entry, Har, Page } from 'har-format';
import type { PageSession, StoredHit } from '../store/types';

// A session's tag requests as HAR 1.2 (the popup's Export, `npm run audit -- --har-out`): one entry per
// request, with its body when Tagwatch has it, the browser's answer, and — as a `_tagwatch` custom field that
// HAR readers ignore — the hits Tagwatch decoded from it. Only tag requests: a HAR of the whole page is what
// the browser's own DevTools export. Pure.

export interface HarExportInput {
  sessions: ReadonlyArray<Pick<PageSession, 'id' | 'url' | 'startedAt'> & { title?: string }>;
  hits: readonly StoredHit[];
  creator: { name: string; version: string };
}

/** What a body's text most likely is: vendors send form-encoded pairs, JSON, or lines of pairs (GA4 batches). */
export function bodyMimeType(text: string): string {
  const t = text.trimStart();
  if (t.startsWith('{') || t.startsWith('[')) return 'application/json';
  if (/^[^\s=&]+=[^\s]*$/.test(t.split('\n')[0] ?? '')) return 'application/x-www-form-urlencoded';
  return 'text/plain';
}

function queryString(url: string): Array<{ name: string; value: string }> {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

function iso(at: number): string {
  return new Date(Number.isFinite(at) ? at : 0).toISOString();
}

/** webRequest's resource types in DevTools' words (Chromium's HAR `_resourceType`). */
const RESOURCE_TYPES: Record<string, NonNullable<Entry['_resourceType']>> = {
  main_frame: 'document',
  sub_frame: 'document',
  xmlhttprequest: 'xhr',
  image: 'image',
  imageset: 'image',
  ping: 'ping',
  beacon: 'ping',
  script: 'script',
  stylesheet: 'stylesheet',
  media: 'media',
  font: 'font',
  websocket: 'websocket',
  csp_report: 'csp-violation-report',
  other: 'other',
};

function entryOf(hits: readonly StoredHit[]): Entry {
  const first = hits[0]!;
  const body = hits.find((h) => h.body !== undefined)?.body;
  const error = first.status === 'blocked' || first.status === 'failed' ? first.error : undefined;
  const entry: Entry = {
    pageref: first.sessionId,
    startedDateTime: iso(first.at),
    time: 0,
    request: {
      method: first.method,
      url: first.url,
      httpVersion: '',
      cookies: [],
      headers: [],
      queryString: queryString(first.url),
      ...(body !== undefined ? { postData: { mimeType: bodyMimeType(body), text: body } } : {}),
      headersSize: -1,
      bodySize: body !== undefined ? new TextEncoder().encode(body).length : 0,
    },
    response: {
      // No answer (blocked, unreachable, still pending) is status 0, as browsers write it.
      status: first.statusCode ?? 0,
      statusText: '',
      httpVersion: '',
      cookies: [],
      headers: [],
      content: { size: 0, mimeType: '' },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
      ...(error !== undefined ? { _error: error } : {}),
    },
    cache: {},
    timings: { send: 0, wait: 0, receive: 0 },
    _tagwatch: {
      status: first.status,
      hits: hits.map((h) => ({
        vendor: h.vendor,
        ...(h.event !== undefined ? { event: h.event } : {}),
        ...(h.account !== undefined ? { account: h.account } : {}),
      })),
    },
  };
  const type = first.type !== undefined ? RESOURCE_TYPES[first.type] : undefined;
  if (type) entry._resourceType = type;
  return entry;
}

export function tagRequestsToHar(input: HarExportInput): Har {
  const byRequest = new Map<string, StoredHit[]>();
  for (const hit of input.hits.slice().sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1))) {
    byRequest.set(hit.requestKey, [...(byRequest.get(hit.requestKey) ?? []), hit]);
  }
  const used = new Set(input.hits.map((h) => h.sessionId));
  const pages: Page[] = input.sessions
    .filter((s) => used.has(s.id))
    .slice()
    .sort((a, b) => a.startedAt - b.startedAt)
    .map((s) => ({
      id: s.id,
      startedDateTime: iso(s.startedAt),
      title: s.title?.trim() || s.url,
      pageTimings: {},
      _url: s.url,
    }));
  return {
    log: {
      version: '1.2',
      creator: { ...input.creator },
      pages,
      entries: [...byRequest.values()].map(entryOf),
    },
  };
}
