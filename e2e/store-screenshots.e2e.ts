import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePlanText } from '../lib/goals/schema';
import {
  launchExtension,
  readStore,
  routeVendors,
  serveSite,
  settle,
  usePlans,
  type Extension,
  type Site,
} from './harness';

// The Chrome Web Store's screenshots, taken from the real extension after a visit to the demo shop, into
// docs/store/ (committed: the store listing is uploaded from there). Sizes the store accepts: the popup at
// 640×400, the options page at 1280×800. Chromium only: they are Chrome Web Store assets. A test run writes them to
// a temporary folder (the pictures hold the time and the server's port, so the committed ones would change on every
// run); `STORE_SCREENSHOTS=1 npm run test:e2e:chromium` writes them to docs/store/ to refresh the listing.

const STORE =
  process.env.STORE_SCREENSHOTS === '1' ? resolve('docs/store') : mkdtempSync(join(tmpdir(), 'tagwatch-store-'));

/** Width and height from a PNG's IHDR chunk. */
function pngSize(path: string): [number, number] {
  const png = readFileSync(path);
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

let ext: Extension;
let site: Site;

beforeAll(async () => {
  mkdirSync(STORE, { recursive: true });
  site = await serveSite();
  ext = await launchExtension();
  await routeVendors(ext.context, { block: ['en=file_download'] });
  const parsed = parsePlanText(readFileSync(resolve('e2e/site/shop/plan.json'), 'utf8'));
  if (!parsed.ok) throw new Error(`e2e/site/shop/plan.json: ${parsed.errors.join('; ')}`);
  await usePlans(ext, [parsed.plan]);
});
afterAll(async () => {
  await ext?.close();
  await site?.close();
});

describe('store screenshots', () => {
  it('shows the popup (goals, findings, hits) after a shop visit and the options page, at the store’s sizes', async () => {
    const shop = await ext.open(`${site.origin}/shop/index.html`);
    const tabId = await ext.tabIdOf(shop);
    await shop.fill('#newsletter input[name=email]', 'reader@example.com');
    await shop.click('#newsletter button');
    await shop.locator('#subscribed').waitFor();
    await shop.click('#add-to-cart');
    await shop.click('#care-guide');
    await shop.click('#place-order');
    await shop.locator('#order-status', { hasText: 'T-1001' }).waitFor();
    await settle(
      async () => (await readStore<{ tabId: number }>(ext, 'firings')).filter((f) => f.tabId === tabId).length,
      (n) => n >= 3,
    );

    const shots: string[] = [];
    const popup = await ext.popup(tabId);
    await popup.setViewportSize({ width: 640, height: 400 });
    await popup.getByTestId('goal-row').first().waitFor();
    shots.push(resolve(STORE, 'popup-goals-640x400.png'));
    await popup.screenshot({ path: shots.at(-1)! });
    for (const view of ['findings', 'hits'] as const) {
      await popup.getByTestId(`tab-${view}`).click();
      await popup.locator(`#panel-${view}`).waitFor();
      shots.push(resolve(STORE, `popup-${view}-640x400.png`));
      await popup.screenshot({ path: shots.at(-1)! });
    }

    const options = await ext.optionsPage();
    await options.setViewportSize({ width: 1280, height: 800 });
    await options.getByTestId('plan-row').first().waitFor();
    shots.push(resolve(STORE, 'options-1280x800.png'));
    await options.screenshot({ path: shots.at(-1)! });

    for (const shot of shots)
      expect(pngSize(shot), shot).toEqual(shot.endsWith('1280x800.png') ? [1280, 800] : [640, 400]);
  });
});
