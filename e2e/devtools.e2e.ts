import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createServer, type Server } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, routeVendors, serveSite, type Extension, type Site } from './harness';

// The DevTools panel, opened as the extension page it is for a tab (devtools-panel.html?tabId=N): the tab's
// hit stream as it happens, with what the page did, filtered; a hit copied as cURL sends the same request again.

interface Received {
  method: string;
  url: string;
  body: string;
  contentType?: string;
}

let ext: Extension;
let site: Site;
/** A first-party GA4 collector (server-side tagging) of the test's own, logging what it receives. */
let collector: Server;
let collectorOrigin: string;
const received: Received[] = [];

beforeAll(async () => {
  site = await serveSite();
  ext = await launchExtension();
  await routeVendors(ext.context);
  // The panel copies to the clipboard; the test reads it back from there.
  await ext.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  collector = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      received.push({
        method: req.method ?? '',
        url: req.url ?? '',
        body,
        ...(req.headers['content-type'] ? { contentType: req.headers['content-type'] } : {}),
      });
      res.writeHead(204, { 'access-control-allow-origin': '*' }).end();
    });
  });
  await new Promise<void>((ok) => collector.listen(0, '127.0.0.1', ok));
  const address = collector.address();
  collectorOrigin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  await ext?.close();
  await site?.close();
  await new Promise((ok) => collector?.close(ok));
});

async function openPanel(tabId: number): Promise<Page> {
  const panel = await ext.context.newPage();
  await panel.setViewportSize({ width: 1000, height: 500 });
  await panel.goto(`chrome-extension://${ext.id}/devtools-panel.html?tabId=${tabId}`);
  return panel;
}

const rows = (panel: Page) => panel.getByTestId('hit-row');
const events = (panel: Page) =>
  rows(panel).evaluateAll((list) =>
    list.map((r) => `${r.getAttribute('data-vendor')}:${r.getAttribute('data-event')}`),
  );

