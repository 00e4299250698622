import { configDefaults, defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { testsNeedingShared } from './tests/support/shared-location.ts';

// Projects: `unit` runs in Node (lib/ and the extension glue against WXT's fake browser); `slow`
// holds the scale cases (`*.slow.test.ts`), run by CI (`npm test` with CI set) and by
// `npm run test:slow`, not in a developer's `npm test`; `e2e` drives the built extension in
// Debian's Chromium and needs `npm run build` first (`npm test` builds, then runs them all).
// `npm run test:core` (RECOUPE_CORE) runs the unit tests that need nothing from ../shared.
const UNIT_DIRS = ['lib', 'extension', 'entrypoints', 'cli', 'tests/unit'];
const core = Boolean(process.env.RECOUPE_CORE);
const slow = Boolean(process.env.CI || process.env.RECOUPE_SLOW);
const node = {
  setupFiles: ['fake-indexeddb/auto', './tests/setup/i18n.ts'],
  globalSetup: core ? [] : ['./tests/setup/shared-fixtures.ts'],
  environment: 'node' as const,
};

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: UNIT_DIRS.map((d) => `${d}/**/*.test.ts`),
          exclude: [...configDefaults.exclude, '**/*.slow.test.ts', ...(core ? testsNeedingShared(UNIT_DIRS) : [])],
          ...node,
          testTimeout: 30_000,
        },
      },
      ...(slow ? [{
        extends: true as const,
        test: {
          name: 'slow',
          include: UNIT_DIRS.map((d) => `${d}/**/*.slow.test.ts`),
          ...node,
          testTimeout: 300_000,
        },
      }] : []),
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
