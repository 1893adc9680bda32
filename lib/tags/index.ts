import { DECODERS } from './registry';
import type { HitRequest, TagDecoder, TagHit } from './types';
import { VENDORS, type VendorId } from './vendors';

export type { HitRequest, TagHit, TagDecoder } from './types';
export { accountFromBasicAuth } from './auth';
export { VENDORS, VENDOR_IDS, isVendorId, vendorsOwning, type VendorId } from './vendors';

/** A user's own endpoint: a first-party proxy or server-side container the built-in decoders cannot know. */
export interface CustomEndpoint {
  /** Host, exactly or as a parent domain: `metrics.shop.example` or `shop.example`. */
  host: string;
  /** Path prefix; '' or '/' for any path. */
  path: string;
  vendor: VendorId;
}

export interface DecodeOptions {
  endpoints?: readonly CustomEndpoint[];
}

const BY_VENDOR = new Map<VendorId, TagDecoder>(DECODERS.map((d) => [d.vendor, d]));

// URL's getters are not fields: each read of `hostname` or `pathname` slices a new string out of `href`, and a
// request is offered to several decoders that each read them a few times. The request's URL reads them once.
const URL_HOSTNAME = Object.getOwnPropertyDescriptor(URL.prototype, 'hostname')!.get!;
const URL_PATHNAME = Object.getOwnPropertyDescriptor(URL.prototype, 'pathname')!.get!;

/**
 * The URL handed to the decoders: a URL, with `hostname` and `pathname` read once. Decoders do not modify the URL;
 * should one, every setter forgets what was read, so what the getters answer is always the URL's own.
 */
class RequestUrl extends URL {
  #hostname: string | undefined = undefined;
  #pathname: string | undefined = undefined;

