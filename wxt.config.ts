import { defineConfig } from 'wxt';

// The manifest is generated from the entrypoints; these are the parts WXT cannot infer.
export default defineConfig({
  // webextension-polyfill is imported where it is used (background, popup, options); the content scripts do
  // without it to stay small (see entrypoints/content/api.ts).
  modules: [],
  manifest: ({ browser }) => ({
    name: 'Tagwatch',
    description: 'Which micro-conversions fired on this page, and which tracking tags are missing.',
    permissions: ['webRequest', 'webNavigation', 'storage', 'unlimitedStorage', 'tabs', 'alarms', 'scripting'],
    host_permissions: ['<all_urls>'],
    action: { default_title: 'Tagwatch' },
    ...(browser === 'firefox'
      ? { browser_specific_settings: {
            gecko: {
              id: 'tagwatch@tagwatch.dev',
              strict_min_version: '128.0',
              // Tagwatch sends nothing anywhere: everything it records stays in the browser's IndexedDB.
              data_collection_permissions: { required: ['none'] },
            },
          }, }
      : {}),
  }),
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  }),
});
