import { domainIs, isRecord, nameTable, parseForm, parseJson, type Query, queryOf } from './params';
import type { TagDecoder, TagHit } from './types';

// Matomo (formerly Piwik) is self-hosted or on matomo.cloud, so any host can be a collector. The Tracking HTTP API:
// `GET|POST https://<host>/matomo.php?idsite=1&rec=1&action_name=…&url=…` (or `piwik.php`); matomo.js sends the same
// fields as a form body on POST. Bulk tracking POSTs JSON `{"requests": ["?idsite=1&rec=1&…", …]}`. The tracker
// path (`…/matomo.php`, `…/piwik.php`) with the Tracking API's fields recognises it: `idsite` + `rec=1`, or, on a
// sparse request, one of the API's own names (action_name, e_c, idgoal, ping, …); a site's own `matomo.php` page
// without any of them is not a hit. Events: e_c/e_a/e_n/e_v; goals: idgoal (+ revenue); ecommerce: ec_id (order) or idgoal=0 (cart update);
// site search: search; outlinks and downloads: link / download; content tracking: c_n/c_i; heart beat: ping=1.
// Piwik PRO kept the same API from their common ancestor: a `piwik.php` request on a piwik.pro host, or with a UUID
// site id, is Piwik PRO's (piwik-pro.ts), never Matomo's.

/** Prototype-free: a `constructor` or `toString` field is kept under its own name. */
const NAMES = nameTable({
  action_name: 'page_title',
  url: 'page_url',
  urlref: 'referrer',
  _id: 'visitor_id',
  uid: 'user_id',
  cid: 'visitor_id_forced',
  e_c: 'event_category',
  e_a: 'event_action',
  e_n: 'event_name',
  e_v: 'event_value',
  idgoal: 'goal_id',
  revenue: 'revenue',
  ec_id: 'order_id',
  ec_items: 'items',
  ec_st: 'subtotal',
  ec_tx: 'tax',
  ec_sh: 'shipping',
  ec_dt: 'discount',
  search: 'search_keyword',
  search_cat: 'search_category',
  search_count: 'search_results',
  link: 'outlink_url',
  download: 'download_url',
  c_n: 'content_name',
  c_p: 'content_piece',
  c_t: 'content_target',
  c_i: 'content_interaction',
  pv_id: 'pageview_id',
  res: 'screen_resolution',
  lang: 'language',
  ua: 'user_agent',
  new_visit: 'new_visit',
  cdt: 'timestamp',
  _idn: 'new_visitor',
  _rcn: 'campaign_name',
  _rck: 'campaign_keyword',
  gt_ms: 'generation_time_ms',
});
const SKIP: ReadonlySet<string> = new Set(['idsite', 'rec', 'rand', 'send_image', 'h', 'm', 's']);

function isTrackerPath(path: string): boolean {
  return path.endsWith('/matomo.php') || path.endsWith('/piwik.php');
}

/** The script itself: its file name is Matomo's own; on matomo.cloud, tag manager containers too. */
function libraryFile(url: URL, path: string): string | undefined {
  if (!path.endsWith('.js')) return undefined;
  const file = path.slice(path.lastIndexOf('/') + 1);
  if (file === 'matomo.js' || file === 'piwik.js') return file;
  if (file.startsWith('container_') && url.hostname === 'cdn.matomo.cloud') return file;
  return undefined;
}

function hasMarkers(text: string): boolean {
  return text.includes('idsite=') && text.includes('rec=1');
}

/** Names only the Tracking API uses (generic ones such as `url` or `search` alone prove nothing). */
const API_FIELDS = [
  'action_name',
  'idsite',
  'rec',
  '_id',
  '_idts',
  'e_c',
  'e_a',
  'idgoal',
  'ec_id',
  'ping',
  'pv_id',
  'c_n',
] as const;

function hasApiField(query: Query): boolean {
  for (const name of API_FIELDS) if (query.has(name)) return true;
  return false;
}

