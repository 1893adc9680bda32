import { describe, expect, it } from 'vitest';
import type { Goal, Plan } from '../goals/types';
import type { PageSession, StoredFiring, StoredHit } from '../store/types';
import { findings as findAll } from './findings';
import { reconcile } from './reconcile';
import { buildReport, type AuditReport } from './report';
import { firing, hit, newsletter, purchase, T0 } from './testing';
import { displayWidth, reportToText, summaryLine, truncate, wrap } from './text-report';

// ── a shop audited along a journey: one tag missing, one blocked, one failed, one sent only once of twice ──

const addToCart: Goal = {
  id: 'add_to_cart', name: 'Add to cart', category: 'interaction',
  trigger: { kind: 'click', selector: 'button.add-to-cart' },
  expect: [{ vendor: 'ga4', event: 'add_to_cart' }, { vendor: 'meta-pixel', event: 'AddToCart' }],
};
const demo: Goal = {
  id: 'demo_request', name: 'Demo request', category: 'macro',
  trigger: { kind: 'click', text: 'Book a demo' },
  expect: [{ vendor: 'linkedin', event: 'conversion' }, { vendor: 'tiktok', event: 'SubmitForm' }],
};
const pricing: Goal = { id: 'pricing_scroll', name: 'Scrolled to pricing', category: 'engagement', trigger: { kind: 'scroll_depth', percent: 75 } };

function audit(plan: Plan, sessions: PageSession[], firings: StoredFiring[], hits: StoredHit[], page = { url: 'https://shop.example/', title: 'Shop' }): AuditReport {
  const results = reconcile(plan.goals, firings, hits);
  const found = findAll({ goals: plan.goals, firings, hits, results, timeZone: 'UTC' });
  return buildReport({ page, plan, sessions, firings, hits, results, findings: found, generatedAt: T0 + 60_000 });
}

function shopReport(): AuditReport {
  const plan: Plan = { version: 1, name: 'Shop micro-conversions', goals: [newsletter, addToCart, demo, purchase, pricing] };
  const sessions: PageSession[] = [
    { id: 's1', tabId: 1, url: 'https://shop.example/', title: 'Shop', startedAt: T0 - 31_000, navigations: [] },
    { id: 's2', tabId: 1, url: 'https://shop.example/demo', title: 'Book a demo', startedAt: T0 + 25_000, navigations: [] },
  ];
  const click = (id: string, at: number, selector: string, goalId: string) =>
    firing(goalId, at, { id, trigger: 'click', element: { tag: 'button', selector } });
  const firings = [
    firing(newsletter.id, T0, { id: 'f1' }),
    click('f2', T0 + 10_000, 'button.add-to-cart', addToCart.id),
    click('f3', T0 + 20_000, 'button.add-to-cart', addToCart.id),
    click('f4', T0 + 30_000, 'a.book-demo', demo.id),
    firing(pricing.id, T0 + 40_000, { id: 'f5', trigger: 'scroll_depth', element: undefined, detail: { percent: '75' } }),
  ];
  const hits = [
    hit('ga4', 'page_view', T0 - 30_000, { id: 'h1', account: 'G-SHOP1' }),
    hit('meta-pixel', 'PageView', T0 - 29_900, { id: 'h2', account: '1234567890' }),
    hit('ga4', 'sign_up', T0 + 40, { id: 'h3', account: 'G-SHOP1', params: { method: 'newsletter' } }),
    hit('ga4', 'add_to_cart', T0 + 10_050, { id: 'h4', account: 'G-SHOP1', params: { currency: 'EUR', value: '19.90' } }),
    hit('meta-pixel', 'AddToCart', T0 + 10_060, { id: 'h5', account: '1234567890' }),
    hit('ga4', 'add_to_cart', T0 + 20_050, { id: 'h6', account: 'G-SHOP1', params: { currency: 'EUR', value: '4.50' } }),
    hit('linkedin', 'conversion', T0 + 30_030, { id: 'h7', account: '987654', sessionId: 's2', status: 'blocked', statusCode: undefined, error: 'net::ERR_BLOCKED_BY_CLIENT' }),
    hit('tiktok', 'SubmitForm', T0 + 30_040, { id: 'h8', account: 'CABC123', sessionId: 's2', status: 'failed', statusCode: 500 }),
  ];
  return audit(plan, sessions, firings, hits);
}

const ESC = '\x1b';

