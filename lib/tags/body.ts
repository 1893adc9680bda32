// Turning what webRequest (or the page hooks) saw of a request body into bounded text for the decoders:
// compressed bodies (gzip, zlib deflate — by their magic bytes, whatever the headers say) are inflated up to the
// cap, and text that only wraps JSON (base64, URL-encoded) is unwrapped, so every decoder reads plain JSON or form
// text. What cannot be read says why (`problem`), and that reason is stored on the hits as `partial`.

import { decodeBase64Text, safeDecode } from './params';
import { compressionOf, inflateCapped, type Compression } from './inflate';

/** Bodies are capped at 64 KiB of text — after inflating: enough for any tag batch seen in practice; the rest is cut, not dropped. */
export const BODY_CAP = 64 * 1024;

/** The shape of `webRequest.onBeforeRequest` details.requestBody, as plain data. */
export interface RawRequestBody {
  raw?: Array<{ bytes?: ArrayBuffer | ArrayBufferView; file?: string }>;
  formData?: Record<string, string[] | undefined>;
  error?: string;
}

/** How the body was wrapped on the wire before it became the text the decoders read. */
export type BodyEncoding = Compression | 'base64' | 'url';

export type BodyText =
  | { kind: 'none' }
  | {
      kind: 'text';
      text: string;
      /** Cut at BODY_CAP: the hits it carries are stored marked partial. */
      truncated: boolean;
      /** Bytes as sent (compressed size for a compressed body). */
      bytes: number;
      encoding?: BodyEncoding;
      /** Why only part of the body could be read, in a user's words. */
      problem?: string;
    }
  | { kind: 'binary'; bytes: number; problem?: string }
  /** The browser did not give us the body (Chromium's Blob `sendBeacon`): the page hooks may still deliver it. */
  | { kind: 'unavailable'; reason: string };

const decoder = new TextDecoder('utf-8', { fatal: false });

