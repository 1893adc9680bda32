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

interface Hit {
  vendor: string;
  event?: string;
  account?: string;
  status: string;
  tabId: number;
}

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

// What each vendor row of the Tags view must show: the vendor, its name and the account its docs name.
const EXPECTED: ReadonlyArray<readonly [string, string, string]> = [
  ['adobe-launch', 'Adobe Launch', '0a1b2c3d4e5f'],
  ['adobe-web-sdk', 'Adobe Experience Platform Web SDK', 'ebebf826-a01f-4458-8cec-ef61de241c93'],
  ['adobe-target', 'Adobe Target', 'acme'],
  ['at-internet', 'Piano Analytics', '612345'],
  ['comscore', 'Comscore', '1234567'],
  ['parsely', 'Parse.ly', 'shop.example'],
  ['webtrends', 'Webtrends', 'dcs222abcdefghijk0123456789_1a2b'],
  ['piwik-pro', 'Piwik PRO', '0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d'],
  ['optimizely', 'Optimizely', '8504447126001'],
  ['mparticle', 'mParticle', 'us1-0123456789abcdef0123456789abcdef'],
];

describe('enterprise and publisher vendors', () => {
  it('lists Adobe, Piano, Comscore, Parse.ly, Webtrends, Piwik PRO, Optimizely and mParticle tags with their accounts in the popup', async () => {
    const page = await ext.open(`${site.origin}/vendors-a.html`);
    const tabId = await ext.tabIdOf(page);
    await page.click('#send');
    const hits = await settle(
      async () => (await readStore<Hit>(ext, 'hits')).filter((h) => h.tabId === tabId && h.status !== 'pending'),
      (all) => new Set(all.map((h) => h.vendor)).size >= EXPECTED.length + 1,
    );
    // Every vendor request left the page and was answered by the test, none reached the internet.
    expect(vendors.requests.some((r) => r.url.startsWith('https://edge.adobedc.net/ee/v1/interact'))).toBe(true);
    expect(hits.map((h) => `${h.vendor}/${h.event}/${h.account}`).sort()).toEqual([
      'adobe-launch/library_load/0a1b2c3d4e5f',
      'adobe-target/page_load/acme',
      'adobe-web-sdk/web.webpagedetails.pageViews/ebebf826-a01f-4458-8cec-ef61de241c93',
      'at-internet/page.display/612345',
      'comscore/page_view/1234567',
      'mparticle/Newsletter Signup/us1-0123456789abcdef0123456789abcdef',
      'optimizely/campaign_activated/8504447126001',
      'parsely/pageview/shop.example',
      'piwik-pro/page_view/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d',
      'split/impression/undefined',
      'webtrends/page_view/dcs222abcdefghijk0123456789_1a2b',
    ]);

    const popup = await ext.popup(tabId);
    await popup.getByTestId('tab-tags').click();
    const rows = popup.getByTestId('tag-row');
    await expect.poll(() => rows.count()).toBe(EXPECTED.length + 1);
    const shown = await rows.evaluateAll((els) => els.map((r) => r.getAttribute('data-vendor')));
    // The ID sync and the profile fetch are not tags: no Audience Manager, ECID or Lytics row.
    expect(shown.sort()).toEqual([...EXPECTED.map(([v]) => v), 'split'].sort());
    for (const [vendor, name, account] of EXPECTED) {
      const text = await popup.locator(`[data-testid=tag-row][data-vendor=${vendor}]`).textContent();
      expect(text, vendor).toContain(name);
      expect(text, vendor).toContain(account);
    }
  });
});
