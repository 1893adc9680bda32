import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchTestExtension,
  readStore,
  routeVendors,
  serveSite,
  settle,
  waitForSeededPlans,
  type Site,
  type TestExtension,
  type TestPage,
} from './harness';

// Verdicts a marketer can act on, with the plan a new user has: the default plan the extension seeds on install.
// The demo shop (e2e/site/shop/) has three real problems — Meta's AddToCart forgotten, an email address sent to
// GA4, the purchase sent twice — and each must be reported once, with no finding about a tag that was sent. A
// studio's page with a newsletter and a contact form, both tagged right (e2e/site/verdicts/), must yield none.

interface Row {
  tabId: number;
  status?: string;
  kind?: string;
}
interface ReportJson {
  version: number;
  site?: { kinds: string[]; signs: string[] };
  pages: Array<{ url: string }>;
  goals: Array<{
    id: string;
    fired: number;
    firings: Array<{
      what?: string;
      ownedBy?: string;
      alsoMatched?: string[];
      tags: Array<{ vendor: string; event?: string; status: string }>;
    }>;
  }>;
  findings: Array<{
    kind: string;
    severity: string;
    vendor?: string;
    event?: string;
    goals?: string[];
    occurrences?: number;
    outOf?: number;
    message: string;
    detail?: string;
  }>;
}

let ext: TestExtension;
let site: Site;

beforeAll(async () => {
  site = await serveSite();
  ext = await launchTestExtension(process.env.TAGWATCH_EXTENSION_DIR || undefined);
  await routeVendors(ext);
  // No plan of our own: the default plan, as installed.
  await waitForSeededPlans(ext);
});
afterAll(async () => {
  await ext?.close();
  await site?.close();
});

/** Open a page and wait until the worker has read what kind of site it is (after its load event). */
async function open(path: string): Promise<{ page: TestPage; tabId: number }> {
  const page = await ext.open(`${site.origin}${path}`);
  const tabId = await ext.tabIdOf(page);
  await settle(
    async () => (await readStore<Row>(ext, 'signals')).filter((s) => s.tabId === tabId && s.kind === 'site'),
    (s) => s.length > 0,
  );
  return { page, tabId };
}

async function popupOf(tabId: number): Promise<TestPage> {
  const popup = await ext.popup(tabId);
  await popup.setViewportSize({ width: 480, height: 640 });
  return popup;
}

async function exportedReport(popup: TestPage): Promise<ReportJson> {
  const file = await ext.download(popup, () => popup.getByTestId('export-json').click());
  return JSON.parse(file.text) as ReportJson;
}

/** Every hit of the tab answered, and at least `n` of them. */
async function settled(tabId: number, n: number): Promise<void> {
  await settle(
    async () => (await readStore<Row>(ext, 'hits')).filter((h) => h.tabId === tabId),
    (hits) => hits.length >= n && hits.every((h) => h.status !== 'pending'),
    15_000,
  );
}

