/**
 * The round trip of import-files.test.ts at the scale of a real corpus, in the `slow` project that
 * CI runs (`npm run test:slow`; `npm test` with CI set): 10,000 articles exported, all deleted,
 * imported back in 2 MB messages, every article back field by field.
 */
import { describe, it } from 'vitest';
import { roundTrip, useBackground } from './import-round-trip';

useBackground();

describe('an export of 10,000 articles imported back', () => {
  it.each(['json', 'jsonl'] as const)('restores every article field by field (%s), in messages under the budget', async (format) => {
    await roundTrip(format, 10_000, 2 * 1024 * 1024);
  }, 300_000);
});
