import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStore, settle, type Extension, type Site } from './harness';
import { startFunnelShop } from './funnel-shop';

// The History page: a shopper walks the funnel shop's checkout (e2e/site/funnel/) on two days — before a release,
// when the checkout page still sent GA4's begin_checkout, and today, when it no longer does. Both visits are listed
// with their days and funnel outcomes, the filter narrows them by site and day, one opens as a timeline, and the
// comparison names the step and the tag the release broke.

const DAY = 24 * 3600 * 1000;

let site: Site;
let ext: Extension;
beforeAll(async () => {
  ({ site, ext } = await startFunnelShop());
});
afterAll(async () => {
  await ext?.close();
  await site?.close();
});

const purchases = async () =>
  (await readStore<{ goalId: string }>(ext, 'firings')).filter((f) => f.goalId === 'purchase').length;

/**
 * Product page → add to cart → the cart (a tab of its own) → checkout → thank-you. `beginCheckout`: the checkout
 * page sends GA4's begin_checkout, as the shop did before the release. Returns the cart's tab, left open.
 */
async function walkCheckout(beginCheckout: boolean): Promise<{ product: Page; cart: Page }> {
  const before = await purchases();
  const product = await ext.open(`${site.origin}/funnel/product/mug.html`);
  await product.click('#add-to-cart');
  const [cart] = await Promise.all([product.waitForEvent('popup'), product.click('#view-cart')]);
  await cart.waitForLoadState('load');
  await cart.click('#checkout');
  await cart.waitForURL('**/checkout.html');
  if (beginCheckout)
    await cart.evaluate(() =>
      (window as unknown as { funnelTags: { ga4: (e: string, p: object) => void } }).funnelTags.ga4('begin_checkout', {
        currency: 'EUR',
        value: '24.00',
      }),
    );
  await cart.click('#place-order');
  await cart.waitForURL('**/thank-you.html');
  await settle(purchases, (n) => n > before, 15_000);
  // The purchase's own hit, and the last beacons of the pages: recorded before the test moves on.
  await new Promise((r) => setTimeout(r, 1500));
  return { product, cart };
}

/** Move everything recorded so far `ms` into the past, as if it had been recorded then. */
async function shiftRecorded(ms: number): Promise<void> {
  await ext.inExtension(
    (by) =>
      new Promise<void>((ok, fail) => {
        const open = indexedDB.open('tagwatch');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = ['sessions', 'hits', 'firings', 'signals', 'cookies', 'openers'];
          const tx = db.transaction(names, 'readwrite');
          for (const name of names) {
            const req = tx.objectStore(name).openCursor();
            req.onsuccess = () => {
              const cursor = req.result;
              if (!cursor) return;
              const row = { ...(cursor.value as Record<string, unknown>) };
              for (const key of ['at', 'startedAt', 'doneAt'])
                if (typeof row[key] === 'number') row[key] = (row[key] as number) - by;
              if (Array.isArray(row.navigations))
                row.navigations = (row.navigations as Array<{ at: number }>).map((n) => ({ ...n, at: n.at - by }));
              cursor.update(row);
              cursor.continue();
            };
          }
          tx.oncomplete = () => {
            db.close();
            ok();
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
    ms,
  );
}

/** The page's own calendar day of a time (the History page filters on the viewer's days). */
const dayOf = (page: Page, at: number) => page.evaluate((t) => new Date(t).toLocaleDateString('en-CA'), at);

const rowTexts = (page: Page) =>
  page
    .getByTestId('history-row')
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent).join(' | ')));

async function openHistoryFromPopup(context: BrowserContext, tabId: number): Promise<Page> {
  const popup = await ext.popup(tabId);
  const [history] = await Promise.all([context.waitForEvent('page'), popup.getByTestId('open-history').click()]);
  await history.waitForLoadState('load');
  await popup.close();
  return history;
}