function eventOf(f: ReadonlyMap<string, string>): string {
  if (f.get('ping') === '1') return 'ping';
  const action = f.get('e_a');
  if (action !== undefined || f.has('e_c')) return action ?? 'event';
  if (f.has('search')) return 'site_search';
  if (f.has('ec_id')) return 'ecommerce_order';
  const goal = f.get('idgoal');
  if (goal === '0') return 'ecommerce_cart_update';
  if (goal !== undefined) return 'goal';
  if (f.has('link')) return 'outlink';
  if (f.has('download')) return 'download';
  if (f.has('c_i')) return 'content_interaction';
  if (f.has('c_n')) return 'content_impression';
  return 'page_view';
}

/** One tracking request's fields, later sources overriding earlier ones (a POST body over its query). */
function hitOf(vendor: TrackingVendor, ...sources: Array<Iterable<[string, string]>>): TagHit {
  const fields = new Map<string, string>();
  for (const source of sources) for (const [key, value] of source) fields.set(key, value);
  const params: Record<string, string> = {};
  for (const [key, value] of fields) if (!SKIP.has(key)) params[NAMES[key] ?? key] = value;
  return { vendor, event: eventOf(fields), account: fields.get('idsite'), params };
}

/** The vendors that speak this Tracking HTTP API: Matomo, and Piwik PRO, which kept it from their common ancestor Piwik. */
export type TrackingVendor = 'matomo' | 'piwik-pro';

/** The hits of one tracking request: one, or one per line of a bulk request. */
export function trackingHits(vendor: TrackingVendor, url: URL, body: string | undefined): TagHit[] {
  const text = body?.trimStart();
  if (text?.startsWith('{')) {
    const json = parseJson(text);
    if (!isRecord(json) || !Array.isArray(json.requests)) {
      const hit = hitOf(vendor, queryOf(url));
      return [{ ...hit, event: undefined, partial: 'the bulk request body is not valid JSON (truncated?)' }];
    }
    return json.requests.filter((r): r is string => typeof r === 'string').map((r) => hitOf(vendor, parseForm(r)));
  }
  return [text ? hitOf(vendor, queryOf(url), parseForm(text)) : hitOf(vendor, queryOf(url))];
}

/** Piwik PRO site and app ids are UUIDs; Matomo's are numbers. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UUID_IN_BODY = /(?:^|[&?"])idsite=[0-9a-f]{8}-[0-9a-f]{4}-/i;

/** A Piwik PRO request on the path both inherited from Piwik: its host, or its site id, says whose it is. */
export function isPiwikProTracking(url: URL, body: string | undefined): boolean {
  if (domainIs(url.hostname, 'piwik.pro')) return true;
  const site = queryOf(url).get('idsite');
  if (site !== null) return UUID.test(site);
  return body !== undefined && UUID_IN_BODY.test(body);
}

export const matomo: TagDecoder = {
  vendor: 'matomo',
  anyHost: true,
  // Off matomo.cloud: the self-hosted tracker and script.
  pathMarks: /\/(?:matomo|piwik)\.(?:php|js)$/,
  matches: (url, req) => {
    const path = url.pathname;
    if (isTrackerPath(path)) {
      if (isPiwikProTracking(url, req.body)) return false;
      const query = queryOf(url);
      if (hasApiField(query)) return true;
      return req.body !== undefined && (hasMarkers(req.body) || hasApiField(parseForm(req.body)));
    }
    return libraryFile(url, path) !== undefined;
  },
  decode: (url, req): TagHit[] => {
    if (!isTrackerPath(url.pathname)) {
      const file = libraryFile(url, url.pathname);
      if (file === undefined) return [];
      const params: Record<string, string> = { script: file };
      if (url.hostname === 'cdn.matomo.cloud') params.instance = url.pathname.split('/')[1] ?? '';
      return [{ vendor: 'matomo', event: 'library_load', params }];
    }
    return trackingHits('matomo', url, req.body);
  },
};