  override get hostname(): string {
    return (this.#hostname ??= URL_HOSTNAME.call(this) as string);
  }
  override set hostname(value: string) {
    this.#set('hostname', value);
  }
  override get pathname(): string {
    return (this.#pathname ??= URL_PATHNAME.call(this) as string);
  }
  override set pathname(value: string) {
    this.#set('pathname', value);
  }
  override get href(): string {
    return super.href;
  }
  override set href(value: string) {
    this.#set('href', value);
  }
  override get host(): string {
    return super.host;
  }
  override set host(value: string) {
    this.#set('host', value);
  }
  override get protocol(): string {
    return super.protocol;
  }
  override set protocol(value: string) {
    this.#set('protocol', value);
  }

  #set(name: 'hostname' | 'pathname' | 'href' | 'host' | 'protocol', value: string): void {
    Object.getOwnPropertyDescriptor(URL.prototype, name)!.set!.call(this, value);
    this.#hostname = undefined;
    this.#pathname = undefined;
  }
}

function parseUrl(raw: string, memo: boolean): URL | undefined {
  try {
    return memo ? new RequestUrl(raw) : new URL(raw);
  } catch {
    return undefined;
  }
}

function endpointMatches(url: URL, e: CustomEndpoint): boolean {
  const host = e.host.toLowerCase();
  return (url.hostname === host || url.hostname.endsWith(`.${host}`)) && url.pathname.startsWith(e.path || '/');
}

/** Run one decoder; a bug in it yields a hit marked partial rather than an exception in the capture path. */
function run(decoder: TagDecoder, url: URL, req: HitRequest): TagHit[] {
  try {
    return decoder.decode(url, req);
  } catch (error) {
    return [{ vendor: decoder.vendor, params: {}, partial: `decoder error: ${String(error)}` }];
  }
}

/**
 * Host dispatch. Most decoders only ever match on their vendor's own domains (the registry's `hosts`); the rest recognise their
 * payload on any host. For each hostname the candidates are worked out once, in registry order, and kept in a
 * bounded cache: a page talks to a few dozen hosts, and most of its requests are not tags, so the common case is
 * one Map lookup and the few any-host decoders instead of thirty `matches` calls.
 */
const BY_DOMAIN = new Map<string, TagDecoder[]>();
for (const decoder of DECODERS) {
  if (decoder.anyHost) continue;
  for (const domain of VENDORS[decoder.vendor].hosts) {
    const list = BY_DOMAIN.get(domain);
    if (list) list.push(decoder);
    else BY_DOMAIN.set(domain, [decoder]);
  }
}
/** The candidates of every host no decoder names: the any-host decoders. Shared, so most cache entries cost no array. */
const ANY_HOST: readonly TagDecoder[] = DECODERS.filter((d) => d.anyHost);
const CANDIDATES_MAX = 2_000;
/** Longer hostnames (valid DNS names stop at 253) are worked out every time rather than kept. */
const CACHED_HOST_MAX = 253;
const candidatesByHost = new Map<string, readonly TagDecoder[]>();

/** The decoders that can match on `host`, in registry order: any-host ones, and those naming it or a parent domain. */
function candidatesFor(host: string): readonly TagDecoder[] {
  const cached = candidatesByHost.get(host);
  if (cached !== undefined) return cached;
  let named: Set<TagDecoder> | undefined;
  // `host`, then each suffix after a dot: `a.b.facebook.com` → `b.facebook.com` → `facebook.com` → `com`.
  for (let at = -1; ; ) {
    const list = BY_DOMAIN.get(at < 0 ? host : host.slice(at + 1));
    if (list) for (const decoder of list) (named ??= new Set()).add(decoder);
    at = host.indexOf('.', at + 1);
    if (at < 0) break;
  }
  const candidates = named ? DECODERS.filter((d) => d.anyHost || named.has(d)) : ANY_HOST;
  if (host.length <= CACHED_HOST_MAX) {
    if (candidatesByHost.size >= CANDIDATES_MAX) candidatesByHost.clear();
    candidatesByHost.set(host, candidates);
  }
  return candidates;
}

const NO_ENDPOINTS: readonly CustomEndpoint[] = [];

/** `fast`: host dispatch and a RequestUrl; otherwise every decoder, in order, on a plain URL (the reference). */
function decodeWith(req: HitRequest, options: DecodeOptions | undefined, fast: boolean): TagHit[] {
  const url = parseUrl(req.url, fast);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return [];
  for (const endpoint of options?.endpoints ?? NO_ENDPOINTS) {
    const decoder = BY_VENDOR.get(endpoint.vendor);
    if (!decoder || !endpointMatches(url, endpoint)) continue;
    const hits = run(decoder, url, req);
    // A proxied path the vendor's decoder cannot read is still that vendor's traffic.
    return hits.length > 0 ? hits : [{ vendor: endpoint.vendor, params: {} }];
  }
  const decoders = fast ? candidatesFor(url.hostname) : DECODERS;
  for (let i = 0; i < decoders.length; i++) {
    const decoder = decoders[i]!;
    let matched = false;
    try {
      matched = decoder.matches(url, req);
    } catch {
      matched = false;
    }
    if (!matched) continue;
    const hits = run(decoder, url, req);
    if (hits.length > 0) return hits;
  }
  return [];
}

/** Some of these hits have no account, and their vendor's SDK may send it as Basic auth (read it from the headers). */
export function wantsAuthAccount(hits: readonly TagHit[]): boolean {
  return hits.some((h) => h.account === undefined && h.event !== 'library_load' && BY_VENDOR.get(h.vendor)?.accountInBasicAuth === true);
}

/** Contract (DESIGN.md): the tag hits one request carries; [] when no vendor matches. Never throws. */
export function decodeRequest(req: HitRequest, options?: DecodeOptions): TagHit[] {
  return decodeWith(req, options, true);
}

/**
 * @internal For tests only. `decodeRequest` as it is specified: every decoder asked in registry order, on a plain
 * URL, with no host dispatch. lib/tags/dispatch.property.test.ts checks that the two agree on every request.
 */
export function decodeRequestAllDecoders(req: HitRequest, options?: DecodeOptions): TagHit[] {
  return decodeWith(req, options, false);
}
