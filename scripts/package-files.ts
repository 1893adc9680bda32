// What the sources package for AMO's reviewers leaves out (wxt.config.ts `zip.excludeSources`; WXT already
// leaves out node_modules, dot files and *.test.* files). Plain data: read by wxt.config.ts and
// scripts/check-packages.ts.

/** Helpers only tests import. */
export const TEST_HELPERS = [
  'lib/view/fixtures.ts',
  'lib/audit/testing.ts',
  'lib/audit/site.fixtures.ts',
  'lib/history/testing.ts',
  'entrypoints/popup/test-model.ts',
];

/** Picomatch patterns, relative to the repository. */
export const SOURCES_EXCLUDE = [
  'e2e/**',
  'scripts/bench/**',
  'scripts/bench.ts',
  'vitest.config.ts',
  'vitest.e2e.config.ts',
  'vitest.e2e.firefox.config.ts',
  ...TEST_HELPERS,
];
