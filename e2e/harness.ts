// The browser tests share the audit command's browser plumbing (scripts/browser.ts): one way to launch
// Chromium with the extension, serve the fixture site and answer vendor hosts. The files that run in Firefox
// too (vitest.e2e.firefox.config.ts) launch through `launchTestExtension`, which picks the browser from
// $E2E_BROWSER (chromium unless it says firefox).
import { launchExtension, type TestExtension } from '../scripts/browser';
import { launchFirefoxExtension } from '../scripts/firefox';

export * from '../scripts/browser';
export type { TestLocator, TestPage } from '../scripts/test-page';

export const E2E_BROWSER: 'chromium' | 'firefox' = process.env.E2E_BROWSER === 'firefox' ? 'firefox' : 'chromium';

/** The built extension in the browser this run tests: `.output/chrome-mv3` in Chromium, the e2e Firefox build in Firefox. */
export function launchTestExtension(chromiumExtensionDir?: string): Promise<TestExtension> {
  return E2E_BROWSER === 'firefox' ? launchFirefoxExtension() : launchExtension(chromiumExtensionDir);
}
