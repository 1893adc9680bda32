import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest, type TagHit } from '.';

// Request shapes from Adobe's "Data collection query parameters" reference: /b/ss/<rsid>/…?AQB=1&…&AQE=1.
const BEACON = 'https://acme.sc.omtrdc.net/b/ss/acmeprod/1/JS-2.22.0/s12345';
const FIRST_PARTY = 'https://metrics.shop.example/b/ss/acmeprod/1/JS-2.22.0/s67890';

describe('adobe-analytics', () => {
  it.each<[string, HitRequest, Partial<TagHit>]>([
    [
      'page view',
      {
        url: `${BEACON}?AQB=1&ndh=1&pageName=home&g=https%3A%2F%2Fshop.example%2F&r=https%3A%2F%2Fwww.google.com%2F&ch=home&events=event1%2Cpurchase&v1=newsletter&c1=home&products=%3BSKU1%3B1%3B9.99&cc=EUR&AQE=1`,
      },
      {
        event: 'page_view',
        account: 'acmeprod',
        params: {
          page_name: 'home',
          page_url: 'https://shop.example/',
          referrer: 'https://www.google.com/',
          channel: 'home',
          events: 'event1,purchase',
          eVar1: 'newsletter',
          prop1: 'home',
          products: ';SKU1;1;9.99',
          currency: 'EUR',
        },
      },
    ],
    [
      'custom link',
      { url: `${BEACON}?AQB=1&pe=lnk_o&pev2=Subscribe%20button&events=event7&AQE=1` },
      { event: 'custom_link', params: { link_type: 'lnk_o', link_name: 'Subscribe button', events: 'event7' } },
    ],
    [
      'download link',
      { url: `${BEACON}?AQB=1&pe=lnk_d&pev1=https%3A%2F%2Fshop.example%2Fcatalog.pdf&AQE=1` },
      { event: 'download_link', params: { link_url: 'https://shop.example/catalog.pdf' } },
    ],
    [
      'exit link',
      { url: `${BEACON}?AQB=1&pe=lnk_e&pev1=https%3A%2F%2Fpartner.example%2F&AQE=1` },
      { event: 'exit_link' },
    ],
    [
      '2o7.net host',
      { url: 'https://acme.112.2o7.net/b/ss/acmedev/1/H.27.5/s999?AQB=1&pageName=cart&AQE=1' },
      { event: 'page_view', account: 'acmedev', params: { page_name: 'cart' } },
    ],
    [
      'first-party CNAME, highest eVar and prop',
      { url: `${FIRST_PARTY}?AQB=1&pageName=checkout&v250=last&c75=p75&h1=shop%7Ccheckout&l1=a%2Cb&AQE=1` },
      { account: 'acmeprod', params: { eVar250: 'last', prop75: 'p75', hier1: 'shop|checkout', list1: 'a,b' } },
    ],
    [
      'context data, nested',
      { url: `${BEACON}?AQB=1&pageName=home&c.&a.&action=signup&.a&page=home&.c&v2=x&AQE=1` },
      { params: { 'context.a.action': 'signup', 'context.page': 'home', eVar2: 'x' } },
    ],
    [
      'POST with the fields as body',
      { url: FIRST_PARTY, method: 'POST', body: 'AQB=1&pageName=cart&events=scAdd&v3=blue&AQE=1' },
      { event: 'page_view', account: 'acmeprod', params: { page_name: 'cart', events: 'scAdd', eVar3: 'blue' } },
    ],
    [
      'cut off before AQE',
      { url: `${BEACON}?AQB=1&pageName=long` },
      { account: 'acmeprod', partial: expect.stringContaining('AQE') as string },
    ],
    [
      'AppMeasurement',
      { url: 'https://shop.example/js/AppMeasurement.min.js' },
      { event: 'library_load', params: { script: 'AppMeasurement' } },
    ],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'adobe-analytics', ...want }));

  it('records a multi-suite request once per report suite', () => {
    const hits = decodeRequest({
      url: 'https://acme.sc.omtrdc.net/b/ss/acmeprod,acmeglobal/1/JS-2.22.0/s1?AQB=1&pageName=home&AQE=1',
    });
    expect(hits.map((h) => h.account)).toEqual(['acmeprod', 'acmeglobal']);
    expect(hits[1]?.params).toMatchObject({ page_name: 'home', report_suites: 'acmeprod,acmeglobal' });
  });

  it.each<HitRequest>([
    { url: 'https://shop.example/b/ss/page-about-ss' },
    { url: 'https://shop.example/b/ss/x/1/y?AQB=0&pageName=x' },
    { url: 'https://shop.example/blog/b/ss/?q=1', method: 'POST', body: 'comment=hello' },
    { url: 'https://shop.example/search?q=AQB=1' },
    { url: 'https://shop.example/js/app.js' },
    { url: 'https://assets.adobedtm.com/extensions/EP123/Other.min.js' },
    // Launch and DTM libraries are their own vendors now (adobe-launch, adobe-dtm), not Analytics library loads.
    { url: 'https://assets.adobedtm.com/abc123/def456/launch-0123456789ab.min.js' },
    { url: 'https://assets.adobedtm.com/abc/satelliteLib-0123abcd.js' },
    { url: 'https://shop.example/guides/appmeasurement.html' },
  ])('does not read $url as an Adobe hit', (req) =>
    expect(decodeRequest(req).filter((h) => h.vendor === 'adobe-analytics')).toEqual([]),
  );

  it('never fails on hostile input', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (query, body) => {
        for (const url of [`${FIRST_PARTY}?AQB=1&${query}`, `${BEACON}?${query}`]) {
          for (const hit of decodeRequest({ url, method: 'POST', body }))
            expect(hit.partial ?? '').not.toMatch(/^decoder error/);
        }
      }),
      { numRuns: 200 },
    );
  });
});
