import { BODY_CAP } from './body';
import { gtagScriptId, gtagScriptParams } from './gtm';
import { hostIs, parseForm, type Query, queryOf } from './params';
import type { TagDecoder, TagHit } from './types';

// Universal Analytics (analytics.js / gtag.js with UA- ids), Measurement Protocol v1 — retired by Google, still on
// many pages:  GET|POST https://www.google-analytics.com/collect?v=1&tid=UA-XXXX-Y&cid=…&t=pageview&dp=/x
// also /r/collect and /j/collect, and /batch whose POST body holds one hit per line. First-party proxies keep
// the payload, so off Google's hosts `v=1` and `tid=UA-…` are what say "UA".
// The hit's event is its hit type `t` (pageview, event, transaction, item, social, timing, exception,
// screenview); an event's category/action/label are params — a plan matches `event_action` to tell them apart.
// stats.g.doubleclick.net/{r,j}/collect is the advertising-features copy of a hit, not a second hit.

const UA_NAMES: Readonly<Record<string, string>> = {
  v: 'protocol_version',
  cid: 'client_id',
  uid: 'user_id',
  dl: 'page_location',
  dh: 'page_hostname',
  dp: 'page_path',
  dt: 'page_title',
  dr: 'page_referrer',
  cd: 'screen_name',
  ec: 'event_category',
  ea: 'event_action',
  el: 'event_label',
  ev: 'event_value',
  ni: 'non_interaction',
  ti: 'transaction_id',
  ta: 'affiliation',
  tr: 'revenue',
  ts: 'shipping',
  tt: 'tax',
  tcc: 'coupon',
  cu: 'currency',
  in: 'item_name',
  ip: 'item_price',
  iq: 'item_quantity',
  ic: 'item_code',
  iv: 'item_category',
  pa: 'product_action',
  pal: 'product_action_list',
  cos: 'checkout_step',
  col: 'checkout_step_option',
  promoa: 'promotion_action',
  sn: 'social_network',
  sa: 'social_action',
  st: 'social_target',
  utc: 'timing_category',
  utv: 'timing_variable',
  utt: 'timing_time',
  utl: 'timing_label',
  exd: 'exception_description',
  exf: 'exception_fatal',
  an: 'app_name',
  av: 'app_version',
  aid: 'app_id',
  aiid: 'app_installer_id',
  sr: 'screen_resolution',
  vp: 'viewport_size',
  de: 'document_encoding',
  sd: 'screen_colors',
  ul: 'language',
  je: 'java_enabled',
  fl: 'flash_version',
  uip: 'ip_override',
  ua: 'user_agent_override',
  cn: 'campaign_name',
  cs: 'campaign_source',
  cm: 'campaign_medium',
  ck: 'campaign_keyword',
  cc: 'campaign_content',
  ci: 'campaign_id',
  gclid: 'google_ads_id',
  dclid: 'display_ads_id',
  ds: 'data_source',
  qt: 'queue_time',
  z: 'cache_buster',
  _v: 'library_version',
  _s: 'hit_sequence',
  jid: 'join_id',
};

// Enhanced ecommerce keys inside `prN…`, `ilNpiM…`, `promoN…`.
const PRODUCT_NAMES: Readonly<Record<string, string>> = {
  id: 'id',
  nm: 'name',
  br: 'brand',
  ca: 'category',
  va: 'variant',
  pr: 'price',
  qt: 'quantity',
  cc: 'coupon',
  ps: 'position',
};
const PROMO_NAMES: Readonly<Record<string, string>> = { id: 'id', nm: 'name', cr: 'creative', ps: 'position' };

const CUSTOM = /^(cd|cm|cg)(\d{1,3})$/;
const PRODUCT = /^pr(\d{1,3})(id|nm|br|ca|va|pr|qt|cc|ps|cd\d{1,3}|cm\d{1,3})$/;
const IMPRESSION = /^il(\d{1,3})(?:nm|pi(\d{1,3})(id|nm|br|ca|va|pr|ps|cd\d{1,3}|cm\d{1,3}))$/;
const PROMOTION = /^promo(\d{1,3})(id|nm|cr|ps)$/;
const CUSTOM_KINDS: Readonly<Record<string, string>> = { cd: 'dimension', cm: 'metric', cg: 'content_group' };
/** analytics.js sent at most 20 hits per /batch; anything far beyond is not a real batch. */
const MAX_HITS = 500;

function productKey(key: string): string {
  if (key.startsWith('cd')) return `dimension${key.slice(2)}`;
  if (key.startsWith('cm')) return `metric${key.slice(2)}`;
  return PRODUCT_NAMES[key] ?? key;
}

/** Indexes in the protocol start at 1; ours start at 0 like every other decoder's `items.0`. */
function index(digits: string): number {
  return Math.max(0, Number(digits) - 1);
}

