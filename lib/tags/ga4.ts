import { BODY_CAP } from './body';
import { GOOGLE_CONSENT_NAMES, writeConsent } from './google-consent';
import { gtagScriptId, gtagScriptParams } from './gtm';
import { flatten, hostIs, isRecord, parseForm, parseJson, type Query, queryOf, str } from './params';
import type { TagDecoder, TagHit } from './types';

// GA4 (gtag.js / GTM, Measurement Protocol v2):
//   GET|POST https://www.google-analytics.com/g/collect?v=2&tid=G-XXXX&cid=…&en=page_view&ep.x=…
// also from region hosts (region1.google-analytics.com, region1.analytics.google.com) and from any host that
// proxies it (server-side tagging, first-party collectors, App Engine's `*.appspot.com` sGTM default): there the
// `/g/collect` path with a `tid=G-…` measurement id is what says "GA4".
// A POST batches events: the URL carries the shared fields, the body one event per line (`en=…&ep.x=…`).
// stats.g.doubleclick.net/g/collect is the advertising-features copy of a GA4 hit, not a hit of its own.
// Also read: the server Measurement Protocol (`/mp/collect?measurement_id=G-…`, JSON body) and gtag.js loads.

const GA4_NAMES: Readonly<Record<string, string>> = {
  ...GOOGLE_CONSENT_NAMES,
  v: 'protocol_version',
  cid: 'client_id',
  uid: 'user_id',
  sid: 'session_id',
  sct: 'session_count',
  seg: 'session_engaged',
  _et: 'engagement_time_msec',
  dl: 'page_location',
  dt: 'page_title',
  dr: 'page_referrer',
  ul: 'language',
  sr: 'screen_resolution',
  cu: 'currency',
  _p: 'page_load_id',
  _s: 'hit_sequence',
  _fv: 'first_visit',
  _ss: 'session_start',
  _nsi: 'new_session_id',
  _dbg: 'debug_mode',
  uaa: 'ua_architecture',
  uab: 'ua_bitness',
  uafvl: 'ua_full_version_list',
  uamb: 'ua_mobile',
  uam: 'ua_model',
  uap: 'ua_platform',
  uapv: 'ua_platform_version',
  uaw: 'ua_wow64',
  pscdl: 'cookie_deprecation_label',
  tag_exp: 'tag_experiments',
};

// The two-letter keys inside one `prN` item (`idSKU1~nmShirt~pr9.99~qt2`).
const ITEM_NAMES: Readonly<Record<string, string>> = {
  id: 'item_id',
  nm: 'item_name',
  af: 'affiliation',
  cp: 'coupon',
  ds: 'discount',
  lp: 'index',
  br: 'item_brand',
  ca: 'item_category',
  c2: 'item_category2',
  c3: 'item_category3',
  c4: 'item_category4',
  c5: 'item_category5',
  li: 'item_list_id',
  ln: 'item_list_name',
  va: 'item_variant',
  lo: 'location_id',
  pr: 'price',
  qt: 'quantity',
};

/** GA4 takes at most 200 items per event; more is noise or an attack on our memory. */
const MAX_ITEMS = 200;
/** gtag batches a few dozen events at most; a body with more lines is cut, and says so. */
const MAX_EVENTS = 500;
const ITEM_KEY = /^pr([1-9]\d{0,2})$/;

/** `k0`…`v9`, the same keys as /^[kv]\d$/. */
function isCustomItemKey(key: string): boolean {
  const first = key.charCodeAt(0);
  const digit = key.charCodeAt(1);
  return key.length === 2 && (first === 107 /* k */ || first === 118) /* v */ && digit >= 48 && digit <= 57;
}

function isAnalyticsHost(url: URL): boolean {
  return hostIs(url, 'google-analytics.com') || hostIs(url, 'analytics.google.com');
}