/** The goal table as rows: the goal column is blank on a goal's second and later tags, so it carries down. */
function table(text: string): Array<{ goal: string; fired: string; tag: string; status: string }> {
  const lines = text.split('\n');
  const h = lines.findIndex((l) => /^\s+Goal\s+Fired\s+Expected tag\s+Status/.test(l));
  const header = lines[h]!;
  const col = { fired: header.indexOf('Fired'), tag: header.indexOf('Expected tag'), status: header.indexOf('Status') };
  const rows: Array<{ goal: string; fired: string; tag: string; status: string }> = [];
  let goal = '';
  for (const line of lines.slice(h + 2)) {
    if (line.trim() === '') break;
    goal = line.slice(0, col.fired).trim() || goal;
    rows.push({ goal, fired: line.slice(col.fired, col.tag).trim(), tag: line.slice(col.tag, col.status).trim(), status: line.slice(col.status).trim() });
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
    ['Purchase', 'Google Analytics 4 · purchase', '– not triggered'],
    ['Scrolled to pricing', '(no tags expected)', 'fired'],
  ])('shows %s → %s as %s', (goal, tag, status) => {
    expect(rows).toContainEqual(expect.objectContaining({ goal, tag, status }));
  });

  it.each([
    ['Newsletter signup', '1'],
    ['Add to cart', '2'],
    ['Demo request', '1'],
    ['Purchase', '0'],
  ])('counts the firings of %s: %s', (goal, fired) => {
    expect(rows.find((r) => r.goal === goal)!.fired).toBe(fired);
  });

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
    expect(text.indexOf('Warnings (2)')).toBeGreaterThan(errorsAt);
    if (notes.length) expect(text.indexOf(`Notes (${notes.length})`)).toBeGreaterThan(text.indexOf('Warnings (2)'));
    // Messages are wrapped, never cut: every word of each is there, in order.
    const flat = text.replace(/\n\s+/g, ' ');
    for (const f of report.findings) expect(flat).toContain(f.message);
    expect(flat).toMatch(/✗ Meta Pixel did not send Lead for "Newsletter signup"/);
  });

  it('ends with the summary line', () => {
    expect(text.split('\n').at(-1)).toBe(summaryLine([report]));
    expect(summaryLine([report])).toBe('1 of 5 goals fully tracked · 1 not triggered · 4 errors · 2 warnings');
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
    ['\x1b[2m– not triggered\x1b[22m', 'a goal that did not fire dim'],
  ])('with colour, writes %j: %s', (code) => {
    expect(reportToText([report], { color: true })).toContain(code);
  });

  it('colours only: the coloured text is the plain text once the codes are removed', () => {
    const coloured = reportToText([report], { color: true });
    expect(coloured.replace(/\x1b\[\d+m/g, '')).toBe(text);
  });

  it.each([40, 60, 80, 100, 140])('keeps every line within %i columns', (width) => {
    const long = shopReport();
    long.goals[1]!.name = 'Add to cart from the product recommendations carousel on the category page (desktop and mobile)';
    long.page.title = 'A very long page title that goes on and on about the shop, its products and its many offers';
    const out = reportToText([long], { color: false, width });
    for (const line of out.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
    // The long goal name is cut, not wrapped: one row per goal.
    expect(out).toMatch(/^ {2}Add to [^\n]*…/m);
    expect(out).not.toContain('(desktop and mobile)');
  });

  it('turns the table into one block per goal when the terminal is too narrow for columns', () => {
    const lines = reportToText([report], { color: false, width: 60 }).split('\n');
    const at = lines.indexOf('  Newsletter signup · fired 1');
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 3).map((l) => l.trim().split(/\s{2,}/))).toEqual([
      ['✓ sent', 'Google Analytics 4 · sign_up'],
      ['✗ missing', 'Meta Pixel · Lead'],
    ]);
    expect(lines).toContain('    ✗ missing        Meta Pixel · AddToCart (1 of 2 sent)');
    expect(lines).toContain('    – not triggered  Google Analytics 4 · purchase');
  });

  it('keeps within 100 columns when no width is given', () => {
    const long = shopReport();
    long.goals[0]!.name = 'x'.repeat(150);
    for (const line of reportToText([long], { color: false }).split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(100);
  });

  it('reports each page audited, then the total', () => {
    const other = audit({ version: 1, name: 'Shop micro-conversions', goals: [newsletter] },
      [{ id: 's9', tabId: 2, url: 'https://shop.example/blog', startedAt: T0, navigations: [] }],
      [firing(newsletter.id, T0 + 1000, { tabId: 2, sessionId: 's9' })],
      [hit('ga4', 'sign_up', T0 + 1010, { tabId: 2, sessionId: 's9' }), hit('meta-pixel', 'Lead', T0 + 1020, { tabId: 2, sessionId: 's9' })],
      { url: 'https://shop.example/blog', title: '' });
    const out = reportToText([report, other], { color: false });
    expect(out).toContain('\nhttps://shop.example/blog\n');
    expect(out).toContain('\n1 of 1 goal fully tracked · no problems found\n');
    expect(out.split('\n').at(-1)).toBe('2 pages · 2 of 6 goals fully tracked · 1 not triggered · 4 errors · 2 warnings');
  });

  it('says when no page was audited, and when the plan has no goals', () => {
    expect(reportToText([], { color: false })).toBe('No page was audited.');
    const empty = audit({ version: 1, name: 'Empty', goals: [] }, [], [], []);
    expect(reportToText([empty], { color: false })).toContain('The plan has no goals for these pages.');
    expect(reportToText([empty], { color: false })).toContain('No problems found.');
  });
});

describe('summaryLine', () => {
  const tracked = audit({ version: 1, name: 'p', goals: [newsletter] }, [], [firing(newsletter.id, T0)],
    [hit('ga4', 'sign_up', T0 + 10), hit('meta-pixel', 'Lead', T0 + 20)]);
  const idle = audit({ version: 1, name: 'p', goals: [newsletter, purchase] }, [], [], []);
  const missing = audit({ version: 1, name: 'p', goals: [newsletter] }, [], [firing(newsletter.id, T0)], [hit('ga4', 'sign_up', T0 + 10)]);
  const noGoals = audit({ version: 1, name: 'p', goals: [] }, [], [], []);

  it.each<[string, AuditReport[], string]>([
    ['every goal tracked', [tracked], '1 of 1 goal fully tracked · no problems found'],
    ['nothing fired', [idle], '0 of 2 goals fully tracked · 2 not triggered · no problems found'],
    ['a tag missing', [missing], '0 of 1 goal fully tracked · 1 error'],
    ['no goals', [noGoals], 'no goals in the plan · no problems found'],
    ['several pages', [tracked, missing, idle], '3 pages · 1 of 4 goals fully tracked · 2 not triggered · 1 error'],
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
    ['see https://shop.example/a/very/long/path now', 12, ['see', 'https://shop', '.example/a/v', 'ery/long/pat', 'h now']],
    ['', 10, ['']],
  ])('wraps %j at %i columns', (text, width, want) => expect(wrap(text, width)).toEqual(want));
});
