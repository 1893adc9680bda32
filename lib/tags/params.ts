// Helpers every decoder shares. None of them throws: hostile input degrades to less data, never to an exception.
import { parseQuery, Query } from './query';

export { Query, parseQuery } from './query';
export { queryOf } from './request-url';

/** Decode a percent-encoded component; invalid encoding comes back as it was. */
export function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

/** Parse `a=1&b=2` as URLSearchParams would (lenient with bad percent-encoding, never throws), into a Query. */
export function parseForm(text: string): Query {
  return parseQuery(text);
}

const NO_NAMES: Readonly<Record<string, string>> = Object.freeze({});
const NO_SKIP: ReadonlySet<string> = new Set();

/** Rename the vendor's short parameter names to human ones; unknown names are kept as they are. */
export function namedParams(
  source: Query | Iterable<[string, string]>,
  names: Readonly<Record<string, string>> = NO_NAMES,
  skip: ReadonlySet<string> = NO_SKIP,
): Record<string, string> {
  const out: Record<string, string> = {};
  if (source instanceof Query) {
    // The pairs directly: no [name, value] array per field. Own keys only: `constructor` or `toString` in a query
    // must not pick up Object.prototype's functions as names.
    const p = source.pairs;
    for (let i = 0; i < p.length; i += 2) {
      const key = p[i]!;
      if (skip.has(key)) continue;
      out[Object.hasOwn(names, key) ? names[key]! : key] = p[i + 1]!;
    }
    return out;
  }
  for (const [key, value] of source) {
    if (skip.has(key)) continue;
    // Own keys only: `constructor` or `toString` in a query must not pick up Object.prototype's functions as names.
    out[Object.hasOwn(names, key) ? names[key]! : key] = value;
  }
  return out;
}

/** JSON.parse that answers `undefined` instead of throwing. */
export function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return undefined;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string field of a parsed JSON object, or undefined. Numbers and booleans are stringified. */
export function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

const FLATTEN_MAX_KEYS = 200;
const FLATTEN_MAX_DEPTH = 6;
const VALUE_MAX = 2_000;

/**
 * Flatten parsed JSON into dotted keys (`properties.value`, `items.0.sku`) so every vendor's params are one
 * flat record. Bounded in depth, keys and value length: bodies come from arbitrary pages.
 */
export function flatten(
  value: unknown,
  prefix = '',
  out: Record<string, string> = {},
  depth = 0,
): Record<string, string> {
  // The key count is tracked, not recounted at every node: flatten runs once per decoded hit.
  flattenInto(value, prefix, out, depth, { keys: Object.keys(out).length });
  return out;
}

const ARRAY_INDEX = /^(?:0|[1-9]\d*)$/;

function leafText(value: unknown): string {
  return value === null || value === undefined
    ? String(value)
    : typeof value !== 'object'
      ? String(value).slice(0, VALUE_MAX)
      : Array.isArray(value)
        ? '[…]'
        : '{…}';
}

function isLeaf(value: unknown, depth: number): boolean {
  return value === null || value === undefined || typeof value !== 'object' || depth >= FLATTEN_MAX_DEPTH;
}

function flattenInto(
  value: unknown,
  prefix: string,
  out: Record<string, string>,
  depth: number,
  count: { keys: number },
): void {
  if (count.keys >= FLATTEN_MAX_KEYS) return;
  if (isLeaf(value, depth)) {
    if (!prefix) return;
    const had = Object.hasOwn(out, prefix);
    out[prefix] = leafText(value);
    // `__proto__` is the one key an assignment does not add to a plain object: it is not counted.
    if (!had && (prefix !== '__proto__' || Object.hasOwn(out, prefix))) count.keys++;
    return;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length && count.keys < FLATTEN_MAX_KEYS; i++) {
      flattenInto(value[i], prefix ? `${prefix}.${i}` : String(i), out, depth + 1, count);
    }
    return;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) {
    if (count.keys >= FLATTEN_MAX_KEYS) break;
    if (Object.hasOwn(record, key)) flattenInto(record[key], prefix ? `${prefix}.${key}` : key, out, depth + 1, count);
  }
}

/**
 * What `flatten(value)` followed by renaming each key gives (`rename` answers the new name, or undefined to drop
 * the key; later keys win, in flatten's order), in one walk without the intermediate record. The walk gives up and
 * does exactly that, flatten then rename, whenever the two could differ: two keys landing on one name (two paths
 * flattening to one key, `a.b` and `a: { b }`, included), an index-like key renamed, `__proto__`, the key cap.
 */
export function flattenRenamed(
  value: Record<string, unknown>,
  rename: (key: string) => string | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  if (walkRenamed(value, '', out, 0, { keys: 0 }, rename)) return out;
  const flat = flatten(value);
  const renamed: Record<string, string> = {};
  for (const key in flat) {
    const name = rename(key);
    if (name !== undefined) renamed[name] = flat[key]!;
  }
  return renamed;
}