describe('the History page', () => {
  it('lists two visits of the shop made on different days, filters them, opens one and compares them', {
    timeout: 180_000,
  }, async () => {
    // Before the release: every step tracked. Then its records are moved three days back.
    const first = await walkCheckout(true);
    await first.cart.close();
    await first.product.close();
    await shiftRecorded(3 * DAY);
    // Today: the checkout no longer sends begin_checkout.
    const second = await walkCheckout(false);
    const cartTab = await ext.tabIdOf(second.cart);
    const host = new URL(site.origin).host;
    const today = await dayOf(second.cart, Date.now());
    const before = await dayOf(second.cart, Date.now() - 3 * DAY);

    // From the popup of the tab the shopper ended in: the History page, narrowed to this site.
    const history = await openHistoryFromPopup(ext.context, cartTab);
    expect(history.url()).toContain(`visit-history.html?site=${encodeURIComponent(host)}`);
    expect(await history.getByTestId('history-site').inputValue()).toBe(host);
    await history.setViewportSize({ width: 1200, height: 900 });
    const rows = history.getByTestId('history-row');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(2);
    // Newest first, each with its day and its funnel's outcome.
    await expect
      .poll(() => history.getByTestId('row-funnel').allTextContents(), { timeout: 20_000 })
      .toEqual(['Checkout: 5 of 5 steps reached, 1 not tracked', 'Checkout: 5 of 5 steps reached']);
    const [newer, older] = await rowTexts(history);
    expect(newer).toContain(host);
    expect(newer).toContain(today);
    expect(older).toContain(before);
    expect(older).toContain('Stoneware mug — Funnel shop');
    // 4 pages in 2 tabs: the cart opened in a tab of its own.
    expect(newer).toMatch(/\b4 in 2 tabs\b/);

    // The days: from today on, the older visit goes; up to three days ago, the newer one does.
    await history.getByTestId('history-from').fill(today);
    await expect.poll(() => rowTexts(history)).toEqual([newer]);
    await history.getByTestId('history-from').fill('');
    await history.getByTestId('history-to').fill(before);
    await expect.poll(() => rowTexts(history)).toEqual([older]);
    // The site: another site's name lists nothing; the whole list again with "Show all".
    await history.getByTestId('history-site').fill('another-shop.example');
    expect(await history.getByTestId('history-empty').textContent()).toBe(
      'No visit matches this site and these dates.',
    );
    await history.getByTestId('history-clear').click();
    await expect.poll(() => rows.count()).toBe(2);

    // The later visit opened: its pages in order, the step reached on the checkout page and not tracked.
    await rows.nth(0).getByTestId('history-open').click();
    const pages = history.getByTestId('timeline-page');
    await expect.poll(() => pages.count(), { timeout: 15_000 }).toBe(4);
    expect(
      await pages.evaluateAll((els) => els.map((e) => e.querySelector('.timeline-title')?.textContent ?? '')),
    ).toEqual([
      'Stoneware mug — Funnel shop',
      'Cart — Funnel shop',
      'Checkout — Funnel shop',
      'Thank you — Funnel shop',
    ]);
    expect(await pages.nth(2).textContent()).toContain('Checkout: step “Begin checkout” reached, not tracked');
    expect(await pages.nth(2).getByTestId('timeline-tags').textContent()).toBe('Google Analytics 4 page_view: 1 hit');
    expect(await history.getByTestId('funnel-untracked').textContent()).toContain(
      'Begin checkout happened on /funnel/checkout.html but Google Analytics 4 begin_checkout was never sent',
    );

    // Back to the list, the two visits compared: the step and the tag the release broke.
    await history.getByTestId('history-back').click();
    await expect.poll(() => rows.count()).toBe(2);
    expect(await history.getByTestId('history-compare').isDisabled()).toBe(true);
    await rows.nth(0).getByTestId('history-select').check();
    await rows.nth(1).getByTestId('history-select').check();
    await history.getByTestId('history-compare').click();
    await history.getByTestId('visit-compare').waitFor({ timeout: 15_000 });
    expect(await history.getByTestId('compare-a').textContent()).toContain(before);
    expect(await history.getByTestId('compare-b').textContent()).toContain(today);
    const changed = (what: string) =>
      history
        .locator(`[data-testid=${what}]:not([data-change=same])`)
        .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent).join(' | ')));
    expect(await changed('compare-step')).toEqual([
      'Checkout | Begin checkout | tracked | untracked | tracked → untracked',
    ]);
    expect(await changed('compare-tag')).toEqual(['Google Analytics 4 | begin_checkout | 1 hit | none | disappeared']);
    await history.close();
    await second.cart.close();
    await second.product.close();
  });
});
