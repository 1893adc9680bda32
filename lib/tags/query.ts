// Query strings and form bodies, read the way the URL Standard's URLSearchParams reads them, at a fraction of its
// cost.
//
// Every tag hit is a query string, a form body, or both, and decoders read each several times (`matches`, then
// `decode`, sometimes several decoders). URLSearchParams is slow where it matters: Chromium's is a binding whose
// every `get` and iteration step crosses into C++ (parsing a GA4 query costs ten times a JSON.parse of the same
// size there), and Node's is plain JavaScript. `Query` keeps the names and values in one flat array with the same
// pairs in the same order. It follows the standard's application/x-www-form-urlencoded parser to the letter, as
// Chromium and Firefox do; Node's URLSearchParams departs from it on text that mixes non-ASCII characters with
// undecodable `%` sequences (it garbles the characters). lib/tags/query.test.ts checks both.

const PLUS = /\+/g;

/** One name or value: `+` is a space, then percent-decoding, exactly as application/x-www-form-urlencoded says. */
function formDecode(text: string): string {
  const spaced = text.includes('+') ? text.replace(PLUS, ' ') : text;
  if (!spaced.includes('%')) return spaced;
  try {
    // Valid percent-encoding of valid UTF-8 decodes the same both ways; decodeURIComponent is native and quick.
    return decodeURIComponent(spaced);
  } catch {
    return percentDecode(spaced);
  }
}

const UTF8 = new TextEncoder();
/** UTF-8 decode "without BOM" (a leading U+FEFF is kept), invalid sequences replaced with U+FFFD. */
const UTF8_LENIENT = new TextDecoder('utf-8', { ignoreBOM: true });

function hexValue(byte: number): number {
  if (byte >= 48 && byte <= 57) return byte - 48;
  if (byte >= 65 && byte <= 70) return byte - 55;
  if (byte >= 97 && byte <= 102) return byte - 87;
  return -1;
}

/** The standard's percent-decode: `%XX` becomes byte XX, a stray `%` stays, bytes that are not UTF-8 become U+FFFD. */
function percentDecode(text: string): string {
  const bytes = UTF8.encode(text);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const high = bytes[i] === 37 /* % */ && i + 2 < bytes.length ? hexValue(bytes[i + 1]!) : -1;
    const low = high < 0 ? -1 : hexValue(bytes[i + 2]!);
    if (low < 0) {
      bytes[n++] = bytes[i]!;
    } else {
      bytes[n++] = high * 16 + low;
      i += 2;
    }
  }
  return UTF8_LENIENT.decode(bytes.subarray(0, n));
}

/** The parsed pairs of a query string or form body. Read-only; the subset of URLSearchParams decoders use. */
export class Query implements Iterable<[string, string]> {
  /** Names and values alternating, in the order they came: `[name0, value0, name1, value1, …]`. */
  readonly pairs: readonly string[];

  constructor(pairs: readonly string[]) {
    this.pairs = pairs;
  }

  /** The first value of `name`, or null (as URLSearchParams answers). */
  get(name: string): string | null {
    const p = this.pairs;
    for (let i = 0; i < p.length; i += 2) if (p[i] === name) return p[i + 1]!;
    return null;
  }

  has(name: string): boolean {
    const p = this.pairs;
    for (let i = 0; i < p.length; i += 2) if (p[i] === name) return true;
    return false;
  }

  getAll(name: string): string[] {
    const out: string[] = [];
    const p = this.pairs;
    for (let i = 0; i < p.length; i += 2) if (p[i] === name) out.push(p[i + 1]!);
    return out;
  }

  get size(): number {
    return this.pairs.length / 2;
  }

  /** These pairs followed by `other`'s (a pixel's form body after its query). */
  concat(other: Query): Query {
    if (other.pairs.length === 0) return this;
    if (this.pairs.length === 0) return other;
    return new Query([...this.pairs, ...other.pairs]);
  }

  [Symbol.iterator](): Iterator<[string, string]> {
    return new PairIterator(this.pairs);
  }
}

/** A plain iterator rather than a generator: V8 optimises `for (const [k, v] of query)` over it far better. */
class PairIterator implements Iterator<[string, string]> {
  #pairs: readonly string[];
  #at = 0;

  constructor(pairs: readonly string[]) {
    this.#pairs = pairs;
  }

  next(): IteratorResult<[string, string]> {
    const at = this.#at;
    if (at >= this.#pairs.length) return { done: true, value: undefined };
    this.#at = at + 2;
    return { done: false, value: [this.#pairs[at]!, this.#pairs[at + 1]!] };
  }
}

const EMPTY = new Query([]);

/** Parse `a=1&b=2` (a leading `?` is dropped, as URLSearchParams does). Lenient, like it: never throws. */
export function parseQuery(text: string): Query {
  let s = text;
  if (s.charCodeAt(0) === 63 /* ? */) s = s.slice(1);
  if (s.length === 0) return EMPTY;
  // Lone surrogates become U+FFFD on the way in (the standard takes a USVString).
  if (!s.isWellFormed()) s = s.toWellFormed();
  const pairs: string[] = [];
  // The next `=` is looked for once and kept until passed: looking again for every piece would make a long
  // body of pieces without one (`a&a&a…`) cost its length squared.
  let eq = -1;
  let at = 0;
  while (at <= s.length) {
    let end = s.indexOf('&', at);
    if (end < 0) end = s.length;
    if (end > at) {
      if (eq < at && eq !== s.length) {
        eq = s.indexOf('=', at);
        if (eq < 0) eq = s.length;
      }
      if (eq >= end) pairs.push(formDecode(s.slice(at, end)), '');
      else pairs.push(formDecode(s.slice(at, eq)), formDecode(s.slice(eq + 1, end)));
    }
    at = end + 1;
  }
  return new Query(pairs);
}