/** flattenInto's walk, writing renamed keys; false as soon as the result could differ from flattening first. */
function walkRenamed(
  value: unknown,
  prefix: string,
  out: Record<string, string>,
  depth: number,
  count: { keys: number },
  rename: (key: string) => string | undefined,
): boolean {
  if (count.keys >= FLATTEN_MAX_KEYS) return false;
  if (isLeaf(value, depth)) {
    if (!prefix) return true;
    if (prefix === '__proto__') return false;
    const name = rename(prefix);
    count.keys++;
    if (name === undefined) return true;
    if (Object.hasOwn(out, name) || name === '__proto__') return false;
    // A record lists index-like keys (`5`) first: renamed to another name, such a key would move.
    if (name !== prefix && ARRAY_INDEX.test(prefix)) return false;
    out[name] = leafText(value);
    return true;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (!walkRenamed(value[i], prefix ? `${prefix}.${i}` : String(i), out, depth + 1, count, rename)) return false;
    }
    return true;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) {
    if (!Object.hasOwn(record, key)) continue;
    if (!walkRenamed(record[key], prefix ? `${prefix}.${key}` : key, out, depth + 1, count, rename)) return false;
  }
  return true;
}

/** Host equals `domain` or is a subdomain of it (`www.facebook.com` ends with `facebook.com`, `notfacebook.com` does not). */
export function hostIs(url: URL, domain: string): boolean {
  const host = url.hostname;
  return host === domain || host.endsWith(`.${domain}`);
}

/** The request body's fields, whether it was sent as a form or as JSON; empty when there is none. */
export function bodyFields(body: string | undefined): Record<string, string> {
  if (!body) return {};
  const json = parseJson(body);
  if (json !== undefined) return flatten(json);
  return namedParams(parseForm(body));
}

/**
 * A name table with no prototype behind it: keys from hostile input (`constructor`, `toString`, `__proto__`)
 * are plain misses instead of reaching Object.prototype's members.
 */
export function nameTable(names: Record<string, string>): Readonly<Record<string, string>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, string>, names));
}

/** What a request body turned out to be. `broken` looks like JSON but does not parse: usually cut at the capture cap. */
export type BodyRead =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'broken' }
  | { kind: 'text'; text: string };

/** Why a body that should be JSON could not be read: the `partial` reason of the hit that stands for it. */
export function unreadJsonReason(read: BodyRead): string {
  return read.kind === 'broken' ? 'the body is not valid JSON (cut at the capture limit?)' : 'no readable JSON body';
}

export function readBody(body: string | undefined): BodyRead {
  if (!body) return { kind: 'none' };
  const value = parseJson(body);
  if (value !== undefined) return { kind: 'json', value };
  const first = body.trimStart().charAt(0);
  return first === '{' || first === '[' ? { kind: 'broken' } : { kind: 'text', text: body };
}

/** The query's fields followed by a form body's (pixels POST the same fields when the URL would be too long). */
export function withForm(query: Query, form: string | undefined): Query {
  if (!form) return query;
  return query.concat(parseForm(form));
}

// Strict UTF-8: a payload that decodes to invalid UTF-8 is binary (compressed, encrypted), not text worth reading.
const UTF8_STRICT = new TextDecoder('utf-8', { fatal: true });
const BASE64_BODY = /^[A-Za-z0-9+/]*$/;
const LINE_BREAKS = /[\t\r\n]/g;
const SPACES = / /g;
const URL_SAFE_PLUS = /-/g;
const URL_SAFE_SLASH = /_/g;
const PADDING = /=+$/;

/**
 * Decode base64 (standard or URL-safe, padded or not) to UTF-8 text; `undefined` when it is not base64 or not
 * text. Never throws. Spaces are read as `+`: an unencoded `+` in a query string arrives as a space.
 */
export function decodeBase64Text(input: string): string | undefined {
  // No trim(): a space at either end may be a `+` the query string turned into one.
  let s = input;
  if (s.includes('\n') || s.includes('\r') || s.includes('\t')) s = s.replace(LINE_BREAKS, '');
  if (s.includes(' ')) s = s.replace(SPACES, '+');
  if (s.includes('-') || s.includes('_')) s = s.replace(URL_SAFE_PLUS, '+').replace(URL_SAFE_SLASH, '/');
  s = s.replace(PADDING, '');
  if (s.length === 0 || s.length % 4 === 1 || !BASE64_BODY.test(s)) return undefined;
  s += '='.repeat((4 - (s.length % 4)) % 4);
  try {
    const binary = atob(s);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return UTF8_STRICT.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * `hostIs` for a hostname already read. `url.hostname` and `url.pathname` are computed getters, and every request
 * goes through every decoder's `matches`: reading each once per call keeps the rejection of non-tag traffic cheap.
 */
export function domainIs(host: string, domain: string): boolean {
  if (host === domain) return true;
  const at = host.length - domain.length - 1;
  return at > 0 && host.charCodeAt(at) === 46 /* '.' */ && host.endsWith(domain);
}