function isCollect(url: URL): boolean {
  const path = url.pathname;
  if (!path.endsWith('/g/collect') && !path.endsWith('/g/collect/')) return false;
  if (hostIs(url, 'doubleclick.net')) return false;
  // Google's hosts, and App Engine's, where a server-side container runs by default (`<project>.appspot.com`).
  if (isAnalyticsHost(url) || hostIs(url, 'appspot.com')) return true;
  const q = queryOf(url);
  // A measurement id (G-…) on the collect path is GA4's own, whatever protocol version the proxy passes on.
  return q.get('tid')?.startsWith('G-') === true;
}

function isMeasurementProtocol(url: URL): boolean {
  return url.pathname.endsWith('/mp/collect') && queryOf(url).get('measurement_id')?.startsWith('G-') === true;
}

/** `idSKU1~nmShirt~k0color~v0blue` → items.N.item_id, items.N.item_name, items.N.color. */
function writeItem(params: Record<string, string>, index: number, value: string): void {
  const prefix = `items.${index}.`;
  let customNames: Record<string, string> | undefined;
  let customValues: Record<string, string> | undefined;
  for (const part of value.split('~')) {
    if (part.length < 2) continue;
    const key = part.slice(0, 2);
    const text = part.slice(2);
    if (isCustomItemKey(key)) {
      // Custom item parameters travel as a name (k0) and a value (v0) with the same digit.
      if (key[0] === 'k') (customNames ??= {})[key[1]!] = text;
      else (customValues ??= {})[key[1]!] = text;
      continue;
    }
    params[prefix + (ITEM_NAMES[key] ?? key)] = text;
  }
  if (!customValues) return;
  for (const [digit, text] of Object.entries(customValues)) {
    params[prefix + (customNames?.[digit] ?? `v${digit}`)] = text;
  }
}

/** The fields that are not params: what the hit is, whose it is, and the consent it was sent under. */
interface Core {
  en?: string;
  tid?: string;
  gcs?: string;
  gcd?: string;
}

/** Write every field of `source` into `params` under its human name; pick the core fields out on the way. */
function readFields(source: Query, params: Record<string, string>, core: Core): void {
  const pairs = source.pairs;
  for (let i = 0; i < pairs.length; i += 2) {
    const key = pairs[i]!;
    const value = pairs[i + 1]!;
    switch (key) {
      case 'en':
        core.en = value;
        continue; // the hit's event, not a param
      case 'tid':
        core.tid = value;
        continue; // the hit's account, not a param
      case 'gcs':
        core.gcs = value;
        break;
      case 'gcd':
        core.gcd = value;
        break;
    }
    const first = key.charCodeAt(0);
    // Only keys starting with e, u or p can be prefixed or indexed: the rest go straight to the names table.
    if (first === 101 /* e */ && key.startsWith('ep.')) params[key.slice(3)] = value;
    else if (first === 101 && key.startsWith('epn.')) params[key.slice(4)] = value;
    else if (first === 117 /* u */ && key.startsWith('up.')) params[`user.${key.slice(3)}`] = value;
    else if (first === 117 && key.startsWith('upn.')) params[`user.${key.slice(4)}`] = value;
    else if (first === 112 /* p */ && ITEM_KEY.test(key)) {
      const index = Number(key.slice(2)) - 1;
      if (index < MAX_ITEMS) writeItem(params, index, value);
    } else params[GA4_NAMES[key] ?? key] = value;
  }
}

interface Lines {
  lines: string[];
  /** Why the last line may be incomplete, when the body was cut. */
  cut?: string;
}

/** The non-empty lines of a batch body, bounded however large the body is. */
function bodyLines(body: string | undefined): Lines {
  if (!body) return { lines: [] };
  let text = body;
  let cut: string | undefined;
  if (text.length > BODY_CAP) {
    text = text.slice(0, BODY_CAP);
    cut = `body longer than ${BODY_CAP} characters: only its start was read`;
  }
  const lines: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    if (lines.length >= MAX_EVENTS) {
      cut = `more than ${MAX_EVENTS} events in one body: the rest were not read`;
      break;
    }
    lines.push(line);
  }
  return { lines, cut };
}

