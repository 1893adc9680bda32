import { gzipSync, inflateSync, zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeRequest } from '.';
import { BODY_CAP, bodyText, pageBodyText, type BodyText, type RawRequestBody } from './body';

// Bodies as SDKs send them. The batch is PostHog's documented capture format (`[{event, properties: {token}}]`,
// POSTed to /e/); posthog-js gzips it (fflate) as text/plain with no header saying so, Amplitude gzips batches with
// `Content-Encoding: gzip` set by the page — either way webRequest hands over the compressed bytes.

const enc = new TextEncoder();
const BATCH = JSON.stringify([
  { event: 'signup_clicked', properties: { token: 'phc_body', distinct_id: 'd-1', plan: 'pro' } },
  { event: '$pageview', properties: { token: 'phc_body', distinct_id: 'd-1' } },
]);
const URL_E = 'https://us.i.posthog.com/e/?ip=1&ver=1.449.0';
// Views into their buffers, as webRequest hands over ArrayBuffers: the decoder must honour offsets.
const raw = (...parts: Uint8Array[]): RawRequestBody => ({ raw: parts.map((bytes) => ({ bytes })) });
const gz = gzipSync(enc.encode(BATCH));

/**
 * A gzip stream that inflates to `size` bytes of zeros, written as one fixed-Huffman deflate block (RFC 1951
 * §3.2.6): a literal 0, then copies of 258 bytes at distance 1 (13 bits each), then end of block. 1 GiB of output
 * is described by about 6.5 MB of input, built here bit by bit — the gigabyte itself never exists.
 */
let gib: Uint8Array | undefined;
/** The 1 GiB bomb, built once (about 0.7 s) when a test first asks for it. */
const oneGiBBomb = () => (gib ??= zeroBomb(2 ** 30));

function zeroBomb(size: number): Uint8Array {
  const copies = Math.floor((size - 1) / 258);
  const literals = size - 1 - copies * 258;
  const out = new Uint8Array(Math.ceil(((copies + literals + 2) * 13 + 16) / 8) + 18);
  let byte = 10;
  let bit = 0;
  const bits = (value: number, count: number) => {
    for (let i = 0; i < count; i++) {
      out[byte]! |= ((value >> i) & 1) << bit;
      if (++bit === 8) {
        bit = 0;
        byte++;
      }
    }
  };
  /** Huffman codes go most significant bit first. */
  const code = (value: number, count: number) => {
    for (let i = count - 1; i >= 0; i--) bits((value >> i) & 1, 1);
  };
  out.set([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255]);
  bits(1, 1); // BFINAL
  bits(1, 2); // BTYPE 01: fixed Huffman
  for (let i = 0; i <= literals; i++) code(0x30, 8); // literal 0
  for (let i = 0; i < copies; i++) {
    code(0b11000101, 8); // length 258 (symbol 285)
    code(0, 5); // distance 1 (code 0)
  }
  code(0, 7); // end of block (symbol 256)
  if (bit > 0) byte++;
  // The trailer (CRC-32, size mod 2^32) is left zero: the inflater stops long before it.
  return out.subarray(0, byte + 8);
}

const events = (body: BodyText) =>
  decodeRequest({ url: URL_E, method: 'POST', body: body.kind === 'text' ? body.text : undefined });

