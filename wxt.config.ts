import { defineConfig } from 'wxt';
import { manifestIcons } from './scripts/icon-sizes';
import { SOURCES_EXCLUDE } from './scripts/package-files';

/**
 * The scripts that load into every frame of every page — `entrypoints/content/` (the isolated world) and
 * `entrypoints/page-hooks.content.ts` (the page's main world), shipped as `content-scripts/content.js` and
 * `content-scripts/page-hooks.js` — each byte and each statement is paid on every page.
 */
const CONTENT_SCRIPTS = ['content', 'page-hooks'];

/**
 * The content scripts' entry module calls their exported `main` and nothing else: WXT's default entry wraps the
 * definition in a logger and start-up error reporting for development (400 bytes per script, and the options
 * object). `globalName: false` in each definition drops the global variable WXT would otherwise declare (in
 * the page's own window, for the main-world script). Should WXT name its entry modules differently one day,
 * this matches nothing and the scripts keep WXT's wrapper.
 */
const bareContentScripts = {
  name: 'tagwatch:bare-content-scripts',
  enforce: 'pre' as const,
  load(id: string): string | null {
    const m = /^\0virtual:wxt-content-script-(?:isolated|main)-world-entrypoint\?(.+)$/.exec(id);
    const path = m?.[1];
    if (
      !path ||
      !CONTENT_SCRIPTS.some((name) => new RegExp(`/entrypoints/${name}(/index)?(\\.content)?\\.ts$`).test(path))
    )
      return null;
    return `import { main } from ${JSON.stringify(path)};\nmain();\n`;
  },
};

/** The build mode of the end-to-end tests' Firefox build (scripts/firefox.ts): see web_accessible_resources. */
const E2E_MODE = 'e2e';
const E2E_PAGES = ['popup.html', 'options.html', 'sidepanel.html', 'visit-history.html'];

// The manifest is generated from the entrypoints; these are the parts WXT cannot infer.
export default defineConfig({
  // webextension-polyfill is imported where it is used (background, popup, options); the content scripts do
  // without it to stay small (see entrypoints/content/api.ts).
  modules: [],
  manifest: ({ browser, manifestVersion, mode }) => ({
    name: 'Tagwatch',
    description: 'Which micro-conversions fired on this page, and which tracking tags are missing.',
    permissions: [
      'webRequest',
      'webNavigation',
      'storage',
      'unlimitedStorage',
      'tabs',
      'alarms',
      'scripting',
      'cookies',
    ],
    host_permissions: ['<all_urls>'],
    // Rendered from assets/icon.svg by `npm run icons` (public/icon/<size>.png).
    icons: manifestIcons(),
    // WXT turns `action` into MV2's `browser_action` only when the popup has not already created one: name it.
    [manifestVersion === 2 ? 'browser_action' : 'action']: { default_title: 'Tagwatch', default_icon: manifestIcons() },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'tagwatch@tagwatch.dev',
              // 140 (the ESR since mid-2025) is the first to read data_collection_permissions, which AMO asks
              // every new add-on for; 142 on Android.
              strict_min_version: '140.0',
              // Tagwatch sends nothing anywhere: everything it records stays in the browser's IndexedDB.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
    // The end-to-end tests' Firefox build only (`wxt build -b firefox --mode e2e`, in .output/firefox-mv2-e2e):
    // WebDriver BiDi will not navigate a tab to moz-extension://, so the tests open the popup, options and side panel pages
    // from a web page, which may only link to web-accessible resources. Never in a store build.
    ...(mode === E2E_MODE
      ? {
          web_accessible_resources:
            manifestVersion === 2 ? E2E_PAGES : [{ resources: E2E_PAGES, matches: ['<all_urls>'] }],
        }
      : {}),
  }),
  // The sources package AMO's reviewers build from: no tests, fixtures or benches (scripts/check-packages.ts checks).
  zip: { excludeSources: SOURCES_EXCLUDE },
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    plugins: [bareContentScripts],
  }),
});
