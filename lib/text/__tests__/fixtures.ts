/**
 * Readers for the shared public fixtures (../shared, outside the repository: the texts belong
 * to their publishers and are never copied in). A missing folder fails the tests (tests/support/shared-fixtures.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEEDS_DIR, SHARED, readSeedGold, type SeedGold } from '../../../tests/support/shared-fixtures';
export { SHARED, SEEDS_DIR };

export interface Seed {
  id: string;
  text: string;
}

export function readSeeds(): Seed[] {
  return readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ id: f.replace(/\.txt$/, ''), text: readFileSync(join(SEEDS_DIR, f), 'utf8') }));
}

export function readGold(): SeedGold {
  return readSeedGold();
}

/** Tags stripped by regex: good enough to measure language, not to extract text. */
export function stripTags(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&[a-z]+;|&#x?[0-9a-f]+;/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface LabelledText {
  name: string;
  lang: string;
  text: string;
}

/**
 * Corrections after reading the pages: the metadata is missing, or describes the site rather
 * than the text (nytimes-5 is the Spanish-language section front, its body is Spanish).
 */
const READABILITY_LANG: Record<string, string> = { 'nytimes-5': 'es', cnn: 'en', 'wapo-1': 'en', 'la-nacion': 'es' };

export function readReadabilityPages(): LabelledText[] {
  const dir = join(SHARED, 'fixtures/readability/pages');
  return readdirSync(dir)
    .sort()
    .map((name) => {
      const meta = JSON.parse(readFileSync(join(dir, name, 'expected-metadata.json'), 'utf8')) as { lang?: string };
      const lang = READABILITY_LANG[name] ?? (meta.lang ?? '').slice(0, 2).toLowerCase();
      return { name, lang, text: stripTags(readFileSync(join(dir, name, 'expected.html'), 'utf8')) };
    });
}
