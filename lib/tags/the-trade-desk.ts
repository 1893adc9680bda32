import { firstOf, pixelFields, pixelHit, scriptName } from './pixel';
import type { TagDecoder, TagHit } from './types';

// The Trade Desk Universal Pixel. The page loads `https://js.adsrvr.org/up_loader.1.1.0.js` and calls
// `new TTDUniversalPixelApi().init('<advertiser id>', ['<universal pixel id>'], 'https://insight.adsrvr.org/track/up',
// {…})`, which sends `https://insight.adsrvr.org/track/up?adv=<advertiser id>&ref=<page>&upid=<pixel id>&upv=1.1.0`
// plus the documented dynamic parameters: `v` (revenue), `vf` (currency), `orderid`, `td1`…`td10`. Which events a
// fire counts as (page visit, conversion…) is decided by rules in The Trade Desk's platform, not by the request,
// so the hit's event is `universal_pixel`. The account is the advertiser id. The older static tracking tags:
// `/track/conv/?adv=…&ct=0:<tag id>&fmt=3` (conversion) and `/track/pxl/?adv=…&ct=…&fmt=3` (segment).
// Cookie syncs (`match.adsrvr.org`) and the bidder's hosts are not hits.

const NAMES: Readonly<Record<string, string>> = {
  upid: 'universal_pixel_id',
  upv: 'pixel_version',
  ref: 'page_url',
  v: 'revenue',
  vf: 'currency',
  orderid: 'order_id',
  ct: 'tracking_tag',
  fmt: 'format',
};
const SKIP: ReadonlySet<string> = new Set(['adv']);
const EVENTS: Readonly<Record<string, string>> = {
  '/track/up': 'universal_pixel',
  '/track/conv': 'conversion',
  '/track/conv/': 'conversion',
  '/track/pxl': 'tracking_tag',
  '/track/pxl/': 'tracking_tag',
};

function isLibrary(url: URL): boolean {
  const path = url.pathname;
  return (
    url.hostname === 'js.adsrvr.org' &&
    path.endsWith('.js') &&
    (path.startsWith('/up_loader.') || path.startsWith('/universal_pixel.'))
  );
}

export const theTradeDesk: TagDecoder = {
  vendor: 'the-trade-desk',
  matches: (url) => (url.hostname === 'insight.adsrvr.org' && Object.hasOwn(EVENTS, url.pathname)) || isLibrary(url),
  decode: (url, req): TagHit[] => {
    if (isLibrary(url))
      return [{ vendor: 'the-trade-desk', event: 'library_load', params: { script: scriptName(url.pathname) } }];
    const event = Object.hasOwn(EVENTS, url.pathname) ? EVENTS[url.pathname] : undefined;
    if (event === undefined) return [];
    const read = pixelFields(url, req);
    return [
      pixelHit('the-trade-desk', read, { event, account: firstOf(read.fields, 'adv'), names: NAMES, skip: SKIP }),
    ];
  },
};
