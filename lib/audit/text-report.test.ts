import { describe, expect, it } from 'vitest';
import type { Goal, Plan } from '../goals/types';
import type { PageSession, StoredFiring, StoredHit } from '../store/types';
import { findings as findAll } from './findings';
import { reconcile } from './reconcile';
import { buildReport, type AuditReport } from './report';
import { firing, hit, newsletter, purchase, T0 } from './testing';
import { tagLabel } from '../words';
import { displayWidth, reportToText, summaryLine, truncate, wrap } from './text-report';

// ── a shop audited along a journey: one tag missing, one blocked, one failed, one sent only once of twice ──

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
const pricing: Goal = {
  id: 'pricing_scroll',
  name: 'Scrolled to pricing',
  category: 'engagement',
  trigger: { kind: 'scroll_depth', percent: 75 },
};

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
  const plan: Plan = {
    version: 1,
    name: 'Shop micro-conversions',
    goals: [newsletter, addToCart, demo, purchase, pricing],
  };
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
  const click = (id: string, at: number, selector: string, goalId: string) =>
    firing(goalId, at, { id, trigger: 'click', element: { tag: 'button', selector } });
  const firings = [
    firing(newsletter.id, T0, { id: 'f1' }),
    click('f2', T0 + 10_000, 'button.add-to-cart', addToCart.id),
    click('f3', T0 + 20_000, 'button.add-to-cart', addToCart.id),
    click('f4', T0 + 30_000, 'a.book-demo', demo.id),
    firing(pricing.id, T0 + 40_000, {
      id: 'f5',
      trigger: 'scroll_depth',
      element: undefined,
      detail: { percent: '75' },
    }),
  ];
  const hits = [
    hit('ga4', 'page_view', T0 - 30_000, { id: 'h1', account: 'G-SHOP1' }),
    hit('meta-pixel', 'PageView', T0 - 29_900, { id: 'h2', account: '1234567890' }),
    hit('ga4', 'sign_up', T0 + 40, { id: 'h3', account: 'G-SHOP1', params: { method: 'newsletter' } }),
    hit('ga4', 'add_to_cart', T0 + 10_050, {
      id: 'h4',
      account: 'G-SHOP1',
      params: { currency: 'EUR', value: '19.90' },
    }),
    hit('meta-pixel', 'AddToCart', T0 + 10_060, { id: 'h5', account: '1234567890' }),
    hit('ga4', 'add_to_cart', T0 + 20_050, {
      id: 'h6',
      account: 'G-SHOP1',
      params: { currency: 'EUR', value: '4.50' },
    }),
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
    }),
  ];
  return audit(plan, sessions, firings, hits);
}

const ESC = '\x1b';

/** A line cut into columns by display width (a wide character takes two). */
function cells(line: string, starts: readonly number[]): string[] {
  const out = starts.map(() => '');
  let col = 0;
  for (const ch of line) {
    let i = starts.length - 1;
    while (i > 0 && col < starts[i]!) i--;
    out[i] += ch;
    col += displayWidth(ch);
  }
  return out.map((c) => c.trim());
}

/**
 * The goal table as rows. A row starts with a status (✓ ✗ ⛔ ⚠ – ↳ or "fired"); the lines after it without one are
 * its cells wrapped, joined back. The goal column is blank on a goal's second and later tags, so it carries down.
 */
