import { describe, expect, it } from 'vitest';
import type { AuditReport } from './report';
import { baselineLines, compareWithBaseline } from './baseline';
import { pageReports } from './site.fixtures';
import { firing, hit, pageReport, purchase, T0 } from './testing';

const thanks = (hits: Parameters<typeof pageReport>[2], fired = true): AuditReport =>
  pageReport(
    'https://shop.example/thanks',
    [
      {
        ...purchase,
        expect: [
          { vendor: 'ga4', event: 'purchase' },
          { vendor: 'meta-pixel', event: 'Purchase' },
        ],
      },
    ],
    hits,
    fired ? [firing('purchase', T0 + 2_000, { trigger: 'datalayer_event', element: undefined })] : [],
  );
const ga4Purchase = () =>
  hit('ga4', 'purchase', T0 + 2_010, { account: 'G-MAIN', params: { currency: 'EUR', transaction_id: 'T-1' } });
const metaPurchase = () => hit('meta-pixel', 'Purchase', T0 + 2_020, { account: '111' });
const pageView = () => hit('ga4', 'page_view', T0, { account: 'G-MAIN' });

describe('compareWithBaseline', () => {
  it('finds nothing when the same site is audited again', () => {
    const result = compareWithBaseline(pageReports(), pageReports());
    expect(result).toMatchObject({ regressions: [], improvements: [], onlyBefore: [], onlyNow: [], compared: 5 });
  });

  it('names a purchase tag that was sent before and is missing now, and the vendor that went quiet', () => {
    const before = [thanks([pageView(), ga4Purchase(), metaPurchase()])];
    const now = [thanks([pageView(), ga4Purchase()])];
    const result = compareWithBaseline(before, now);
    expect(result.regressions.map((c) => c.kind)).toEqual(['goal', 'vendor', 'error_finding']);
    expect(result.regressions[0]).toMatchObject({
      goalId: 'purchase',
      before: 'tracked',
      now: 'incomplete',
      tags: ['Meta Pixel · Purchase missing'],
    });
    expect(result.regressions[0]!.message).toBe(
      '/thanks: "Purchase" had every tag sent before; now Meta Pixel · Purchase missing.',
    );
    expect(result.regressions[1]!.message).toBe('/thanks: Meta Pixel sent nothing this time (1 hit before).');
    expect(result.regressions[2]).toMatchObject({ findingKind: 'missing_tag', vendor: 'meta-pixel' });
    // And back again: each of those is an improvement.
    const back = compareWithBaseline(now, before);
    expect(back.regressions).toEqual([]);
    expect(back.improvements.map((c) => c.kind)).toEqual(['goal', 'error_finding']);
  });

  it('calls a goal that no longer fires a regression', () => {
    const result = compareWithBaseline(
      [thanks([pageView(), ga4Purchase(), metaPurchase()])],
      [thanks([pageView()], false)],
    );
    expect(result.regressions[0]).toMatchObject({ kind: 'goal', now: 'not_fired' });
    expect(result.regressions[0]!.message).toMatch(/did not fire this time/);
  });

  it('does not fail on what was already broken in the baseline', () => {
    const broken = () => [thanks([pageView(), ga4Purchase()])];
    expect(compareWithBaseline(broken(), broken()).regressions).toEqual([]);
  });

  it('matches pages by canonical URL: fragments and campaign parameters do not make a new page', () => {
    const before = [pageReport('https://shop.example/a?utm_source=mail#top', [], [pageView()])];
    const now = [pageReport('https://shop.example/a', [], [pageView()])];
    expect(compareWithBaseline(before, now)).toMatchObject({ compared: 1, onlyBefore: [], onlyNow: [] });
  });

  it('counts a page that could not be audited as a regression, and lists pages not compared', () => {
    const before = [
      pageReport('https://shop.example/a', [], [pageView()]),
      pageReport('https://shop.example/b', [], [pageView()]),
    ];
    const now = [pageReport('https://shop.example/c', [], [pageView()])];
    const result = compareWithBaseline(before, now, [{ url: 'https://shop.example/a', error: 'HTTP 500' }]);
    expect(result.regressions).toEqual([
      expect.objectContaining({ kind: 'page', page: 'https://shop.example/a', error: 'HTTP 500' }),
    ]);
    expect(result).toMatchObject({ onlyBefore: ['https://shop.example/b'], onlyNow: ['https://shop.example/c'] });
    expect(baselineLines(result, 'previous.json')).toEqual([
      'Compared with previous.json (0 pages): 1 regression, 0 improvements.',
      'Regressions:',
      '  ✗ /a: could not be audited this time (HTTP 500).',
      'Not audited this time (in the baseline only): /b',
      'New pages (not in the baseline): /c',
    ]);
  });
});
