import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuery } from './query';
import { queryOf } from './request-url';

// Query must read every string exactly as URLSearchParams does: decoders switched from one to the other, and
// their output must not change. Generated text is dense in what the form-urlencoded parser treats specially.
const special = fc.constantFrom(
  '&',
  '=',
  '+',
  '%',
  '?',
  '%2',
  '%zz',
  '%25',
  '%2B',
  '%26',
  '%3D',
  '%C3%A9',
  '%E2%82%AC',
  '%E2%82',
  '%C3',
  '%ED%A0%80',
  '%F0%9F%98%80',
  '%C0%AF',
  '%FF',
  '%00',
  '%EF%BB%BF',
  '\uD800',
  '\uDC00',
  '\uD83D\uDE00',
  'é',
  '€',
  ' ',
  '\n',
  '#',
  '[',
  ']',
);
const text = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: special },
      { weight: 3, arbitrary: fc.string({ maxLength: 4 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
    ),
    { maxLength: 24 },
  )
  .map((parts) => parts.join(''));

const viaUrlSearchParams = (s: string): Array<[string, string]> => [...new URLSearchParams(s)];

// The URL Standard's application/x-www-form-urlencoded parser, step by step, on bytes: the reference.
const hex = (b: number): boolean => (b >= 48 && b <= 57) || (b >= 65 && b <= 70) || (b >= 97 && b <= 102);
function percentDecode(s: string): string {
  const bytes = new TextEncoder().encode(s);
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x25 && i + 2 < bytes.length && hex(bytes[i + 1]!) && hex(bytes[i + 2]!)) {
      out.push(parseInt(String.fromCharCode(bytes[i + 1]!, bytes[i + 2]!), 16));
      i += 2;
    } else out.push(bytes[i]!);
  }
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array(out));
}
function standard(input: string): Array<[string, string]> {
  let s = input.toWellFormed();
  if (s.startsWith('?')) s = s.slice(1);
  const pairs: Array<[string, string]> = [];
  for (const sequence of s.split('&')) {
    if (sequence === '') continue;
    const eq = sequence.indexOf('=');
    const name = eq < 0 ? sequence : sequence.slice(0, eq);
    const value = eq < 0 ? '' : sequence.slice(eq + 1);
    pairs.push([percentDecode(name.replaceAll('+', ' ')), percentDecode(value.replaceAll('+', ' '))]);
  }
  return pairs;
}
const ascii = (s: string): boolean => /^[\x00-\x7f]*$/.test(s);

describe('parseQuery', () => {
  it('reads any text as the URL Standard says: same pairs, same order', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect([...parseQuery(s)]).toEqual(standard(s));
      }),
      { numRuns: 20_000 },
    );
  });

  it("agrees with URLSearchParams on ASCII text (Node's garbles non-ASCII next to an undecodable %)", () => {
    fc.assert(
      fc.property(text.filter(ascii), (s) => {
        expect([...parseQuery(s)]).toEqual(viaUrlSearchParams(s));
      }),
      { numRuns: 5_000 },
    );
  });

  it.each([
    [
      'plain pairs',
      'a=1&b=2',
      [
        ['a', '1'],
        ['b', '2'],
      ],
    ],
    ['a leading ? is dropped, a second one kept', '??a=1', [['?a', '1']]],
    [
      'empty pieces skipped, missing = is an empty value',
      '&&a&=x&b=',
      [
        ['a', ''],
        ['', 'x'],
        ['b', ''],
      ],
    ],
    ['+ is a space, %2B a plus', 'q=a+b%2Bc', [['q', 'a b+c']]],
    ['only the first = splits', 'ed={"a":1}=2', [['ed', '{"a":1}=2']]],
    [
      'a stray % stays',
      'v=100%&w=%zz',
      [
        ['v', '100%'],
        ['w', '%zz'],
      ],
    ],
    [
      'bytes that are not UTF-8 become U+FFFD',
      'v=%C3&w=%ED%A0%80',
      [
        ['v', '\uFFFD'],
        ['w', '\uFFFD\uFFFD\uFFFD'],
      ],
    ],
    ['a lone surrogate becomes U+FFFD', 'v=\uD800x', [['v', '\uFFFDx']]],
    // What Chromium's URLSearchParams answers; Node's gives "% 00=\u0000" here.
    ['a stray % before a non-ASCII character', '%+00😀', [['% 00😀', '']]],
    ['a leading byte-order mark is kept', '%EF%BB%BFx=1', [['\uFEFFx', '1']]],
  ])('%s', (_, input, want) => {
    expect([...parseQuery(input)]).toEqual(want);
    expect(standard(input)).toEqual(want);
  });

  it('answers get, has, getAll and size as URLSearchParams does', () => {
    fc.assert(
      fc.property(text.filter(ascii), fc.constantFrom('a', '', 'v', '?a', 'b c', 'é'), (s, name) => {
        const q = parseQuery(s);
        const u = new URLSearchParams(s);
        expect(q.get(name)).toBe(u.get(name));
        expect(q.has(name)).toBe(u.has(name));
        expect(q.getAll(name)).toEqual(u.getAll(name));
        expect(q.size).toBe(u.size);
      }),
      { numRuns: 5_000 },
    );
  });

  it('concat keeps both sides in order', () => {
    expect([...parseQuery('a=1&b=2').concat(parseQuery('a=3'))]).toEqual([
      ['a', '1'],
      ['b', '2'],
      ['a', '3'],
    ]);
  });
});

describe('queryOf', () => {
  it("is the URL's searchParams, whatever the URL parser did to the query", () => {
    fc.assert(
      fc.property(text, (s) => {
        const url = new URL(`https://shop.example/p?${s}`);
        expect([...queryOf(url)]).toEqual([...url.searchParams]);
      }),
      { numRuns: 5_000 },
    );
  });

  it("parses a URL's query once", () => {
    const url = new URL('https://shop.example/p?a=1');
    expect(queryOf(url)).toBe(queryOf(url));
  });
});
