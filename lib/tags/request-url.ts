import { parseQuery, type Query } from './query';

// The URL the decoders are handed. Every request of every tab is offered to them, and most are not tags: for
// those, dispatch needs the hostname and the path, nothing else. `new URL` is the costliest step of turning such a
// request away (in Chromium several times the rest of the work), so a URL in the plain form browsers report —
// `https://host.example/path?query`, lower-case host, nothing to normalise — is split without it, and a real URL
// is built only if a decoder asks for anything else. lib/tags/request-url.test.ts checks the split against the
// URL parser on arbitrary input; anything outside the plain form goes to the URL parser as before.

/**
 * A character the URL parser would change in a path, or a `.` segment it would resolve (`/.`, `%2e`); in a query
 * (special schemes, so `'` too). Anything else it keeps as it is — in Node and in Chromium alike: the query's
 * brackets and braces (`cd[value]`, `ed={…}`) stay, but Chromium escapes `|` and `^` in a path, Node does not.
 */
const PATH_CHANGED = /[^A-Za-z0-9\-._~!$&'()*+,;=:@%/]|\/\.|%2[eE]/;
const QUERY_CHANGED = /[^A-Za-z0-9\-._~!$&()*+,;=:@%/?[\]{}|]/;

interface Parts {
  protocol: string;
  hostname: string;
  pathname: string;
  search: string;
}

/**
 * The parts of a URL in the plain form, or undefined when the URL parser has to decide. The plain form: http(s),
 * a host of lower-case letters, digits and hyphens in non-empty labels, the last starting with a letter (no IPv4
 * address, no port, no user) and none starting with `xn--` (Punycode the parser would check); then a path and a
 * query of characters the parser keeps as they are, with no `.` segment (`/.`, `%2e`) for it to resolve.
 */
export function plainParts(raw: string): Parts | undefined {
  let i: number;
  let protocol: string;
  if (raw.startsWith('https://')) (i = 8), (protocol = 'https:');
  else if (raw.startsWith('http://')) (i = 7), (protocol = 'http:');
  else return undefined;
  const hostStart = i;
  let label = i;
  for (; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 47 /* / */ || c === 63 /* ? */) break;
    if (c === 46 /* . */) {
      if (i === label) return undefined;
      label = i + 1;
    } else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45)) return undefined;
  }
  if (i === label) return undefined;
  const last = raw.charCodeAt(label);
  if (last < 97 || last > 122) return undefined;
  const hostname = raw.slice(hostStart, i);
  if (hostname.includes('xn--')) return undefined;
  const queryAt = raw.indexOf('?', i);
  const pathname = queryAt < 0 ? raw.slice(i) : raw.slice(i, queryAt);
  if (PATH_CHANGED.test(pathname)) return undefined;
  const query = queryAt < 0 ? '' : raw.slice(queryAt);
  if (QUERY_CHANGED.test(query)) return undefined;
  // An empty path is `/`; a lone `?` is no query.
  return { protocol, hostname, pathname: pathname || '/', search: query.length > 1 ? query : '' };
}

/**
 * A URL read lazily: protocol, hostname, pathname and search come from the plain form when the request is in it;
 * any other member, or any change, builds the real URL. Decoders never change the URL they are given.
 */
export class RequestUrl implements URL {
  #raw: string;
  #url: URL | undefined;
  #parts: Parts;
  #query: Query | undefined = undefined;

  private constructor(raw: string, parts: Parts, url: URL | undefined) {
    this.#raw = raw;
    this.#parts = parts;
    this.#url = url;
  }

  /**
   * The URL of a request; undefined when it does not parse. The last one is kept: the capture asks mayCarryHits
   * and then decodeRequest about the same request, one after the other. Kept only while nothing changed it.
   */
  static parse(raw: string): RequestUrl | undefined {
    const last = RequestUrl.#last;
    if (last !== undefined && last.#raw === raw && !last.#changed) return last;
    const parts = plainParts(raw);
    let url: URL | undefined;
    if (!parts) {
      try {
        url = new URL(raw);
      } catch {
        return undefined;
      }
    }
    return (RequestUrl.#last = new RequestUrl(raw, parts ?? partsOf(url!), url));
  }

  static #last: RequestUrl | undefined = undefined;
  #changed = false;

  /** The URL's query, parsed once: what `searchParams` holds, at a fraction of the cost. */
  get query(): Query {
    return (this.#query ??= parseQuery(this.#parts.search));
  }

  get protocol(): string {
    return this.#parts.protocol;
  }
  get hostname(): string {
    return this.#parts.hostname;
  }
  get pathname(): string {
    return this.#parts.pathname;
  }
  get search(): string {
    return this.#parts.search;
  }

  get href(): string {
    return this.#real().href;
  }
  get origin(): string {
    return this.#real().origin;
  }
  get host(): string {
    return this.#real().host;
  }
  get port(): string {
    return this.#real().port;
  }
  get username(): string {
    return this.#real().username;
  }
  get password(): string {
    return this.#real().password;
  }
  get hash(): string {
    return this.#real().hash;
  }
  get searchParams(): URLSearchParams {
    return this.#real().searchParams;
  }
  toString(): string {
    return this.#real().toString();
  }
  toJSON(): string {
    return this.#real().toJSON();
  }

  set protocol(value: string) {
    this.#change((u) => (u.protocol = value));
  }
  set hostname(value: string) {
    this.#change((u) => (u.hostname = value));
  }
  set pathname(value: string) {
    this.#change((u) => (u.pathname = value));
  }
  set search(value: string) {
    this.#change((u) => (u.search = value));
  }
  set href(value: string) {
    this.#change((u) => (u.href = value));
  }
  set host(value: string) {
    this.#change((u) => (u.host = value));
  }
  set port(value: string) {
    this.#change((u) => (u.port = value));
  }
  set username(value: string) {
    this.#change((u) => (u.username = value));
  }
  set password(value: string) {
    this.#change((u) => (u.password = value));
  }
  set hash(value: string) {
    this.#change((u) => (u.hash = value));
  }

  #real(): URL {
    return (this.#url ??= new URL(this.#raw));
  }

  #change(set: (url: URL) => void): void {
    this.#changed = true;
    const url = this.#real();
    set(url);
    this.#parts = partsOf(url);
    this.#query = undefined;
  }
}

function partsOf(url: URL): Parts {
  return { protocol: url.protocol, hostname: url.hostname, pathname: url.pathname, search: url.search };
}

const PARSED = Symbol('tagwatch.query');
type WithQuery = URL & { [PARSED]?: Query };

/**
 * The URL's query, parsed once per URL object however many decoders ask: `queryOf(url).get('tid')` answers what
 * `url.searchParams.get('tid')` does. Decoders never modify the URL they are given, so the parse stays true.
 */
export function queryOf(url: URL): Query {
  if (url instanceof RequestUrl) return url.query;
  const held = url as WithQuery;
  return (held[PARSED] ??= parseQuery(url.search));
}