function table(text: string): Array<{ goal: string; fired: string; tag: string; status: string }> {
  const lines = text.split('\n');
  const h = lines.findIndex((l) => /^\s+Goal\s+Fired\s+Expected tag\s+Status/.test(l));
  const header = lines[h]!;
  const starts = [
    0,
    displayWidth(header.slice(0, header.indexOf('Fired'))),
    displayWidth(header.slice(0, header.indexOf('Expected tag'))),
    displayWidth(header.slice(0, header.indexOf('Status'))),
  ];
  const rows: Array<{ goal: string; fired: string; tag: string; status: string }> = [];
  let goal = '';
  const join = (a: string, b: string) => (a && b ? `${a} ${b}` : a || b);
  for (const line of lines.slice(h + 2)) {
    if (line.trim() === '') break;
    const [g, fired, tag, status] = cells(line, starts) as [string, string, string, string];
    const last = rows.at(-1);
    if (!/^([✓✗⛔⚠–↳]|fired)/.test(status) && last) {
      // A wrapped line of the row above: a goal name's next words belong to the goal, a tag's to the tag.
      if (g) last.goal = goal = join(last.goal, g);
      last.tag = join(last.tag, tag);
      last.status = join(last.status, status);
      continue;
    }
    goal = g || goal;
    rows.push({ goal, fired, tag, status });
  }
  return rows;
}

