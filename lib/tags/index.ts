import { HostDispatch } from './dispatch';
import { DECODERS } from './registry';
import { RequestUrl } from './request-url';
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

function parseUrl(raw: string, fast: boolean): URL | undefined {
  if (fast) return RequestUrl.parse(raw);
  try {
    return new URL(raw);
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

const NO_ENDPOINTS: readonly CustomEndpoint[] = [];

/** The decoders one `decodeRequest` asks, and how. */
interface Registry {
  decoders: readonly TagDecoder[];
  byVendor: ReadonlyMap<VendorId, TagDecoder>;
  /** Undefined: every decoder, in order, on a plain URL (the reference); otherwise host dispatch and a RequestUrl. */
  dispatch?: HostDispatch;
}

function matches(decoder: TagDecoder, url: URL, req: HitRequest): boolean {
  try {
    return decoder.matches(url, req);
  } catch {
    return false;
  }
}

function decodeWith(req: HitRequest, options: DecodeOptions | undefined, registry: Registry): TagHit[] {
  const { dispatch } = registry;
  const url = parseUrl(req.url, dispatch !== undefined);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return [];
  for (const endpoint of options?.endpoints ?? NO_ENDPOINTS) {
    const decoder = registry.byVendor.get(endpoint.vendor);
    if (!decoder || !endpointMatches(url, endpoint)) continue;
    const hits = run(decoder, url, req);
    // A proxied path the vendor's decoder cannot read is still that vendor's traffic.
    return hits.length > 0 ? hits : [{ vendor: endpoint.vendor, params: {} }];
  }
  if (!dispatch) {
    for (const decoder of registry.decoders) {
      if (!matches(decoder, url, req)) continue;
      const hits = run(decoder, url, req);
      if (hits.length > 0) return hits;
    }
    return [];
  }
  const { decoders, marked, anyMarked } = dispatch.candidates(url.hostname);
  const path = url.pathname;
  // Off their hosts, the any-host decoders are asked only about a path that carries one of their marks.
  const markedPath = anyMarked && dispatch.marked(path);
  for (let i = 0; i < decoders.length; i++) {
    const decoder = decoders[i]!;
    if (marked[i] && !(markedPath && decoder.pathMarks!.test(path))) continue;
    if (!matches(decoder, url, req)) continue;
    const hits = run(decoder, url, req);
    if (hits.length > 0) return hits;
  }
  return [];
}

function mayCarryHitsWith(
  raw: string,
  options: DecodeOptions | undefined,
  registry: Registry,
  dispatch: HostDispatch,
): boolean {
  const url = RequestUrl.parse(raw);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return false;
  for (const endpoint of options?.endpoints ?? NO_ENDPOINTS) {
    if (registry.byVendor.has(endpoint.vendor) && endpointMatches(url, endpoint)) return true;
  }
  const { anyMarked, anyUnmarked } = dispatch.candidates(url.hostname);
  return anyUnmarked || (anyMarked && dispatch.marked(url.pathname));
}

function registryOf(decoders: readonly TagDecoder[], dispatch: HostDispatch | undefined): Registry {
  return { decoders, byVendor: new Map(decoders.map((d) => [d.vendor, d])), ...(dispatch ? { dispatch } : {}) };
}

const hostsOf = (decoder: TagDecoder): readonly string[] => VENDORS[decoder.vendor].hosts;
const DISPATCHED = registryOf(DECODERS, new HostDispatch(DECODERS, hostsOf));
const REFERENCE = registryOf(DECODERS, undefined);

/** Some of these hits have no account, and their vendor's SDK may send it as Basic auth (read it from the headers). */
export function wantsAuthAccount(hits: readonly TagHit[]): boolean {
  return hits.some(
    (h) =>
      h.account === undefined &&
      h.event !== 'library_load' &&
      DISPATCHED.byVendor.get(h.vendor)?.accountInBasicAuth === true,
  );
}

/** Contract (DESIGN.md): the tag hits one request carries; [] when no vendor matches. Never throws. */
export function decodeRequest(req: HitRequest, options?: DecodeOptions): TagHit[] {
  return decodeWith(req, options, DISPATCHED);
}

/**
 * False when no decoder could find a hit in a request to `url`, whatever its body: no custom endpoint, no decoder
 * named for its host, no any-host decoder's mark in its path. The capture asks before reading a request's body,
 * so the bodies of the page's other requests (uploads, compressed RUM beacons) are never decoded. Cheap: the URL
 * split and the host's candidates are what decodeRequest works out first anyway (and keeps for it).
 */
export function mayCarryHits(url: string, options?: DecodeOptions): boolean {
  return mayCarryHitsWith(url, options, DISPATCHED, DISPATCHED.dispatch!);
}

/**
 * @internal For tests only. `decodeRequest` as it is specified: every decoder asked in registry order, on a plain
 * URL, with no host dispatch. lib/tags/dispatch.property.test.ts checks that the two agree on every request.
 */
export function decodeRequestAllDecoders(req: HitRequest, options?: DecodeOptions): TagHit[] {
  return decodeWith(req, options, REFERENCE);
}

/**
 * @internal For benches and tests. `decodeRequest` and `mayCarryHits` over another list of decoders (the bench's
 * registry grown to 85), with the same host dispatch; `hosts` gives each decoder's registry hosts.
 */
export function decoderOver(
  decoders: readonly TagDecoder[],
  hosts: (decoder: TagDecoder) => readonly string[],
): {
  decode: (req: HitRequest, options?: DecodeOptions) => TagHit[];
  mayCarryHits: (url: string, options?: DecodeOptions) => boolean;
} {
  const dispatch = new HostDispatch(decoders, hosts);
  const registry = registryOf(decoders, dispatch);
  return {
    decode: (req, options) => decodeWith(req, options, registry),
    mayCarryHits: (url, options) => mayCarryHitsWith(url, options, registry, dispatch),
  };
}
