import { describe, expect, it } from 'vitest';
import type { Plan } from '../goals/types';
import type { PageSession, StoredFiring } from '../store/types';
import { reconcile } from './reconcile';
import { buildReport, csvCell, reportToCsv } from './report';
import {
  SHOP_FIRINGS,
  SHOP_HITS,
  SHOP_PLAN,
  SHOP_SESSIONS,
  firing,
  hit,
  newsletter,
  purchase,
  shopReport,
  T0,
} from './testing';

const plan = SHOP_PLAN;
const sessions = SHOP_SESSIONS;
const make = shopReport;
const HITS = SHOP_HITS;
const FIRINGS = SHOP_FIRINGS;

describe('buildReport', () => {
  const report = make(HITS, FIRINGS);

  it('follows the JSON contract of DESIGN.md', () => {
    expect(report).toMatchObject({
      version: 1,
      page: { url: 'https://shop.example/', title: 'Shop' },
      goals: [
        {
          id: 'newsletter_signup',
          name: 'Newsletter signup',
          fired: 1,
          firings: [
            {
              at: T0,
              element: 'form#newsletter',
              tags: [
                { vendor: 'ga4', event: 'sign_up', status: 'sent', hitId: 'h17' },
                { vendor: 'meta-pixel', event: 'Lead', status: 'missing' },
              ],
            },
          ],
        },
        { id: 'purchase', name: 'Purchase', fired: 0, firings: [] },
      ],
      tags: [
        { vendor: 'ga4', accounts: ['G-XXXX'], hits: 2 },
        { vendor: 'meta-pixel', accounts: ['111'], hits: 1, blocked: 1, failed: 0 },
      ],
      hits: [
        { id: 'h1' },
        { id: 'h2' },
        { id: 'h17', at: T0 + 17, vendor: 'ga4', event: 'sign_up', account: 'G-XXXX', status: 'sent', params: {} },
      ],
      findings: [{ kind: 'missing_tag', severity: 'error', goalId: 'newsletter_signup' }],
    });
  });

  it('gives a reason for a tag that was not sent, none for a sent one', () => {
    const [sent, missing] = report.goals[0]!.firings[0]!.tags;
    expect(sent).not.toHaveProperty('reason');
    expect(missing!.reason).toMatch(/^No Meta Pixel hit with event Lead/);
  });

  it('counts events, blocked and failed per vendor', () => {
    expect(report.tags.find((t) => t.vendor === 'ga4')).toEqual({
      vendor: 'ga4',
      accounts: ['G-XXXX'],
      hits: 2,
      blocked: 0,
      failed: 0,
      events: { page_view: 1, sign_up: 1 },
    });
  });

  it('lists the pages in order, and the plan it was checked against', () => {
    expect(report.pages.map((p) => p.url)).toEqual(['https://shop.example/', 'https://shop.example/thanks']);
    expect(report.plan).toEqual({ name: 'Shop micro-conversions' });
    expect(report.generatedAt).toBe(T0 + 10_000);
  });

  it('never lists about:blank as a page of the report', () => {
    const blank: PageSession = { id: 's0', tabId: 1, url: 'about:blank', startedAt: T0 - 70_000, navigations: [] };
    const results = reconcile(plan.goals, FIRINGS, HITS);
    const withBlank = buildReport({
      page: { url: 'https://shop.example/' },
      plan,
      sessions: [blank, ...sessions],
      firings: FIRINGS,
      hits: HITS,
      results,
      findings: [],
      generatedAt: T0,
    });
    expect(withBlank.pages.map((p) => p.url)).toEqual(['https://shop.example/', 'https://shop.example/thanks']);
  });

  it("says who owns an action: the owner's firing names the others, theirs name the owner and carry no tags", () => {
    const signup = {
      ...newsletter,
      id: 'signup',
      name: 'Signup',
      trigger: { kind: 'form_submit' as const, selector: '#newsletter' },
    };
    const both: Plan = { version: 1, name: 'p', goals: [newsletter, signup] };
    const firings = [
      firing(newsletter.id, T0, {
        id: 'a',
        element: { tag: 'form', id: 'newsletter', text: 'Subscribe', selector: 'form#newsletter' },
      }),
      firing(signup.id, T0 + 1, {
        id: 'b',
        element: { tag: 'form', id: 'newsletter', text: 'Subscribe', selector: 'form#newsletter' },
      }),
    ];
    const results = reconcile(both.goals, firings, []);
    const report = buildReport({
      page: { url: 'https://shop.example/' },
      plan: both,
      sessions,
      firings,
      hits: [],
      results,
      findings: [],
      generatedAt: T0,
    });
    expect(
      report.goals.map((g) =>
        g.firings.map(({ id, what, ownedBy, alsoMatched, tags }) => ({
          id,
          what,
          ownedBy,
          alsoMatched,
          tags: tags.length,
        })),
      ),
    ).toEqual([
      [{ id: 'a', what: 'the “Subscribe” form', ownedBy: 'signup', alsoMatched: undefined, tags: 0 }],
      [{ id: 'b', what: 'the “Subscribe” form', ownedBy: undefined, alsoMatched: ['newsletter_signup'], tags: 2 }],
    ]);
  });

  it('keeps what a goal that did not fire expects', () => {
    expect(report.goals[1]!.expect).toEqual(purchase.expect);
  });

  it("keeps a hit's partial reason, and leaves it out for a hit read whole", () => {
    const partial = 'the browser withheld the body; waiting for the page hooks to deliver it';
    const r = make([hit('ga4', 'sign_up', T0, { id: 'a', partial }), hit('ga4', 'page_view', T0 + 1, { id: 'b' })], []);
    expect(r.hits.map((h) => h.partial)).toEqual([partial, undefined]);
    expect(r.hits[1]).not.toHaveProperty('partial');
  });

  it('survives a JSON round trip unchanged', () => {
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it.each<[string, Partial<StoredFiring>, string]>([
    ['the selector', { element: { tag: 'form', id: 'newsletter', selector: 'form#newsletter' } }, 'form#newsletter'],
    [
      'tag, id and classes when there is no selector',
      { element: { tag: 'button', classes: ['cta', 'big', 'x'] } },
      'button.cta.big',
    ],
    [
      'what fired when there is no element',
      { element: undefined, trigger: 'datalayer_event', detail: { event: 'purchase' } },
      '(datalayer_event: purchase)',
    ],
    ['the trigger alone', { element: undefined, trigger: 'scroll_depth' }, '(scroll_depth)'],
  ])('element: %s', (_, over, want) => {
    expect(make([], [firing(newsletter.id, T0, over)]).goals[0]!.firings[0]!.element).toBe(want);
  });
});

describe('csvCell', () => {
  it.each<[string | number | undefined, string]>([
    ['plain', 'plain'],
    [42, '42'],
    [undefined, ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r\nlf', '"cr\r\nlf"'],
    ['=HYPERLINK("http://evil")', '"\'=HYPERLINK(""http://evil"")"'],
    ['+1 555', "'+1 555"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['a=b', 'a=b'],
  ])('%j → %j', (value, want) => expect(csvCell(value)).toBe(want));
});

describe('reportToCsv', () => {
  const report = make(HITS, FIRINGS);

  it('writes the hits, one per row, CRLF-terminated', () => {
    const text = reportToCsv(report, 'hits');
    const rows = text.split('\r\n');
    expect(rows[0]).toBe('id,time,vendor,event,account,status,error,url,params,partial');
    expect(rows[1]).toBe(
      `h1,${new Date(T0 - 50_000).toISOString()},ga4,page_view,G-XXXX,sent,,https://collect.example/ga4?ev=page_view,{},`,
    );
    expect(rows[2]).toContain(',blocked,net::ERR_BLOCKED_BY_CLIENT,');
    expect(rows).toHaveLength(5);
    expect(rows[4]).toBe('');
  });

  it('says why a hit could only be read in part, in the last column', () => {
    const partial = 'the gzip body is cut short (512 bytes received): read up to the cut';
    const rows = reportToCsv(make([hit('posthog', undefined, T0, { id: 'p', partial })], []), 'hits').split('\r\n');
    expect(rows[1]!.endsWith(`,{},"${partial}"`) || rows[1]!.endsWith(`,{},${partial}`)).toBe(true);
  });

  it('quotes params as JSON', () => {
    const text = reportToCsv(
      make([hit('ga4', 'purchase', T0, { id: 'p', params: { currency: 'EUR', value: '9.5' } })], []),
      'hits',
    );
    expect(text).toContain('"{""currency"":""EUR"",""value"":""9.5""}"');
  });

  it('guards cells a page controls', () => {
    const text = reportToCsv(make([hit('ga4', '=cmd|" /C calc"!A0', T0, { id: 'x' })], []), 'hits');
    expect(text).toContain(`,"'=cmd|"" /C calc""!A0",`);
  });

  it('writes the goals grid, with the goals that did not fire', () => {
    const rows = reportToCsv(report, 'goals').trimEnd().split('\r\n');
    expect(rows).toEqual([
      'goal_id,goal_name,fired_at,element,vendor,event,status,hit_id,reason,owned_by',
      `newsletter_signup,Newsletter signup,${new Date(T0).toISOString()},form#newsletter,ga4,sign_up,sent,h17,,`,
      expect.stringMatching(/^newsletter_signup,Newsletter signup,.*,meta-pixel,Lead,missing,,No Meta Pixel hit.*,$/),
      'purchase,Purchase,,,ga4,purchase,not triggered,,,',
    ]);
  });

  it('writes a firing another goal owns as one row naming the owner, with no verdict', () => {
    const signup = {
      ...newsletter,
      id: 'signup',
      name: 'Signup',
      trigger: { kind: 'form_submit' as const, selector: '#newsletter' },
    };
    const both: Plan = { version: 1, name: 'p', goals: [newsletter, signup] };
    const firings = [firing(newsletter.id, T0, { id: 'a' }), firing(signup.id, T0 + 1, { id: 'b' })];
    const results = reconcile(both.goals, firings, []);
    const report = buildReport({
      page: { url: 'https://shop.example/' },
      plan: both,
      sessions,
      firings,
      hits: [],
      results,
      findings: [],
      generatedAt: T0,
    });
    const rows = reportToCsv(report, 'goals').trimEnd().split('\r\n');
    expect(rows.filter((r) => r.startsWith('newsletter_signup,'))).toEqual([
      `newsletter_signup,Newsletter signup,${new Date(T0).toISOString()},form#newsletter,,,matched,,,signup`,
    ]);
    expect(rows.filter((r) => r.startsWith('signup,')).map((r) => r.split(',')[6])).toEqual(['missing', 'missing']);
  });
});
