import { Gunzip, Unzlib } from 'fflate';

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
  if (compression === 'gzip') return ((last4[0]! | (last4[1]! << 8) | (last4[2]! << 16) | (last4[3]! << 24)) >>> 0) === out.length;
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

/** Inflate `parts` (one stream split into chunks, as webRequest hands them over) up to `cap` bytes of output. */
export function inflateCapped(parts: readonly Uint8Array[], compression: Compression, cap: number): Inflated {
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
    return /unexpected EOF/i.test(message) ? result('truncated') : { kind: 'corrupt', bytes: out.subarray(0, length), error: message };
  }
}
