import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { globMatch, inScope, matchUrlPattern } from './url-pattern';

describe('matchUrlPattern', () => {
  it.each([
    // pattern without scheme: matches on any site
    ['*/checkout*', 'https://shop.example/checkout', true],
    ['*/checkout*', 'https://shop.example/checkout/step-2?x=1', true],
    ['*/checkout*', 'http://localhost:8080/checkout', true],
    ['*/checkout*', 'https://shop.example/cart', false],
    ['*/category/*', 'https://shop.example/category/shoes', true],
    ['*/category/*', 'https://shop.example/category', false],
    ['shop.example/*', 'https://shop.example/anything', true],
    ['shop.example/*', 'https://other.example/shop.example/x', false],
    ['*.shop.example/*', 'https://www.shop.example/', true],
    // path patterns: any host
    ['/checkout*', 'https://shop.example/checkout/done', true],
    ['/checkout*', 'https://shop.example/en/checkout', false],
    ['/', 'https://shop.example/', true],
    ['/', 'https://shop.example', true],
    ['/', 'https://shop.example/about', false],
    ['/search?q=*', 'https://shop.example/search?q=boots', true],
    // with scheme: the full URL
    ['https://shop.example/thank-you*', 'https://shop.example/thank-you?order=1', true],
    ['https://shop.example/thank-you*', 'http://shop.example/thank-you', false],
    ['https://shop.example', 'https://shop.example/', true],
    ['https://shop.example', 'https://shop.example/cart', false],
    ['https://*.example/*', 'https://blog.example/post', true],
    // ? is one character
    ['*/p?ge', 'https://a.example/page', true],
    ['*/p?ge', 'https://a.example/pge', false],
    // globs ignore case
    ['*/Thank-You*', 'https://shop.example/thank-you', true],
    ['*/thank-you*', 'https://SHOP.example/THANK-YOU', true],
    // regex
    ['/\\/(category|collections)\\//', 'https://shop.example/collections/all', true],
    ['/\\/(category|collections)\\//', 'https://shop.example/products/x', false],
    ['/THANK/i', 'https://shop.example/thank-you', true],
    ['/THANK/', 'https://shop.example/thank-you', false],
    ['/^https:\\/\\/shop/', 'https://shop.example/', true],
    // invalid regex matches nothing
    ['/(unclosed/', 'https://shop.example/(unclosed', false],
    ['*', 'https://any.example/x?y#z', true],
  ])('%s on %s → %s', (pattern, url, want) => expect(matchUrlPattern(pattern, url)).toBe(want));

  it('answers the same from its cache', () => {
    for (let i = 0; i < 3; i++) expect(matchUrlPattern('/thank/g', 'https://shop.example/thank-you')).toBe(true);
  });

  it('does not backtrack for ever on a pattern full of stars', () => {
    const url = `https://shop.example/${'a'.repeat(5_000)}`;
    expect(matchUrlPattern('*a*a*a*a*a*a*a*a*a*a*b', url)).toBe(false);
  });
});

describe('globMatch', () => {
  it('agrees with an equivalent RegExp', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[ab*?]{0,8}$/), fc.stringMatching(/^[ab]{0,10}$/), (glob, text) => {
        const re = new RegExp(`^${glob.replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 's');
        expect(globMatch(glob, text)).toBe(re.test(text));
      }),
    );
  });
});

describe('inScope', () => {
  it.each([
    [undefined, 'https://a.example/', true],
    [[], 'https://a.example/', true],
    [['https://shop.example'], 'https://shop.example/cart?x=1', true],
    [['https://shop.example/'], 'https://shop.example/', true],
    [['https://shop.example'], 'https://shop.example.evil.example/', false],
    [['https://shop.example'], 'http://shop.example/', false],
    [['https://shop.example:8443'], 'https://shop.example:8443/a', true],
    [['https://*.shop.example'], 'https://www.shop.example/a', true],
    [['https://*.shop.example'], 'https://shop.example/a', false],
    [['https://blog.example', '*/checkout*'], 'https://shop.example/checkout', true],
    [['/\\.example\\//'], 'https://shop.example/', true],
    [['shop.example/*'], 'https://shop.example/x', true],
  ])('%j admits %s → %s', (scope, url, want) => expect(inScope(scope, url)).toBe(want));
});
