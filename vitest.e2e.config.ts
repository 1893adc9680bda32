import { defineConfig } from 'vitest/config';

// Browser tests: the built extension (.output/chrome-mv3) in real Chromium. One file at a time: two cores.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    retry: 0,
    // What a user would see, waited for as a user would: vitest's 1 s default failed a CI run whose loaded machine
    // took longer to write a beacon's hit. A real miss still fails, 10 s later.
    expect: { poll: { timeout: 10_000 } },
  },
});
