import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ICON_SIZES } from '../scripts/icon-sizes';
import { launchExtension, type Extension } from './harness';

// What a store reviewer and a new user see of the package itself: its icons, and the permissions it keeps
// earning their place (docs/permissions.md says why each one is there).

let ext: Extension;
beforeAll(async () => {
  ext = await launchExtension();
});
afterAll(async () => ext?.close());

describe('the built extension', () => {
  it('ships the icons its manifest names, at the sizes it names, for the browser and the toolbar', async () => {
    const icons = await ext.inExtension(async () => {
      const manifest = chrome.runtime.getManifest();
      const declared: Array<[string, string]> = [
        ...Object.entries(manifest.icons ?? {}),
        ...Object.entries((manifest.action?.default_icon ?? {}) as Record<string, string>),
      ];
      const out: Array<[string, number, number]> = [];
      for (const [size, path] of declared) {
        const bitmap = await createImageBitmap(await (await fetch(chrome.runtime.getURL(path))).blob());
        out.push([size, bitmap.width, bitmap.height]);
      }
      return {
        icons: Object.keys(manifest.icons ?? {}),
        action: Object.keys(manifest.action?.default_icon ?? {}),
        out,
      };
    }, null);
    const sizes = ICON_SIZES.map(String);
    expect(icons.icons).toEqual(sizes);
    expect(icons.action).toEqual(sizes);
    for (const [size, width, height] of icons.out) expect([width, height]).toEqual([Number(size), Number(size)]);
  });

  // The "tabs" permission: with <all_urls> the extension sees the URL of every web page without it, but not of
  // the browser's own pages; without that URL the popup could not tell a browser page from a web page.
  it('says in the popup that a browser page cannot be audited, and why', async () => {
    // Found as the tab that appeared, not by its URL: the URL is what the permission gives.
    const tabIds = () => ext.inExtension(async () => (await chrome.tabs.query({})).map((t) => t.id), null);
    const before = await tabIds();
    const page = await ext.context.newPage();
    await page.goto('chrome://version/');
    const tabId = (await tabIds()).find((id) => !before.includes(id));
    expect(tabId).toBeTypeOf('number');
    const popup = await ext.popup(tabId!);
    const empty = popup.getByTestId('empty-state');
    await empty.waitFor({ timeout: 10_000 });
    expect(await empty.textContent()).toContain('Tagwatch cannot see this page: it is a browser page (chrome:)');
    expect(await empty.getAttribute('data-reason')).toBe('unsupported');
    await popup.close();
    await page.close();
  });
});
