import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkReportFile } from '../lib/audit/report-schema';
import { runAudit } from './audit-cli';
import { readStore, settle, type Extension, type Site } from './harness';
import { startFunnelShop } from './funnel-shop';

// Funnels across pages and tabs, as a shopper walks them: the funnel shop (e2e/site/funnel/) has a product page,
// a cart the product page opens in a tab of its own, a checkout that forgets GA4's begin_checkout, and a thank-you
// page. Every step is reached; one is not tracked — the popup and `npm run audit` must both name it.

interface Firing {
  tabId: number;
  goalId: string;
}

let site: Site;
let ext: Extension;
beforeAll(async () => {
  ({ site, ext } = await startFunnelShop());
});
afterAll(async () => {
  await ext?.close();
  await site?.close();
});

describe('the popup', () => {
  it('shows every funnel step reached, across the tab the product page opened, and names the untracked step', {
    timeout: 120_000,
  }, async () => {
    const product = await ext.open(`${site.origin}/funnel/product/mug.html`);
    await product.click('#add-to-cart');
    const [cart] = await Promise.all([product.waitForEvent('popup'), product.click('#view-cart')]);
    await cart.waitForLoadState('load');
    await cart.click('#checkout');
    await cart.waitForURL('**/checkout.html');
    await cart.click('#place-order');
    await cart.waitForURL('**/thank-you.html');
    const productTab = await ext.tabIdOf(product);
    const cartTab = await ext.tabIdOf(cart);
    expect(cartTab).not.toBe(productTab);
    // The purchase fired in the second tab: every goal is recorded.
    await settle(
      async () => (await readStore<Firing>(ext, 'firings')).map((f) => f.goalId),
      (ids) => ids.includes('purchase'),
    );

    // The shopper's popup, on the tab they ended in.
    const popup: Page = await ext.popup(cartTab);
    await popup.setViewportSize({ width: 480, height: 640 });
    await popup.getByTestId('tab-funnels').click();
    const steps = popup.locator('[data-testid=funnel][data-funnel=checkout] [data-testid=funnel-step]');
    await expect.poll(() => steps.count(), { timeout: 15_000 }).toBe(5);
    const states = await steps.evaluateAll((rows) =>
      rows.map((r) => `${(r as HTMLElement).dataset.goal}=${(r as HTMLElement).dataset.state}`),
    );
    expect(states).toEqual([
      'product_view=tracked',
      'add_to_cart=tracked',
      'view_cart=tracked',
      'begin_checkout=untracked',
      'purchase=tracked',
    ]);
    // Reached in the tab the product page opened, on its own page.
    expect(await steps.nth(2).textContent()).toContain('on /funnel/cart.html');
    expect(await popup.getByTestId('funnel-untracked').textContent()).toBe(
      'Begin checkout happened on /funnel/checkout.html but Google Analytics 4 begin_checkout was never sent: ' +
        'a “Checkout” funnel in Google Analytics 4 will show 100 % drop-off at this step.',
    );
    expect(await popup.locator('#tab-funnels .tab-count').textContent()).toBe('1');
    expect(await popup.getByTestId('funnels').textContent()).toContain('in 2 tabs');
    // The summary a consultant pastes says it too, step by step.
    const [download] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByTestId('export-markdown').click(),
    ]);
    const markdown = readFileSync((await download.path())!, 'utf8');
    expect(markdown).toContain('**Checkout** — 5 of 5 steps reached, 1 not tracked');
    expect(markdown).toMatch(
      /\n4\. ✗ Begin checkout — on \/funnel\/checkout\.html at \d\d:\d\d:\d\d — Google Analytics 4 begin_checkout never sent\n/,
    );
    await popup.close();
    await cart.close();
    await product.close();
  });
});

describe('npm run audit with a journey', () => {
  it('reports the funnel across both tabs, names the untracked step, and exits 1 for expectFunnel', {
    timeout: 180_000,
  }, async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'tagwatch-funnels-')), 'report.json');
    const run = await runAudit([
      site.origin,
      '--plan',
      'e2e/site/funnel/plan.json',
      '--journey',
      'e2e/site/funnel/journey.json',
      '--stub-vendors',
      '--settle',
      '1500',
      '--out',
      out,
    ]);
    expect(run.stderr).not.toContain('Error:');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Funnel “Checkout” (5 of 5 steps reached, 1 not tracked)');
    expect(run.stdout).toMatch(
      /✗ 4\. Begin checkout: on \/funnel\/checkout\.html at [\d:]+ — Google Analytics\s+4 begin_checkout never sent/,
    );
    expect(run.stdout).toContain(
      'The journey expected funnel "checkout" (Checkout) to be reached and tracked at every step: reached but not tracked: Begin checkout (ga4 begin_checkout not sent).',
    );
    const report = JSON.parse(readFileSync(out, 'utf8')) as {
      pages: Array<{ url: string }>;
      funnels: Array<{ id: string; steps: Array<{ goal: string; reached: boolean; tracked: boolean; page?: string }> }>;
      findings: Array<{ kind: string; goalId?: string }>;
      journey: { expectedFunnels: Array<{ id: string; complete: boolean }> };
    };
    expect(checkReportFile(report)).toEqual({ ok: true });
    expect(report.pages.map((p) => new URL(p.url).pathname)).toEqual([
      '/funnel/product/mug.html',
      '/funnel/cart.html',
      '/funnel/checkout.html',
      '/funnel/thank-you.html',
    ]);
    expect(report.funnels[0]!.steps.map((s) => [s.goal, s.reached, s.tracked])).toEqual([
      ['product_view', true, true],
      ['add_to_cart', true, true],
      ['view_cart', true, true],
      ['begin_checkout', true, false],
      ['purchase', true, true],
    ]);
    // Once, not once per page or funnel, and not beside a missing tag saying the same.
    expect(report.findings.map((f) => f.kind)).not.toContain('missing_tag');
    expect(report.findings.filter((f) => f.kind === 'funnel_step_untracked').map((f) => f.goalId)).toEqual([
      'begin_checkout',
    ]);
    expect(report.journey.expectedFunnels).toEqual([{ id: 'checkout', complete: false }]);
  });

  it('refuses an expectFunnel the plan has no funnel for, before the browser starts (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tagwatch-funnels-'));
    const journey = join(dir, 'journey.json');
    writeFileSync(journey, JSON.stringify([{ goto: '/funnel/product/mug.html' }, { expectFunnel: 'chekout' }]));
    const run = await runAudit([site.origin, '--plan', 'e2e/site/funnel/plan.json', '--journey', journey]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('journey[1].expectFunnel: the plan has no funnel "chekout" (its funnels: checkout)');
  });
});