describe('bodyText: compressed and wrapped bodies', () => {
  const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
  it.each<[string, RawRequestBody, { encoding?: string; problem?: RegExp; events: string[]; partial?: RegExp }]>([
    ['plain JSON', raw(enc.encode(BATCH)), { events: ['signup_clicked', '$pageview'] }],
    [
      'gzip by its magic bytes, no header or parameter',
      raw(gz),
      { encoding: 'gzip', events: ['signup_clicked', '$pageview'] },
    ],
    [
      'gzip split across parts',
      raw(gz.subarray(0, 5), gz.subarray(5, 40), gz.subarray(40)),
      { encoding: 'gzip', events: ['signup_clicked', '$pageview'] },
    ],
    [
      'zlib deflate',
      raw(zlibSync(enc.encode(BATCH))),
      { encoding: 'deflate', events: ['signup_clicked', '$pageview'] },
    ],
    [
      'gzip with a file name in its header (as the gzip tool writes it)',
      raw(gzipSync(enc.encode(BATCH), { filename: 'batch.json', mtime: 0 })),
      { encoding: 'gzip', events: ['signup_clicked', '$pageview'] },
    ],
    [
      'a large gzip batch, read as a stream',
      raw(
        gzipSync(
          enc.encode(
            JSON.stringify(
              Array.from({ length: 300 }, (_, i) => ({
                event: `e${i}`,
                properties: { token: 'phc_body', n: i * 7919 },
              })),
            ),
          ),
          { level: 0 },
        ),
      ),
      { encoding: 'gzip', events: Array.from({ length: 300 }, (_, i) => `e${i}`) },
    ],
    [
      'base64 JSON',
      raw(enc.encode(b64(enc.encode(BATCH)))),
      { encoding: 'base64', events: ['signup_clicked', '$pageview'] },
    ],
    [
      'URL-encoded JSON',
      raw(enc.encode(encodeURIComponent(BATCH))),
      { encoding: 'url', events: ['signup_clicked', '$pageview'] },
    ],
    ['gzip inside base64', raw(enc.encode(b64(gz))), { encoding: 'gzip', events: ['signup_clicked', '$pageview'] }],
    [
      'a truncated gzip stream',
      raw(gz.subarray(0, Math.floor(gz.length * 0.6))),
      {
        encoding: 'gzip',
        problem: /gzip body is cut short \(\d+ bytes received\)/,
        events: [''],
        partial: /not valid JSON/,
      },
    ],
    [
      'a gzip stream whose trailer lies about its size',
      raw(Uint8Array.from([...gz.subarray(0, gz.length - 4), 1, 0, 0, 0])),
      { encoding: 'gzip', problem: /gzip body is cut short/, events: ['signup_clicked', '$pageview'] },
    ],
    [
      'a corrupt gzip stream',
      raw(Uint8Array.from([...gz.subarray(0, 10), 0xff, 0xff, 0xff, ...gz.subarray(13)])),
      { problem: /gzip body is corrupt/, events: [''], partial: /no request body/ },
    ],
    [
      'a 1 GiB zip bomb',
      raw(oneGiBBomb()),
      {
        problem: /gzip body inflates past 64 KiB \(\d+ bytes compressed\): cut at 64 KiB/,
        events: [''],
        partial: /no request body/,
      },
    ],
  ])('%s', (_, body, want) => {
    const text = bodyText(body);
    if (want.problem) expect(text).toMatchObject({ problem: expect.stringMatching(want.problem) as string });
    else expect(text).toMatchObject({ kind: 'text', truncated: false });
    if (text.kind === 'text' && !want.problem) expect(text.problem).toBeUndefined();
    if (want.encoding) expect(text).toMatchObject({ encoding: want.encoding });
    const hits = events(text);
    expect(hits.map((h) => h.event ?? '')).toEqual(want.events);
    if (want.partial) expect(hits[0]!.partial).toMatch(want.partial);
    else expect(hits.every((h) => h.partial === undefined && h.account === 'phc_body')).toBe(true);
  });

  it('keeps the first 64 KiB of a zip bomb and no more', () => {
    const text = bodyText(raw(oneGiBBomb()));
    // Zeros inflate to binary: nothing to decode, and the reason says why.
    expect(text).toMatchObject({ kind: 'binary' });
    const bombOfText = gzipSync(enc.encode('a'.repeat(BODY_CAP * 4)));
    expect(bodyText(raw(bombOfText))).toMatchObject({ kind: 'text', truncated: true, encoding: 'gzip' });
    expect((bodyText(raw(bombOfText)) as { text: string }).text).toHaveLength(BODY_CAP);
  });

  it('builds its zip bomb correctly: a small one inflates to exactly its size, all zeros', () => {
    const size = 1_000_003;
    const bomb = zeroBomb(size);
    // The deflate data between gzip's header and its (zeroed) trailer.
    const out = inflateSync(bomb.subarray(10, bomb.length - 8));
    expect(out.length).toBe(size);
    expect(out.every((b) => b === 0)).toBe(true);
  });

  it.each<[string, string]>([
    ['a form body', 'en=page_view&ep.x=1'],
    ['text that starts like a zlib header', 'x^y=1&z=2'],
    ['a JSON web token (base64 parts joined by dots)', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln'],
    ['a percent sign that does not start JSON', '%41=1'],
  ])('leaves %s as it is', (_, body) =>
    expect(bodyText(raw(enc.encode(body)))).toEqual({ kind: 'text', text: body, truncated: false, bytes: body.length }),
  );

  it('says nothing was sent for an empty body, and what the browser said when it withheld one', () => {
    expect(bodyText(raw(new Uint8Array(0)))).toEqual({ kind: 'none' });
    expect(bodyText({ error: 'Unknown error.' })).toEqual({ kind: 'unavailable', reason: 'Unknown error.' });
  });
});

describe('pageBodyText: bodies the page hooks copied', () => {
  it.each<[string, string, 'base64' | undefined, Partial<BodyText>]>([
    ['text', BATCH, undefined, { kind: 'text', text: BATCH }],
    [
      'gzip bytes in base64',
      Buffer.from(gz).toString('base64'),
      'base64',
      { kind: 'text', text: BATCH, encoding: 'gzip' },
    ],
    ['no body at all (sendBeacon(url))', '', undefined, { kind: 'none' }],
    ['bad base64', '!!!', 'base64', { kind: 'binary', problem: expect.stringContaining('not valid base64') as string }],
  ])('%s', (_, body, encoding, want) => expect(pageBodyText(body, encoding)).toMatchObject(want));
});
