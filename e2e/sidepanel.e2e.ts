import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../lib/goals/types';
import {
  E2E_BROWSER,
  launchTestExtension,
  routeVendors,
  serveSite,
  usePlans,
  type Site,
  type TestExtension,
  type TestPage,
} from './harness';

// The side panel (Chrome's side panel, Firefox's sidebar), opened as the extension page it is (sidepanel.html, no tab id): it follows the active tab,
// and a visitor's clicks on that tab turn its goal rows ✓ or ✗ while it stays open — no reload.

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
        { vendor: 'ga4', event: 'add_to_cart' },
        { vendor: 'meta-pixel', event: 'AddToCart' },
      ],
    },
    {
      id: 'video_start',
      name: 'Tour video started',
      trigger: { kind: 'video', action: 'play' },
      expect: [{ vendor: 'ga4', event: 'video_start' }],
    },
  ],
};

let ext: TestExtension;
let site: Site;

beforeAll(async () => {
  site = await serveSite();
  ext = await launchTestExtension();
  await routeVendors(ext);
  await usePlans(ext, [PLAN]);
});
afterAll(async () => {
  await ext?.close();
  await site?.close();
});

async function openSidePanel(): Promise<TestPage> {
  const panel = await ext.sidePanel();
  // A mark in the panel's document: were it reloaded, the mark would be gone.
  await panel.evaluate(() => Object.assign(window, { tagwatchTestMark: 'same document' }));
  return panel;
}

const goalRow = (panel: TestPage, id: string) => panel.locator(`[data-testid=goal-row][data-goal=${id}]`);
const tagStates = (panel: TestPage, id: string) =>
  goalRow(panel, id)
    .getByTestId('goal-tag')
    .evaluateAll((tags) => tags.map((t) => `${t.getAttribute('data-vendor')}:${t.getAttribute('data-status')}`));
const title = (panel: TestPage) => panel.locator('.page-title').textContent();

