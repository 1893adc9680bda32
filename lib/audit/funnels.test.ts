import { describe, expect, it } from 'vitest';
import type { Goal, Plan } from '../goals/types';
import type { PageSession } from '../store/types';
import { auditTab } from './audit-tab';
import { evaluateFunnels, funnelFindings, pagePath } from './funnels';
import { reconcile } from './reconcile';
import { reportToHtml } from './html-report';
import { checkReportFile } from './report-schema';
import { reportToText } from './text-report';
import { firing, hit, T0 } from './testing';

// A shop visit through four steps: each step reached or not, when, where, and whether its tags were sent.

const page = (id: string, path: string, expect: Goal['expect']): Goal => ({
  id,
  name: id === 'begin_checkout' ? 'Begin checkout' : id,
  trigger: { kind: 'page_view', url: `*${path}*` },
  ...(expect ? { expect } : {}),
});
const GOALS: Goal[] = [
  page('product_view', '/product/', [{ vendor: 'ga4', event: 'view_item' }]),
  {
    id: 'add_to_cart',
    name: 'Add to cart',
    trigger: { kind: 'click', text: 'Add' },
    expect: [{ vendor: 'ga4', event: 'add_to_cart' }],
  },
  page('begin_checkout', '/checkout', [
    { vendor: 'ga4', event: 'begin_checkout' },
    { vendor: 'meta-pixel', event: 'InitiateCheckout' },
  ]),
  page('purchase', '/thank-you', [{ vendor: 'ga4', event: 'purchase' }]),
];
const FUNNEL = {
  id: 'checkout',
  name: 'Checkout',
  steps: ['product_view', 'add_to_cart', 'begin_checkout', 'purchase'],
};
const at = (goalId: string, t: number, url: string) =>
  firing(goalId, t, { trigger: goalId === 'add_to_cart' ? 'click' : 'page_view', url, id: `f-${goalId}-${t}` });

const visit = {
  firings: [
    at('product_view', T0, 'https://shop.example/product/mug'),
    at('add_to_cart', T0 + 10_000, 'https://shop.example/product/mug'),
    at('begin_checkout', T0 + 20_000, 'https://shop.example/checkout'),
  ],
  hits: [
    hit('ga4', 'view_item', T0 + 50),
    hit('ga4', 'add_to_cart', T0 + 10_050),
    // begin_checkout: Meta sent, GA4 never did
    hit('meta-pixel', 'InitiateCheckout', T0 + 20_100),
  ],
};

describe('evaluateFunnels', () => {
  const [result] = evaluateFunnels([FUNNEL], reconcile(GOALS, visit.firings, visit.hits));

  it('says for each step whether it was reached, when, where, and whether its tags were sent', () =>
    expect(result!.steps).toEqual([
      {
        goal: 'product_view',
        name: 'product_view',
        reached: true,
        tracked: true,
        at: T0,
        page: 'https://shop.example/product/mug',
      },
      {
        goal: 'add_to_cart',
        name: 'Add to cart',
        reached: true,
        tracked: true,
        at: T0 + 10_000,
        page: 'https://shop.example/product/mug',
      },
      {
        goal: 'begin_checkout',
        name: 'Begin checkout',
        reached: true,
        tracked: false,
        at: T0 + 20_000,
        page: 'https://shop.example/checkout',
        missing: [{ vendor: 'ga4', event: 'begin_checkout', status: 'missing' }],
      },
      { goal: 'purchase', name: 'purchase', reached: false, tracked: false },
    ]));

  it('counts a step tracked when one of its actions sent the tag, though another did not', () => {
    const twice = [...visit.firings, at('begin_checkout', T0 + 60_000, 'https://shop.example/checkout')];
    const hits = [...visit.hits, hit('ga4', 'begin_checkout', T0 + 60_100)];
    const [again] = evaluateFunnels([FUNNEL], reconcile(GOALS, twice, hits));
    expect(again!.steps[2]).toMatchObject({ reached: true, tracked: true, at: T0 + 20_000 });
  });

  it('reaches a step of several goals by any of them, named by the goal that reached it', () => {
    const [r] = evaluateFunnels(
      [{ id: 'f', name: 'f', steps: [['add_to_cart', 'product_view'], 'purchase'] }],
      reconcile(GOALS, visit.firings, visit.hits),
    );
    expect(r!.steps[0]).toMatchObject({ goal: 'product_view', reached: true, at: T0 });
  });
});