describe('the DevTools panel', () => {
  it("shows the hit stream live with the page's own events, newest last, and filters it", async () => {
    const page = await ext.open(`${site.origin}/panels/index.html?stream`);
    const tabId = await ext.tabIdOf(page);
    const panel = await openPanel(tabId);
    // The two tags of the page load, in the order their requests started.
    await expect.poll(async () => (await events(panel)).sort()).toEqual(['ga4:page_view', 'meta-pixel:PageView']);
    // What happens next on the page comes in at the bottom, without a reload of the panel.
    await page.click('#add-to-cart');
    await expect
      .poll(async () => (await events(panel)).slice(2).sort())
      .toEqual(['ga4:add_to_cart', 'meta-pixel:AddToCart']);
    await page.click('#play');
    await expect.poll(() => events(panel)).toContain('ga4:video_start');
    expect((await events(panel)).at(-1)).toBe('ga4:video_start');
    // Separators name the page; "preserve log" is on.
    // The page says its own title once loaded (the content script's page_title, filed under its document), so the
    // separator names it however the tab's own title event raced the navigation's.
    await expect
      .poll(() => panel.getByTestId('page-separator').last().textContent())
      .toMatch(/^This page · Kettle & Co\. — panels fixture/);
    expect(await panel.getByTestId('preserve-log').isChecked()).toBe(true);

    await panel.getByTestId('filter-vendor').selectOption('meta-pixel');
    await expect.poll(() => events(panel)).toEqual(['meta-pixel:PageView', 'meta-pixel:AddToCart']);
    expect(await panel.getByTestId('hits-shown').textContent()).toBe('2 of 5 hits match · newest last');
    await panel.getByTestId('filter-vendor').selectOption('');
    await panel.getByTestId('filter-event').selectOption('add_to_cart');
    await expect.poll(() => events(panel)).toEqual(['ga4:add_to_cart']);
    await panel.getByTestId('filter-event').selectOption('');
    // `/` goes to the text filter.
    await panel.locator('body').press('/');
    await panel.keyboard.type('video');
    await expect.poll(() => events(panel)).toEqual(['ga4:video_start']);

    // The filter is the user's: it is there again the next time the panel opens.
    const again = await openPanel(tabId);
    await expect.poll(() => again.getByTestId('filter-text').inputValue()).toBe('video');
    await expect.poll(() => events(again)).toEqual(['ga4:video_start']);
    await again.getByTestId('filter-text').fill('');
    await expect
      .poll(() => ext.inExtension(async () => (await chrome.storage.local.get('hitFilter')).hitFilter, null))
      .toEqual({ vendor: '', event: '', text: '' });
    await Promise.all([page.close(), panel.close(), again.close()]);
  });

  it('keeps the earlier pages of the tab, each under its own separator', async () => {
    const page = await ext.open(`${site.origin}/panels/index.html?log`);
    const panel = await openPanel(await ext.tabIdOf(page));
    await expect.poll(async () => (await events(panel)).sort()).toEqual(['ga4:page_view', 'meta-pixel:PageView']);
    await page.goto(`${site.origin}/panels/other.html?log`);
    await expect.poll(() => panel.getByTestId('page-separator').count()).toBe(2);
    await expect.poll(async () => (await events(panel)).length).toBe(4);
    // A page is named by its title once it has loaded (its hits may show before, live).
    const separators = () => panel.getByTestId('page-separator').allTextContents();
    await expect.poll(async () => (await separators())[1]).toContain('This page · Another shop');
    expect((await separators())[0]).toContain('Earlier page · Kettle & Co.');
    await panel.getByTestId('preserve-log').uncheck();
    await expect.poll(() => panel.getByTestId('page-separator').count()).toBe(1);
    expect((await events(panel)).sort()).toEqual(['ga4:page_view', 'meta-pixel:PageView']);
    expect(await panel.getByTestId('page-separator').textContent()).toContain('This page · Another shop');
    await Promise.all([page.close(), panel.close()]);
  });

  it('copies a hit as cURL, and the command sends the same request again', async () => {
    const page = await ext.open(`${site.origin}/panels/index.html?collector=${encodeURIComponent(collectorOrigin)}`);
    // routeVendors answers first-party collectors itself; this one is the test's own and must see the request.
    await page.route(`${collectorOrigin}/**`, (route) => route.continue());
    const panel = await openPanel(await ext.tabIdOf(page));
    await page.click('#purchase');
    const purchase = panel.locator('[data-testid=hit-row][data-event=purchase]');
    await expect.poll(() => purchase.getAttribute('data-status')).toBe('sent');
    expect(received).toHaveLength(1);
    // Open it with the keyboard: it is the newest row, the list's tab stop.
    await purchase.locator('.row-summary').focus();
    await panel.keyboard.press('Enter');
    const details = panel.getByTestId('hit-pane').getByTestId('hit-details');
    await expect.poll(() => details.getAttribute('data-hit-id')).toBe(await purchase.getAttribute('data-hit-id'));
    expect(await details.getByTestId('items-table').locator('tbody tr').count()).toBe(1);
    await details.getByTestId('copy-curl').click();
    await expect.poll(() => details.getByTestId('copy-curl').textContent()).toBe('Copied ✓');
    const command = await panel.evaluate(() => navigator.clipboard.readText());
    expect(command).toMatch(/^curl '/);

    // Run as a user would paste it into a shell (asynchronously: the collector answering it is in this process).
    await promisify(execFile)('/bin/sh', ['-c', `${command} --silent --show-error`], { timeout: 10_000 });
    expect(received).toHaveLength(2);
    const [sent, again] = received;
    expect(again!.method).toBe(sent!.method);
    expect(again!.url).toBe(sent!.url);
    expect(again!.body).toBe(sent!.body);
    expect(again!.contentType).toBe(sent!.contentType);
    expect(again!.body).toContain('ep.transaction_id=T-1001');
    await Promise.all([page.close(), panel.close()]);
  });
});
