import { domainIs, flatten, isRecord, nameTable, readBody, str, unreadJsonReason } from './params';
import type { TagDecoder, TagHit } from './types';

// Braze Web SDK. The library: `https://js.appboycdn.com/web-sdk/<version>/braze.min.js` (older `appboy.min.js`).
// `braze.initialize('<API key>', { baseUrl: 'sdk.iad-01.braze.com' })` names the app's API key (the account) and the
// cluster's SDK endpoint (`sdk.iad-0N.braze.com`, `sdk.fra-0N.braze.eu`, …). The SDK batches its data as
// `POST https://<sdk endpoint>/api/v3/data` with a JSON body `{ api_key, device_id, sdk_version, time, events: […],
// attributes: […] }`. Braze documents the calls (logCustomEvent, logPurchase, session start and end, custom
// attributes) but not this wire format, so the body is read defensively: an event entry's `name` is its kind —
// `ce` a custom event (its own name in `data.n`, properties in `data.p`), `p` a purchase (`data.pid` product,
// `data.p` price, `data.c` currency, `data.q` quantity, `data.pr` properties), `ss`/`se` session start/end — and
// any other kind is kept under its code. A data call with only attributes is one `set_attributes` hit; one with
// neither (a refresh asking for content cards or in-app messages) is not a hit, nor are `…/content_cards/sync`,
// `…/feature_flags/sync` and the other config fetches.

const KINDS = nameTable({
  p: 'purchase',
  ss: 'session_start',
  se: 'session_end',
  lr: 'location_recorded',
  i: 'in_app_impression',
  ic: 'in_app_click',
});
const PURCHASE_NAMES: Readonly<Record<string, string>> = {
  pid: 'product_id',
  p: 'price',
  c: 'currency',
  q: 'quantity',
};
const MAX_EVENTS = 100;

function isSdkHost(host: string): boolean {
  return host.startsWith('sdk.') && (domainIs(host, 'braze.com') || domainIs(host, 'braze.eu'));
}

function isLibrary(url: URL): boolean {
  const path = url.pathname;
  return (
    url.hostname === 'js.appboycdn.com' &&
    path.startsWith('/web-sdk/') &&
    (path.endsWith('/braze.min.js') || path.endsWith('/appboy.min.js'))
  );
}

function eventHit(entry: unknown, account: string | undefined, shared: Record<string, string>): TagHit {
  if (!isRecord(entry))
    return { vendor: 'braze', account, params: { ...shared }, partial: 'an event entry is not an object' };
  const kind = str(entry.name);
  const data = isRecord(entry.data) ? entry.data : {};
  const params: Record<string, string> = { ...shared };
  const user = str(entry.user_id);
  if (user) params.user_id = user;
  const session = str(entry.session_id);
  if (session) params.session_id = session;
  if (kind === 'ce') {
    if (isRecord(data.p)) flatten(data.p, '', params);
    return { vendor: 'braze', event: str(data.n) ?? 'custom_event', account, params };
  }
  if (kind === 'p') {
    for (const [short, name] of Object.entries(PURCHASE_NAMES)) {
      const value = str(data[short]);
      if (value !== undefined) params[name] = value;
    }
    if (isRecord(data.pr)) flatten(data.pr, '', params);
    return { vendor: 'braze', event: 'purchase', account, params };
  }
  flatten(data, 'data', params);
  return { vendor: 'braze', event: kind === undefined ? undefined : (KINDS[kind] ?? kind), account, params };
}

export const braze: TagDecoder = {
  vendor: 'braze',
  matches: (url) => (url.pathname === '/api/v3/data' && isSdkHost(url.hostname)) || isLibrary(url),
  decode: (url, req): TagHit[] => {
    if (isLibrary(url)) {
      const version = url.pathname.split('/')[2] ?? '';
      return [
        {
          vendor: 'braze',
          event: 'library_load',
          params: { script: url.pathname.slice(url.pathname.lastIndexOf('/') + 1), version },
        },
      ];
    }
    if (url.pathname !== '/api/v3/data') return [];
    const body = readBody(req.body);
    if (body.kind !== 'json' || !isRecord(body.value))
      return [{ vendor: 'braze', params: {}, partial: unreadJsonReason(body) }];
    const json = body.value;
    const account = str(json.api_key);
    const shared: Record<string, string> = {};
    for (const [key, name] of [
      ['device_id', 'device_id'],
      ['sdk_version', 'sdk_version'],
    ] as const) {
      const value = str(json[key]);
      if (value) shared[name] = value;
    }
    const events = Array.isArray(json.events) ? json.events : [];
    if (events.length > 0) {
      const hits = events.slice(0, MAX_EVENTS).map((e) => eventHit(e, account, shared));
      if (events.length > MAX_EVENTS) hits[hits.length - 1]!.partial = `request cut at ${MAX_EVENTS} events`;
      return hits;
    }
    if (Array.isArray(json.attributes) && json.attributes.length > 0) {
      const params = { ...shared };
      flatten(json.attributes, 'attributes', params);
      return [{ vendor: 'braze', event: 'set_attributes', account, params }];
    }
    return [];
  },
};
