import { domainIs, nameTable, parseForm, queryOf } from './params';
import type { TagDecoder, TagHit } from './types';

// Webtrends. The JavaScript tag sends `GET https://statse.webtrendslive.com/<dcsid>/dcs.gif?dcsdat=…&dcssip=<host>&
// dcsuri=<path>&dcsqry=…&dcsref=<referrer>&WT.ti=<title>&WT.dl=<event type>&WT.co_f=…&WT.vtid=…&…` to Webtrends
// OnDemand, or to a SmartSource Data Collector the site runs itself (`/<dcsid>/dcs.gif` on its own host), so the
// path shape and the `dcsuri` / `WT.` fields identify it anywhere. The account is the DCS ID (dcsid) in the path.
// `WT.dl` says what the hit records (Webtrends' parameter reference): 0 page view, 20 download, 21 anchor, 22
// on-site JavaScript link, 23 mailto, 24 off-site link, 25 right-click, 26 form GET, 27 form POST, 28 form input,
// 29 form button, 30 image map; other values are kept as `WT.dl=<n>`. Library: webtrends.js / webtrends.min.js from
// Webtrends' own hosts (self-hosted copies are named by the site).

const EVENTS = nameTable({
  '0': 'page_view',
  '20': 'download',
  '21': 'anchor_click',
  '22': 'javascript_click',
  '23': 'mailto_click',
  '24': 'offsite_link',
  '25': 'right_click',
  '26': 'form_get',
  '27': 'form_post',
  '28': 'form_input',
  '29': 'form_button',
  '30': 'image_map',
});
const NAMES = nameTable({
  dcsuri: 'path',
  dcssip: 'host',
  dcsqry: 'query',
  dcsref: 'referrer',
  dcsdat: 'timestamp',
  'WT.ti': 'page_title',
  'WT.co_f': 'visitor_id',
  'WT.vtid': 'visitor_id',
  'WT.vt_sid': 'session_id',
  'WT.es': 'page_url',
  'WT.cg_n': 'content_group',
  'WT.cg_s': 'content_subgroup',
  'WT.mc_id': 'campaign_id',
  'WT.tx_e': 'transaction_event',
  'WT.tx_u': 'units',
  'WT.tx_s': 'revenue',
  'WT.tx_i': 'invoice_id',
  'WT.pn_sku': 'sku',
  'WT.si_n': 'scenario_name',
  'WT.si_x': 'scenario_step',
  'WT.oss': 'search_phrase',
  'WT.oss_r': 'search_results',
  'WT.ul': 'language',
  'WT.sr': 'screen_resolution',
});
const SKIP: ReadonlySet<string> = new Set(['WT.dl']);
const DCS = /\/([^/]+)\/dcs\.gif$/;
const LIBRARIES: ReadonlySet<string> = new Set(['webtrends.js', 'webtrends.min.js', 'webtrends.load.js']);

function isWebtrendsHost(host: string): boolean {
  return domainIs(host, 'webtrendslive.com') || domainIs(host, 'webtrends.com');
}

export const webtrends: TagDecoder = {
  vendor: 'webtrends',
  anyHost: true,
  // Off Webtrends' hosts: a SmartSource Data Collector's image path (the library is read on their hosts only).
  pathMarks: /\/dcs\.gif$/,
  matches: (url, req) => {
    const path = url.pathname;
    if (path.endsWith('/dcs.gif')) {
      if (isWebtrendsHost(url.hostname)) return true;
      const search = url.search;
      return search.includes('dcsuri=') || search.includes('WT.') || req.body?.includes('dcsuri=') === true;
    }
    return (
      path.endsWith('.js') && isWebtrendsHost(url.hostname) && LIBRARIES.has(path.slice(path.lastIndexOf('/') + 1))
    );
  },
  decode: (url, req): TagHit[] => {
    const path = url.pathname;
    if (!path.endsWith('/dcs.gif')) {
      return [
        { vendor: 'webtrends', event: 'library_load', params: { script: path.slice(path.lastIndexOf('/') + 1) } },
      ];
    }
    const fields = req.body?.includes('=') ? queryOf(url).concat(parseForm(req.body)) : queryOf(url);
    const params: Record<string, string> = {};
    for (const [key, value] of fields) if (!SKIP.has(key)) params[NAMES[key] ?? key] = value;
    const dl = fields.get('WT.dl');
    const event = dl === null ? 'page_view' : (EVENTS[dl] ?? `WT.dl=${dl}`);
    return [{ vendor: 'webtrends', event, account: DCS.exec(path)?.[1], params }];
  },
};
