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
    // One retry, in Firefox only, and said in the closing note: on this 2-core CI machine some tests fail now and
    // then in a full run and pass alone — consent's TCF and banner tests, the popup's problem list, the capture
    // popup's tag list — at this session's commit and at the last one alike (Firefox ESR 153 over WebDriver BiDi).
    // A test that fails twice fails the run. Chromium's run keeps no retry.
    retry: 1,
    // What a user would see, waited for as a user would: vitest's 1 s default failed a CI run whose loaded machine
    // took longer to write a beacon's hit. A real miss still fails, 10 s later.
    expect: { poll: { timeout: 10_000 } },
  },
});
