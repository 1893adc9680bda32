import { Gunzip, inflateSync, Unzlib } from 'fflate';

// Compressed request bodies, recognised by their magic bytes (SDKs gzip batches without saying so: posthog-js
// sends gzip as `text/plain` with no `compression=` parameter) and inflated synchronously — webRequest's
// listener cannot wait — with a cap on the output, so a zip bomb costs at most the cap, never the memory.

export type Compression = 'gzip' | 'deflate';

/** gzip (RFC 1952: 1f 8b, method 8) or zlib-wrapped deflate (RFC 1950: method 8, header checksum a multiple of 31). */
export function compressionOf(bytes: Uint8Array): Compression | undefined {
  if (bytes.length < 2) return undefined;
  const b0 = bytes[0]!;
  const b1 = bytes[1]!;
  if (b0 === 0x1f && b1 === 0x8b && (bytes.length < 3 || bytes[2] === 8)) return 'gzip';
  if ((b0 & 0x0f) === 8 && b0 >> 4 <= 7 && ((b0 << 8) | b1) % 31 === 0 && (b1 & 0x20) === 0) return 'deflate';
  return undefined;
}

export type Inflated =
  /** The whole stream, `bytes` long. */
  | { kind: 'complete'; bytes: Uint8Array }
  /** The stream inflates past `cap`: its first `cap` bytes. */
  | { kind: 'capped'; bytes: Uint8Array }
  /** The stream stops before its end (cut in transit or at a capture cap): what it held up to there. */
  | { kind: 'truncated'; bytes: Uint8Array }
  /** Not a valid stream: what came out before the error (often nothing). */
  | { kind: 'corrupt'; bytes: Uint8Array; error: string };

/** Input is fed in slices this long: one slice of a bomb inflates to ~1 MB at most (deflate's ratio is ≤ 1032:1). */
const SLICE = 1024;

