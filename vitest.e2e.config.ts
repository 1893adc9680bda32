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
  },
});
