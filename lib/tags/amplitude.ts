import { flatten, isRecord, parseForm, parseJson, str } from './params';
import type { TagDecoder, TagHit } from './types';

// Amplitude: the Browser SDK (and the HTTP V2 API) POST JSON `{api_key, events: [{event_type, user_id, device_id,
// event_properties, user_properties, …}]}` to `https://api2.amplitude.com/2/httpapi` (EU:
// `api.eu.amplitude.com/2/httpapi`) or `/batch`. The legacy JS SDK POSTs a form to `https://api.amplitude.com/`:
// `client=<api key>&e=<JSON array of events>&v=2&upload_time=…&checksum=…`. Libraries: `cdn.amplitude.com/libs/…js`
// (SDK builds) and `cdn.amplitude.com/script/<api key>.js` (the unified snippet, which names the project).

const INGEST_HOSTS: ReadonlySet<string> = new Set(['api2.amplitude.com', 'api.eu.amplitude.com', 'api.amplitude.com']);
const CDN_HOSTS: ReadonlySet<string> = new Set(['cdn.amplitude.com', 'cdn.eu.amplitude.com']);
const V2_PATHS: ReadonlySet<string> = new Set(['/2/httpapi', '/batch']);

const EVENT_NAMES: Readonly<Record<string, string>> = {
  user_id: 'user_id',
  device_id: 'device_id',
  session_id: 'session_id',
  insert_id: 'insert_id',
  event_id: 'event_id',
  platform: 'platform',
  os_name: 'os_name',
  language: 'language',
  library: 'library',
  ip: 'ip',
  time: 'time',
};
/** The table's pairs, listed once rather than for every event of every batch. */
const EVENT_NAME_PAIRS = Object.entries(EVENT_NAMES);

function trimSlash(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

function eventHit(event: unknown, account: string | undefined): TagHit {
  if (!isRecord(event)) return { vendor: 'amplitude', account, params: {}, partial: 'an event is not an object' };
  const params: Record<string, string> = {};
  for (const [key, name] of EVENT_NAME_PAIRS) {
    const value = str(event[key]);
    if (value !== undefined) params[name] = value;
  }
  if (isRecord(event.user_properties)) flatten(event.user_properties, 'user', params);
  if (isRecord(event.event_properties)) Object.assign(params, flatten(event.event_properties));
  return { vendor: 'amplitude', event: str(event.event_type), account, params };
}

function decodeV2(body: string | undefined): TagHit[] {
  const json = parseJson(body);
  if (!isRecord(json)) {
    return [
      {
        vendor: 'amplitude',
        params: {},
        partial: body ? 'the body is not a JSON object (truncated or not text)' : 'no request body',
      },
    ];
  }
  const account = str(json.api_key);
  if (!Array.isArray(json.events))
    return [{ vendor: 'amplitude', account, params: {}, partial: 'no events array in the body' }];
  return json.events.map((e) => eventHit(e, account));
}

function decodeLegacy(body: string | undefined): TagHit[] {
  const form = parseForm(body ?? '');
  const account = form.get('client') ?? undefined;
  const events = parseJson(form.get('e') ?? undefined);
  if (!Array.isArray(events)) {
    return [
      {
        vendor: 'amplitude',
        account,
        params: {},
        partial: 'the e= events field is missing or not valid JSON (truncated?)',
      },
    ];
  }
  return events.map((e) => eventHit(e, account));
}

export const amplitude: TagDecoder = {
  vendor: 'amplitude',
  matches: (url, req) => {
    const host = url.hostname;
    if (CDN_HOSTS.has(host)) {
      const path = url.pathname;
      return path.startsWith('/libs/') || path.startsWith('/script/');
    }
    if (!INGEST_HOSTS.has(host)) return false;
    const path = trimSlash(url.pathname);
    // The legacy endpoint is the host's root: only a body with the SDK's fields makes it a hit.
    return V2_PATHS.has(path) || (path === '/' && req.body !== undefined && req.body.includes('client='));
  },
  decode: (url, req): TagHit[] => {
    if (CDN_HOSTS.has(url.hostname)) {
      const file = url.pathname.slice(url.pathname.lastIndexOf('/') + 1);
      if (url.pathname.startsWith('/script/')) {
        const key = file.split('.')[0];
        return [
          {
            vendor: 'amplitude',
            event: 'library_load',
            account: key || undefined,
            params: { script: 'unified snippet' },
          },
        ];
      }
      return [{ vendor: 'amplitude', event: 'library_load', params: { script: file } }];
    }
    return trimSlash(url.pathname) === '/' ? decodeLegacy(req.body) : decodeV2(req.body);
  },
};