function humanName(key: string): string {
  const known = UA_NAMES[key];
  if (known) return known;
  const first = key.charCodeAt(0);
  // Only the keys that can be indexed are tried against the patterns: most keys never reach a regex.
  if (first === 99 /* c */) {
    const m = CUSTOM.exec(key);
    if (m) return `${CUSTOM_KINDS[m[1]!]!}${m[2]!}`;
  } else if (first === 112 /* p */) {
    const product = PRODUCT.exec(key);
    if (product) return `products.${index(product[1]!)}.${productKey(product[2]!)}`;
    const promo = PROMOTION.exec(key);
    if (promo) return `promotions.${index(promo[1]!)}.${PROMO_NAMES[promo[2]!]!}`;
  } else if (first === 105 /* i */) {
    const m = IMPRESSION.exec(key);
    if (m) {
      const list = `impression_lists.${index(m[1]!)}`;
      return m[2] === undefined ? `${list}.name` : `${list}.products.${index(m[2])}.${productKey(m[3]!)}`;
    }
  }
  return key;
}

function isAnalyticsHost(url: URL): boolean {
  return hostIs(url, 'google-analytics.com') || hostIs(url, 'analytics.google.com');
}

function isUaPayload(fields: Query): boolean {
  return fields.get('v') === '1' && fields.get('tid')?.startsWith('UA-') === true;
}

function firstLine(body: string): string {
  const end = body.indexOf('\n');
  return end < 0 ? body.slice(0, BODY_CAP) : body.slice(0, Math.min(end, BODY_CAP));
}

function isHitPath(path: string): boolean {
  if (path.endsWith('/batch')) return true;
  if (!path.endsWith('/collect')) return false;
  // /g/collect is GA4, /mp/collect GA4's server protocol; ccm and rmkt are Google Ads.
  return (
    !path.endsWith('/g/collect') &&
    !path.endsWith('/mp/collect') &&
    !path.endsWith('/ccm/collect') &&
    !path.includes('/rmkt/')
  );
}

function isHit(url: URL, body: string | undefined): boolean {
  if (!isHitPath(url.pathname)) return false;
  if (hostIs(url, 'doubleclick.net')) return false;
  if (isAnalyticsHost(url))
    return (
      url.pathname === '/collect' ||
      url.pathname === '/r/collect' ||
      url.pathname === '/j/collect' ||
      url.pathname === '/batch'
    );
  if (isUaPayload(queryOf(url))) return true;
  return body !== undefined && body.length > 0 && isUaPayload(parseForm(firstLine(body)));
}

function isLibrary(url: URL): boolean {
  if (gtagScriptId(url)?.startsWith('UA-')) return true;
  return isAnalyticsHost(url) && (url.pathname === '/analytics.js' || url.pathname === '/analytics_debug.js');
}

function hitFrom(shared: Query, line: Query | undefined): TagHit {
  const params: Record<string, string> = {};
  let event: string | undefined;
  let account: string | undefined;
  const write = (key: string, value: string): void => {
    if (key === 't') event = value || undefined;
    else if (key === 'tid') account = value || undefined;
    else params[humanName(key)] = value;
  };
  for (const [key, value] of shared) write(key, value);
  if (line) for (const [key, value] of line) write(key, value);
  const hit: TagHit = { vendor: 'universal-analytics', event, account, params };
  const missing: string[] = [];
  if (!account) missing.push('no property id (tid=UA-…)');
  if (!event) missing.push('no hit type (t)');
  if (missing.length > 0) hit.partial = missing.join('; ');
  return hit;
}

function decodeHits(url: URL, body: string | undefined): TagHit[] {
  if (!body || body.trim() === '') return [hitFrom(queryOf(url), undefined)];
  let text = body;
  let cut: string | undefined;
  if (text.length > BODY_CAP) {
    text = text.slice(0, BODY_CAP);
    cut = `body longer than ${BODY_CAP} characters: only its start was read`;
  }
  const hits: TagHit[] = [];
  // A /collect POST carries one hit as its body; a /batch POST one hit per line. Both read the same way.
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    if (hits.length >= MAX_HITS) {
      cut = `more than ${MAX_HITS} hits in one body: the rest were not read`;
      break;
    }
    hits.push(hitFrom(queryOf(url), parseForm(line)));
  }
  if (hits.length === 0) return [hitFrom(queryOf(url), undefined)];
  const last = hits[hits.length - 1]!;
  if (cut) last.partial = last.partial ? `${last.partial}; ${cut}` : cut;
  return hits;
}

export const universalAnalytics: TagDecoder = {
  vendor: 'universal-analytics',
  anyHost: true,
  // Off Google's hosts: a proxied /collect or /batch, a gtag.js load.
  pathMarks: /\/(?:collect|batch)$|\/gtag\/(?:js|destination)$/,
  matches: (url, req) => isLibrary(url) || isHit(url, req.body),
  decode: (url, req): TagHit[] => {
    const scriptId = gtagScriptId(url);
    if (scriptId !== undefined) {
      return [
        { vendor: 'universal-analytics', event: 'library_load', account: scriptId, params: gtagScriptParams(url) },
      ];
    }
    if (url.pathname.endsWith('.js'))
      return [{ vendor: 'universal-analytics', event: 'library_load', params: { script: url.pathname.slice(1) } }];
    return decodeHits(url, req.body);
  },
};
