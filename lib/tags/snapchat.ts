import { flatten, isRecord, namedParams, nameTable, type Query, queryOf, readBody, str, withForm } from './params';
import type { HitRequest, TagDecoder, TagHit } from './types';

// Snap Pixel (pixel id = `pid`, a UUID), on tr.snapchat.com and its twins (tr6., tr-shadow.):
// - GET|POST https://tr.snapchat.com/p?pid=…&ev=PAGE_VIEW|PURCHASE|SIGN_UP…&pl=…&e_pr=…&e_cur=…: the fields ride
//   in the query, or as a form body; newer SDKs POST JSON, either flat `{ pid, ev, … }` or an envelope
//   `{ ctx: { url, … }, req: [{ t: { pid, ev, … } }, …] }` where only `t` entries are events (the others are
//   diagnostics). A JSON envelope without any event is telemetry: not a hit.
// - GET /cm/i?pid=… and /cm/p?pnid=…: cookie matches that accompany the pixel — syncs, not hits.
// - Library: https://sc-static.net/scevent.min.js and the pixel's config, tr.snapchat.com/config/<region>/<pid>.js

const SNAP_HOST = /^tr(?:\d+|-shadow)?\.snapchat\.com$/;
const CONFIG_PATH = /^\/config\/[^/]+\/([^/]+)\.js$/;
const MAX_EVENTS = 100;

const NAMES = nameTable({
  pl: 'page_url',
  rf: 'referrer',
  ts: 'timestamp',
  v: 'library_version',
  if: 'in_iframe',
  bt: 'build',
  intg: 'integration',
  u_c1: 'browser_id',
  u_hem: 'hashed_email',
  u_hpn: 'hashed_phone',
  u_scsid: 'session_id',
  u_sclid: 'click_id',
  e_desc: 'description',
  e_sm: 'sign_up_method',
  e_su: 'success',
  e_ni: 'number_items',
  e_iids: 'item_ids',
  e_ic: 'item_category',
  e_pia: 'payment_info_available',
  e_cur: 'currency',
  e_pr: 'price',
  e_tid: 'transaction_id',
  e_ss: 'search_string',
  'ctx.url': 'page_url',
  'ctx.v': 'library_version',
});
const SKIP: ReadonlySet<string> = new Set(['pid', 'ev']);

function isLibrary(url: URL): boolean {
  if (url.hostname === 'sc-static.net') return url.pathname.startsWith('/scevent') && url.pathname.endsWith('.js');
  return SNAP_HOST.test(url.hostname) && CONFIG_PATH.test(url.pathname);
}

function endpoint(url: URL): 'p' | undefined {
  if (!SNAP_HOST.test(url.hostname)) return undefined;
  const p = url.pathname;
  return p === '/p' || p === '/p/' ? 'p' : undefined;
}

function recordHit(event: Record<string, unknown>, shared: Record<string, string>, query: Query): TagHit {
  return {
    vendor: 'snapchat',
    event: str(event.ev) ?? query.get('ev') ?? undefined,
    account: str(event.pid) ?? query.get('pid') ?? undefined,
    params: { ...shared, ...namedParams(Object.entries(flatten(event)), NAMES, SKIP) },
  };
}

/** Hits of a JSON body; [] when it is telemetry (no pid, no event anywhere). */
function jsonHits(value: unknown, query: Query): TagHit[] {
  const base = namedParams(query, NAMES, SKIP);
  const named = query.has('pid') || query.has('ev');
  if (!isRecord(value)) return named ? [formHit(query)] : [];
  if (Array.isArray(value.req)) {
    const shared = {
      ...base,
      ...(isRecord(value.ctx) ? namedParams(Object.entries(flatten(value.ctx, 'ctx')), NAMES) : {}),
    };
    const hits: TagHit[] = [];
    for (const item of value.req) {
      if (hits.length === MAX_EVENTS) {
        hits[hits.length - 1]!.partial = `batch cut at ${MAX_EVENTS} events`;
        break;
      }
      if (isRecord(item) && isRecord(item.t) && (item.t.ev !== undefined || item.t.pid !== undefined))
        hits.push(recordHit(item.t, shared, query));
    }
    return hits.length === 0 && named ? [formHit(query)] : hits;
  }
  return value.pid !== undefined || value.ev !== undefined || named ? [recordHit(value, base, query)] : [];
}

function formHit(fields: Query, partial?: string): TagHit {
  const hit: TagHit = {
    vendor: 'snapchat',
    event: fields.get('ev') ?? undefined,
    account: fields.get('pid') ?? undefined,
    params: namedParams(fields, NAMES, SKIP),
  };
  if (partial) hit.partial = partial;
  return hit;
}

export const snapchat: TagDecoder = {
  vendor: 'snapchat',
  matches: (url) => endpoint(url) !== undefined || isLibrary(url),
  decode: (url, req: HitRequest): TagHit[] => {
    if (isLibrary(url)) {
      return [{ vendor: 'snapchat', event: 'library_load', account: CONFIG_PATH.exec(url.pathname)?.[1], params: {} }];
    }
    const kind = endpoint(url);
    if (kind === undefined) return [];

    const body = readBody(req.body);
    switch (body.kind) {
      case 'json':
        return jsonHits(body.value, queryOf(url));
      case 'broken':
        return [formHit(queryOf(url), 'body is not valid JSON (cut at the capture limit?): only the URL was read')];
      case 'text':
        return [formHit(withForm(queryOf(url), body.text))];
      case 'none':
        return [formHit(queryOf(url), req.method === 'POST' ? 'request body not available' : undefined)];
    }
  },
};
