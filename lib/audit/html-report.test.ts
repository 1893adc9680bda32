// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Goal, Plan } from '../goals/types';
import type { PageSession, StoredFiring, StoredHit } from '../store/types';
import { findings as findAll } from './findings';
import { esc, reportToHtml } from './html-report';
import { reconcile } from './reconcile';
import { buildReport, type AuditReport } from './report';
import { firing, hit, newsletter, purchase, T0 } from './testing';
import { summaryLine } from './text-report';

// ── a shop audited along a journey: one tag missing, one blocked, one failed, and a page that puts markup in its hits ──

const addToCart: Goal = {
  id: 'add_to_cart',
  name: 'Add to cart',
  category: 'interaction',
  trigger: { kind: 'click', selector: 'button.add-to-cart' },
  expect: [
    { vendor: 'ga4', event: 'add_to_cart' },
    { vendor: 'meta-pixel', event: 'AddToCart' },
  ],
};
const demo: Goal = {
  id: 'demo_request',
  name: 'Demo request',
  category: 'macro',
  trigger: { kind: 'click', text: 'Book a demo' },
  expect: [
    { vendor: 'linkedin', event: 'conversion' },
    { vendor: 'tiktok', event: 'SubmitForm' },
  ],
};

const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(1)>';

function audit(
  plan: Plan,
  sessions: PageSession[],
  firings: StoredFiring[],
  hits: StoredHit[],
  page = { url: 'https://shop.example/', title: 'Shop' },
): AuditReport {
  const results = reconcile(plan.goals, firings, hits);
  const found = findAll({ goals: plan.goals, firings, hits, results, timeZone: 'UTC' });
  return buildReport({ page, plan, sessions, firings, hits, results, findings: found, generatedAt: T0 + 60_000 });
}

function shopReport(): AuditReport {
  const plan: Plan = { version: 1, name: 'Shop micro-conversions', goals: [newsletter, addToCart, demo, purchase] };
  const sessions: PageSession[] = [
    { id: 's1', tabId: 1, url: 'https://shop.example/', title: 'Shop', startedAt: T0 - 31_000, navigations: [] },
    {
      id: 's2',
      tabId: 1,
      url: 'https://shop.example/demo',
      title: 'Book a demo',
      startedAt: T0 + 25_000,
      navigations: [],
    },
  ];
  const firings = [
    firing(newsletter.id, T0, { id: 'f1' }),
    firing(addToCart.id, T0 + 10_000, {
      id: 'f2',
      trigger: 'click',
      element: { tag: 'button', selector: 'button.add-to-cart' },
    }),
    firing(demo.id, T0 + 30_000, {
      id: 'f3',
      trigger: 'click',
      sessionId: 's2',
      element: { tag: 'a', selector: 'a.book-demo' },
    }),
  ];
  const hits = [
    hit('ga4', 'page_view', T0 - 30_000, {
      id: 'h1',
      account: 'G-SHOP1',
      params: { page_location: 'https://shop.example/', page_title: IMG },
    }),
    hit('meta-pixel', 'PageView', T0 - 29_900, { id: 'h2', account: '1234567890' }),
    hit('ga4', 'view_item', T0 - 5_000, {
      id: 'h3',
      account: 'G-SHOP1',
      params: { item_name: SCRIPT, currency: 'EUR', value: '19.90' },
    }),
    hit('ga4', 'sign_up', T0 + 40, { id: 'h4', account: 'G-SHOP1', params: { method: 'newsletter' } }),
    hit('ga4', 'add_to_cart', T0 + 10_050, {
      id: 'h5',
      account: 'G-SHOP1',
      params: { currency: 'EUR', value: '19.90', 'items.0.item_id': 'SKU-1' },
    }),
    hit('meta-pixel', 'AddToCart', T0 + 10_060, { id: 'h6', account: '1234567890' }),
    hit('linkedin', 'conversion', T0 + 30_030, {
      id: 'h7',
      account: '987654',
      sessionId: 's2',
      status: 'blocked',
      statusCode: undefined,
      error: 'net::ERR_BLOCKED_BY_CLIENT',
    }),
    hit('tiktok', 'SubmitForm', T0 + 30_040, {
      id: 'h8',
      account: 'CABC123',
      sessionId: 's2',
      status: 'failed',
      statusCode: 500,
      partial: 'the gzip body is corrupt (invalid block type): not decoded',
    }),
  ];
  return audit(plan, sessions, firings, hits);
}

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** The coverage grid's cell for a goal and a vendor, found by the column header's position (in the grid or the folded one). */
function cell(doc: Document, goalId: string, vendor: string): HTMLTableCellElement {
  const grid =
    [...doc.querySelectorAll('table.grid')].find((g) => g.querySelector(`tbody tr[data-goal="${goalId}"]`)) ??
    doc.querySelector('table.grid')!;
  const headers = [...grid.querySelectorAll('thead th')];
  const column = headers.findIndex((th) => th.getAttribute('data-vendor') === vendor);
  expect(column, `no column for ${vendor}`).toBeGreaterThan(1);
  const row = grid.querySelector(`tbody tr[data-goal="${goalId}"]`)!;
  expect(row, `no row for ${goalId}`).not.toBeNull();
  return row.children[column] as HTMLTableCellElement;
}

