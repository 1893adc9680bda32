import { flatten, isRecord, nameTable, parseJson, str } from './params';
import type { TagDecoder, TagHit } from './types';
import type { VendorId } from './vendors';

// Segment: analytics.js POSTs JSON to `https://api.segment.io/v1/<t|p|i|g|a|s|track|page|…>` (one message) or
// `/v1/batch` / `/v1/b` (`{batch: [message…]}`). A message is the Segment Spec: `type`, `event` (track),
// `properties`, `traits`, `userId`, `anonymousId`, `context`. The write key travels as Basic auth (invisible to
// webRequest) or as `writeKey` in the body. The library: `cdn.segment.com/analytics.js/v1/<writeKey>/analytics.min.js`.
// RudderStack speaks the same Spec, so the message reading below is shared with rudderstack.ts.

/** URL path endings of the Spec's call types, short (analytics.js) and long (HTTP API). */
/** Prototype-free: a path ending in `/constructor` names no call type. */
const CALL_TYPES = nameTable({
  t: 'track',
  p: 'page',
  i: 'identify',
  g: 'group',
  a: 'alias',
  s: 'screen',
  track: 'track',
  page: 'page',
  identify: 'identify',
  group: 'group',
  alias: 'alias',
  screen: 'screen',
});

/** Top-level Spec fields, renamed; `properties` are spread unprefixed (they are what the plan's params name). */
const MESSAGE_NAMES: Readonly<Record<string, string>> = {
  userId: 'user_id',
  anonymousId: 'anonymous_id',
  messageId: 'message_id',
  groupId: 'group_id',
  previousId: 'previous_id',
  name: 'page_name',
  category: 'page_category',
  channel: 'channel',
};

/** What a Spec path says: a call type, a batch, or neither (`/v1/m` is analytics.js telemetry, not a hit). */
export function specPathKind(pathname: string): string | 'batch' | undefined {
  const trimmed = pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
  const last = trimmed.slice(trimmed.lastIndexOf('/') + 1);
  if (last === 'batch' || last === 'b') return 'batch';
  return CALL_TYPES[last];
}

function messageParams(message: Record<string, unknown>): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, name] of Object.entries(MESSAGE_NAMES)) {
    const value = str(message[key]);
    if (value !== undefined) params[name] = value;
  }
  const context = message.context;
  if (isRecord(context)) {
    const page = context.page;
    if (isRecord(page)) {
      const url = str(page.url);
      const referrer = str(page.referrer);
      const title = str(page.title);
      if (url) params.page_url = url;
      if (referrer) params.referrer = referrer;
      if (title) params.page_title = title;
    }
    const library = context.library;
    if (isRecord(library)) {
      const name = str(library.name);
      if (name) params.library = [name, str(library.version)].filter(Boolean).join(' ');
    }
  }
  if (isRecord(message.traits)) flatten(message.traits, 'traits', params);
  if (isRecord(message.properties)) Object.assign(params, flatten(message.properties));
  return params;
}

/** One Spec message as a hit: track → its `event`; every other call → its type ('page', 'identify', …). */
export function specMessageHit(
  vendor: VendorId,
  message: unknown,
  typeHint: string | undefined,
  account: string | undefined,
): TagHit {
  if (!isRecord(message))
    return { vendor, event: typeHint, account, params: {}, partial: 'a batch entry is not an object' };
  const type = str(message.type) ?? typeHint;
  const name = str(message.event);
  const event = type === 'track' || type === undefined ? (name ?? type) : type;
  return { vendor, event, account: str(message.writeKey) ?? account, params: messageParams(message) };
}

/** The hits of a Spec request body: one per message, a batch giving several. */
export function decodeSpecBody(
  vendor: VendorId,
  body: string | undefined,
  kind: string | 'batch',
  account: string | undefined,
): TagHit[] {
  const typeHint = kind === 'batch' ? undefined : kind;
  // Unread, a track call's name is unknown: 'track' would look like an event name, so it is left out.
  const unread = typeHint === 'track' ? undefined : typeHint;
  if (!body) return [{ vendor, event: unread, account, params: {}, partial: 'no request body' }];
  const json = parseJson(body);
  if (!isRecord(json)) {
    return [
      { vendor, event: unread, account, params: {}, partial: 'the body is not a JSON object (truncated or not text)' },
    ];
  }
  const writeKey = str(json.writeKey) ?? account;
  if (Array.isArray(json.batch)) return json.batch.map((m) => specMessageHit(vendor, m, undefined, writeKey));
  return [specMessageHit(vendor, json, typeHint, writeKey)];
}

const CDN_PREFIX = '/analytics.js/v1/';

function isSegmentApi(host: string): boolean {
  return host === 'api.segment.io' || host === 'api.segment.com' || host.endsWith('.segmentapis.com');
}

export const segment: TagDecoder = {
  vendor: 'segment',
  accountInBasicAuth: true,
  anyHost: true,
  // Off Segment's hosts: the CDN path of analytics.js, proxied.
  pathMarks: /^\/analytics\.js\/v1\//,
  matches: (url) => {
    const path = url.pathname;
    // The CDN path carries the write key and is specific enough to trust on a first-party proxy too.
    if (path.startsWith(CDN_PREFIX)) return path.endsWith('.js');
    return path.startsWith('/v1/') && isSegmentApi(url.hostname);
  },
  decode: (url, req): TagHit[] => {
    if (url.pathname.startsWith(CDN_PREFIX)) {
      const key = url.pathname.slice(CDN_PREFIX.length).split('/')[0];
      return [
        { vendor: 'segment', event: 'library_load', account: key || undefined, params: { script: 'analytics.js' } },
      ];
    }
    const kind = specPathKind(url.pathname);
    if (kind === undefined) return [];
    return decodeSpecBody('segment', req.body, kind, undefined);
  },
};
