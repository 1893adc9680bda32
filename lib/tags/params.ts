// Helpers every decoder shares. None of them throws: hostile input degrades to less data, never to an exception.

/** Decode a percent-encoded component; invalid encoding comes back as it was. */
export function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

/** Parse `a=1&b=2` (URLSearchParams is lenient with bad percent-encoding and never throws). */
export function parseForm(text: string): URLSearchParams {
  return new URLSearchParams(text);
}

/** Rename the vendor's short parameter names to human ones; unknown names are kept as they are. */
export function namedParams(
  source: URLSearchParams | Iterable<[string, string]>,
  names: Readonly<Record<string, string>> = {},
  skip: ReadonlySet<string> = new Set(),
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of source) {
    if (skip.has(key)) continue;
    out[names[key] ?? key] = value;
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
export function flatten(value: unknown, prefix = '', out: Record<string, string> = {}, depth = 0): Record<string, string> {
  if (Object.keys(out).length >= FLATTEN_MAX_KEYS) return out;
  if (value === null || value === undefined) {
    if (prefix) out[prefix] = String(value);
    return out;
  }
  if (typeof value !== 'object') {
    if (prefix) out[prefix] = String(value).slice(0, VALUE_MAX);
    return out;
  }
  if (depth >= FLATTEN_MAX_DEPTH) {
    if (prefix) out[prefix] = Array.isArray(value) ? '[…]' : '{…}';
    return out;
  }
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [key, child] of entries) {
    if (Object.keys(out).length >= FLATTEN_MAX_KEYS) break;
    flatten(child, prefix ? `${prefix}.${key}` : key, out, depth + 1);
  }
  return out;
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

export function readBody(body: string | undefined): BodyRead {
  if (!body) return { kind: 'none' };
  const value = parseJson(body);
  if (value !== undefined) return { kind: 'json', value };
  const first = body.trimStart().charAt(0);
  return first === '{' || first === '[' ? { kind: 'broken' } : { kind: 'text', text: body };
}

/** The query's fields followed by a form body's (pixels POST the same fields when the URL would be too long). */
export function withForm(query: URLSearchParams, form: string | undefined): URLSearchParams {
  if (!form) return query;
  const merged = new URLSearchParams(query);
  for (const [k, v] of parseForm(form)) merged.append(k, v);
  return merged;
}
