import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainParts, queryOf, RequestUrl } from './request-url';

// RequestUrl reads protocol, hostname, pathname and search without the URL parser when a URL is in the plain form.
// Whatever the input, what it answers must be what `new URL` answers, and it must refuse what `new URL` refuses.
const hostChar = fc.constantFrom(
  'a',
  'b',
  'z',
  'x',
  'n',
  '0',
  '1',
  '9',
  '-',
  '.',
  'A',
  '_',
  '%',
  ':',
  '@',
  '[',
  ']',
  '\u00e9',
  ' ',
);
const host = fc.oneof(
  fc.constantFrom(
    'www.google-analytics.com',
    'shop.example',
    'a.b.c',
    'localhost',
    'com',
    '1.2.3.4',
    '1.2.3.4x',
    'a.0x1f',
    'a.123',
    'xn--nxasmq6b.example',
    'a.xn--x',
    'a..b',
    'a.',
    '.a',
    'A.example',
    'a-.example',
    'ab--cd.example',
    'a.b1',
    '0x7f.a',
  ),
  fc.array(hostChar, { maxLength: 12 }).map((cs) => cs.join('')),
  fc.array(fc.stringMatching(/^[a-z0-9-]{1,6}$/), { minLength: 1, maxLength: 4 }).map((labels) => labels.join('.')),
);
const pathChar = fc.constantFrom(
  '/',
  'a',
  'Z',
  '0',
  '.',
  '..',
  '%2e',
  '%2E',
  '%',
  '%41',
  '-',
  '_',
  '~',
  '!',
  '$',
  '&',
  "'",
  '(',
  ')',
  '*',
  '+',
  ',',
  ';',
  '=',
  ':',
  '@',
  ' ',
  '"',
  '<',
  '>',
  '`',
  '{',
  '}',
  '|',
  '\\',
  '^',
  '[',
  ']',
  '\u00e9',
  '\t',
  '\n',
  '#',
  '?',
);
const plainChar = fc.constantFrom(
  'a',
  'Z',
  '0',
  '/',
  '.',
  '-',
  '_',
  '~',
  '%41',
  '=',
  '&',
  '+',
  '[',
  ']',
  '{',
  '}',
  '|',
);
const rest = fc.oneof(
  { weight: 1, arbitrary: fc.array(pathChar, { maxLength: 16 }).map((cs) => cs.join('')) },
  // Mostly plain, a path and a query, with now and then a character the parser changes.
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.array(fc.oneof({ weight: 12, arbitrary: plainChar }, { weight: 1, arbitrary: pathChar }), { maxLength: 16 }),
        fc.option(
          fc.array(fc.oneof({ weight: 12, arbitrary: plainChar }, { weight: 1, arbitrary: pathChar }), {
            maxLength: 16,
          }),
        ),
      )
      .map(([path, query]) => `/${path.join('')}${query === null ? '' : `?${query.join('')}`}`),
  },
);
const raw = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(
        fc.oneof(
          { weight: 6, arbitrary: fc.constantFrom('https://', 'http://') },
          { weight: 1, arbitrary: fc.constantFrom('HTTPS://', 'https:/', 'ftp://', 'https:///', ' https://') },
        ),
        host,
        fc.oneof(
          { weight: 6, arbitrary: fc.constant('') },
          { weight: 1, arbitrary: fc.constantFrom(':443', ':8080', ':99999', '@') },
        ),
        rest,
      )
      .map((p) => p.join('')),
  },
  { weight: 1, arbitrary: fc.string() },
);

function parsed(s: string): URL | undefined {
  try {
    return new URL(s);
  } catch {
    return undefined;
  }
}

describe('RequestUrl', () => {
  it('answers protocol, hostname, pathname and search as the URL parser does, for any input', () => {
    let plain = 0;
    fc.assert(
      fc.property(raw, (s) => {
        const url = parsed(s);
        const fast = RequestUrl.parse(s);
        if (plainParts(s)) plain++;
        if (!url) {
          expect(fast).toBeUndefined();
          return;
        }
        expect(fast).toBeDefined();
        expect({
          protocol: fast!.protocol,
          hostname: fast!.hostname,
          pathname: fast!.pathname,
          search: fast!.search,
        }).toEqual({ protocol: url.protocol, hostname: url.hostname, pathname: url.pathname, search: url.search });
        expect([...queryOf(fast!)]).toEqual([...url.searchParams]);
      }),
      { numRuns: 10_000 },
    );
    // Not vacuous: a good share of the inputs took the plain path (about one in twenty).
    expect(plain).toBeGreaterThan(250);
  });

  it.each([
    [
      'https://www.google-analytics.com/g/collect?v=2&tid=G-1',
      { hostname: 'www.google-analytics.com', pathname: '/g/collect', search: '?v=2&tid=G-1' },
    ],
    ['https://shop.example', { hostname: 'shop.example', pathname: '/', search: '' }],
    ['https://shop.example?x=1', { hostname: 'shop.example', pathname: '/', search: '?x=1' }],
    ['https://shop.example/p?', { hostname: 'shop.example', pathname: '/p', search: '' }],
    [
      'https://www.facebook.com/tr/?id=1&cd[value]=9&ed={}',
      { hostname: 'www.facebook.com', pathname: '/tr/', search: '?id=1&cd[value]=9&ed={}' },
    ],
  ])('reads %s in the plain form', (s, want) => {
    expect(plainParts(s)).toMatchObject(want);
  });

  it.each([
    'https://Shop.example/',
    'https://shop.example:8443/',
    'https://1.2.3.4/',
    'https://a.0x1f/',
    'https://xn--nxasmq6b.example/',
    'https://shop.example/a/../b',
    'https://shop.example/a/%2e%2E/b',
    'https://shop.example/a b',
    'https://user@shop.example/',
    'https://shop.example/#x',
    "https://shop.example/?q='x'",
    'https://shop.example\\p',
  ])('leaves %s to the URL parser', (s) => {
    expect(plainParts(s)).toBeUndefined();
    const fast = RequestUrl.parse(s);
    const url = parsed(s);
    expect(fast && [fast.hostname, fast.pathname, fast.search]).toEqual(
      url && [url.hostname, url.pathname, url.search],
    );
  });

  it('answers every other member from the real URL', () => {
    const s = 'https://shop.example/p?a=1';
    const fast = RequestUrl.parse(s)!;
    const url = new URL(s);
    expect([
      fast.href,
      fast.origin,
      fast.host,
      fast.port,
      fast.username,
      fast.password,
      fast.hash,
      String(fast),
      fast.toJSON(),
      [...fast.searchParams],
    ]).toEqual([
      url.href,
      url.origin,
      url.host,
      url.port,
      url.username,
      url.password,
      url.hash,
      String(url),
      url.toJSON(),
      [...url.searchParams],
    ]);
  });

  it('stays true after a change', () => {
    const fast = RequestUrl.parse('https://shop.example/p?a=1')!;
    expect(queryOf(fast).get('a')).toBe('1');
    fast.href = 'https://other.example/q?a=2';
    expect([fast.hostname, fast.pathname, fast.search, queryOf(fast).get('a')]).toEqual([
      'other.example',
      '/q',
      '?a=2',
      '2',
    ]);
    fast.pathname = '/r';
    expect(fast.pathname).toBe('/r');
  });
});
