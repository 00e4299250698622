/**
 * Where the shared fixtures live: `../shared/` beside the repository (seeds with gold.json,
 * public pages and corpora). They are read in place, never copied in. A missing folder fails
 * the tests that need it, loudly, rather than letting them pass without checking anything.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export const SHARED = process.env.RECOUPE_SHARED ?? resolve(REPO, '../shared');
export const SEEDS_DIR = join(SHARED, 'seeds');
export const FIXTURES_DIR = join(SHARED, 'fixtures');
export const READABILITY_PAGES_DIR = join(FIXTURES_DIR, 'readability/pages');

if (!existsSync(join(SEEDS_DIR, 'gold.json'))) {
  throw new Error(`The shared fixtures are not at ${SHARED}: put the shared/ folder beside the repository, or set RECOUPE_SHARED.`);
}

/** The parts of `seeds/gold.json` the tests read. */
export interface SeedGold {
  articles: Record<string, { language: string; title: string | null; boilerplate: string[] }>;
  quotes_per_article: Record<string, string[]>;
}

export function readSeedGold(): SeedGold {
  return JSON.parse(readFileSync(join(SEEDS_DIR, 'gold.json'), 'utf8')) as SeedGold;
}
