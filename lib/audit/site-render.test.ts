import { describe, expect, it } from 'vitest';
import { rollUp, type SiteRollup } from './site';
import { pageReports } from './site.fixtures';
import { siteSection, LIST_ALL_UP_TO } from './site-html';
import { siteToText } from './site-text';
import { hit, pageReport, T0 } from './testing';
import { reportToHtml } from './html-report';

const site = rollUp(pageReports(), {
  generatedAt: T0,
  failed: [{ url: 'https://shop.example/broken', error: 'HTTP 404' }],
  skipped: [{ url: 'https://shop.example/private/', reason: 'robots' }],
});

describe('siteToText', () => {
  const text = siteToText(site, { width: 100 });
  it('heads with what was audited, then coverage by template with the gaps marked', () => {
    expect(text.split('\n')[0]).toBe('Site: 5 pages audited · 1 could not be audited · 1 disallowed by robots.txt');
    expect(text).toMatch(/Template\s+Pages\s+Meta Pixel\s+Google Analytics 4\s+Google Ads/);
    expect(text).toMatch(/\/product\/\*\s+2\s+✗ 1\/2\s+✓ 2\/2\n/);
    expect(text).toMatch(/\/contact\s+1\s+✓ 1\/1\s+✗ 0\/1\n/);
  });
  it('says what only shows across pages, each finding once with its pages, and the accounts', () => {
    expect(text).toContain('! Google Analytics 4 sends its page_view hit on 4 of 5 pages, but not on /contact.');
    expect(text).toMatch(
      /✗ Personal data sent · Google Analytics 4 · email in user_email — 2 pages: \/, \/product\/mug/,
    );
    expect(text).toMatch(/Google Analytics 4: G-MAIN \(3 pages\), G-OLD \(1 page\)/);
    expect(text).toMatch(/Could not be audited\n {2}\/broken: HTTP 404/);
  });
  it('never runs wider than the terminal', () => {
    for (const width of [40, 60, 100])
      for (const line of siteToText(site, { width }).split('\n')) expect([...line].length).toBeLessThanOrEqual(width);
  });
});

describe('the HTML coverage grid', () => {
  it('shows each template, and each page of a small one, with what each vendor did', () => {
    const html = siteSection(site);
    expect(html).toContain('data-template="/product/*"');
    expect(html).toMatch(/data-url="https:\/\/shop\.example\/contact">.*?data-vendor="ga4" data-presence="library"/);
    expect(html).toMatch(
      /data-url="https:\/\/shop\.example\/thanks">.*?data-vendor="google-ads" data-presence="tracked"/,
    );
  });

  it('stays readable at 500 pages: a large template lists only its pages with a gap', () => {
    const product = (i: number, withGa4: boolean) =>
      pageReport(
        `https://big.example/product/p${i}`,
        [],
        [
          ...(withGa4 ? [hit('ga4', 'page_view', T0, { account: 'G-BIG' })] : []),
          hit('meta-pixel', 'PageView', T0, { account: '9' }),
        ],
      );
    const reports = Array.from({ length: 500 }, (_, i) => product(i, i !== 137 && i !== 402));
    const big: SiteRollup = rollUp(reports, { generatedAt: T0 });
    const html = siteSection(big);
    expect((html.match(/<tr class="page"/g) ?? []).length).toBe(2);
    expect(html).toContain('498 more pages of this template with every site-wide tag: not listed.');
    expect(html).toMatch(/data-url="https:\/\/big\.example\/product\/p137"/);
    expect(html.length).toBeLessThan(20_000);
    // The full report of 500 pages keeps page sections for the pages with problems only.
    const doc = reportToHtml(reports, { generatedAt: T0, site: big, pageSections: 'with-problems' });
    expect((doc.match(/<section class="report"/g) ?? []).length).toBe(0);
    expect(doc).toContain('500 pages without errors or warnings have no section of their own here');
  });

  it(`lists every page of a template of up to ${LIST_ALL_UP_TO}`, () => {
    expect((siteSection(site).match(/<tr class="page"/g) ?? []).length).toBe(5);
  });

  it('escapes what pages put in URLs and titles', () => {
    const evil = rollUp(
      [pageReport('https://x.example/"><script>alert(1)</script>', [], [hit('ga4', 'page_view', T0)])],
      { generatedAt: T0 },
    );
    expect(siteSection(evil)).not.toContain('<script>');
  });
});
