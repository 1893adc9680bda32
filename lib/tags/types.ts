import type { VendorId } from './vendors';

/** One network request as the decoders see it: plain data, whatever captured it. */
export interface HitRequest {
  url: string;
  method?: string;
  /** The request body as text (UTF-8, or form data re-encoded as `a=1&b=2`), already capped. */
  body?: string;
  /** The webRequest resource type: 'ping' (sendBeacon), 'image', 'xmlhttprequest', 'script', … */
  type?: string;
}

/** One tag hit: what a vendor was told. A request may carry several (GA4 batches). Contract: DESIGN.md. */
export interface TagHit {
  vendor: VendorId;
  /** 'page_view', 'sign_up', 'Lead', …; 'library_load' when the request only loads the vendor's script. */
  event?: string;
  /** Measurement id, pixel id, partner id, report suite, write key… */
  account?: string;
  /** Decoded, human-named where the vendor's short names are known. */
  params: Record<string, string>;
  /** Set when only part of the hit could be read (truncated or malformed body); the reason says what. */
  partial?: string;
}

/** A vendor's decoder: one per file in lib/tags/. Decoders never throw; the registry guards them anyway. */
export type TagDecoder = HostBoundDecoder | AnyHostDecoder;

interface DecoderBase {
  vendor: VendorId;
  /** The vendor's SDK may send the account as HTTP Basic auth's user name (a write key): see lib/tags/auth.ts. */
  accountInBasicAuth?: true;
  /** Cheap test on the parsed URL; `decode` runs only when it is true. */
  matches: (url: URL, req: HitRequest) => boolean;
  decode: (url: URL, req: HitRequest) => TagHit[];
}

/**
 * The usual decoder: a request is offered to it only when its host is one of the vendor's registry hosts
 * (lib/tags/vendors.ts) or a subdomain of one. A host missing there silently drops that host's hits:
 * lib/tags/dispatch.property.test.ts checks the registry's hosts against `matches`.
 */
interface HostBoundDecoder extends DecoderBase {
  anyHost?: undefined;
  pathMarks?: undefined;
}

/**
 * A decoder that recognises its vendor's payload on any host (first-party proxies, self-hosted collectors). Every
 * request of every tab would reach it, so it says what a path it can match looks like: on the vendor's registry
 * hosts it is always asked; elsewhere only when `pathMarks` finds something in the path. Keep such decoders few.
 */
interface AnyHostDecoder extends DecoderBase {
  anyHost: true;
  /**
   * Tested on `url.pathname` before `matches` off the vendor's own hosts: it must find something in every path
   * `matches` can accept there (lib/tags/dispatch.property.test.ts checks it). No flags, no capture groups:
   * dispatch joins the marks of all any-host decoders into one pattern, tested once per request.
   */
  pathMarks: RegExp;
}
