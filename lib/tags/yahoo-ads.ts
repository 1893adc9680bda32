import { firstOf, pixelFields, pixelHit } from './pixel';
import type { TagDecoder, TagHit } from './types';

// Yahoo DSP Dot tag. The tag pushes `{ projectId: '<project id>', properties: { pixelId: '<pixel id>' } }` onto
// `dotq` and loads `https://s.yimg.com/wi/ytc.js`; custom events push `properties.qstrings` with `et` (event type),
// `ea` (action), `ec` (category), `el` (label), `ev` (value), `gv` (conversion value). The beacon:
// `https://sp.analytics.yahoo.com/sp.pl?a=<project id>&.yp=<pixel id>&f=<page>&e=<referrer>&b=<title>&…` with those
// fields. The account is the pixel id. The event is the action, else the event type; a beacon with neither is the
// page view the tag sends on load.
// Cookie syncs (`ups.analytics.yahoo.com`) are not hits.

const NAMES: Readonly<Record<string, string>> = {
  a: 'project_id',
  et: 'event_type',
  ec: 'event_category',
  el: 'event_label',
  ev: 'event_value',
  gv: 'conversion_value',
  f: 'page_url',
  e: 'referrer',
  b: 'page_title',
  enc: 'encoding',
  yv: 'library_version',
  tagmgr: 'tag_manager',
};
const SKIP: ReadonlySet<string> = new Set(['.yp', 'ea']);

export const yahooAds: TagDecoder = {
  vendor: 'yahoo-ads',
  matches: (url) => {
    const host = url.hostname;
    if (host === 's.yimg.com') return url.pathname === '/wi/ytc.js';
    return host === 'sp.analytics.yahoo.com' && url.pathname === '/sp.pl';
  },
  decode: (url, req): TagHit[] => {
    if (url.pathname === '/wi/ytc.js')
      return [{ vendor: 'yahoo-ads', event: 'library_load', params: { script: 'ytc.js' } }];
    if (url.pathname !== '/sp.pl') return [];
    const read = pixelFields(url, req);
    const event = firstOf(read.fields, 'ea', 'et') ?? 'page_view';
    return [pixelHit('yahoo-ads', read, { event, account: firstOf(read.fields, '.yp'), names: NAMES, skip: SKIP })];
  },
};
