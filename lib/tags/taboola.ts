import { firstOf, pixelFields, pixelHit } from './pixel';
import type { TagDecoder, TagHit } from './types';

// Taboola Pixel (advertisers). The base code pushes `{ notify: 'event', name: 'page_view', id: <account id> }` and
// loads `https://cdn.taboola.com/libtrc/unip/<account id>/tfa.js`; other events are pushed as `{ notify: 'event'`
// (or `'ecevent'`)`, name: '<event>', id, revenue, currency, orderid, quantity }`. Each is sent as
// `https://trc.taboola.com/<account id>/log/3/unip?en=<event>&…` (also `trc-events.taboola.com`). The documented
// server-to-server postback, `https://trc.taboola.com/actions-handler/log/3/s2s-action?click-id=…&name=<event>&
// revenue=…&currency=…&orderid=…`, names no account. Not hits: the publisher side — the recommendation widget's
// loader (`cdn.taboola.com/libtrc/<publisher>/loader.js`) and its requests (`trc.taboola.com/<publisher>/trc/3/json`).

const UNIP = /^\/([^/]+)\/log\/3\/unip\/?$/;
const LIBRARY = /^\/libtrc\/unip\/([^/]+)\/tfa\.js$/;
const POSTBACK = '/actions-handler/log/3/s2s-action';
const NAMES: Readonly<Record<string, string>> = {
  orderid: 'order_id',
  'item-url': 'page_url',
  ref: 'referrer',
  tim: 'timestamp',
  cv: 'library_version',
  'click-id': 'click_id',
};
const SKIP: ReadonlySet<string> = new Set(['en', 'name']);

function isTrcHost(host: string): boolean {
  return host === 'trc.taboola.com' || host === 'trc-events.taboola.com';
}

export const taboola: TagDecoder = {
  vendor: 'taboola',
  matches: (url) => {
    const host = url.hostname;
    if (host === 'cdn.taboola.com') return LIBRARY.test(url.pathname);
    return isTrcHost(host) && (url.pathname === POSTBACK || UNIP.test(url.pathname));
  },
  decode: (url, req): TagHit[] => {
    const path = url.pathname;
    if (url.hostname === 'cdn.taboola.com') {
      const id = LIBRARY.exec(path)?.[1];
      return id ? [{ vendor: 'taboola', event: 'library_load', account: id, params: { script: 'tfa.js' } }] : [];
    }
    const read = pixelFields(url, req);
    if (path === POSTBACK)
      return [pixelHit('taboola', read, { event: firstOf(read.fields, 'name'), names: NAMES, skip: SKIP })];
    const account = UNIP.exec(path)?.[1];
    if (account === undefined) return [];
    return [
      pixelHit('taboola', read, { event: firstOf(read.fields, 'en', 'name'), account, names: NAMES, skip: SKIP }),
    ];
  },
};
