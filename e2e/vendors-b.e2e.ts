import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchExtension,
  readStore,
  routeVendors,
  serveSite,
  settle,
  type Extension,
  type Site,
  type VendorLog,
} from './harness';

// Issue 16, part b: a page firing one hit of several of the new vendors (e2e/site/vendors-b.js), each as its tag sends
// it, next to requests of the same companies that are not tag hits. What a user sees: the popup's Tags view lists
// every vendor with its account, and nothing for the look-alikes.

interface Hit {
  vendor: string;
  event?: string;
  account?: string;
  status: string;
  tabId: number;
}

const EXPECTED: Record<string, { name: string; account: string; event: string }> = {
  'the-trade-desk': { name: 'The Trade Desk Universal Pixel', account: '7xk2p1q', event: 'universal_pixel' },
  taboola: { name: 'Taboola Pixel', account: '1234567', event: 'page_view' },
  outbrain: { name: 'Outbrain Pixel', account: '00f4b02153ee75f3c9dc4fc128ab0419ab', event: 'Purchase' },
  adform: { name: 'Adform', account: '1257163', event: 'Newsletter signup' },
  'seznam-sklik': { name: 'Seznam Sklik', account: '100012345', event: 'conversion' },
  'spotify-pixel': { name: 'Spotify Pixel', account: 'a1b2c3d4e5f64718293a4b5c6d7e8f90', event: 'lead' },
  vwo: { name: 'VWO', account: '654321', event: 'vwo_variationShown' },
  intercom: { name: 'Intercom', account: 'abc123de', event: 'page_view' },
  merkury: { name: 'Merkle Merkury', account: '5432_04321', event: 'identity_sync' },
};

let ext: Extension;
let site: Site;
let vendors: VendorLog;

beforeAll(async () => {
  site = await serveSite();
  ext = await launchExtension();
  vendors = await routeVendors(ext.context);
});
afterAll(async () => {
  await ext?.close();
  await site?.close();
});

describe('new vendors on a live page', () => {
  it('lists each new vendor in the Tags view with its account, and none of the look-alikes', async () => {
    const page = await ext.open(`${site.origin}/vendors-b.html`);
    const tabId = await ext.tabIdOf(page);
    await page.click('#send');
    const hits = await settle(
      async () => (await readStore<Hit>(ext, 'hits')).filter((h) => h.tabId === tabId && h.status !== 'pending'),
      (all) => Object.keys(EXPECTED).every((v) => all.some((h) => h.vendor === v && h.event !== 'library_load')),
    );
    // Decoded as the vendors' tags meant them: one event with its account each (Taboola also loaded its library).
    for (const [vendor, want] of Object.entries(EXPECTED)) {
      expect(
        hits
          .filter((h) => h.vendor === vendor && h.event !== 'library_load')
          .map((h) => [h.event, h.account, h.status]),
        vendor,
      ).toEqual([[want.event, want.account, 'sent']]);
    }
    expect(hits.find((h) => h.vendor === 'taboola' && h.event === 'library_load')?.account).toBe('1234567');
    // The look-alikes reached the (routed) vendor hosts, and were not read as tags.
    expect(vendors.requests.some((r) => r.url.startsWith('https://t.teads.tv/track?action=start'))).toBe(true);
    expect(vendors.requests.some((r) => r.url.includes('/aax2/apstag.js'))).toBe(true);
    expect(hits.filter((h) => h.vendor === 'teads' || h.vendor === 'amazon-ads')).toEqual([]);

    const popup = await ext.popup(tabId);
    await popup.getByTestId('tab-tags').click();
    const rows = popup.getByTestId('tag-row');
    await expect.poll(() => rows.count()).toBe(Object.keys(EXPECTED).length);
    const shown = await rows.evaluateAll((els) => els.map((r) => r.getAttribute('data-vendor')));
    expect(shown.sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const [vendor, want] of Object.entries(EXPECTED)) {
      const text = await popup.locator(`[data-testid=tag-row][data-vendor="${vendor}"]`).textContent();
      expect(text, vendor).toContain(want.name);
      expect(text, vendor).toContain(want.account);
      expect(text, vendor).toContain(want.event);
    }
  });

  it('does not report a library that loaded without hits when the vendor did send its hit', async () => {
    const page = await ext.open(`${site.origin}/vendors-b.html?findings`);
    const tabId = await ext.tabIdOf(page);
    await page.click('#send');
    await settle(
      async () => (await readStore<Hit>(ext, 'hits')).filter((h) => h.tabId === tabId && h.status !== 'pending'),
      (all) => Object.keys(EXPECTED).every((v) => all.some((h) => h.vendor === v)),
    );
    const popup = await ext.popup(tabId);
    await popup.getByTestId('tab-findings').click();
    // The page's hits are there, as findings of their own (no goal expects them) …
    await expect
      .poll(() => popup.locator('[data-testid=finding][data-kind=tag_without_goal]').count())
      .toBeGreaterThan(0);
    // … and no "library loaded, never fired" for Taboola (library and hit) or Merkury (its loader is its hit).
    expect(await popup.locator('[data-testid=finding][data-kind=library_without_hits]').count()).toBe(0);
  });
});
