import { bodyFields, domainIs, flatten, isRecord, namedParams, parseJson, Query, queryOf, str } from './params';
import type { TagDecoder, TagHit } from './types';

// Heap (classic): the snippet loads `cdn.heapanalytics.com/js/heap-<app id>.js` and sends page views as
// `https://heapanalytics.com/h?a=<app id>&u=<user>&v=<page view>&s=<session>&b=web&tv=4.0&h=<path>&t=<title>…`.
// The server-side track API is `POST https://heapanalytics.com/api/track` (EU: `c.eu.heap-api.com/api/track`),
// JSON `{app_id, identity, event, properties}`. Heap 5 loads `cdn.us.heap-api.com/config/<env id>/heap_config.js`
// and captures to `c.us.heap-api.com/api/capture/v2/<kind>` with a binary body we can only name by its path.

const PAGE_VIEW_NAMES: Readonly<Record<string, string>> = {
  u: 'user_id',
  v: 'pageview_id',
  s: 'session_id',
  b: 'platform',
  tv: 'tracker_version',
  lv: 'library_version',
  h: 'page_path',
  t: 'page_title',
  d: 'domain',
  r: 'referrer',
  ts: 'timestamp',
  st: 'sent_at',
};
const SKIP_APP_ID: ReadonlySet<string> = new Set(['a']);

const CLASSIC_LIBRARY = /^\/js\/heap-([^/]+)\.js$/;
const V5_CONFIG = /^\/config\/([^/]+)\//;

function isHeapHost(host: string): boolean {
  return domainIs(host, 'heapanalytics.com') || domainIs(host, 'heap-api.com');
}

function library(url: URL): TagHit | undefined {
  if (!url.hostname.startsWith('cdn.') || !url.pathname.endsWith('.js')) return undefined;
  const id = CLASSIC_LIBRARY.exec(url.pathname)?.[1] ?? V5_CONFIG.exec(url.pathname)?.[1];
  return {
    vendor: 'heap',
    event: 'library_load',
    account: id,
    params: { script: url.pathname.slice(url.pathname.lastIndexOf('/') + 1) },
  };
}

function serverTrack(body: string | undefined, kind: string): TagHit {
  const json = parseJson(body);
  if (!isRecord(json))
    return {
      vendor: 'heap',
      event: kind === 'track' ? undefined : kind,
      params: {},
      partial: 'the body is not a JSON object (truncated or not text)',
    };
  const params: Record<string, string> = {};
  const identity = str(json.identity) ?? str(json.user_id);
  if (identity !== undefined) params.identity = identity;
  if (isRecord(json.properties)) Object.assign(params, flatten(json.properties));
  return { vendor: 'heap', event: kind === 'track' ? str(json.event) : kind, account: str(json.app_id), params };
}

export const heap: TagDecoder = {
  vendor: 'heap',
  matches: (url) => {
    const host = url.hostname;
    if (!isHeapHost(host)) return false;
    const path = url.pathname;
    return path === '/h' || path.startsWith('/api/') || (host.startsWith('cdn.') && path.endsWith('.js'));
  },
  decode: (url, req): TagHit[] => {
    const lib = library(url);
    if (lib) return [lib];
    const path = url.pathname;
    if (path === '/h') {
      const fields = queryOf(url).concat(new Query(Object.entries(bodyFields(req.body)).flat()));
      return [
        {
          vendor: 'heap',
          event: 'page_view',
          account: fields.get('a') ?? undefined,
          params: namedParams(fields, PAGE_VIEW_NAMES, SKIP_APP_ID),
        },
      ];
    }
    if (path.startsWith('/api/capture/')) {
      // Heap 5's capture body is binary: the path's last segment (track, pageview, …) is all we can read.
      const kind = path.slice(path.lastIndexOf('/') + 1);
      const hit: TagHit = { vendor: 'heap', event: kind === 'pageview' ? 'page_view' : kind || undefined, params: {} };
      const json = parseJson(req.body);
      if (isRecord(json)) hit.params = flatten(json);
      else hit.partial = 'compressed or binary body';
      return [hit];
    }
    const kind = path.slice('/api/'.length).split('/')[0] ?? '';
    if (
      kind === 'track' ||
      kind === 'add_user_properties' ||
      kind === 'identify' ||
      kind === 'add_account_properties'
    ) {
      return [serverTrack(req.body, kind)];
    }
    return [];
  },
};