describe('funnelFindings', () => {
  const results = evaluateFunnels([FUNNEL], reconcile(GOALS, visit.firings, visit.hits));

  it('names the untracked step, its page and the tag never sent, once', () =>
    expect(funnelFindings(results, () => 'f1', 'UTC')).toEqual([
      expect.objectContaining({
        kind: 'funnel_step_untracked',
        severity: 'error',
        funnelId: 'checkout',
        goalId: 'begin_checkout',
        page: 'https://shop.example/checkout',
        vendor: 'ga4',
        event: 'begin_checkout',
        message:
          'Begin checkout happened on /checkout but Google Analytics 4 begin_checkout was never sent: a “Checkout” funnel in Google Analytics 4 will show 100 % drop-off at this step.',
      }),
    ]));

  it('says a step shared by two funnels once', () => {
    const two = evaluateFunnels(
      [FUNNEL, { ...FUNNEL, id: 'short', name: 'Short', steps: ['begin_checkout', 'purchase'] }],
      reconcile(GOALS, visit.firings, visit.hits),
    );
    expect(funnelFindings(two, () => 'f1').map((f) => f.funnelId)).toEqual(['checkout']);
  });

  it('says nothing of a step not reached, or reached and tracked', () => {
    const hits = [...visit.hits, hit('ga4', 'begin_checkout', T0 + 20_100)];
    expect(funnelFindings(evaluateFunnels([FUNNEL], reconcile(GOALS, visit.firings, hits)), () => 'f1')).toEqual([]);
  });
});

describe('auditTab with funnels', () => {
  const plan: Plan = { version: 1, name: 'Shop', goals: GOALS, funnels: [FUNNEL] };
  const sessions: PageSession[] = [
    { id: 's1', tabId: 1, url: 'https://shop.example/product/mug', startedAt: T0 - 100, navigations: [] },
    { id: 's2', tabId: 2, url: 'https://shop.example/checkout', startedAt: T0 + 19_900, navigations: [] },
  ];

  it('reports the funnels the visit walked into, and the untracked step as an error finding', () => {
    const audit = auditTab([plan], { sessions, signals: [], ...visit }, { generatedAt: T0 + 90_000, funnels: true });
    expect(audit.report.funnels?.map((f) => f.steps.map((s) => [s.goal, s.reached, s.tracked]))).toEqual([
      [
        ['product_view', true, true],
        ['add_to_cart', true, true],
        ['begin_checkout', true, false],
        ['purchase', false, false],
      ],
    ]);
    expect(audit.findings.filter((f) => f.kind === 'funnel_step_untracked')).toHaveLength(1);
    // One problem, one finding: the funnel's takes over the missing tag of the same step, with its detail.
    expect(audit.findings.filter((f) => f.kind === 'missing_tag')).toEqual([]);
    expect(audit.findings.find((f) => f.kind === 'funnel_step_untracked')?.detail).toContain('Goal “Begin checkout”');
  });

  it('keeps a missing tag the funnel does not cover: sent on another action of the step', () => {
    const twice = [...visit.firings, at('begin_checkout', T0 + 60_000, 'https://shop.example/checkout')];
    const hits = [...visit.hits, hit('ga4', 'begin_checkout', T0 + 60_100)];
    const audit = auditTab([plan], { sessions, signals: [], firings: twice, hits }, { generatedAt: T0, funnels: true });
    expect(audit.findings.map((f) => f.kind)).toContain('missing_tag');
    expect(audit.findings.map((f) => f.kind)).not.toContain('funnel_step_untracked');
  });

  it('judges no funnel on records that are not a visit (one page)', () => {
    const audit = auditTab([plan], { sessions, signals: [], ...visit }, { generatedAt: T0 + 90_000 });
    expect(audit.report.funnels).toBeUndefined();
    expect(audit.findings.filter((f) => f.kind === 'funnel_step_untracked')).toEqual([]);
  });

  it('leaves out a funnel the visit never walked into', () => {
    const audit = auditTab(
      [plan],
      { sessions, signals: [], firings: [], hits: [] },
      { generatedAt: T0, funnels: true },
    );
    expect(audit.report.funnels).toBeUndefined();
  });
});

it.each([
  ['https://shop.example/checkout', '/checkout'],
  ['https://shop.example/search?q=mug', '/search?q=mug'],
  ['not a url', 'not a url'],
])('pagePath(%s) = %s', (url, path) => expect(pagePath(url)).toBe(path));

describe('the funnel on the report surfaces', () => {
  const plan: Plan = { version: 1, name: 'Shop', goals: GOALS, funnels: [FUNNEL] };
  const sessions: PageSession[] = [
    { id: 's1', tabId: 1, url: 'https://shop.example/product/mug', startedAt: T0 - 100, navigations: [] },
  ];
  const { report } = auditTab(
    [plan],
    { sessions, signals: [], ...visit },
    { generatedAt: T0 + 90_000, timeZone: 'UTC', funnels: true },
  );

  it('the terminal lists each step with its state, the untracked one naming the tag never sent', () => {
    const text = reportToText([report], { color: false, width: 120 });
    expect(text).toContain('Funnel “Checkout” (3 of 4 steps reached, 1 not tracked)');
    expect(text).toMatch(
      /✗ 3\. Begin checkout: on \/checkout at \d\d:\d\d:\d\d — Google Analytics 4 begin_checkout never sent/,
    );
    expect(text).toContain('– 4. purchase: not reached');
  });

  it('the HTML report has a Funnels section with the same words', () => {
    const html = reportToHtml([report], { generatedAt: T0 });
    expect(html).toContain('<h3>Funnels</h3>');
    expect(html).toContain('Google Analytics 4 begin_checkout never sent');
  });

  it('the report passes its own schema', () =>
    expect(checkReportFile(JSON.parse(JSON.stringify(report)))).toEqual({ ok: true }));
});
