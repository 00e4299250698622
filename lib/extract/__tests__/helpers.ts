/** Test helpers: fixture paths and typography-insensitive normalisation (gold.json's rule). */
import fs from 'node:fs';
import path from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';

import { READABILITY_PAGES_DIR, SEEDS_DIR } from '../../../tests/support/shared-fixtures';
export { SEEDS_DIR };
export const PAGES_DIR = READABILITY_PAGES_DIR;
export const EXPECTED_SEEDS = path.resolve(__dirname, '../../../tests/expected/seeds');
/** The README of the fixtures: these three pages are not articles. */
export const NON_ARTICLES = new Set(['mozilla-1', 'wikipedia-3', 'nytimes-5']);
/** Readability's test suite loads every page at this URL. */
export const FIXTURE_URL = 'http://fakehost/test/page.html';

/** Ignore typographic differences: quotes, apostrophes, non-breaking spaces, case. */
export function typoNorm(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[’‘`´]/g, "'")
    .replace(/[«»“”„]/g, '"')
    .replace(/\s*"\s*/g, '"')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim()
    .toLowerCase();
}

export function dom(html: string, url = FIXTURE_URL): Document {
  return new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window.document;
}

export function readPage(name: string) {
  const dir = path.join(PAGES_DIR, name);
  const expectedHtml = fs.readFileSync(path.join(dir, 'expected.html'), 'utf8');
  return {
    source: fs.readFileSync(path.join(dir, 'source.html'), 'utf8'),
    expectedText: dom(expectedHtml).body.textContent ?? '',
    metadata: JSON.parse(fs.readFileSync(path.join(dir, 'expected-metadata.json'), 'utf8')) as {
      title: string | null;
      byline: string | null;
      lang?: string | null;
      siteName: string | null;
      publishedTime: string | null;
      readerable: boolean;
    },
  };
}

export function pageNames(): string[] {
  return fs.readdirSync(PAGES_DIR).filter((n) => fs.existsSync(path.join(PAGES_DIR, n, 'source.html'))).sort();
}

export interface SeedGold {
  language: string;
  title: string | null;
  boilerplate: string[];
}

export function readSeeds(): { id: string; text: string; gold: SeedGold; expectedBody: string }[] {
  const gold = JSON.parse(fs.readFileSync(path.join(SEEDS_DIR, 'gold.json'), 'utf8')) as {
    articles: Record<string, SeedGold>;
  };
  return Object.entries(gold.articles).map(([id, g]) => ({
    id,
    gold: g,
    text: fs.readFileSync(path.join(SEEDS_DIR, `${id}.txt`), 'utf8'),
    expectedBody: fs.readFileSync(path.join(EXPECTED_SEEDS, `${id}.body.txt`), 'utf8'),
  }));
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
