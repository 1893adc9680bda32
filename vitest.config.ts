import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests: everything beside the code in lib/ and entrypoints/. The browser tests have their own config.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['lib/**/*.test.{ts,tsx}', 'entrypoints/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    environment: 'node',
    // Tests do not assert on wall-clock time; the property tests' thousands of runs take seconds on a busy machine.
    testTimeout: 60_000,
  },
});
