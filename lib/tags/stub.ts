import { bytesBody } from './body';
import { decodeRequest, type CustomEndpoint } from './index';
import { vendorsOwning } from './vendors';

// What `--stub-vendors` (and the end-to-end tests) answer locally instead of letting it leave the machine: every
// request Tagwatch decodes as a tag hit — the decoders and the user's custom endpoints decide, so a server-side
// GTM container on `sst.shop.example`, a first-party GA4 proxy or a self-hosted Snowplow or Matomo collector is
// answered like a vendor's own host — and every request to a host the vendor registry gives a vendor (its
// libraries, configuration, cookie syncs), whatever its path.

export interface StubRequest {
  url: string;
  method: string;
  /** The request body as sent (compressed bodies are inflated as the capture path does). */
  body?: Uint8Array | null;
}

export type StubReason = 'tag_hit' | 'vendor_host';

/** Why the request is answered locally, or undefined when it may go out. Never throws. */
export function stubReason(req: StubRequest, endpoints: readonly CustomEndpoint[] = []): StubReason | undefined {
  let host: string;
  try {
    const url = new URL(req.url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    host = url.hostname;
  } catch {
    return undefined;
  }
  if (vendorsOwning(host).length > 0) return 'vendor_host';
  const body = req.body && req.body.length > 0 ? bytesBody([req.body]) : undefined;
  const text = body?.kind === 'text' ? body.text : undefined;
  return decodeRequest(
    { url: req.url, method: req.method, ...(text !== undefined ? { body: text } : {}) },
    { endpoints },
  ).length > 0
    ? 'tag_hit'
    : undefined;
}
