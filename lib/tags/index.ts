import { DECODERS } from './registry';
import type { HitRequest, TagDecoder, TagHit } from './types';
import type { VendorId } from './vendors';

export type { HitRequest, TagHit, TagDecoder } from './types';
export { VENDORS, VENDOR_IDS, isVendorId, type VendorId } from './vendors';

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

function parseUrl(raw: string): URL | undefined {
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

/** Contract (DESIGN.md): the tag hits one request carries; [] when no vendor matches. Never throws. */
export function decodeRequest(req: HitRequest, options: DecodeOptions = {}): TagHit[] {
  const url = parseUrl(req.url);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return [];
  for (const endpoint of options.endpoints ?? []) {
    const decoder = BY_VENDOR.get(endpoint.vendor);
    if (!decoder || !endpointMatches(url, endpoint)) continue;
    const hits = run(decoder, url, req);
    // A proxied path the vendor's decoder cannot read is still that vendor's traffic.
    return hits.length > 0 ? hits : [{ vendor: endpoint.vendor, params: {} }];
  }
  for (const decoder of DECODERS) {
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
