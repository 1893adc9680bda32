import { defineConfig } from 'vitest/config';

// The end-to-end files that run in Firefox ESR as well as Chromium ($E2E_BROWSER=firefox; the e2e build in
// .output/firefox-mv2-e2e, built by `npm run test:e2e:firefox`). The other files drive Chromium only: see the
// README's "Browsers the tests run in".
export default defineConfig({
  test: {
    include: [
      'e2e/capture.e2e.ts',
      'e2e/goals.e2e.ts',
      'e2e/verdicts.e2e.ts',
      'e2e/audit.e2e.ts',
      'e2e/options.e2e.ts',
      'e2e/consent.e2e.ts',
      'e2e/sidepanel.e2e.ts',
    ],
    env: { E2E_BROWSER: 'firefox' },
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    // No retry. The tests that failed now and then here (the popup's tag list, its problem list, consent's answers)
    // were clicking a tab that moved as the popup filled in: fixed in the views, not hidden by a second try.
    retry: 0,
    // What a user would see, waited for as a user would: vitest's 1 s default failed a CI run whose loaded machine
    // took longer to write a beacon's hit. A real miss still fails, 10 s later.
    expect: { poll: { timeout: 10_000 } },
  },
});
