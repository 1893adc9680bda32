import { decodeBase64Text, domainIs, flatten, isRecord, parseForm, parseJson, queryOf, str } from './params';
import type { TagDecoder, TagHit } from './types';

// Mixpanel: mixpanel-js sends `GET|POST https://api-js.mixpanel.com/track/?ip=1&_=…` with `data=` in the query or in
// a form body. `data` is base64 JSON (older versions, still the documented GET form) or plain URL-encoded JSON
// (current versions); direct API clients POST the JSON itself. The JSON is one event or an array of them:
// `{event, properties: {token, distinct_id, …}}`, the project token being the account. `/engage` updates a user
// profile (`{$token, $distinct_id, $set: {…}}`), `/groups` a group profile. `/decide`, `/flags` and `/record`
// (config, feature flags, session replay) are not tracking hits. Library: `cdn.mxpnl.com/libs/mixpanel-2-latest.min.js`.

const TRACK_PATHS: ReadonlySet<string> = new Set(['/track', '/import']);
const PROFILE_PATHS: ReadonlySet<string> = new Set(['/engage', '/groups']);
/** Profile operations, in the order mixpanel-js documents them; the first present names the hit. */
const PROFILE_OPS = ['$set', '$set_once', '$add', '$append', '$union', '$remove', '$unset', '$delete'] as const;

const PROPERTY_NAMES: Readonly<Record<string, string>> = {
  $current_url: 'page_url',
  $referrer: 'referrer',
  $insert_id: 'insert_id',
  $device_id: 'device_id',
  $user_id: 'user_id',
  mp_lib: 'library',
  $lib_version: 'library_version',
};

function endpoint(pathname: string): string {
  return pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
}

type Payload = { json: unknown } | { partial: string };

/** The `data` payload from the query, a form body or a JSON body, decoded to JSON. */
function payload(url: URL, body: string | undefined): Payload {
  let raw = queryOf(url).get('data') ?? undefined;
  const trimmed = body?.trimStart();
  if (trimmed && (trimmed.startsWith('{') || trimmed.startsWith('['))) raw = trimmed;
  else if (body) raw = parseForm(body).get('data') ?? raw;
  if (raw === undefined || raw === '') return { partial: 'no data parameter in the query or the body' };
  const first = raw.trimStart()[0];
  const text = first === '{' || first === '[' ? raw : decodeBase64Text(raw);
  if (text === undefined) return { partial: 'data is neither JSON nor base64-encoded JSON' };
  const json = parseJson(text);
  return json === undefined ? { partial: 'data is not valid JSON (truncated?)' } : { json };
}

function trackHit(entry: unknown): TagHit {
  if (!isRecord(entry)) return { vendor: 'mixpanel', params: {}, partial: 'an event is not an object' };
  const properties = isRecord(entry.properties) ? entry.properties : {};
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(flatten(properties))) {
    if (key === 'token') continue;
    params[PROPERTY_NAMES[key] ?? key] = value;
  }
  return { vendor: 'mixpanel', event: str(entry.event), account: str(properties.token), params };
}

function profileHit(entry: unknown): TagHit {
  if (!isRecord(entry)) return { vendor: 'mixpanel', params: {}, partial: 'a profile update is not an object' };
  const op = PROFILE_OPS.find((name) => name in entry);
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(flatten(entry))) {
    if (key !== '$token') params[key] = value;
  }
  return { vendor: 'mixpanel', event: op ?? 'profile_update', account: str(entry.$token), params };
}

export const mixpanel: TagDecoder = {
  vendor: 'mixpanel',
  matches: (url) => {
    const host = url.hostname;
    if (domainIs(host, 'mxpnl.com')) {
      const path = url.pathname;
      return path.startsWith('/libs/') && path.endsWith('.js');
    }
    if (!host.startsWith('api') || !domainIs(host, 'mixpanel.com')) return false;
    const path = endpoint(url.pathname);
    return TRACK_PATHS.has(path) || PROFILE_PATHS.has(path);
  },
  decode: (url, req): TagHit[] => {
    if (domainIs(url.hostname, 'mxpnl.com')) {
      return [
        {
          vendor: 'mixpanel',
          event: 'library_load',
          params: { script: url.pathname.slice(url.pathname.lastIndexOf('/') + 1) },
        },
      ];
    }
    const track = TRACK_PATHS.has(endpoint(url.pathname));
    const data = payload(url, req.body);
    if ('partial' in data) {
      return [{ vendor: 'mixpanel', event: track ? undefined : 'profile_update', params: {}, partial: data.partial }];
    }
    const entries = Array.isArray(data.json) ? data.json : [data.json];
    return entries.map(track ? trackHit : profileHit);
  },
};
