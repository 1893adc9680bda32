import { decodeBase64Text, parseJson, flatten, isRecord } from './params';
import { firstOf, pixelFields, pixelHit } from './pixel';
import type { TagDecoder, TagHit } from './types';

// Adform Site Tracking. The tracking code sets `_adftrack = { pm: <tracking setup id>, divider: '|', pagename: '…',
// order: {…} }` and loads `https://s2.adform.net/banners/scripts/st/trackpoint-async.js` (older:
// `https://track.adform.net/serving/scripts/trackpoint/async/`). Each tracking point is
// `https://track.adform.net/Serving/TrackPoint/?pm=<tracking setup id>&ADFPageName=<tracking point name>&ADFdivider=|`
// (the <noscript> image sends just these); the script adds the visit's details and, for orders, `itm` (the order
// variables — sales, orderid, currency, sv1…, itms — encoded as base64 JSON; read when it decodes, kept raw when not).
// The account is the tracking setup id (`pm`), the event the tracking point name. Not hits: cookie matching
// (`cm.adform.net`, `c1.adform.net`) and ad serving (`track.adform.net/adfserve/`, `/C/` clicks: the publisher side).

const NAMES: Readonly<Record<string, string>> = {
  ADFdivider: 'divider',
  ADFtpmode: 'tracking_mode',
  loc: 'page_url',
  CPref: 'referrer',
  ord: 'cache_buster',
  rand: 'cache_buster',
  ADFpid: 'point_id',
  id: 'point_id',
};
const SKIP: ReadonlySet<string> = new Set(['pm', 'ADFPageName', 'itm']);
const LIBRARIES: ReadonlySet<string> = new Set([
  '/banners/scripts/st/trackpoint-async.js',
  '/banners/scripts/st/trackpoint-sync.js',
]);

function isTrackPoint(path: string): boolean {
  const lower = path.toLowerCase();
  return lower === '/serving/trackpoint/' || lower === '/serving/trackpoint';
}

function isLibrary(url: URL): boolean {
  if (url.hostname === 'track.adform.net') return url.pathname.toLowerCase().startsWith('/serving/scripts/trackpoint/');
  return url.hostname === 's2.adform.net' && LIBRARIES.has(url.pathname);
}

export const adform: TagDecoder = {
  vendor: 'adform',
  matches: (url) => (url.hostname === 'track.adform.net' && isTrackPoint(url.pathname)) || isLibrary(url),
  decode: (url, req): TagHit[] => {
    if (isLibrary(url)) return [{ vendor: 'adform', event: 'library_load', params: { script: 'trackpoint' } }];
    if (!isTrackPoint(url.pathname)) return [];
    const read = pixelFields(url, req);
    const hit = pixelHit('adform', read, {
      event: firstOf(read.fields, 'ADFPageName'),
      account: firstOf(read.fields, 'pm'),
      names: NAMES,
      skip: SKIP,
    });
    const itm = read.fields.get('itm');
    if (itm) {
      const order = parseJson(decodeBase64Text(itm));
      if (isRecord(order)) flatten(order, '', hit.params);
      else hit.params.order = itm;
    }
    return [hit];
  },
};
