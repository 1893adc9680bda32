import { flattenRenamed, isRecord, namedParams, nameTable, parseJson, queryOf, readBody, str } from './params';
import type { HitRequest, TagDecoder, TagHit } from './types';

// TikTok Pixel (pixel code = `context.pixel.code`, `C…`):
// - POST https://analytics.tiktok.com/api/v2/pixel (and /pixel/act, /pixel/track, /shopify_pixel, the older
//   /api/v1/track) with a JSON body `{ event, event_id, context: { pixel: { code }, page: { url, referrer },
//   user: {…}, library: {…} }, properties: { value, currency, contents } }`.
// - POST /api/v2/pixel/batch with `{ batch: [event, …] }`: one hit per event.
// - GET with the same JSON base64-encoded in `analytics_message` when the body cannot be sent.
// - Library: https://analytics.tiktok.com/i18n/pixel/events.js?sdkid=C… (and the static chunks it loads).
// Telemetry paths (/pixel/inter, /perf, /monitor, /enrich_ipv6) carry no event and are not matched.

const EVENT_PATH = /^\/api\/v\d+\/(?:(?:shopify_)?pixel(?:\/(?:act|track|batch))?|track)\/?$/;
const MAX_EVENTS = 100;
const QUERY_SKIP: ReadonlySet<string> = new Set(['event', 'sdkid', 'pixel_code', 'analytics_message']);
const URL_SAFE_DASH = /-/g;
const URL_SAFE_UNDERSCORE = /_/g;

// Dotted keys of the flattened event, renamed; `properties.` is stripped separately (it is the advertiser's data).
const NAMES = nameTable({
  'context.page.url': 'page_url',
  'context.page.referrer': 'referrer',
  'context.library.name': 'library_name',
  'context.library.version': 'library_version',
  'context.pixel.codes': 'pixel_codes',
  'context.session_id': 'session_id',
});

function isTikTokHost(host: string): boolean {
  // analytics.tiktok.com and its regional twins (analytics-sg., analytics.us.): the first label names the service.
  return host.endsWith('.tiktok.com') && host.startsWith('analytics');
}

function isLibrary(url: URL): boolean {
  return url.pathname.startsWith('/i18n/pixel/') && url.pathname.endsWith('.js');
}

function rename(key: string): string | undefined {
  if (key === 'event' || key === 'context.pixel.code' || key === 'pixel_code') return undefined;
  if (key.startsWith('_inspection.') || key.startsWith('signal_diagnostic_labels.')) return undefined;
  if (key.startsWith('properties.')) return key.slice('properties.'.length);
  if (key.startsWith('context.user.')) return `user_data.${key.slice('context.user.'.length)}`;
  return NAMES[key] ?? key;
}

/** A key's name in params, or undefined when it is dropped (an empty name included). */
function kept(key: string): string | undefined {
  return rename(key) || undefined;
}

function pixelCode(event: Record<string, unknown>): string | undefined {
  const context = isRecord(event.context) ? event.context : undefined;
  const pixel = context && isRecord(context.pixel) ? context.pixel : undefined;
  const codes = pixel ? str(pixel.codes) : undefined;
  return (pixel ? str(pixel.code) : undefined) ?? codes?.split('|', 1)[0] ?? str(event.pixel_code);
}

function hitOf(event: Record<string, unknown>, fallbackAccount: string | undefined): TagHit {
  const params = flattenRenamed(event, kept);
  return {
    vendor: 'tiktok',
    // Auto-collected activity on /act names itself in `action` rather than `event`.
    event: str(event.event) ?? str(event.event_name) ?? str(event.action),
    account: pixelCode(event) ?? fallbackAccount,
    params,
  };
}

/** The event objects of a body: one event, a `batch` (or `data`) list, or a bare list. */
function eventsOf(value: unknown): { events: Array<Record<string, unknown>>; shared?: string; cut: boolean } {
  let list: unknown[];
  let shared: string | undefined;
  if (Array.isArray(value)) list = value;
  else if (isRecord(value)) {
    shared = pixelCode(value);
    const batch = Array.isArray(value.batch) ? value.batch : Array.isArray(value.data) ? value.data : undefined;
    if (!batch) return { events: [value], cut: false };
    list = batch;
  } else return { events: [], cut: false };
  const events: Array<Record<string, unknown>> = [];
  for (const item of list) {
    if (events.length === MAX_EVENTS) return { events, shared, cut: true };
    if (isRecord(item)) events.push(item);
  }
  return { events, shared, cut: false };
}

/** `analytics_message`: the event JSON, base64-encoded, on GET requests. Undefined when it does not decode. */
function fromBase64(text: string): unknown {
  try {
    const binary = atob(text.replace(URL_SAFE_DASH, '+').replace(URL_SAFE_UNDERSCORE, '/'));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return parseJson(new TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
}

function queryHit(url: URL, account: string | undefined, partial?: string): TagHit {
  const q = queryOf(url);
  const hit: TagHit = {
    vendor: 'tiktok',
    event: q.get('event') ?? undefined,
    account,
    params: namedParams(q, NAMES, QUERY_SKIP),
  };
  if (partial) hit.partial = partial;
  return hit;
}

function decodeEvents(value: unknown, fallback: string | undefined): TagHit[] {
  const { events, shared, cut } = eventsOf(value);
  const hits = events.map((e) => hitOf(e, shared ?? fallback));
  const last = hits[hits.length - 1];
  if (cut && last) last.partial = `batch cut at ${MAX_EVENTS} events`;
  return hits;
}

export const tiktok: TagDecoder = {
  vendor: 'tiktok',
  matches: (url) => isTikTokHost(url.hostname) && (EVENT_PATH.test(url.pathname) || isLibrary(url)),
  decode: (url, req: HitRequest): TagHit[] => {
    const sdkid = queryOf(url).get('sdkid') ?? queryOf(url).get('pixel_code') ?? undefined;
    if (isLibrary(url)) return [{ vendor: 'tiktok', event: 'library_load', account: sdkid, params: {} }];

    const body = readBody(req.body);
    if (body.kind === 'json') {
      const hits = decodeEvents(body.value, sdkid);
      return hits.length > 0 ? hits : [queryHit(url, sdkid)];
    }
    if (body.kind === 'broken')
      return [queryHit(url, sdkid, 'body is not valid JSON (cut at the capture limit?): only the URL was read')];
    if (body.kind === 'text') return [queryHit(url, sdkid, 'body is not JSON: only the URL was read')];

    const message = queryOf(url).get('analytics_message');
    if (message) {
      const hits = decodeEvents(fromBase64(message), sdkid);
      return hits.length > 0 ? hits : [queryHit(url, sdkid, 'analytics_message did not decode')];
    }
    return [queryHit(url, sdkid, req.method === 'POST' ? 'request body not available' : undefined)];
  },
};
