import type { Entry, Har } from 'har-format';
import type { PageSession, StoredHit } from '../store/types';
import type { TagHit, HitRequest } from '../tags/types';
import type { TabRecords } from './audit-tab';

// Traffic someone recorded in their browser's DevTools (or Playwright's `recordHar`), read as if Tagwatch had
// watched it: each request decoded into hits, grouped by the HAR's pages. There are no page signals in a HAR
// (no goal firings, no dataLayer, no consent state), so what needs them is not reported. Pure.

export interface HarPageRecords {
  page: { url: string; title?: string };
  records: TabRecords;
}

export class HarError extends Error {}

type Decode = (req: HitRequest) => TagHit[];

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Parse and check the parts of a HAR this reads; a HarError says what is wrong and what to give instead. */
export function parseHar(text: string, file: string): Har {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new HarError(
      `${file} is not JSON (${(error as Error).message}). Give a HAR file: in Chrome DevTools, Network tab → "Export HAR…".`,
    );
  }
  const log = isObject(json) ? json.log : undefined;
  if (!isObject(log) || !Array.isArray(log.entries)) {
    throw new HarError(
      `${file} is not a HAR file: it has no log.entries. Give a HAR file: in Chrome DevTools, Network tab → "Export HAR…".`,
    );
  }
  log.entries.forEach((e, i) => {
    const ok =
      isObject(e) && isObject(e.request) && typeof e.request.url === 'string' && typeof e.startedDateTime === 'string';
    if (!ok)
      throw new HarError(
        `${file}: log.entries[${i}] has no request.url or startedDateTime; the file is damaged or not HAR 1.2.`,
      );
  });
  return json as Har;
}

function bodyOf(entry: Entry): string | undefined {
  const post = entry.request.postData;
  if (!post) return undefined;
  if (typeof post.text === 'string') return post.text;
  if (Array.isArray(post.params))
    return post.params.map((p) => `${encodeURIComponent(p.name)}=${encodeURIComponent(p.value ?? '')}`).join('&');
  return undefined;
}

/** What became of the request: the browser's `_error` (Chromium's), else the HTTP status. */
function outcomeOf(entry: Entry): Pick<StoredHit, 'status'> & { statusCode?: number; error?: string } {
  // Chromium's custom field for a request that got no answer; not in the HAR 1.2 types.
  const raw = (entry.response as unknown as Record<string, unknown> | undefined)?._error;
  const error = typeof raw === 'string' && raw ? raw : undefined;
  const status = entry.response?.status ?? 0;
  if (error)
    return {
      status: /ERR_BLOCKED_BY_(CLIENT|ADMINISTRATOR|RESPONSE|CSP|ORB)|ERR_ABORTED/.test(error) ? 'blocked' : 'failed',
      error,
    };
  if (status === 0) return { status: 'pending' };
  return { status: status >= 400 ? 'failed' : 'sent', statusCode: status };
}

function isDocument(entry: Entry): boolean {
  if (entry._resourceType === 'document') return true;
  return /^text\/html\b/i.test(entry.response?.content?.mimeType ?? '') && entry.request.method === 'GET';
}

/** The records of each page of the HAR (entries without a page form one more), ready for `auditTab`. */
export function harRecords(har: Har, decode: Decode): HarPageRecords[] {
  const pages = har.log.pages ?? [];
  const entries = har.log.entries;
  const NO_PAGE = '(no page)';
  const groups = new Map<string, Entry[]>(pages.map((p) => [p.id, []]));
  for (const e of entries) {
    const ref = e.pageref && groups.has(e.pageref) ? e.pageref : NO_PAGE;
    if (!groups.has(ref)) groups.set(ref, []);
    groups.get(ref)!.push(e);
  }
  const out: HarPageRecords[] = [];
  for (const [id, list] of groups) {
    if (list.length === 0) continue;
    const meta = pages.find((p) => p.id === id);
    const doc = list.find(isDocument);
    const custom = typeof meta?._url === 'string' ? meta._url : undefined;
    const titleUrl = meta?.title && /^https?:\/\//.test(meta.title) ? meta.title : undefined;
    const url = custom ?? doc?.request.url ?? titleUrl ?? list[0]!.request.url;
    const startedAt = Date.parse(meta?.startedDateTime ?? list[0]!.startedDateTime);
    const session: PageSession = {
      id,
      tabId: 1,
      url,
      startedAt: Number.isFinite(startedAt) ? startedAt : 0,
      navigations: [],
    };
    const title = meta?.title && meta.title !== url ? meta.title : undefined;
    if (title) session.title = title;
    const hits: StoredHit[] = [];
    list.forEach((entry) => {
      const body = bodyOf(entry);
      const type = typeof entry._resourceType === 'string' ? entry._resourceType : undefined;
      const decoded = decode({
        url: entry.request.url,
        method: entry.request.method,
        ...(body !== undefined ? { body } : {}),
        ...(type ? { type } : {}),
      });
      if (decoded.length === 0) return;
      const key = `har:${entries.indexOf(entry)}`;
      const at = Date.parse(entry.startedDateTime);
      decoded.forEach((tag, i) => {
        hits.push({
          ...tag,
          ...outcomeOf(entry),
          id: `${key}#${i}`,
          requestKey: key,
          sessionId: id,
          tabId: 1,
          frameId: 0,
          at: Number.isFinite(at) ? at : session.startedAt,
          url: entry.request.url,
          method: entry.request.method,
          ...(type ? { type } : {}),
          bodyState: body !== undefined ? 'text' : 'none',
          ...(i === 0 && body !== undefined ? { body } : {}),
        });
      });
    });
    out.push({
      page: { url, ...(title ? { title } : {}) },
      records: { sessions: [session], hits, firings: [], signals: [] },
    });
  }
  return out;
}
