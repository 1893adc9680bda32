// lz-string is CommonJS: its default export is the one Node's ESM loader and the bundler both give.
import LZString from 'lz-string';
import { decodeBase64Text, domainIs, flatten, isRecord, parseForm, parseJson, queryOf, str } from './params';
import type { TagDecoder, TagHit } from './types';

// PostHog: posthog-js POSTs to `https://us.i.posthog.com/e/` (EU: `eu.i.posthog.com`, legacy `app.posthog.com`);
// the HTTP API documents `/i/v0/e/`, `/capture/` (one event) and `/batch/` (`{api_key, batch: […]}`). The body
// is JSON, an array of events, or a form `data=<base64 JSON>`; with `?compression=gzip-js` it is gzip (current
// posthog-js gzips without the parameter too): lib/tags/body.ts inflates it by its magic bytes before it gets here.
// `?compression=lz64` (older posthog-js) is a form `data=<lz-string base64>`, read with lz-string. An event is `{event: '$pageview' | '$autocapture' | <custom>, properties:
// {token, distinct_id, $current_url, …}}`; the project API key (`api_key` or `properties.token`) is the account.
// `/decide/` and `/flags/` fetch configuration and are not hits. Libraries: `…/static/array.js` and the
// per-project loader `…/array/<token>/config.js`.

const EVENT_PATHS: ReadonlySet<string> = new Set(['/e', '/i/v0/e', '/batch', '/capture', '/track', '/engage', '/s']);
const COMPRESSED: ReadonlySet<string> = new Set(['gzip-js', 'gzip', 'lz64']);
const ARRAY_CONFIG = /^\/array\/([^/]+)\/config/;

const PROPERTY_NAMES: Readonly<Record<string, string>> = {
  $current_url: 'page_url',
  $referrer: 'referrer',
  $pathname: 'page_path',
  $session_id: 'session_id',
  $host: 'host',
  $lib: 'library',
  $lib_version: 'library_version',
  $insert_id: 'insert_id',
};

function endpoint(pathname: string): string {
  return pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
}

function libraryHit(path: string): TagHit | undefined {
  const token = ARRAY_CONFIG.exec(path)?.[1];
  if (token !== undefined)
    return { vendor: 'posthog', event: 'library_load', account: token, params: { script: 'config.js' } };
  if (path.startsWith('/static/') && path.endsWith('.js')) {
    return { vendor: 'posthog', event: 'library_load', params: { script: path.slice('/static/'.length) } };
  }
  return undefined;
}

type Payload = { json: unknown } | { partial: string };

/** `data=` of an lz64 body: lz-string's base64 form. Empty output means it was not lz-string. */
function lz64(url: URL, body: string | undefined): string | undefined {
  const data = (body ? parseForm(body).get('data') : null) ?? queryOf(url).get('data');
  if (!data) return undefined;
  try {
    return LZString.decompressFromBase64(data.replace(/ /g, '+')) || undefined;
  } catch {
    return undefined;
  }
}

function payload(url: URL, body: string | undefined): Payload {
  const compression = queryOf(url).get('compression');
  const trimmed = body?.trimStart();
  const plain = trimmed !== undefined && (trimmed.startsWith('{') || trimmed.startsWith('['));
  if (compression === 'lz64' && !plain) {
    const text = lz64(url, body);
    const json = parseJson(text);
    return json === undefined ? { partial: 'lz64 body could not be decompressed' } : { json };
  }
  // A gzip body arrives here inflated; one that is still not text could not be inflated.
  if (compression !== null && COMPRESSED.has(compression) && !plain) return { partial: 'compressed body' };
  let text: string | undefined;
  if (plain) {
    text = trimmed;
  } else {
    const data = (body ? parseForm(body).get('data') : null) ?? queryOf(url).get('data');
    if (data === null || data === '') return { partial: body ? 'compressed body' : 'no request body' };
    const first = data.trimStart()[0];
    text = first === '{' || first === '[' ? data : decodeBase64Text(data);
    if (text === undefined) return { partial: 'compressed body' };
  }
  const json = parseJson(text);
  return json === undefined ? { partial: 'the body is not valid JSON (truncated?)' } : { json };
}

function eventHit(entry: unknown, apiKey: string | undefined): TagHit {
  if (!isRecord(entry)) return { vendor: 'posthog', account: apiKey, params: {}, partial: 'an event is not an object' };
  const properties = isRecord(entry.properties) ? entry.properties : {};
  const params: Record<string, string> = {};
  const distinct = str(entry.distinct_id) ?? str(properties.distinct_id);
  if (distinct !== undefined) params.distinct_id = distinct;
  const flat = flatten(properties);
  // for…in rather than Object.entries: flatten's record has only its own keys, in the same order, and no pair array per key.
  for (const key in flat) {
    if (key === 'token' || key === 'distinct_id') continue;
    const value = flat[key]!;
    params[PROPERTY_NAMES[key] ?? key] = value;
  }
  const account = str(entry.api_key) ?? str(properties.token) ?? apiKey;
  return { vendor: 'posthog', event: str(entry.event), account, params };
}

export const posthog: TagDecoder = {
  vendor: 'posthog',
  matches: (url) => {
    if (!domainIs(url.hostname, 'posthog.com')) return false;
    const path = url.pathname;
    return EVENT_PATHS.has(endpoint(path)) || libraryHit(path) !== undefined;
  },
  decode: (url, req): TagHit[] => {
    const lib = libraryHit(url.pathname);
    if (lib) return [lib];
    const data = payload(url, req.body);
    if ('partial' in data) {
      // Session recording uploads (`/s/`) are always `$snapshot` events, compressed or not.
      const event = endpoint(url.pathname) === '/s' ? '$snapshot' : undefined;
      return [{ vendor: 'posthog', event, params: {}, partial: data.partial }];
    }
    const json = data.json;
    if (Array.isArray(json)) return json.map((e) => eventHit(e, undefined));
    if (!isRecord(json)) return [];
    const apiKey = str(json.api_key) ?? str(json.token);
    if (Array.isArray(json.batch)) return json.batch.map((e) => eventHit(e, apiKey));
    return [eventHit(json, apiKey)];
  },
};
