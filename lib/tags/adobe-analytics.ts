import { domainIs, parseForm, queryOf } from './params';
import type { TagDecoder, TagHit } from './types';

// Adobe Analytics (AppMeasurement): image requests `GET|POST https://<company>.sc.omtrdc.net/b/ss/<rsid>[,<rsid2>]/1/
// JS-2.22.0/s<random>?AQB=1&pageName=…&g=<url>&events=…&v1=…&c1=…&AQE=1` (also `*.2o7.net` and first-party CNAME
// hosts, so off Adobe's domains the `/b/ss/` path plus the `AQB=1` marker identify it — or the full AppMeasurement
// path `/b/ss/<rsid>/<0|1|…>/<code version>/s<random>`, which a POST keeps while its fields ride in the body). Adobe's data collection query parameters: AQB/AQE mark the start and the untruncated end,
// vN → eVarN (1–250), cN → propN (1–75), hN → hierN, lN → listN, g page URL, r referrer, pageName/gn, ch channel,
// events/ev, products, pe link type (lnk_o custom, lnk_d download, lnk_e exit) with pev1 link URL and pev2 link
// name; `c.`…`.c` bracket context data, nested as `a.`…`.a`. A request sent to several report suites is one hit
// per suite: Adobe records it in each, and a plan names one. Library: AppMeasurement.js (Adobe Launch and DTM, which
// often load it, are their own vendors: adobe-launch.ts, adobe-dtm.ts).

const NAMES: Readonly<Record<string, string>> = {
  g: 'page_url',
  '-g': 'page_url_continued',
  r: 'referrer',
  pageName: 'page_name',
  gn: 'page_name',
  ch: 'channel',
  products: 'products',
  events: 'events',
  ev: 'events',
  pe: 'link_type',
  pev1: 'link_url',
  pev2: 'link_name',
  cc: 'currency',
  purchaseID: 'purchase_id',
  xact: 'transaction_id',
  pageType: 'page_type',
  gt: 'page_type',
  v0: 'campaign',
  server: 'server',
  state: 'state',
  zip: 'zip',
  vid: 'visitor_id',
  mid: 'ecid',
  aid: 'analytics_visitor_id',
  mcorgid: 'org_id',
  ce: 'charset',
  t: 'local_time',
  ts: 'timestamp',
  s: 'screen_resolution',
  c: 'color_depth',
  bw: 'browser_width',
  bh: 'browser_height',
  k: 'cookies_enabled',
  lrt: 'last_request_time',
  oid: 'object_id',
  ot: 'object_type',
  pid: 'activity_map_page',
  pidt: 'activity_map_page_type',
};
const SKIP: ReadonlySet<string> = new Set(['AQB', 'AQE']);
const LINK_EVENTS: Readonly<Record<string, string>> = {
  lnk_o: 'custom_link',
  lnk_d: 'download_link',
  lnk_e: 'exit_link',
};
/** Numbered variables: short prefix → human prefix and the highest number Adobe defines. */
const NUMBERED: Readonly<Record<string, readonly [string, number]>> = {
  v: ['eVar', 250],
  c: ['prop', 75],
  h: ['hier', 5],
  l: ['list', 3],
};
const DIGITS = /^\d{1,3}$/;

const BEACON = '/b/ss/';
/** `/b/ss/<rsid>/<n>/<JS-2.22.0 | H.27.5 | …>/s<random>`: AppMeasurement's own image path, specific on any host. */
const APPMEASUREMENT_PATH = /\/b\/ss\/[^/]+\/\d+\/[A-Za-z0-9._-]+\/s\d+$/;

function isAdobeHost(host: string): boolean {
  return domainIs(host, 'omtrdc.net') || domainIs(host, '2o7.net');
}

/** AppMeasurement itself, on any host: Launch and DTM libraries are their own vendors (adobe-launch, adobe-dtm). */
function libraryScript(path: string): { script: string } | undefined {
  if (!path.endsWith('.js')) return undefined;
  const file = path.slice(path.lastIndexOf('/') + 1);
  if (file === 'AppMeasurement.js' || file === 'AppMeasurement.min.js') return { script: 'AppMeasurement' };
  return undefined;
}

function paramName(key: string): string {
  const known = NAMES[key];
  if (known !== undefined) return known;
  const numbered = NUMBERED[key[0] ?? ''];
  const digits = key.slice(1);
  if (numbered && DIGITS.test(digits)) {
    const n = Number(digits);
    if (n >= 1 && n <= numbered[1]) return `${numbered[0]}${n}`;
  }
  return key;
}

interface Fields {
  params: Record<string, string>;
  linkType?: string;
  begins: boolean;
  ends: boolean;
}

/** Fields in request order, context data (`c.`, `a.`, …, `.a`, `.c`) flattened to `context.a.action`. */
function readFields(sources: Array<Iterable<[string, string]>>): Fields {
  const params: Record<string, string> = {};
  const out: Fields = { params, begins: false, ends: false };
  const stack: string[] = [];
  for (const fields of sources)
    for (const [key, value] of fields) {
      if (key === 'AQB') out.begins = true;
      else if (key === 'AQE') out.ends = true;
      if (SKIP.has(key)) continue;
      if (key === 'pe' && stack.length === 0) out.linkType = value;
      if (key.length > 1 && key.endsWith('.') && value === '') {
        stack.push(key.slice(0, -1));
      } else if (key.length > 1 && key.startsWith('.') && value === '') {
        stack.pop();
      } else if (stack.length > 0) {
        params[['context', ...stack.slice(1), key].join('.')] = value;
      } else {
        params[paramName(key)] = value;
      }
    }
  return out;
}

export const adobeAnalytics: TagDecoder = {
  vendor: 'adobe-analytics',
  anyHost: true,
  // Off Adobe's hosts: a first-party /b/ss/ beacon, AppMeasurement.js.
  pathMarks: /\/b\/ss\/|\/AppMeasurement(?:\.min)?\.js$/,
  matches: (url, req) => {
    const path = url.pathname;
    if (path.includes(BEACON)) {
      if (isAdobeHost(url.hostname) || APPMEASUREMENT_PATH.test(path)) return true;
      return url.search.includes('AQB=1') || req.body?.includes('AQB=1') === true;
    }
    return path.endsWith('.js') && libraryScript(path) !== undefined;
  },
  decode: (url, req): TagHit[] => {
    const path = url.pathname;
    const at = path.indexOf(BEACON);
    if (at === -1) {
      const lib = libraryScript(path);
      if (!lib) return [];
      return [{ vendor: 'adobe-analytics', event: 'library_load', params: { script: lib.script } }];
    }
    const suites = path.slice(at + BEACON.length).split('/')[0] ?? '';
    const {
      params,
      linkType: pe,
      begins,
      ends,
    } = readFields(req.body ? [queryOf(url), parseForm(req.body)] : [queryOf(url)]);
    const event = pe ? (LINK_EVENTS[pe] ?? pe) : 'page_view';
    const truncated = begins && !ends;
    const rsids = suites.split(',').filter(Boolean);
    if (rsids.length > 1) params.report_suites = rsids.join(',');
    return (rsids.length > 0 ? rsids : [undefined]).map((rsid): TagHit => {
      const hit: TagHit = { vendor: 'adobe-analytics', event, account: rsid, params: { ...params } };
      if (truncated) hit.partial = 'the request was cut off before AQE=1: later variables are missing';
      return hit;
    });
  },
};