const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('reportToHtml', () => {
  const report = shopReport();
  const html = reportToHtml([report], { generatedAt: T0 + 120_000 });
  const doc = parse(html);

  it('is one self-contained document: charset, title, inline style, no script, no external asset', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(doc.querySelector('meta[charset]')?.getAttribute('charset')).toBe('utf-8');
    expect(doc.title).toBe('Tracking audit — Shop');
    expect(doc.querySelectorAll('style')).toHaveLength(1);
    expect(doc.querySelectorAll('script, link, img, iframe, object, embed')).toHaveLength(0);
    expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/url\(/);
  });

  it('reads in light and dark, and prints', () => {
    expect(html).toContain('@media (prefers-color-scheme:dark)');
    expect(html).toContain('@media print');
    expect(html).toContain('color-scheme:light dark');
  });

  it('opens with the headline summary', () => {
    expect(text(doc.querySelector('.summary'))).toBe(summaryLine([report]));
    expect(text(doc.querySelector('header'))).toContain('generated 2025-11-23 07:42 UTC');
    const cards = [...doc.querySelectorAll('.card')].map((c) => [
      text(c.querySelector('.value')),
      text(c.querySelector('.label')),
    ]);
    expect(cards).toEqual([
      ['1 / 3', 'goals that fired fully tracked'],
      ['1', 'goals not triggered'],
      ['3', 'errors'],
      ['1', 'warning'],
      ['8', 'tag hits seen'],
    ]);
  });

  it('has one grid column per vendor the plan expects, in the plan order', () => {
    const heads = [...doc.querySelector('table.grid')!.querySelectorAll('thead th')].map(text);
    expect(heads).toEqual([
      'Goal',
      'Fired',
      'Google Analytics 4',
      'Meta Pixel',
      'LinkedIn Insight Tag',
      'TikTok Pixel',
    ]);
  });

  it('lists the goals that fired first, and folds the others into one line to open', () => {
    const [fired, folded] = [...doc.querySelectorAll('table.grid')];
    expect([...fired!.querySelectorAll('tbody tr')].map((tr) => tr.getAttribute('data-goal'))).toEqual([
      'newsletter_signup',
      'add_to_cart',
      'demo_request',
    ]);
    const details = doc.querySelector('details.not-triggered')!;
    expect(text(details.querySelector('summary'))).toBe('1 goal not triggered on these pages — show');
    expect(details.contains(folded!)).toBe(true);
    expect([...folded!.querySelectorAll('tbody tr')].map((tr) => tr.getAttribute('data-goal'))).toEqual(['purchase']);
  });

  it("keeps selectors out of the findings' words, in a developer detail", () => {
    const li = doc.querySelector('li.finding[data-kind="missing_tag"]')!;
    expect(text(li.querySelector('.message'))).not.toContain('form#newsletter');
    expect(text(li.querySelector('details.dev pre'))).toContain('on form#newsletter');
  });

  it.each([
    ['newsletter_signup', 'ga4', '✓ sign_up', 'sent', /Firing 1 \(\+31\.000 s, form#newsletter\): sent \(hit h4\)/],
    ['newsletter_signup', 'meta-pixel', '✗ Lead', 'missing', /missing — No Meta Pixel hit with event Lead/],
    ['add_to_cart', 'meta-pixel', '✓ AddToCart', 'sent', /sent \(hit h6\)/],
    [
      'demo_request',
      'linkedin',
      '⛔ conversion',
      'blocked',
      /blocked — The LinkedIn Insight Tag request was blocked: net::ERR_BLOCKED_BY_CLIENT/,
    ],
    ['demo_request', 'tiktok', '⚠ SubmitForm', 'failed', /failed — The TikTok Pixel request failed: HTTP 500/],
    ['purchase', 'ga4', '– purchase', 'not_triggered', /"Purchase" did not fire on these pages/],
  ])('shows %s × %s as %s, with the reason in its tooltip', (goal, vendor, shown, status, reason) => {
    const td = cell(doc, goal, vendor);
    expect(text(td)).toBe(shown);
    expect(td.getAttribute('data-status')).toBe(status);
    expect(td.querySelector('.tag')!.getAttribute('title')).toMatch(reason);
  });

  it.each([
    ['newsletter_signup', 'linkedin'],
    ['purchase', 'meta-pixel'],
  ])('leaves %s × %s empty: the goal expects nothing of that vendor', (goal, vendor) => {
    expect(text(cell(doc, goal, vendor))).toBe('');
  });

  it('says in a cell how many firings sent the tag when they disagree', () => {
    const twice = shopReport();
    const goal = twice.goals.find((g) => g.id === 'add_to_cart')!;
    goal.fired = 2;
    goal.firings.push({
      ...goal.firings[0]!,
      id: 'f9',
      at: T0 + 20_000,
      tags: [
        { vendor: 'ga4', event: 'add_to_cart', status: 'sent', hitId: 'h5' },
        {
          vendor: 'meta-pixel',
          event: 'AddToCart',
          status: 'missing',
          reason: 'No Meta Pixel hit with event AddToCart.',
        },
      ],
    });
    const td = cell(parse(reportToHtml([twice], { generatedAt: T0 })), 'add_to_cart', 'meta-pixel');
    expect(text(td)).toBe('✗ AddToCart 1 of 2 sent');
    expect(td.querySelector('.tag')!.getAttribute('title')).toBe(
      'Firing 1 (+41.000 s, button.add-to-cart): sent (hit h6)\nFiring 2 (+51.000 s, button.add-to-cart): missing — No Meta Pixel hit with event AddToCart.',
    );
  });

  it('lists the findings by severity, errors first, each with its message', () => {
    const groups = [...doc.querySelectorAll('h4[data-severity]')].map((h) => h.getAttribute('data-severity'));
    expect(groups).toEqual(['error', 'warning', 'info'].filter((s) => report.findings.some((f) => f.severity === s)));
    expect(text(doc.querySelector('h4[data-severity="error"]'))).toBe('Errors (3)');
    const items = [...doc.querySelectorAll('li.finding')];
    expect(items.map((li) => li.getAttribute('data-kind'))).toEqual(report.findings.map((f) => f.kind));
    report.findings.forEach((f, i) => expect(text(items[i])).toContain(f.message.replace(/\s+/g, ' ')));
    expect(text(items[0])).toMatch(/^Missing tag · Meta Pixel Meta Pixel Lead is missing on the “newsletter” form/);
  });

  it('shows the timeline per page, times from the page start, firing rows highlighted', () => {
    const tables = [...doc.querySelectorAll('table.timeline')];
    expect(tables).toHaveLength(2);
    const rows = (t: Element) =>
      [...t.querySelectorAll('tr.hit, tr.firing')].map((tr) => [
        tr.className,
        text(tr.querySelector('.time')),
        text(tr.children[1]),
      ]);
    expect(rows(tables[0]!)).toEqual([
      ['hit', '+1.000 s', 'Google Analytics 4 G-SHOP1'],
      ['hit', '+1.100 s', 'Meta Pixel 1234567890'],
      ['hit', '+26.000 s', 'Google Analytics 4 G-SHOP1'],
      [
        'firing',
        '+31.000 s',
        expect.stringMatching(
          /^★ Newsletter signup fired on the “newsletter” form form#newsletter ?✓ Google Analytics 4 sign_up ✗ Meta Pixel Lead$/,
        ),
      ],
      ['hit', '+31.040 s', 'Google Analytics 4 G-SHOP1'],
      ['firing', '+41.000 s', expect.stringMatching(/^★ Add to cart fired/)],
      ['hit', '+41.050 s', 'Google Analytics 4 G-SHOP1'],
      ['hit', '+41.060 s', 'Meta Pixel 1234567890'],
    ]);
    expect(rows(tables[1]!).map(([cls, time]) => `${cls} ${time}`)).toEqual([
      'firing +5.000 s',
      'hit +5.030 s',
      'hit +5.040 s',
    ]);
    const pageHeads = [...doc.querySelectorAll('h4.page-head')].map((h) => [
      text(h.firstChild as Element),
      text(h.querySelector('.muted')),
      text(h.querySelector('.page-url')),
    ]);
    expect(pageHeads).toEqual([
      ['Page 1', 'started 07:39:29 UTC', 'Shop — https://shop.example/'],
      ['Page 2', 'started 07:40:25 UTC', 'Book a demo — https://shop.example/demo'],
    ]);
  });

  it.each([
    ['h4', 'sign_up for Newsletter signup', '✓ sent'],
    ['h7', 'conversion for Demo request', '⛔ blocked net::ERR_BLOCKED_BY_CLIENT'],
    [
      'h8',
      'SubmitForm for Demo request',
      '⚠ failed HTTP 500 partial: the gzip body is corrupt (invalid block type): not decoded',
    ],
    ['h1', 'page_view', '✓ sent'],
  ])('shows hit %s with its event and status', (id, event, status) => {
    const tr = doc.querySelector(`tr[data-hit="${id}"]`)!;
    expect(text(tr.children[2])).toBe(event);
    expect(text(tr.children[3])).toBe(status);
  });

  it('says beside its status why a hit could only be read in part', () => {
    expect(text(doc.querySelector('tr[data-hit="h8"] .partial'))).toBe(
      'partial: the gzip body is corrupt (invalid block type): not decoded',
    );
    expect(doc.querySelector('tr[data-hit="h5"] .partial')).toBeNull();
  });

  it("shows a hit's parameters in full behind a summary", () => {
    const details = doc.querySelector('tr[data-hit="h5"] details')!;
    expect(text(details.querySelector('summary'))).toBe('currency=EUR · value=19.90 · items.0.item_id=SKU-1');
    expect(
      [...details.querySelectorAll('.params tr')].map((tr) => [text(tr.children[0]), text(tr.children[1])]),
    ).toEqual([
      ['currency', 'EUR'],
      ['value', '19.90'],
      ['items.0.item_id', 'SKU-1'],
    ]);
  });

  it('masks personal data a page leaked into a hit, in its params and its URL', () => {
    const leaky = shopReport();
    const h = leaky.hits.find((x) => x.id === 'h4')!;
    h.params.email = 'jane.doe@example.com';
    h.url = 'https://region1.google-analytics.com/g/collect?v=2&en=sign_up&ep.email=jane.doe%40example.com';
    const out = reportToHtml([leaky], { generatedAt: T0 });
    expect(out).not.toContain('jane.doe');
    const tr = parse(out).querySelector('tr[data-hit="h4"]')!;
    expect([...tr.querySelectorAll('.params td')].map(text)).toContain('j•••@example.com (personal data, masked)');
    expect(text(tr.querySelector('.url'))).toBe('(request URL withheld: it carries personal data)');
  });

  it.each([
    ['ga4', ['Google Analytics 4', 'analytics', 'G-SHOP1', '4', '0', '0']],
    ['linkedin', ['LinkedIn Insight Tag', 'advertising', '987654', '1', '1', '0']],
    ['tiktok', ['TikTok Pixel', 'advertising', 'CABC123', '1', '0', '1']],
  ])('lists %s in the tags seen', (vendor, want) => {
    const tr = doc.querySelector(`table.inventory tr[data-vendor="${vendor}"]`)!;
    expect([...tr.children].slice(0, 6).map(text)).toEqual(want);
  });

  it('names the vendors the plan expects that never sent anything', () => {
    const quiet = shopReport();
    quiet.goals[0]!.expect.push({ vendor: 'pinterest', event: 'signup' });
    expect(text(parse(reportToHtml([quiet], { generatedAt: T0 })).querySelector('.warn-note'))).toBe(
      'Expected by the plan but never seen on these pages: Pinterest Tag.',
    );
  });
});

describe('reportToHtml escapes everything a page can put in a report', () => {
  const hostile = shopReport();
  hostile.page.title = `Shop ${SCRIPT}`;
  hostile.plan.name = `Plan ${IMG}`;
  hostile.goals[0]!.name = `Newsletter ${IMG}`;
  hostile.goals[0]!.firings[0]!.element = `form${SCRIPT}`;
  hostile.goals[0]!.firings[0]!.tags[1]!.reason = `Saw ${IMG} instead`;
  hostile.hits[0]!.event = `evt${SCRIPT}`;
  hostile.hits[0]!.account = IMG;
  hostile.hits[0]!.url = `https://collect.example/?x=${encodeURIComponent(SCRIPT)}&y=${IMG}`;
  hostile.hits[0]!.error = SCRIPT;
  hostile.hits[0]!.params[IMG] = SCRIPT;
  hostile.tags[0]!.accounts.push(SCRIPT);
  hostile.tags[0]!.events[SCRIPT] = 1;
  hostile.findings[0]!.message = `Bad ${SCRIPT} and ${IMG}`;
  const html = reportToHtml([hostile], { generatedAt: T0, title: `Audit ${SCRIPT}` });
  const doc = parse(html);

  it('writes no tag and no attribute from the data', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    // Outside quoted attribute values (which hold data as escaped text), no markup says onerror.
    expect(html.replace(/"[^"]*"/g, '""')).not.toMatch(/<[^>]*\sonerror=/i);
    expect(doc.querySelectorAll('script, img')).toHaveLength(0);
    expect(
      [...doc.querySelectorAll('*')].flatMap((el) => el.getAttributeNames()).filter((a) => a.startsWith('on')),
    ).toEqual([]);
  });

  it.each([
    ['a hit param value', 'tr[data-hit="h1"] .params td', SCRIPT],
    ['a hit param name', 'tr[data-hit="h1"] .params th', IMG],
    ['the hit URL', 'tr[data-hit="h1"] .url', `https://collect.example/?x=${encodeURIComponent(SCRIPT)}&y=${IMG}`],
    ['a finding', 'li.finding .message', `Bad ${SCRIPT} and ${IMG}`],
    ['the document title', 'title', `Audit ${SCRIPT}`],
    ['a goal name', 'table.grid tbody th', `Newsletter ${IMG}`],
  ])('shows %s as the text it was', (_, selector, want) => {
    expect([...doc.querySelectorAll(selector)].map(text)).toContain(want);
  });

  it('keeps the data as text in attributes too', () => {
    const tip = doc
      .querySelector('tr[data-goal="newsletter_signup"] td[data-vendor="meta-pixel"] .tag')!
      .getAttribute('title');
    expect(tip).toContain(`Saw ${IMG} instead`);
    expect(tip).toContain(`form${SCRIPT}`);
    expect(html).toContain(esc(IMG));
    expect(esc(IMG)).toBe('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(esc(`'&`)).toBe('&#39;&amp;');
  });
});

describe('reportToHtml with many hits, many pages, or none', () => {
  function busy(n: number): AuditReport {
    const hits = Array.from({ length: n }, (_, i) => hit('ga4', 'scroll', T0 + i * 100, { id: `b${i}` }));
    return audit(
      { version: 1, name: 'p', goals: [newsletter] },
      [{ id: 's1', tabId: 1, url: 'https://news.example/', startedAt: T0 - 1000, navigations: [] }],
      [firing(newsletter.id, T0 + 500)],
      hits,
      { url: 'https://news.example/', title: 'News' },
    );
  }

  it.each<[string, number, number | undefined, number, string | undefined]>([
    ['under the cap', 20, undefined, 20, undefined],
    [
      'over the default cap of 500',
      512,
      undefined,
      500,
      '… and 12 more hits not listed here: the JSON report has every one.',
    ],
    ['over a cap of 3', 4, 3, 3, '… and 1 more hit not listed here: the JSON report has every one.'],
  ])('%s: lists %i hits', (_, n, maxHits, listed, note) => {
    const doc = parse(reportToHtml([busy(n)], { generatedAt: T0, ...(maxHits !== undefined ? { maxHits } : {}) }));
    expect(doc.querySelectorAll('table.timeline tr.hit')).toHaveLength(listed);
    expect(doc.querySelectorAll('table.timeline tr.firing')).toHaveLength(1);
    expect(doc.querySelector('p.note')?.textContent).toBe(note);
  });

  it('gives several pages audited an overview linking to each', () => {
    const doc = parse(reportToHtml([shopReport(), busy(3)], { generatedAt: T0 }));
    expect(doc.title).toBe('Tracking audit — Shop and 1 more page');
    expect([...doc.querySelectorAll('table.overview a')].map((a) => [a.getAttribute('href'), text(a)])).toEqual([
      ['#report-1', 'Shop'],
      ['#report-2', 'News'],
    ]);
    expect(doc.querySelectorAll('section.report')).toHaveLength(2);
    expect(doc.getElementById('report-2')).not.toBeNull();
  });

  it.each<[string, AuditReport[], string]>([
    ['no page audited', [], 'No page was audited.'],
    [
      'a plan without goals',
      [audit({ version: 1, name: 'p', goals: [] }, [], [], [])],
      'The plan has no goals for these pages.',
    ],
    [
      'a page where nothing happened',
      [audit({ version: 1, name: 'p', goals: [newsletter] }, [], [], [])],
      'Nothing happened on these pages',
    ],
  ])('says so for %s', (_, reports, want) => {
    expect(text(parse(reportToHtml(reports, { generatedAt: T0 })).body)).toContain(want);
  });
});