describe('the side panel', () => {
  it('shows the active tab, and turns its goal rows ✓ or ✗ as the visitor submits, clicks and plays, without a reload', async () => {
    const page = await ext.open(`${site.origin}/panels/index.html`);
    const panel = await openSidePanel();
    // The panel opened in a tab of its own shows the tab the user was on.
    await expect.poll(() => title(panel)).toBe('Kettle & Co. — panels fixture');
    await page.bringToFront();
    // Nothing fired yet: the goals are folded under one line, and unfolded they are only expected.
    await expect
      .poll(() => panel.getByTestId('goals-headline').textContent())
      .toBe('None of the 3 goals for this page fired yet.');
    await panel.getByTestId('goals-folded').click();
    expect(await goalRow(panel, 'newsletter_signup').getAttribute('data-state')).toBe('not_triggered');
    expect(await tagStates(panel, 'add_to_cart')).toEqual(['ga4:not_triggered', 'meta-pixel:not_triggered']);
    await panel.getByTestId('goals-folded').click();
    expect(await goalRow(panel, 'add_to_cart').count()).toBe(0);

    await page.fill('#newsletter input[name=email]', 'reader@example.com');
    await page.click('#subscribe');
    // GA4 heard of the signup; the Meta Pixel did not: the row says which.
    await expect
      .poll(() => tagStates(panel, 'newsletter_signup'), { timeout: 10_000 })
      .toEqual(['ga4:sent', 'meta-pixel:missing']);
    expect(await goalRow(panel, 'newsletter_signup').getAttribute('data-state')).toBe('problem');

    // The user opens the row to read why; the row stays open as the next goals come in.
    await goalRow(panel, 'newsletter_signup').locator('.goal-summary').click();
    await page.click('#add-to-cart');
    await expect
      .poll(() => tagStates(panel, 'add_to_cart'), { timeout: 10_000 })
      .toEqual(['ga4:sent', 'meta-pixel:sent']);
    await page.click('#play');
    await expect.poll(() => tagStates(panel, 'video_start'), { timeout: 10_000 }).toEqual(['ga4:sent']);
    expect(await goalRow(panel, 'newsletter_signup').locator('.goal-summary').getAttribute('aria-expanded')).toBe(
      'true',
    );
    expect(await goalRow(panel, 'newsletter_signup').getByTestId('firing-tag').count()).toBe(2);
    expect(await panel.getByTestId('goals-headline').textContent()).toBe(
      '3 goals fired · 2 fully tracked · 1 with tags missing',
    );

    expect(await panel.evaluate(() => (window as unknown as { tagwatchTestMark?: string }).tagwatchTestMark)).toBe(
      'same document',
    );
    await page.close();
    await panel.close();
  });

  it('switches to the page of the tab the user switches to, and back', async () => {
    const shop = await ext.open(`${site.origin}/panels/index.html?switch`);
    const panel = await openSidePanel();
    await expect.poll(() => title(panel)).toBe('Kettle & Co. — panels fixture');
    const other = await ext.open(`${site.origin}/panels/other.html`);
    await other.bringToFront();
    await expect.poll(() => title(panel)).toBe('Another shop — panels fixture');
    await panel.getByTestId('tab-hits').click();
    await expect
      .poll(() =>
        panel.getByTestId('hit-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-event')).sort()),
      )
      .toEqual(['PageView', 'page_view']);
    await shop.bringToFront();
    await expect.poll(() => title(panel)).toBe('Kettle & Co. — panels fixture');
    // A navigation of the followed tab shows the new page.
    await shop.goto(`${site.origin}/panels/other.html?after-navigation`);
    await expect.poll(() => panel.locator('.page-url').textContent()).toContain('other.html?after-navigation');
    expect(await panel.evaluate(() => (window as unknown as { tagwatchTestMark?: string }).tagwatchTestMark)).toBe(
      'same document',
    );
    await Promise.all([shop.close(), other.close(), panel.close()]);
  });

  it('keeps the rows the user reads in place while new hits arrive above them', async () => {
    const page = await ext.open(`${site.origin}/panels/index.html?scroll`);
    const panel = await openSidePanel();
    await page.bringToFront();
    await expect.poll(() => title(panel)).toBe('Kettle & Co. — panels fixture');
    await panel.getByTestId('tab-hits').click();
    await page.click('#many');
    await expect.poll(() => panel.getByTestId('hits-shown').textContent(), { timeout: 10_000 }).toMatch(/^6[2-9] hits/);
    // Open a hit and scroll so that it is the first row in view.
    const stream = panel.getByTestId('hit-stream');
    const row = panel.locator('[data-testid=hit-row][data-event=scroll]').nth(5);
    const hitId = await row.getAttribute('data-hit-id');
    await row.locator('.row-summary').click();
    const place = () =>
      panel.evaluate((id) => {
        const box = document.querySelector('[data-testid=hit-stream]')!;
        const el = document.querySelector(`[data-hit-id="${id}"]`)!;
        return Math.round(el.getBoundingClientRect().top - box.getBoundingClientRect().top);
      }, hitId);
    await stream.evaluateAll((boxes, id) => {
      const box = boxes[0]!;
      const el = box.querySelector(`[data-hit-id="${id}"]`)!;
      box.scrollTop += el.getBoundingClientRect().top - box.getBoundingClientRect().top - 10;
    }, hitId);
    const before = await place();
    // Scrolled to 10 px below the top, give or take the browser's rounding of a fractional row position (Firefox
    // lands on 11): what matters is that the row stays wherever it is, below.
    expect(before).toBeGreaterThanOrEqual(9);
    expect(before).toBeLessThanOrEqual(11);
    await page.click('#many');
    await expect
      .poll(() => panel.getByTestId('hits-shown').textContent(), { timeout: 10_000 })
      .toMatch(/^12[2-9] hits/);
    // Sixty rows came in on top; the opened row is where it was, still open.
    expect(await place()).toBe(before);
    expect(await panel.locator(`[data-hit-id="${hitId}"] .row-summary`).getAttribute('aria-expanded')).toBe('true');
    await Promise.all([page.close(), panel.close()]);
  });

  it('opens from the popup\'s "Open in side panel" button, beside the page', async () => {
    // Firefox opened the extension's sidebar when it installed it: closed first, as a user would.
    await ext.closeSidePanels?.();
    const page = await ext.open(`${site.origin}/panels/index.html?button`);
    const popup = await ext.popup(await ext.tabIdOf(page));
    const panelUrl = `${ext.origin}/sidepanel.html`;
    // Tabs showing the panel as a page.
    const tabs = () =>
      ext.inExtension(async (url) => (await chrome.tabs.query({})).filter((t) => t.url === url).length, panelUrl);
    const before = await ext.openSidePanels();
    const tabsBefore = await tabs();
    await popup.getByTestId('open-side-panel').click();
    // The browser's own side panel (Chrome's side panel, Firefox's sidebar)…
    await expect.poll(() => ext.openSidePanels()).toBe(before + 1);
    // …and not a new tab.
    expect(await tabs()).toBe(tabsBefore);
    await Promise.all([page.close(), popup.close()]);
  });

  it('makes the toolbar icon open the side panel when the options say so, and the popup again after', async () => {
    const options = await ext.optionsPage();
    const popupUrl = `${ext.origin}/popup.html`;
    // Chrome opens its panel on the icon's click when told to (its panel behaviour); Firefox has no such
    // setting: with the popup gone, the icon's click reaches the background, which opens the sidebar.
    const behaviour = () =>
      ext.inExtension(
        async () => ({
          popup: await chrome.action.getPopup({}),
          ...('sidePanel' in chrome
            ? { panel: (await chrome.sidePanel.getPanelBehavior()).openPanelOnActionClick ?? false }
            : {}),
        }),
        null,
      );
    const want = (popup: string, panel: boolean) => (E2E_BROWSER === 'chromium' ? { popup, panel } : { popup });
    await expect.poll(() => options.getByTestId('toolbar-popup').isChecked()).toBe(true);
    expect(await behaviour()).toEqual(want(popupUrl, false));
    await options.getByTestId('toolbar-sidepanel').check();
    await expect.poll(behaviour).toEqual(want('', true));
    // The choice is kept: the options page shows it when opened again.
    await options.reload();
    await expect.poll(() => options.getByTestId('toolbar-sidepanel').isChecked()).toBe(true);
    await options.getByTestId('toolbar-popup').check();
    await expect.poll(behaviour).toEqual(want(popupUrl, false));
    await options.close();
  });
});
