import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Two projects: `unit` runs in Node (lib/ and the extension glue against WXT's fake browser),
// `e2e` drives the built extension in Debian's Chromium and needs `npm run build` first
// (`npm test` builds, then runs both).
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts', 'extension/**/*.test.ts', 'entrypoints/**/*.test.ts', 'cli/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          setupFiles: ['fake-indexeddb/auto', './tests/setup/i18n.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
