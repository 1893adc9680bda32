import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { manifestIcons } from './scripts/icon-sizes';
import { SOURCES_EXCLUDE } from './scripts/package-files';

/** The isolated-world content script: built as a plain script (no WXT wrapper) and listed here. */
const PAGE_WATCH = 'page-watch';
/** The scripts that load into every frame of every page: each byte and each statement is paid on every page. */
const CONTENT_SCRIPTS = [PAGE_WATCH, 'page-hooks'];

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
    const m = /^\0virtual:wxt-(?:unlisted-script|content-script-main-world)-entrypoint\?(.+)$/.exec(id);
    const path = m?.[1];
    if (!path || !CONTENT_SCRIPTS.some((name) => new RegExp(`/entrypoints/${name}(/index)?(\\.content)?\\.ts$`).test(path))) return null;
    return `import { main } from ${JSON.stringify(path)};\nmain();\n`;
  },
};

// The manifest is generated from the entrypoints; these are the parts WXT cannot infer.
export default defineConfig({
  // webextension-polyfill is imported where it is used (background, popup, options); the content scripts do
  // without it to stay small (see entrypoints/page-watch/api.ts).
  modules: [],
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Tagwatch',
    description: 'Which micro-conversions fired on this page, and which tracking tags are missing.',
    permissions: ['webRequest', 'webNavigation', 'storage', 'unlimitedStorage', 'tabs', 'alarms', 'scripting'],
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
  }),
  // The sources package AMO's reviewers build from: no tests, fixtures or benches (scripts/check-packages.ts checks).
  zip: { excludeSources: SOURCES_EXCLUDE },
  hooks: {
    // entrypoints/page-watch is an unlisted script so that WXT does not wrap it in its ContentScriptContext
    // (3 KB in every frame of every page, and a postMessage to the page at start). It ships beside the other
    // content script and is declared with the same options a defineContentScript would have.
    'entrypoints:resolved': (wxt, entrypoints) => {
      for (const entry of entrypoints) if (entry.name === PAGE_WATCH) entry.outputDir = resolve(wxt.config.outDir, 'content-scripts');
    },
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.content_scripts = [
        { matches: ['<all_urls>'], run_at: 'document_start', all_frames: true, js: [`content-scripts/${PAGE_WATCH}.js`] },
        ...(manifest.content_scripts ?? []),
      ];
    },
  },
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    plugins: [bareContentScripts],
  }),
});