function toBytes(chunk: ArrayBuffer | ArrayBufferView): Uint8Array {
  return chunk instanceof ArrayBuffer
    ? new Uint8Array(chunk)
    : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/** Binary when a NUL byte or many control bytes appear in the first kilobyte: not worth decoding as text. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 1024);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return n > 0 && control / n > 0.1;
}

export function capText(text: string): { text: string; truncated: boolean } {
  return text.length > BODY_CAP ? { text: text.slice(0, BODY_CAP), truncated: true } : { text, truncated: false };
}

/** The first `n` bytes of a body split in parts, copied only when they straddle parts. */
function head(parts: readonly Uint8Array[], total: number, n: number): Uint8Array {
  const first = parts[0]!;
  if (first.length >= Math.min(n, total)) return first.subarray(0, n);
  const out = new Uint8Array(Math.min(total, n));
  let offset = 0;
  for (const p of parts) {
    if (offset >= out.length) break;
    const take = p.subarray(0, out.length - offset);
    out.set(take, offset);
    offset += take.length;
  }
  return out;
}

const KIB = (n: number) => `${Math.round(n / 1024)} KiB`;

/** A compressed body inflated to at most BODY_CAP bytes, or undefined when it was not really compressed. */
function inflatedBody(parts: readonly Uint8Array[], total: number, compression: Compression): BodyText | undefined {
  const result = inflateCapped(parts, compression, BODY_CAP);
  const name = compression === 'gzip' ? 'gzip' : 'deflate';
  // A text body may start with two characters that read as a zlib header ("x^…"): unless it inflates whole, it is text.
  if (
    compression === 'deflate' &&
    result.kind !== 'complete' &&
    result.kind !== 'capped' &&
    !looksBinary(head(parts, total, 1024))
  )
    return undefined;
  if (result.kind === 'corrupt')
    return { kind: 'binary', bytes: total, problem: `the ${name} body is corrupt (${result.error}): not decoded` };
  const problem =
    result.kind === 'capped'
      ? `the ${name} body inflates past ${KIB(BODY_CAP)} (${total} bytes compressed): cut at ${KIB(BODY_CAP)}`
      : result.kind === 'truncated'
        ? `the ${name} body is cut short (${total} bytes received): read up to the cut`
        : undefined;
  if (looksBinary(result.bytes))
    return {
      kind: 'binary',
      bytes: total,
      problem: problem ?? `the ${name} body holds binary data, not text: not decoded`,
    };
  return {
    kind: 'text',
    text: decoder.decode(result.bytes),
    truncated: result.kind === 'capped',
    bytes: total,
    encoding: compression,
    ...(problem ? { problem } : {}),
  };
}

/** A body given as bytes (webRequest's raw parts, or the page hooks' copy): inflated, decoded and unwrapped. */
export function bytesBody(parts: readonly Uint8Array[]): BodyText {
  let total = 0;
  for (const p of parts) total += p.length;
  if (total === 0) return { kind: 'none' };
  const nonEmpty = parts.filter((p) => p.length > 0);
  const compression = compressionOf(head(nonEmpty, total, 3));
  if (compression) {
    const inflated = inflatedBody(nonEmpty, total, compression);
    if (inflated) return inflated;
  }
  // Only the first BODY_CAP bytes are decoded: a 10 MB body costs no more than a 64 KiB one.
  const start = head(nonEmpty, total, BODY_CAP);
  if (looksBinary(start)) return { kind: 'binary', bytes: total };
  return unwrapped(decoder.decode(start), total > BODY_CAP, total);
}

const URL_ENCODED_JSON = /^%(7B|5B)/i;
/** Base64 of `{"`, `[{` / `["` / `[]` and of gzip's magic bytes: the only base64 bodies worth unwrapping. */
const BASE64_START = /^(eyJ|W3s|WyJ|W10|H4sI)/;
const BASE64_WHOLE = /^[A-Za-z0-9+/_-]+={0,2}$/;

/** Text that only wraps JSON — URL-encoded or base64, gzip inside base64 included — unwrapped; any other text as it is. */
function unwrapped(text: string, truncated: boolean, bytes: number): BodyText {
  const plain: BodyText = { kind: 'text', text, truncated, bytes };
  // The first characters decide, so ordinary bodies (JSON, forms) cost one or two character tests.
  const first = text.charCodeAt(0);
  if (first === 37 /* % */ && URL_ENCODED_JSON.test(text)) {
    const decoded = capText(safeDecode(text.trim()));
    return { kind: 'text', text: decoded.text, truncated: truncated || decoded.truncated, bytes, encoding: 'url' };
  }
  if ((first === 101 || first === 87 || first === 72) /* e W H */ && BASE64_START.test(text)) {
    const trimmed = text.trim();
    if (truncated || !BASE64_WHOLE.test(trimmed)) return plain;
    if (trimmed.startsWith('H4sI')) {
      const bytesOf = base64Bytes(trimmed);
      if (!bytesOf) return plain;
      const inflated = inflatedBody([bytesOf], bytesOf.length, 'gzip');
      return inflated?.kind === 'text' ? { ...inflated, bytes, encoding: 'gzip' } : plain;
    }
    const decoded = decodeBase64Text(trimmed);
    return decoded !== undefined ? { kind: 'text', ...capText(decoded), bytes, encoding: 'base64' } : plain;
  }
  return plain;
}

function base64Bytes(text: string): Uint8Array | undefined {
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  } catch {
    return undefined;
  }
}

/** Join the raw parts (or re-encode form data) into at most BODY_CAP characters. Never throws. */
export function bodyText(body: RawRequestBody | null | undefined): BodyText {
  if (!body) return { kind: 'none' };
  if (body.formData) {
    const form = new URLSearchParams();
    for (const [key, values] of Object.entries(body.formData)) for (const v of values ?? []) form.append(key, v);
    const text = form.toString();
    return { kind: 'text', ...capText(text), bytes: text.length };
  }
  if (body.raw && body.raw.length > 0) {
    const parts: Uint8Array[] = [];
    for (const part of body.raw) if (part.bytes) parts.push(toBytes(part.bytes));
    if (parts.length === 0) return { kind: 'unavailable', reason: 'the body was a file upload' };
    return bytesBody(parts);
  }
  if (body.error) return { kind: 'unavailable', reason: body.error };
  return { kind: 'none' };
}

/**
 * A body the page hooks copied (lib/page/hooks.ts): text as the page gave it, or `base64` of the bytes of a
 * binary Blob or buffer (a gzipped batch). Read the same way as webRequest's bytes.
 */
export function pageBodyText(body: string, encoding?: 'base64'): BodyText {
  if (encoding === 'base64') {
    const bytes = base64Bytes(body);
    return bytes
      ? bytesBody([bytes])
      : { kind: 'binary', bytes: body.length, problem: 'the page’s copy of the body is not valid base64: not decoded' };
  }
  if (body === '') return { kind: 'none' };
  const { text, truncated } = capText(body);
  return unwrapped(text, truncated, body.length);
}
