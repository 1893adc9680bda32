import { flatten, isRecord, queryOf, readBody, str, unreadJsonReason } from './params';
import { firstOf, pixelFields, pixelHit } from './pixel';
import type { TagDecoder, TagHit } from './types';

// Spotify Pixel (Spotify Ad Analytics). Documented image pixel, for iframes and tag managers that cannot run the
// script: `https://img.byspotify.com/?key=<pixel id>&a=<action>` with `a=init` for a page view and `product`,
// `addtocart`, `checkout`, `lead`, `purchase` (`value`, `order_id`, `discount_code`, `currency`)… The JavaScript
// pixel loads `https://pixel.byspotify.com/ping.min.js`, is configured with `spdt('conf', { key: '<pixel id>' })`
// and sends its events (`spdt('view')`, `spdt('purchase', {…})`, `spdt('alias', { id })`…) as JSON to
// `https://pixels.spotify.com/v1/ingest`: `{ batch: [{ pid: <pixel id>, events: [{ action, body: {…} }] }] }`.
// Spotify documents the calls, not that body: it is read defensively, one hit per event (an entry without `events`
// is one event itself), the event from `action`, the pixel id from `pid` (or `key`), the event's `body` as params.

const NAMES: Readonly<Record<string, string>> = { order_id: 'order_id', discount_code: 'discount_code' };
const SKIP: ReadonlySet<string> = new Set(['key', 'a', 'action']);

const MAX_EVENTS = 100;

function eventHit(event: unknown, pixel: string | undefined): TagHit {
  if (!isRecord(event))
    return { vendor: 'spotify-pixel', account: pixel, params: {}, partial: 'an event entry is not an object' };
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(event)) {
    if (SKIP.has(k) || k === 'pid') continue;
    // The event's own fields are what a plan names: `body.value` is read as `value`.
    if (k === 'body' && isRecord(v)) flatten(v, '', params);
    else flatten(v, k, params);
  }
  return {
    vendor: 'spotify-pixel',
    event: str(event.action) ?? str(event.a),
    account: str(event.pid) ?? str(event.key) ?? pixel,
    params,
  };
}

/** One batch entry: a pixel id with its events, or an event on its own. */
function entryHits(entry: unknown, pixel: string | undefined): TagHit[] {
  if (isRecord(entry) && Array.isArray(entry.events)) {
    const id = str(entry.pid) ?? str(entry.key) ?? pixel;
    return entry.events.map((e) => eventHit(e, id));
  }
  return [eventHit(entry, pixel)];
}

export const spotifyPixel: TagDecoder = {
  vendor: 'spotify-pixel',
  matches: (url) => {
    const host = url.hostname;
    if (host === 'img.byspotify.com') return url.pathname === '/';
    if (host === 'pixel.byspotify.com') return url.pathname === '/ping.min.js';
    return host === 'pixels.spotify.com' && url.pathname === '/v1/ingest';
  },
  decode: (url, req): TagHit[] => {
    const host = url.hostname;
    if (host === 'pixel.byspotify.com')
      return [{ vendor: 'spotify-pixel', event: 'library_load', params: { script: 'ping.min.js' } }];
    if (host === 'img.byspotify.com') {
      const read = pixelFields(url, req);
      return [
        pixelHit('spotify-pixel', read, {
          event: firstOf(read.fields, 'a'),
          account: firstOf(read.fields, 'key'),
          names: NAMES,
          skip: SKIP,
        }),
      ];
    }
    const key = queryOf(url).get('key') ?? undefined;
    const body = readBody(req.body);
    if (body.kind !== 'json')
      return [{ vendor: 'spotify-pixel', account: key, params: {}, partial: unreadJsonReason(body) }];
    const json = body.value;
    const pixel = isRecord(json) ? (str(json.pid) ?? str(json.key) ?? key) : key;
    const entries = isRecord(json) && Array.isArray(json.batch) ? json.batch : Array.isArray(json) ? json : [json];
    const hits = entries.flatMap((e) => entryHits(e, pixel));
    if (hits.length > MAX_EVENTS) {
      const kept = hits.slice(0, MAX_EVENTS);
      kept[MAX_EVENTS - 1]!.partial = `request cut at ${MAX_EVENTS} events`;
      return kept;
    }
    return hits;
  },
};