describe('the demo shop, audited with the default plan', () => {
  let tabId: number;
  let report: ReportJson;
  let popup: TestPage;

  beforeAll(async () => {
    const opened = await open('/shop/index.html');
    const shop = opened.page;
    tabId = opened.tabId;
    // The README's journey (e2e/site/shop/journey.json), as a visitor does it.
    await shop.fill('#newsletter input[name=email]', 'reader@example.com');
    await shop.click('#newsletter button');
    await shop.locator('#subscribed').waitFor();
    await shop.click('#add-to-cart');
    await shop.click('#care-guide');
    await shop.fill('#contact input[name=email]', 'buyer@example.com');
    await shop.fill('#contact input[name=phone]', '+44 20 7946 0000');
    await shop.click('#contact button');
    await shop.click('#place-order');
    await shop.locator('#order-status', { hasText: 'T-1001' }).waitFor();
    await settled(tabId, 13);
    popup = await popupOf(tabId);
    await popup.getByTestId('goal-row').first().waitFor();
    await popup.getByTestId('site-kind').waitFor();
    report = await exportedReport(popup);
  });

  it('reports exactly its three real problems, each once', () => {
    const problems = report.findings.map((f) => `${f.severity} ${f.kind} ${f.vendor ?? ''} ${f.event ?? ''}`.trim());
    expect(problems.sort()).toEqual([
      'error duplicate_hit ga4 purchase',
      'error missing_tag meta-pixel AddToCart',
      'error pii_in_hit ga4',
    ]);
  });

  it('reports no finding about a tag that was sent', () => {
    const sent = new Set(
      report.goals.flatMap((g) =>
        g.firings.flatMap((f) => f.tags.filter((t) => t.status === 'sent').map((t) => `${t.vendor} ${t.event}`)),
      ),
    );
    expect(sent).toEqual(
      new Set(['ga4 generate_lead', 'meta-pixel Lead', 'ga4 add_to_cart', 'ga4 purchase', 'meta-pixel Purchase']),
    );
    for (const f of report.findings.filter((x) => x.kind === 'missing_tag'))
      expect(sent.has(`${f.vendor} ${f.event}`)).toBe(false);
    // The README's false alarm, gone: nothing says the contact form's submit lacked a Meta Lead.
    expect(report.findings.some((f) => /Lead/.test(f.message))).toBe(false);
  });

  it("judges the add-to-cart click once, naming every goal it matched, and in a marketer's words", () => {
    const missing = report.findings.find((f) => f.kind === 'missing_tag')!;
    expect(missing.goals).toEqual(['add_to_cart', 'add_to_cart_event', 'add_to_cart_text']);
    expect(missing).toMatchObject({ occurrences: 1, outOf: 1 });
    expect(missing.message).toMatch(
      /^Meta Pixel AddToCart is missing on the “Add to cart” button of The Everyday Mug: add the AddToCart event to the Meta Pixel tag that fires on that click\./,
    );
    expect(missing.message).not.toMatch(/add-to-cart\b|\[name=|#add-to-cart/);
    expect(missing.detail).toContain('button#add-to-cart');
    const owned = report.goals.filter((g) => g.firings.some((f) => f.ownedBy === 'add_to_cart'));
    expect(owned.map((g) => g.id).sort()).toEqual(['add_to_cart_event', 'add_to_cart_text']);
    for (const g of owned) expect(g.firings.every((f) => f.tags.length === 0)).toBe(true);
  });

  it("reads the page as a shop and offers a shop's goals; about:blank is no page of the report", () => {
    expect(report.site?.kinds).toEqual(['shop']);
    expect(report.goals.map((g) => g.id)).not.toEqual(expect.arrayContaining(['article_read']));
    expect(report.pages.map((p) => p.url)).toEqual([`${site.origin}/shop/index.html`]);
  });

  it('shows in the popup what to do next, the site it read, the fired goals first and the rest folded', async () => {
    expect(await popup.getByTestId('next-step').textContent()).toMatch(
      /^Meta Pixel AddToCart is missing on the “Add to cart” button of The Everyday Mug: add the AddToCart event to the Meta Pixel tag that fires on that click\. \(2 more problems in Findings\.\)$/,
    );
    expect(await popup.getByTestId('site-kind').textContent()).toMatch(
      /^This page reads as a shop \(add-to-cart button/,
    );
    const rows = () =>
      popup
        .getByTestId('goal-row')
        .evaluateAll((els) => els.map((el) => `${el.getAttribute('data-goal')}:${el.getAttribute('data-state')}`));
    await expect
      .poll(rows)
      .toEqual([
        'newsletter_signup:tracked',
        'add_to_cart:problem',
        'purchase:tracked',
        'add_to_cart_text:owned',
        'add_to_cart_event:owned',
      ]);
    const folded = popup.getByTestId('goals-folded');
    expect(await folded.textContent()).toBe('5 goals not triggered on this page — show');
    await folded.click();
    expect(await popup.getByTestId('goal-row').count()).toBe(10);
    // The Findings tab says "Missing tag", as every other surface does.
    await popup.getByTestId('tab-findings').click();
    const labels = () =>
      popup
        .getByTestId('finding')
        .evaluateAll((els) => els.map((el) => el.querySelector('.finding-label strong')?.textContent).sort());
    await expect.poll(labels).toEqual(['Missing tag', 'Personal data sent', 'Sent twice']);
    await popup.close();
  });
});

describe('a page with a newsletter form and a contact form, both tagged right', () => {
  it('yields no finding at all, though the two forms are sent 0.3 s apart', async () => {
    const { page, tabId } = await open('/verdicts/index.html');
    await page.fill('#signup input[name=email]', 'jane@example.com');
    await page.fill('#enquiry input[name=email]', 'ops@example.com');
    await page.fill('#enquiry input[name=phone]', '+44 161 496 0000');
    // Both forms in quick succession: each form's generate_lead counts for that form, the nearest in time.
    await page.evaluate(async () => {
      (document.getElementById('signup') as HTMLFormElement).requestSubmit();
      await new Promise((r) => setTimeout(r, 300));
      (document.getElementById('enquiry') as HTMLFormElement).requestSubmit();
    });
    await page.locator('.thanks').nth(1).waitFor();
    await settled(tabId, 6);
    const popup = await popupOf(tabId);
    await popup.getByTestId('goal-row').first().waitFor();
    const report = await exportedReport(popup);
    expect(report.findings).toEqual([]);
    expect(
      report.goals
        .filter((g) => g.fired > 0)
        .map(
          (g) =>
            `${g.id}: ${g.firings.flatMap((f) => f.tags.map((t) => `${t.vendor}/${t.event}=${t.status}`)).join(' ')}`,
        ),
    ).toEqual([
      'contact_request: ga4/generate_lead=sent meta-pixel/Contact=sent',
      'newsletter_signup: ga4/generate_lead=sent meta-pixel/Lead=sent',
    ]);
    expect(await popup.getByTestId('next-step').textContent()).toMatch(/^Every goal that fired sent its tags\./);
    await popup.getByTestId('tab-findings').click();
    await popup.getByTestId('findings-empty').waitFor();
    const badge = await settle(
      () =>
        ext.inExtension(
          async (id) => ({
            text: await chrome.action.getBadgeText({ tabId: id }),
            color: await chrome.action.getBadgeBackgroundColor({ tabId: id }),
          }),
          tabId,
        ),
      (b) => b.text === '2',
    );
    // Two goals fired, no problem: green (#2f9e44).
    expect(badge).toEqual({ text: '2', color: [0x2f, 0x9e, 0x44, 255] });
    await popup.close();
  });
});
