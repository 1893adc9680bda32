import { describe, expect, it } from 'vitest';
import { isHtmlContentType, isSameSite, linkVerdict, looksLikePage, normalizeUrl, shortUrl } from './url';

describe('normalizeUrl', () => {
  it.each([
    ['drops the fragment', 'https://shop.example/a#reviews', 'https://shop.example/a'],
    [
      'drops utm and click ids',
      'https://shop.example/a?utm_source=x&utm_medium=y&gclid=1&fbclid=2',
      'https://shop.example/a',
    ],
    [
      'keeps the page’s own params, sorted',
      'https://shop.example/list?page=2&colour=red&utm_campaign=z',
      'https://shop.example/list?colour=red&page=2',
    ],
    [
      'keeps repeated params in their order',
      'https://shop.example/s?t=b&a=1&t=a',
      'https://shop.example/s?a=1&t=b&t=a',
    ],
    ['lower-cases the host, drops the default port', 'HTTPS://Shop.Example:443/A', 'https://shop.example/A'],
    ['an empty path is /', 'https://shop.example', 'https://shop.example/'],
    ['resolves against a base', '../b?x=1#top', 'https://shop.example/b?x=1', 'https://shop.example/a/c'],
    ['drops credentials', 'https://user:pw@shop.example/', 'https://shop.example/'],
  ])('%s', (_, raw, want, base?: string) => expect(normalizeUrl(raw, base)).toBe(want));

  it.each(['mailto:a@b.example', 'javascript:void(0)', 'tel:+441234', 'ftp://x.example/', 'not a url'])(
    'refuses %s',
    (raw) => expect(normalizeUrl(raw)).toBeUndefined(),
  );
});

describe('which links are crawled', () => {
  const start = 'https://shop.example/';
  it.each([
    ['https://shop.example/about', undefined],
    ['https://www.shop.example/about', undefined],
    ['http://shop.example/about', undefined],
    ['https://blog.shop.example/', 'off_site'],
    ['https://other.example/', 'off_site'],
    ['https://shop.example/guide.pdf', 'not_a_page'],
    ['https://shop.example/img/photo.JPG', 'not_a_page'],
    ['https://shop.example/v1.2/page', undefined],
  ])('%s → %s', (url, verdict) => expect(linkVerdict(normalizeUrl(url), start)).toBe(verdict));

  it('calls a non-http link not_http', () =>
    expect(linkVerdict(normalizeUrl('mailto:x@y.example'), start)).toBe('not_http'));
  it('treats a path without an extension as a page', () =>
    expect(looksLikePage('https://shop.example/download')).toBe(true));
  it('does not match a host that only ends like the site', () =>
    expect(isSameSite('https://evilshop.example/', 'https://shop.example/')).toBe(false));
});

describe('isHtmlContentType', () => {
  it.each([
    ['text/html; charset=utf-8', true],
    ['application/xhtml+xml', true],
    [undefined, true],
    ['application/pdf', false],
    ['image/png', false],
    ['text/plain', false],
  ])('%s → %s', (type, want) => expect(isHtmlContentType(type)).toBe(want));
});

it.each([
  ['https://shop.example/product/mug?c=red', '/product/mug?c=red'],
  ['https://shop.example/', '/'],
  ['nonsense', 'nonsense'],
])('shortUrl(%s) = %s', (url, want) => expect(shortUrl(url)).toBe(want));
