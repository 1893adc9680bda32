import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { Plan } from '../lib/goals/types';
import { launchExtension, routeVendors, serveSite, usePlans, type Extension } from './browser';

// `npm run screenshots`: the side panel and the DevTools panel at their real sizes, light and dark, after a
// visitor's journey on the panels fixture (e2e/site/panels) — the pictures in the README (docs/screenshots/).

const OUT = resolve('docs/screenshots');

const PLAN: Plan = {
  version: 1,
  name: 'Kettle & Co.',
  goals: [
    {
      id: 'newsletter_signup',
      name: 'Newsletter signup',
      trigger: { kind: 'form_submit', selector: 'form#newsletter', hasField: 'email' },
      expect: [
        { vendor: 'ga4', event: 'sign_up' },
        { vendor: 'meta-pixel', event: 'Lead' },
      ],
    },
    {
      id: 'add_to_cart',
      name: 'Add to cart',
      trigger: { kind: 'click', selector: '.add-to-cart' },
      expect: [
        { vendor: 'ga4', event: 'add_to_cart', params: { currency: 'EUR' } },
        { vendor: 'meta-pixel', event: 'AddToCart' },
      ],
    },
    {
      id: 'video_start',
      name: 'Tour video started',
      trigger: { kind: 'video', action: 'play' },
      expect: [{ vendor: 'ga4', event: 'video_start' }],
    },
    {
      id: 'purchase',
      name: 'Purchase',
      trigger: { kind: 'click', selector: '#purchase' },
      expect: [
        { vendor: 'ga4', event: 'purchase' },
        { vendor: 'meta-pixel', event: 'Purchase' },
      ],
    },
  ],
};

const SIZES = {
  // Chrome's side panel opens at about 400 px wide.
  sidepanel: { width: 400, height: 720 },
  devtools: { width: 1000, height: 400 },
} as const;

async function shoot(
  ext: Extension,
  path: string,
  size: { width: number; height: number },
  name: string,
  prepare: (page: Page) => Promise<void>,
): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await ext.context.newPage();
    await page.setViewportSize(size);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`chrome-extension://${ext.id}/${path}`);
    await prepare(page);
    // Settled: no row still arriving, the focus ring where the keyboard left it.
    await page.waitForTimeout(500);
    await page.screenshot({ path: resolve(OUT, `${name}-${scheme}.png`) });
    await page.close();
    console.log(`docs/screenshots/${name}-${scheme}.png`);
  }
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const site = await serveSite();
  const ext = await launchExtension();
  try {
    await routeVendors(ext.context);
    await usePlans(ext, [PLAN]);
    const page = await ext.open(`${site.origin}/panels/index.html?collector=${encodeURIComponent(site.origin)}`);
    const tabId = await ext.tabIdOf(page);
    await page.fill('#newsletter input[name=email]', 'reader@example.com');
    await page.click('#subscribe');
    await page.click('#add-to-cart');
    await page.click('#play');
    await page.click('#purchase');
    await page.waitForTimeout(2_500);

    await shoot(ext, `sidepanel.html?tabId=${tabId}`, SIZES.sidepanel, 'sidepanel-goals', async (p) => {
      await p.locator('[data-testid=goal-row][data-goal=newsletter_signup] .goal-summary').click();
    });
    await shoot(ext, `sidepanel.html?tabId=${tabId}&view=hits`, SIZES.sidepanel, 'sidepanel-hits', async (p) => {
      await p.locator('[data-testid=hit-row][data-event=add_to_cart] .row-summary').click();
    });
    await shoot(ext, `devtools-panel.html?tabId=${tabId}`, SIZES.devtools, 'devtools', async (p) => {
      await p.locator('[data-testid=hit-row][data-event=purchase] .row-summary').click();
    });
  } finally {
    await ext.close();
    await site.close();
  }
}

await main();
