import { flatten, namedParams, nameTable, parseJson, queryOf, readBody, str, withForm } from './params';
import type { HitRequest, TagDecoder, TagHit } from './types';

// X (Twitter) Pixel: GET https://analytics.twitter.com/i/adsct?txn_id=PIXEL&p_id=Twitter&… — sent twice, to
// analytics.twitter.com and to t.co, under /i/adsct or /1/i/adsct (POST variants /adsctp carry a form body).
// - Base tag (uwt.js) page view: `events=[["pageview",{}]]` (older) or `event={}` (newer, with event_id = a UUID
//   for deduplication, not a name).
// - Event tags: `txn_id=tw-<pixel>-<event>` with the event's data as JSON in `event`.
// - Legacy single-event tag (oct.js) and <noscript> images: `txn_id=…&tw_sale_amount=…&tw_order_quantity=…`,
//   which do not say which event they are.
// - Library: https://static.ads-twitter.com/uwt.js, …/oct.js (formerly platform.twitter.com/oct.js).

const HOSTS: ReadonlySet<string> = new Set(['analytics.twitter.com', 't.co', 'analytics.x.com']);
const PATHS: ReadonlySet<string> = new Set(['/i/adsct', '/1/i/adsct', '/i/adsctp', '/1/i/adsctp']);
const EVENT_TAG = /^tw-([a-z0-9]+)-([a-z0-9]+)$/i;
const MAX_EVENTS = 100;

const NAMES = nameTable({
  txn_id: 'tag_id',
  p_id: 'pixel_type',
  p_user_id: 'user_id',
  tw_sale_amount: 'value',
  tw_order_quantity: 'quantity',
  tw_document_href: 'page_url',
  tw_iframe_status: 'in_iframe',
  tpx_cb: 'callback',
  pl_id: 'page_load_id',
  pt: 'page_title',
  version: 'library_version',
  dv: 'device_info',
});
const SKIP: ReadonlySet<string> = new Set(['events', 'event', 'tw_event']);

function isLibrary(url: URL): boolean {
  const p = url.pathname;
  if (url.hostname === 'static.ads-twitter.com') return p === '/uwt.js' || p === '/oct.js';
  return url.hostname === 'platform.twitter.com' && p === '/oct.js';
}

function isHit(url: URL): boolean {
  return HOSTS.has(url.hostname) && PATHS.has(url.pathname);
}

/** `events=[["pageview",{…}],…]`: [name, data] pairs; undefined when the field does not parse. */
function eventList(text: string): Array<[string | undefined, unknown]> | undefined {
  const list = parseJson(text);
  if (!Array.isArray(list)) return undefined;
  const out: Array<[string | undefined, unknown]> = [];
  for (const entry of list.slice(0, MAX_EVENTS)) {
    if (Array.isArray(entry)) out.push([str(entry[0]), entry[1]]);
    else out.push([str(entry), undefined]);
  }
  return out;
}

export const x: TagDecoder = {
  vendor: 'x',
  matches: (url) => isHit(url) || isLibrary(url),
  decode: (url, req: HitRequest): TagHit[] => {
    if (isLibrary(url)) return [{ vendor: 'x', event: 'library_load', params: {} }];
    if (!isHit(url)) return [];

    const body = readBody(req.body);
    const fields = withForm(queryOf(url), body.kind === 'text' ? body.text : undefined);
    const shared = namedParams(fields, NAMES, SKIP);
    const txn = fields.get('txn_id') ?? undefined;
    const tag = txn ? EVENT_TAG.exec(txn) : null;
    const account = tag ? tag[1] : txn;
    const partials: string[] = [];
    if (body.kind === 'broken')
      partials.push('body is not valid JSON (cut at the capture limit?): only the URL was read');

    const eventsText = fields.get('events');
    const events = eventsText === null ? undefined : eventList(eventsText);
    if (eventsText !== null && events === undefined) partials.push('events is not valid JSON');
    if (events && events.length > 0) {
      return events.map(([name, data], i) => {
        const hit: TagHit = { vendor: 'x', event: name, account, params: { ...shared, ...flatten(data) } };
        if (i === 0 && partials.length > 0) hit.partial = partials.join('; ');
        return hit;
      });
    }

    const dataText = fields.get('event');
    const data = dataText === null ? undefined : parseJson(dataText);
    if (dataText !== null && data === undefined) partials.push('event is not valid JSON');
    const params = data === undefined ? shared : { ...shared, ...flatten(data) };
    if (dataText !== null && data === undefined) params.event_data = dataText;
    // An event tag names itself (tw-pixel-event); the base tag's `event={}` is its page view.
    const event = tag ? txn : (fields.get('tw_event') ?? (dataText !== null ? 'pageview' : undefined));
    const hit: TagHit = { vendor: 'x', event, account, params };
    if (partials.length > 0) hit.partial = partials.join('; ');
    return [hit];
  },
};