describe('reportToText', () => {
  const report = shopReport();
  const text = reportToText([report], { color: false });
  const rows = table(text);

  it.each([
    ['Newsletter signup', 'Google Analytics 4 · sign_up', '✓ sent'],
    ['Newsletter signup', 'Meta Pixel · Lead', '✗ missing'],
    ['Add to cart', 'Google Analytics 4 · add_to_cart', '✓ sent'],
    ['Add to cart', 'Meta Pixel · AddToCart', '✗ missing (1 of 2 sent)'],
    ['Demo request', 'LinkedIn Insight Tag · conversion', '⛔ blocked'],
    ['Demo request', 'TikTok Pixel · SubmitForm', '⚠ failed'],
    ['Scrolled to pricing', '(no tags expected)', 'fired'],
  ])('shows %s → %s as %s', (goal, tag, status) => {
    expect(rows).toContainEqual(expect.objectContaining({ goal, tag, status }));
  });

  it.each([
    ['Newsletter signup', '1'],
    ['Add to cart', '2'],
    ['Demo request', '1'],
  ])('counts the firings of %s: %s', (goal, fired) => {
    expect(rows.find((r) => r.goal === goal)!.fired).toBe(fired);
  });

  it('folds the goals that did not fire into one line after the table, and lists them when asked', () => {
    expect(rows.map((r) => r.goal)).not.toContain('Purchase');
    expect(text).toContain('\n  – 1 goal not triggered on these pages (--all-goals lists them)\n');
    const all = table(reportToText([report], { color: false, allGoals: true }));
    expect(all.at(-1)).toEqual({
      goal: 'Purchase',
      fired: '0',
      tag: 'Google Analytics 4 · purchase',
      status: '– not triggered',
    });
  });

  it('lists the goals that fired in the order they fired', () =>
    expect([...new Set(rows.map((r) => r.goal))]).toEqual([
      'Newsletter signup',
      'Add to cart',
      'Demo request',
      'Scrolled to pricing',
    ]));

  it('heads the page with its title, URL, plan and the pages of the journey', () => {
    const [title, about, pages] = text.split('\n');
    expect(title).toBe('Shop');
    expect(about).toBe('https://shop.example/ · plan "Shop micro-conversions" · 8 hits');
    expect(pages).toBe('Pages: https://shop.example/ → https://shop.example/demo');
  });

  it('lists the findings by severity, errors first, with their messages', () => {
    const errors = report.findings.filter((f) => f.severity === 'error');
    const notes = report.findings.filter((f) => f.severity === 'info');
    expect(errors.length).toBe(4);
    const errorsAt = text.indexOf(`Errors (${errors.length})`);
    expect(errorsAt).toBeGreaterThan(text.indexOf('Expected tag'));
    // The two add_to_cart hits without items are one problem: one warning.
    expect(text.indexOf('Warnings (1)')).toBeGreaterThan(errorsAt);
    if (notes.length) expect(text.indexOf(`Notes (${notes.length})`)).toBeGreaterThan(text.indexOf('Warnings (1)'));
    // Messages are wrapped, never cut: every word of each is there, in order.
    const flat = text.replace(/\n\s+/g, ' ');
    for (const f of report.findings) expect(flat).toContain(f.message);
    expect(flat).toMatch(/✗ Meta Pixel Lead is missing on the “newsletter” form/);
  });

  it('ends with the summary line', () => {
    expect(text.split('\n').at(-1)).toBe(summaryLine([report]));
    expect(summaryLine([report])).toBe(
      '1 of 4 goals that fired fully tracked · 1 not triggered · 4 errors · 1 warning',
    );
  });

  it('writes no escape code without colour, even when page data carries one', () => {
    const hostile = shopReport();
    hostile.goals[0]!.name = `Newsletter\x1b[2J\x1b]0;pwned\x07 signup`;
    hostile.page.title = 'Shop\x1b[31m';
    hostile.findings[0]!.message = `A message with \x1b[1mbold\x1b[0m and a\nnewline`;
    const out = reportToText([hostile], { color: false });
    expect(out).not.toContain(ESC);
    expect(out).not.toContain('\x07');
    expect(out).toContain('A message with �[1mbold�[0m and a newline');
  });

  it.each([
    ['\x1b[32m✓ sent\x1b[39m', 'a sent tag green'],
    ['\x1b[31m✗ missing\x1b[39m', 'a missing tag red'],
    ['\x1b[33m⛔ blocked\x1b[39m', 'a blocked tag yellow'],
    ['\x1b[33m⚠ failed\x1b[39m', 'a failed tag yellow'],
    ['\x1b[2m– 1 goal not triggered on these pages', 'the goals that did not fire dim'],
  ])('with colour, writes %j: %s', (code) => {
    expect(reportToText([report], { color: true })).toContain(code);
  });

  it('colours only: the coloured text is the plain text once the codes are removed', () => {
    const coloured = reportToText([report], { color: true });
    expect(coloured.replace(/\x1b\[\d+m/g, '')).toBe(text);
  });

  it.each([40, 60, 80, 100, 140])('keeps every line within %i columns, wrapping what does not fit', (width) => {
    const long = shopReport();
    long.goals[1]!.name =
      'Add to cart from the product recommendations carousel on the category page (desktop and mobile)';
    long.page.title = 'A very long page title that goes on and on about the shop, its products and its many offers';
    const out = reportToText([long], { color: false, width });
    for (const line of out.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
    // Nothing is cut: every word of the long name and the title is there, in order.
    expect(out).not.toContain('…');
    expect(out.replace(/\s+/g, ' ')).toContain('about the shop, its products and its many offers');
    const names = width >= 53 ? [...new Set(table(out).map((r) => r.goal))] : out.replace(/\s+/g, ' ');
    expect(names).toContain(long.goals[1]!.name);
  });

  it('turns the table into one block per goal when the terminal is too narrow for columns', () => {
    const out = reportToText([report], { color: false, width: 45 });
    const lines = out.split('\n');
    const at = lines.indexOf('  Newsletter signup · fired 1');
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 3).map((l) => l.trim().split(/\s{2,}/))).toEqual([
      ['✓ sent', 'Google Analytics 4 · sign_up'],
      ['✗ missing', 'Meta Pixel · Lead'],
    ]);
    // A tag too long for the line wraps under itself, the status column kept clear.
    const cart = lines.findIndex((l) => l.includes('Meta Pixel · AddToCart'));
    expect(lines[cart]).toMatch(/^ {4}✗ missing +Meta Pixel · AddToCart \(1 of$/);
    expect(lines[cart + 1]!.indexOf('2 sent)')).toBe(lines[cart]!.indexOf('Meta Pixel'));
  });

  it('keeps within 80 columns when no width is given', () => {
    const long = shopReport();
    long.goals[0]!.name = 'x'.repeat(150);
    const out = reportToText([long], { color: false });
    for (const line of out.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(80);
    expect(table(out)[0]!.goal.replace(/ /g, '')).toBe('x'.repeat(150));
  });

  it('reports each page audited, then the total', () => {
    const other = audit(
      { version: 1, name: 'Shop micro-conversions', goals: [newsletter] },
      [{ id: 's9', tabId: 2, url: 'https://shop.example/blog', startedAt: T0, navigations: [] }],
      [firing(newsletter.id, T0 + 1000, { tabId: 2, sessionId: 's9' })],
      [
        hit('ga4', 'sign_up', T0 + 1010, { tabId: 2, sessionId: 's9' }),
        hit('meta-pixel', 'Lead', T0 + 1020, { tabId: 2, sessionId: 's9' }),
      ],
      { url: 'https://shop.example/blog', title: '' },
    );
    const out = reportToText([report, other], { color: false, width: 140 });
    expect(out).toContain('\nhttps://shop.example/blog\n');
    expect(out).toContain('\n1 of 1 goal that fired fully tracked · no problems found\n');
    expect(out.split('\n').at(-1)).toBe(
      '2 pages · 2 of 5 goals that fired fully tracked · 1 not triggered · 4 errors · 1 warning',
    );
  });

  it('says when no page was audited, and when the plan has no goals', () => {
    expect(reportToText([], { color: false })).toBe('No page was audited.');
    const empty = audit({ version: 1, name: 'Empty', goals: [] }, [], [], []);
    expect(reportToText([empty], { color: false })).toContain('The plan has no goals for these pages.');
    expect(reportToText([empty], { color: false })).toContain('No problems found.');
  });
});

describe('the goal table at 80 and 120 columns, with long goal and event names', () => {
  const carousel: Goal = {
    id: 'carousel',
    name: 'Add to cart from the product recommendations carousel on the category page (desktop and mobile)',
    trigger: { kind: 'click', selector: '.carousel .add-to-cart' },
    expect: [
      { vendor: 'ga4', event: 'add_to_cart_from_recommendations_carousel_experiment_variant_b' },
      { vendor: 'meta-pixel', event: 'AddToCart' },
      { vendor: 'tiktok', event: 'AddToCartFromRecommendationsCarousel', account: 'CABCDEFGHIJ1234567890' },
    ],
  };
  const survey: Goal = {
    id: 'survey',
    name: 'Post-purchase satisfaction survey completed (net promoter score question answered)',
    trigger: { kind: 'datalayer_event', event: 'nps_survey_completed' },
    expect: [{ vendor: 'ga4', event: 'nps_survey_completed_with_score' }],
  };
  const plan: Plan = { version: 1, name: 'Long names', goals: [carousel, survey, newsletter] };
  const firings = [
    firing(carousel.id, T0, {
      id: 'c1',
      trigger: 'click',
      element: { tag: 'button', text: 'Add to cart', selector: 'button.add-to-cart' },
    }),
    firing(carousel.id, T0 + 20_000, {
      id: 'c2',
      trigger: 'click',
      element: { tag: 'button', text: 'Add to cart', selector: 'button.add-to-cart' },
    }),
    firing(survey.id, T0 + 40_000, {
      id: 's1',
      trigger: 'datalayer_event',
      element: undefined,
      detail: { event: 'nps_survey_completed' },
    }),
  ];
  const hits = [
    hit('ga4', 'add_to_cart_from_recommendations_carousel_experiment_variant_b', T0 + 20),
    hit('meta-pixel', 'AddToCart', T0 + 25),
    hit('meta-pixel', 'AddToCart', T0 + 20_025),
    hit('tiktok', 'AddToCartFromRecommendationsCarousel', T0 + 30, {
      account: 'CABCDEFGHIJ1234567890',
      status: 'blocked',
    }),
  ];
  const report = audit(plan, [], firings, hits);

  it.each([80, 120])('at %i columns: nothing cut, nothing misaligned', (width) => {
    const out = reportToText([report], { color: false, width });
    const lines = out.split('\n');
    for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
    expect(out).not.toContain('…');

    // Nothing cut: each goal and each tag, read back from its column, is whole (a word longer than its column
    // is broken across lines; the pieces join back without the spaces the reading puts between lines).
    const rows = table(out);
    const bare = (text: string) => text.replace(/ /g, '');
    expect([...new Set(rows.map((r) => bare(r.goal)))]).toEqual([bare(carousel.name), bare(survey.name)]);
    expect(rows.map((r) => bare(r.tag))).toEqual(
      [...carousel.expect!, ...survey.expect!].map((e) => bare(tagLabel(e))),
    );
    expect(rows.map((r) => r.status)).toEqual(['✗ missing (1 of 2 sent)', '✓ sent', '✗ missing', '✗ missing']);

    // Nothing misaligned: on every line of the table, the two columns of space before each column are blank.
    const h = lines.findIndex((l) => /^\s+Goal\s+Fired/.test(l));
    const header = lines[h]!;
    const starts = ['Fired', 'Expected tag', 'Status'].map((c) => displayWidth(header.slice(0, header.indexOf(c))));
    const body = lines.slice(h + 2, lines.indexOf('', h));
    // The names did not fit: the rows wrapped onto more lines than there are rows.
    expect(body.length).toBeGreaterThan(rows.length);
    for (const line of body) {
      let col = 0;
      const at: string[] = [];
      for (const ch of line) {
        if (starts.some((s) => col === s - 2 || col === s - 1)) at.push(ch);
        col += displayWidth(ch);
      }
      expect(at.join('').trim(), line).toBe('');
    }
  });
});

describe('summaryLine', () => {
  const tracked = audit(
    { version: 1, name: 'p', goals: [newsletter] },
    [],
    [firing(newsletter.id, T0)],
    [hit('ga4', 'sign_up', T0 + 10), hit('meta-pixel', 'Lead', T0 + 20)],
  );
  const idle = audit({ version: 1, name: 'p', goals: [newsletter, purchase] }, [], [], []);
  const missing = audit(
    { version: 1, name: 'p', goals: [newsletter] },
    [],
    [firing(newsletter.id, T0)],
    [hit('ga4', 'sign_up', T0 + 10)],
  );
  const noGoals = audit({ version: 1, name: 'p', goals: [] }, [], [], []);

  it.each<[string, AuditReport[], string]>([
    ['every goal tracked', [tracked], '1 of 1 goal that fired fully tracked · no problems found'],
    ['nothing fired', [idle], 'no goal fired · 2 not triggered · no problems found'],
    ['a tag missing', [missing], '0 of 1 goal that fired fully tracked · 1 error'],
    ['no goals', [noGoals], 'no goals in the plan · no problems found'],
    [
      'several pages',
      [tracked, missing, idle],
      '3 pages · 1 of 2 goals that fired fully tracked · 2 not triggered · 1 error',
    ],
    ['no page', [], 'No page was audited'],
  ])('%s', (_, reports, want) => expect(summaryLine(reports)).toBe(want));
});

describe('terminal text helpers', () => {
  it.each([
    ['ascii', 'Newsletter', 10],
    ['a wide emoji', '⛔ blocked', 10],
    ['narrow symbols', '✓✗⚠–…', 5],
    ['CJK', '購読する', 8],
    ['combining accents', 'e\u0301te\u0301', 3],
  ])('measures %s', (_, text, width) => expect(displayWidth(text)).toBe(width));

  it.each([
    ['Newsletter signup', 20, 'Newsletter signup'],
    ['Newsletter signup', 10, 'Newslette…'],
    ['購読する購読する', 7, '購読す…'],
    ['abc', 0, ''],
  ])('truncates %j to %i columns', (text, max, want) => {
    expect(truncate(text, max)).toBe(want);
    expect(displayWidth(truncate(text, max))).toBeLessThanOrEqual(max);
  });

  it.each([
    ['a short line', 20, ['a short line']],
    ['Meta Pixel did not send Lead for the signup', 16, ['Meta Pixel did', 'not send Lead', 'for the signup']],
    [
      'see https://shop.example/a/very/long/path now',
      12,
      ['see', 'https://shop', '.example/a/v', 'ery/long/pat', 'h now'],
    ],
    ['', 10, ['']],
  ])('wraps %j at %i columns', (text, width, want) => expect(wrap(text, width)).toEqual(want));
});
