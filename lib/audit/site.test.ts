import { describe, expect, it } from 'vitest';
import type { StoredHit } from '../store/types';
import { pageReports, rollUp, SITE_FORMAT } from './site.fixtures';
import { pageReportsOf } from './site';
import { hit, pageReport, purchase, T0 } from './testing';

describe('rollUp', () => {
  const site = rollUp(pageReports(), {
    generatedAt: T0,
    failed: [{ url: 'https://shop.example/broken', error: 'HTTP 404' }],
    skipped: [{ url: 'https://shop.example/private/', reason: 'robots' }],
  });

  it('is a versioned site document beside the page reports', () => {
    expect(site).toMatchObject({ format: SITE_FORMAT, version: 1, plans: ['Site plan'] });
    expect(site.failed).toEqual([{ url: 'https://shop.example/broken', error: 'HTTP 404' }]);
    expect(site.skipped).toEqual([{ url: 'https://shop.example/private/', reason: 'robots' }]);
  });

  it('says what each vendor did on each page, and groups pages by template', () => {
    const byUrl = Object.fromEntries(
      site.pages.map((p) => [p.url.replace('https://shop.example', ''), [p.template, p.vendors]]),
    );
    expect(byUrl).toEqual({
      '/': ['/', { ga4: 'tracked', 'meta-pixel': 'tracked' }],
      '/product/mug': ['/product/*', { ga4: 'tracked', 'meta-pixel': 'tracked' }],
      '/product/teapot': ['/product/*', { ga4: 'tracked', 'meta-pixel': 'partial' }],
      '/contact': ['/contact', { ga4: 'library', 'meta-pixel': 'tracked' }],
      '/thanks': ['/thanks', { ga4: 'tracked', 'meta-pixel': 'tracked', 'google-ads': 'tracked' }],
    });
    expect(site.templates.find((t) => t.template === '/product/*')?.pages).toHaveLength(2);
  });

  it('names the pages a site-wide vendor misses, and not those of a page-specific one', () => {
    const gaps = site.siteFindings.filter((f) => f.kind === 'vendor_gaps');
    expect(Object.fromEntries(gaps.map((g) => [g.vendor, g.pages]))).toEqual({
      ga4: ['https://shop.example/contact'],
      'meta-pixel': ['https://shop.example/product/teapot'],
    });
    expect(gaps.find((g) => g.vendor === 'ga4')!.message).toMatch(
      /^Google Analytics 4 sends its page_view hit on 4 of 5 pages, but not on \/contact\./,
    );
    // Google Ads converts on the thank-you page only: not a gap anywhere else.
    expect(site.vendors.find((v) => v.vendor === 'google-ads')).toMatchObject({ siteWide: false, missingOn: [] });
  });

  it('lists each vendor’s accounts with their pages, and two GA4 properties split across pages is a warning', () => {
    expect(site.vendors.find((v) => v.vendor === 'ga4')?.accounts).toEqual([
      {
        account: 'G-MAIN',
        pages: ['https://shop.example/', 'https://shop.example/product/mug', 'https://shop.example/thanks'],
      },
      { account: 'G-OLD', pages: ['https://shop.example/product/teapot'] },
    ]);
    const multiple = site.siteFindings.find((f) => f.kind === 'multiple_accounts');
    expect(multiple).toMatchObject({ severity: 'warning', vendor: 'ga4' });
    expect(multiple?.message).toMatch(/G-MAIN on 3 pages .* and G-OLD on 1 page \(\/product\/teapot\)/);
  });

  it('reads two properties on every page as deliberate dual tagging: a note, not a warning', () => {
    const both = (url: string) =>
      pageReport(
        url,
        [],
        [hit('ga4', 'page_view', T0, { account: 'G-A' }), hit('ga4', 'page_view', T0 + 1, { account: 'G-B' })],
      );
    const dual = rollUp([both('https://s.example/'), both('https://s.example/a')], { generatedAt: T0 });
    expect(dual.siteFindings).toEqual([expect.objectContaining({ kind: 'multiple_accounts', severity: 'info' })]);
  });

  it('groups the same finding on many pages into one, with its pages and counts', () => {
    const missing = site.findingGroups.find((g) => g.kind === 'missing_tag');
    expect(missing).toMatchObject({
      severity: 'error',
      vendor: 'ga4',
      subject: 'purchase (goal purchase)',
      total: 1,
      pages: [{ url: 'https://shop.example/thanks', count: 1 }],
    });
    expect(missing?.title).toBe('Missing tag · Google Analytics 4 · purchase (goal purchase)');
    const pii = site.findingGroups.find((g) => g.kind === 'pii_in_hit');
    expect(pii?.pages.map((p) => p.url)).toEqual(['https://shop.example/', 'https://shop.example/product/mug']);
    // Errors first.
    expect(site.findingGroups[0]!.severity).toBe('error');
  });

  it('rolls up no page into an empty site', () => {
    expect(rollUp([], { generatedAt: T0 })).toMatchObject({
      pages: [],
      vendors: [],
      findingGroups: [],
      siteFindings: [],
    });
  });
});

describe('pageReportsOf', () => {
  const one = pageReport('https://s.example/', [purchase], [] as StoredHit[]);
  it('reads one report or a list', () => {
    expect(pageReportsOf(one, 'a.json')).toHaveLength(1);
    expect(pageReportsOf([one, one], 'a.json')).toHaveLength(2);
  });
  it.each([
    [{ hello: 1 }, /a\.json is not a Tagwatch page report/],
    [[{}], /a\.json\[0\] is not a Tagwatch page report/],
    [{ format: 'tagwatch-site', version: 1 }, /is a site roll-up: give the page reports/],
  ])('refuses %j, saying what to give', (json, message) =>
    expect(() => pageReportsOf(json, 'a.json')).toThrow(message),
  );
});
