/**
 * Where the shared fixtures live (`../shared/` beside the repository, or `RECOUPE_SHARED`), what
 * the tests need of them, and which test files need them: read by vitest.config.ts (so it never
 * throws) and by tests/support/shared-fixtures.ts (which does, for the tests and scripts that read them).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export const SHARED = process.env.RECOUPE_SHARED ?? resolve(REPO, '../shared');
export const SEEDS_DIR = join(SHARED, 'seeds');
export const FIXTURES_DIR = join(SHARED, 'fixtures');
export const READABILITY_PAGES_DIR = join(FIXTURES_DIR, 'readability/pages');

/** What the tests read in the shared folder (see ../shared/fixtures/README.md). */
const NEEDED = ['seeds/gold.json', 'fixtures/readability/pages', 'fixtures/basil/articles', 'fixtures/basil/annotations', 'fixtures/polnear/test', 'fixtures/gilets_jaunes_fr/fr_CH_corpus.xml'];

/** The shared fixtures the tests need that are not there, as paths under the shared folder. */
export function missingSharedFixtures(): string[] {
  return NEEDED.filter((p) => !existsSync(join(SHARED, p)));
}

/** One message for all of them, saying what to do. */
export function missingSharedMessage(missing: string[]): string {
  return `The shared fixtures are missing from ${SHARED}: ${missing.join(', ')}. Put the shared/ folder beside the repository `
    + '(or set RECOUPE_SHARED to where it is), or run `npm run test:core`, the tests that need none of it.';
}

const THIS = fileURLToPath(import.meta.url);
const READERS = new Set([THIS, join(dirname(THIS), 'shared-fixtures.ts')]);
const IMPORT = /(?:from\s+|import\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

/** The repository's file a relative import names (`./x` is x.ts, x.tsx or x/index.ts). */
function resolveImport(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((f) => /\.tsx?$/.test(f) && existsSync(f));
}

/**
 * The test files (`*.test.ts` under `dirs`, paths relative to the repository) that import, directly
 * or through other modules, the location of the shared fixtures: those `npm run test:core` leaves out.
 */
export function testsNeedingShared(dirs: string[]): string[] {
  const memo = new Map<string, boolean>();
  const needs = (file: string): boolean => {
    if (READERS.has(file)) return true;
    const known = memo.get(file);
    if (known !== undefined) return known;
    memo.set(file, false); // an import cycle reads as "not yet"
    const code = readFileSync(file, 'utf8');
    const found = [...code.matchAll(IMPORT)].some((m) => {
      const target = resolveImport(file, m[1]!);
      return target !== undefined && needs(target);
    });
    memo.set(file, found);
    return found;
  };
  return dirs.flatMap((dir) => readdirSync(join(REPO, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.ts') && !f.includes('node_modules'))
    .map((f) => join(REPO, dir, f)))
    .filter(needs)
    .map((f) => relative(REPO, f))
    .sort();
}