/** The hit of one event: `line` adds its own fields to the URL's; without a line, the URL's fields are the hit's. */
function collectHit(base: Record<string, string>, shared: Core, line: Query | undefined): TagHit {
  let params = base;
  const core: Core = { en: shared.en, tid: shared.tid, gcs: shared.gcs, gcd: shared.gcd };
  if (line) {
    // Copied key by key into a fresh object: V8 makes both spread and Object.assign copies of a large object
    // several times slower to add keys to, and every line adds some.
    params = {};
    for (const key in base) params[key] = base[key]!;
    readFields(line, params, core);
  }
  writeConsent(params, core.gcs, core.gcd);
  const hit: TagHit = { vendor: 'ga4', event: core.en || undefined, account: core.tid || undefined, params };
  if (!hit.account || !hit.event) {
    const missing: string[] = [];
    if (!hit.account) missing.push('no measurement id (tid=G-…)');
    if (!hit.event) missing.push('no event name (en)');
    hit.partial = missing.join('; ');
  }
  return hit;
}

function decodeCollect(url: URL, body: string | undefined): TagHit[] {
  // The URL's fields are shared by every event of a batch: read them once.
  const base: Record<string, string> = {};
  const shared: Core = {};
  readFields(queryOf(url), base, shared);
  const { lines, cut } = bodyLines(body);
  if (lines.length === 0) return [collectHit(base, shared, undefined)];
  const hits = lines.map((line) => collectHit(base, shared, parseForm(line)));
  const last = hits[hits.length - 1];
  if (cut && last) last.partial = last.partial ? `${last.partial}; ${cut}` : cut;
  return hits;
}

/** `POST /mp/collect?measurement_id=G-…&api_secret=…` with `{ client_id, user_properties, events: [{ name, params }] }`. */
function decodeMeasurementProtocol(url: URL, body: string | undefined): TagHit[] {
  const account = queryOf(url).get('measurement_id') ?? undefined;
  // api_secret is a credential: it is never copied into params, which end up in stored hits and exported reports.
  const shared: Record<string, string> = { protocol: 'measurement_protocol' };
  const json = parseJson(body && body.length > BODY_CAP ? undefined : body);
  if (!isRecord(json)) {
    const why = body && body.length > BODY_CAP ? 'body too long to read' : 'body is not a JSON object';
    return [{ vendor: 'ga4', account, params: shared, partial: `measurement protocol ${why}` }];
  }
  const clientId = str(json.client_id);
  const userId = str(json.user_id);
  if (clientId !== undefined) shared.client_id = clientId;
  if (userId !== undefined) shared.user_id = userId;
  if (isRecord(json.user_properties)) {
    for (const [name, prop] of Object.entries(json.user_properties)) {
      const value = isRecord(prop) ? str(prop.value) : str(prop);
      if (value !== undefined) shared[`user.${name}`] = value;
    }
  }
  const events = Array.isArray(json.events) ? json.events.slice(0, MAX_EVENTS) : [];
  const hits: TagHit[] = [];
  for (const event of events) {
    if (!isRecord(event)) continue;
    const params: Record<string, string> = {};
    for (const key in shared) params[key] = shared[key]!;
    Object.assign(params, flatten(isRecord(event.params) ? event.params : {}));
    hits.push({ vendor: 'ga4', event: str(event.name), account, params });
  }
  if (hits.length === 0)
    return [{ vendor: 'ga4', account, params: shared, partial: 'measurement protocol body has no events' }];
  return hits;
}

export const ga4: TagDecoder = {
  vendor: 'ga4',
  anyHost: true,
  // Off Google's hosts: a proxied /g/collect or /mp/collect, a gtag.js load.
  pathMarks: /\/(?:g|mp)\/collect\/?$|\/gtag\/(?:js|destination)$/,
  matches: (url) => isCollect(url) || isMeasurementProtocol(url) || gtagScriptId(url)?.startsWith('G-') === true,
  decode: (url, req): TagHit[] => {
    const scriptId = gtagScriptId(url);
    if (scriptId !== undefined)
      return [{ vendor: 'ga4', event: 'library_load', account: scriptId, params: gtagScriptParams(url) }];
    if (url.pathname.endsWith('/mp/collect')) return decodeMeasurementProtocol(url, req.body);
    return decodeCollect(url, req.body);
  },
};
