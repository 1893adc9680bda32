import { namedParams, nameTable, queryOf, readBody, withForm } from './params';
import type { TagDecoder, TagHit } from './types';

// Microsoft Advertising UET (tag id = `ti`): GET https://bat.bing.com/action/0?ti=TAG&evt=pageLoad|custom&…
// - evt=pageLoad: the page view (the <noscript> image sends only ti and Ver, and is one too).
// - evt=custom: uetq.push('event', action, { event_category, event_label, event_value, revenue_value, currency })
//   arrives as ea, ec, el, ev, gv, gc; remarketing variables (pagetype, prodid, ecomm_*) ride along.
// - Library: https://bat.bing.com/bat.js, then the tag's own https://bat.bing.com/p/action/<ti>.js

const HOSTS: ReadonlySet<string> = new Set(['bat.bing.com', 'bat.bing.net']);
const ACTION_PATH = /^\/action\/\d+\/?$/;
const TAG_SCRIPT = /^\/p\/action\/(\d+)\.js$/;

const NAMES = nameTable({
  ec: 'event_category',
  el: 'event_label',
  ev: 'event_value',
  gv: 'revenue',
  gc: 'currency',
  p: 'page_url',
  r: 'referrer',
  tl: 'page_title',
  kw: 'keywords',
  lg: 'language',
  sw: 'screen_width',
  sh: 'screen_height',
  sc: 'color_depth',
  sid: 'session_id',
  vid: 'visitor_id',
  msclkid: 'click_id',
  tm: 'tag_manager',
  Ver: 'version',
  lt: 'load_time',
  rn: 'cache_buster',
  pagetype: 'page_type',
  prodid: 'product_id',
  asc: 'ad_storage_consent',
});
const SKIP: ReadonlySet<string> = new Set(['ti', 'evt', 'ea']);

function isLibrary(url: URL): boolean {
  return HOSTS.has(url.hostname) && (url.pathname === '/bat.js' || TAG_SCRIPT.test(url.pathname));
}

function isHit(url: URL): boolean {
  return HOSTS.has(url.hostname) && ACTION_PATH.test(url.pathname);
}

export const microsoftUet: TagDecoder = {
  vendor: 'microsoft-uet',
  matches: (url) => isHit(url) || isLibrary(url),
  decode: (url, req): TagHit[] => {
    if (isLibrary(url)) {
      return [
        { vendor: 'microsoft-uet', event: 'library_load', account: TAG_SCRIPT.exec(url.pathname)?.[1], params: {} },
      ];
    }
    if (!isHit(url)) return [];
    const body = readBody(req.body);
    const fields = withForm(queryOf(url), body.kind === 'text' ? body.text : undefined);
    const evt = fields.get('evt');
    const action = fields.get('ea');
    const event = evt === null || evt === 'pageLoad' ? 'page_view' : evt === 'custom' ? action || 'custom' : evt;
    const params = namedParams(fields, NAMES, SKIP);
    // The action is the event's name; keep it under its own name only when it is not the event.
    if (action !== null && action !== event) params.event_action = action;
    const hit: TagHit = { vendor: 'microsoft-uet', event, account: fields.get('ti') ?? undefined, params };
    if (body.kind === 'broken')
      hit.partial = 'body is not valid JSON (cut at the capture limit?): only the URL was read';
    return [hit];
  },
};
