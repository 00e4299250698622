/**
 * Where the shared fixtures live: `../shared/` beside the repository (seeds with gold.json,
 * public pages and corpora). They are read in place, never copied in. A missing folder fails
 * the tests that need it, loudly, rather than letting them pass without checking anything.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { missingSharedFixtures, missingSharedMessage, SEEDS_DIR } from './shared-location';

export { FIXTURES_DIR, READABILITY_PAGES_DIR, SEEDS_DIR, SHARED } from './shared-location';

const missing = missingSharedFixtures();
if (missing.length > 0) throw new Error(missingSharedMessage(missing));

/** The parts of `seeds/gold.json` the tests read. */
export interface SeedGold {
  articles: Record<string, { language: string; title: string | null; boilerplate: string[] }>;
  quotes_per_article: Record<string, string[]>;
}

export function readSeedGold(): SeedGold {
  return JSON.parse(readFileSync(join(SEEDS_DIR, 'gold.json'), 'utf8')) as SeedGold;
}