/** Adler-32 (RFC 1950 §8.2): zlib's check of the inflated data. */
function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < bytes.length; ) {
    const end = Math.min(bytes.length, i + 3800); // sums stay below 2^31 between reductions
    for (; i < end; i++) b += a += bytes[i]!;
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/** The stream's own trailer agrees with what came out: gzip's ISIZE (length mod 2^32), zlib's Adler-32. */
function trailerAgrees(last4: Uint8Array, out: Uint8Array, compression: Compression): boolean {
  if (last4.length < 4) return false;
  if (compression === 'gzip')
    return (last4[0]! | (last4[1]! << 8) | (last4[2]! << 16) | (last4[3]! << 24)) >>> 0 === out.length;
  return ((last4[0]! << 24) | (last4[1]! << 16) | (last4[2]! << 8) | last4[3]!) >>> 0 === adler32(out);
}

function lastBytes(parts: readonly Uint8Array[], n: number): Uint8Array {
  const out = new Uint8Array(n);
  let filled = 0;
  for (let p = parts.length - 1; p >= 0 && filled < n; p--) {
    const part = parts[p]!;
    const take = Math.min(n - filled, part.length);
    out.set(part.subarray(part.length - take), n - filled - take);
    filled += take;
  }
  return filled === n ? out : out.subarray(n - filled);
}

/**
 * Inputs up to this size are inflated in one call: deflate's ratio is at most 1032:1, so their output is at most
 * ~4 MiB, and one call costs a tenth of a stream (which allocates its windows on every push). Larger ones — rare,
 * and any real zip bomb — go through the stream, which stops at the cap.
 */
const ONE_SHOT_MAX = 4 * 1024;

/** Where the deflate data sits inside a gzip (RFC 1952 §2.3) or zlib (RFC 1950 §2.2) stream; undefined if cut short. */
function deflateSpan(bytes: Uint8Array, compression: Compression): { start: number; end: number } | undefined {
  if (compression === 'deflate') return bytes.length >= 6 ? { start: 2, end: bytes.length - 4 } : undefined;
  if (bytes.length < 18) return undefined;
  const flags = bytes[3]!;
  let at = 10;
  if (flags & 4) at += 2 + (bytes[10]! | (bytes[11]! << 8)); // FEXTRA
  for (const bit of [8, 16]) {
    // FNAME, FCOMMENT: zero-terminated
    if (!(flags & bit)) continue;
    while (at < bytes.length && bytes[at] !== 0) at++;
    at++;
  }
  if (flags & 2) at += 2; // FHCRC
  return at + 8 <= bytes.length ? { start: at, end: bytes.length - 8 } : undefined;
}

let CRC_TABLE: Uint32Array | undefined;
/** CRC-32 (RFC 1952 §8): gzip's check of the inflated data. */
function crc32(bytes: Uint8Array): number {
  const table = (CRC_TABLE ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  }));
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = table[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const u32le = (b: Uint8Array, at: number) =>
  (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

/**
 * The whole of a small stream that inflates within `cap`, in one call, into a buffer of the size it declares (gzip's
 * ISIZE) or of the cap (zlib); undefined for anything else — cut, corrupt, larger, or a trailer that does not
 * check out — which the stream then reads and explains.
 */
function inflateSmall(parts: readonly Uint8Array[], compression: Compression, cap: number): Inflated | undefined {
  let bytes: Uint8Array;
  if (parts.length === 1) bytes = parts[0]!;
  else {
    bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) bytes.set(p, (at += p.length) - p.length);
  }
  const span = deflateSpan(bytes, compression);
  if (!span) return undefined;
  const declared = compression === 'gzip' ? u32le(bytes, bytes.length - 4) : undefined;
  if (declared !== undefined && declared > cap) return undefined;
  let out: Uint8Array;
  try {
    // A buffer given to fflate is not grown: output past it is dropped, so a lying trailer cannot cost memory.
    out = inflateSync(bytes.subarray(span.start, span.end), { out: new Uint8Array(declared ?? cap) });
  } catch {
    return undefined;
  }
  if (compression === 'gzip')
    return out.length === declared && crc32(out) === u32le(bytes, bytes.length - 8)
      ? { kind: 'complete', bytes: out }
      : undefined;
  return trailerAgrees(bytes.subarray(bytes.length - 4), out, compression)
    ? { kind: 'complete', bytes: out }
    : undefined;
}

/** Inflate `parts` (one stream split into chunks, as webRequest hands them over) up to `cap` bytes of output. */
export function inflateCapped(parts: readonly Uint8Array[], compression: Compression, cap: number): Inflated {
  let total = 0;
  for (const p of parts) total += p.length;
  if (total <= ONE_SHOT_MAX) {
    const small = inflateSmall(parts, compression, cap);
    if (small) return small;
  }
  return inflateStreamed(parts, compression, cap);
}

function inflateStreamed(parts: readonly Uint8Array[], compression: Compression, cap: number): Inflated {
  const out = new Uint8Array(cap);
  let length = 0;
  let capped = false;
  const onData = (chunk: Uint8Array) => {
    const room = cap - length;
    if (chunk.length > room) capped = true;
    out.set(room < chunk.length ? chunk.subarray(0, room) : chunk, length);
    length += Math.min(room, chunk.length);
  };
  const stream = compression === 'gzip' ? new Gunzip(onData) : new Unzlib(onData);
  const result = (kind: 'complete' | 'capped' | 'truncated') => ({ kind, bytes: out.subarray(0, length) });
  try {
    for (const part of parts) {
      for (let at = 0; at < part.length; at += SLICE) {
        stream.push(part.subarray(at, at + SLICE));
        if (capped) return result('capped');
      }
    }
    // All input given: `final` makes the inflater say whether the stream was cut (it is lenient about some cuts,
    // so the stream's own trailer has the last word).
    stream.push(new Uint8Array(0), true);
    if (capped) return result('capped');
    return result(trailerAgrees(lastBytes(parts, 4), out.subarray(0, length), compression) ? 'complete' : 'truncated');
  } catch (error) {
    if (capped) return result('capped');
    const message = error instanceof Error ? error.message : String(error);
    return /unexpected EOF/i.test(message)
      ? result('truncated')
      : { kind: 'corrupt', bytes: out.subarray(0, length), error: message };
  }
}
