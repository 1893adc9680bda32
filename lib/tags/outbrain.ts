import { firstOf, pixelFields, pixelHit } from './pixel';
import type { TagDecoder, TagHit } from './types';

// Outbrain Pixel (Amplify). The base code loads `https://amplify.outbrain.com/cp/obtp.js` and calls
// `obApi('track', 'PAGE_VIEW')`; conversions are `obApi('track', '<conversion name>', { orderValue, currency,
// orderId })`. Each call is `https://tr.outbrain.com/unifiedPixel?marketerId=<id>&obApiVersion=…&name=<event>&dl=
// <page>&bust=…` with the conversion's fields; the older image pixel is `tr.outbrain.com/pixel?marketerId=…&name=…`.
// A base code with several marketer ids sends them comma-separated; the account is the field as sent.
// Not hits: the click-id lookup (`tr.outbrain.com/cachedClickId`), the publisher widget (`widgets.outbrain.com/
// outbrain.js`) and its recommendations (`odb.outbrain.com`).

const NAMES: Readonly<Record<string, string>> = {
  dl: 'page_url',
  orderValue: 'value',
  orderId: 'order_id',
  obApiVersion: 'library_version',
  bust: 'cache_buster',
  optOut: 'opt_out',
};
const SKIP: ReadonlySet<string> = new Set(['marketerId', 'name']);
const PIXELS: ReadonlySet<string> = new Set(['/unifiedPixel', '/pixel']);

export const outbrain: TagDecoder = {
  vendor: 'outbrain',
  matches: (url) => {
    const host = url.hostname;
    if (host === 'amplify.outbrain.com') return url.pathname === '/cp/obtp.js';
    return host === 'tr.outbrain.com' && PIXELS.has(url.pathname);
  },
  decode: (url, req): TagHit[] => {
    if (url.pathname === '/cp/obtp.js')
      return [{ vendor: 'outbrain', event: 'library_load', params: { script: 'obtp.js' } }];
    if (!PIXELS.has(url.pathname)) return [];
    const read = pixelFields(url, req);
    return [
      pixelHit('outbrain', read, {
        event: firstOf(read.fields, 'name'),
        account: firstOf(read.fields, 'marketerId'),
        names: NAMES,
        skip: SKIP,
      }),
    ];
  },
};
