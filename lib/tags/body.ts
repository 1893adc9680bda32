// Turning what webRequest (or the page hooks) saw of a request body into bounded text for the decoders.

/** Bodies are capped at 64 KiB of text: enough for any tag batch seen in practice; the rest is cut, not dropped. */
export const BODY_CAP = 64 * 1024;

/** The shape of `webRequest.onBeforeRequest` details.requestBody, as plain data. */
export interface RawRequestBody {
  raw?: Array<{ bytes?: ArrayBuffer | ArrayBufferView; file?: string }>;
  formData?: Record<string, string[] | undefined>;
  error?: string;
}

export type BodyText =
  | { kind: 'none' }
  | { kind: 'text'; text: string; truncated: boolean; bytes: number }
  | { kind: 'binary'; bytes: number }
  /** The browser did not give us the body (Chromium's Blob `sendBeacon`): the page hooks may still deliver it. */
  | { kind: 'unavailable'; reason: string };

const decoder = new TextDecoder('utf-8', { fatal: false });

function toBytes(chunk: ArrayBuffer | ArrayBufferView): Uint8Array {
  return chunk instanceof ArrayBuffer ? new Uint8Array(chunk) : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
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
    let total = 0;
    const parts: Uint8Array[] = [];
    for (const part of body.raw) {
      if (!part.bytes) continue;
      const bytes = toBytes(part.bytes);
      total += bytes.length;
      parts.push(bytes);
    }
    if (parts.length === 0) return { kind: 'unavailable', reason: 'the body was a file upload' };
    // Only the first BODY_CAP bytes are decoded: a 10 MB body costs no more than a 64 KiB one.
    const head = new Uint8Array(Math.min(total, BODY_CAP));
    let offset = 0;
    for (const p of parts) {
      if (offset >= head.length) break;
      const take = p.subarray(0, head.length - offset);
      head.set(take, offset);
      offset += take.length;
    }
    if (looksBinary(head)) return { kind: 'binary', bytes: total };
    return { kind: 'text', text: decoder.decode(head), truncated: total > BODY_CAP, bytes: total };
  }
  if (body.error) return { kind: 'unavailable', reason: body.error };
  return { kind: 'none' };
}
