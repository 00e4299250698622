/**
 * What the schema-upgrade tests start from: the stores of earlier releases as they declared them,
 * and the articles stored before upgrading (four seeds and a BASIL article, English), each with
 * its analysis as a save makes it.
 */
import { readFileSync } from 'node:fs';
import { vi } from 'vitest';
import Dexie from 'dexie';
import { join } from 'node:path';
import { toNewArticle } from '../../extension/storage/article-record';
import { withFeatures } from '../../extension/storage/analysis';
import { extractFromText } from '../../lib/extract';
import { FIXTURES_DIR } from './shared-fixtures';
import type { CorpusDb } from '../../extension/storage/corpus-db';
import type { CorpusIndex } from '../../lib/corpus-index';
import { StoryIndex } from '../../entrypoints/background/story-index';

export const seedText = (n: string) => readFileSync(new URL(`../../corpus/${n}.txt`, import.meta.url), 'utf8');
export const SEEDS = ['000_492f0f67598950be', '001_efc4fda914ae2fdd', '002_b5629d95adcdafa8', '003_0bb6bc6989cf1c52'];
const basil = JSON.parse(readFileSync(join(FIXTURES_DIR, 'basil/articles/2010/2b95d2cf-e979-4f9c-ae27-9a5370934f23_1.json'), 'utf8')) as { 'body-paragraphs': string[][] };
export const basilText = basil['body-paragraphs'].map((p) => p.join(' ')).join('\n\n');
/** A page-saved record of `text` at `url`, saved on `date`. */
export const record = (text: string, url: string, date = '2026-03-01') => withFeatures(toNewArticle(extractFromText(text), url, 'page', new Date(date)));

/** The stores of schema 11, as that release declared them (versions 1 to 11 together). */
export const V11_STORES = {
  articles: '++id, &url, canonicalUrl, site, language, publishedTime, savedAt, origin',
  meta: '&key',
  versions: '++id, articleId',
  feeds: '++id, &url',
  summaries: 'id, savedAt',
  features: 'id',
  wordRuns: 'run',
  wordParts: '[run+part]',
  pending: 'id',
  storyLinks: 'id',
  stories: 'key, [order+key], *ids',
  featureChanges: '++seq',
};
/** Schema 12: the story index in rows of its own. */
export const V12_STORES = { ...V11_STORES, indexRows: 'b' };
/** Schema 13: the corpus version in a store of its own. */
export const V13_STORES = { ...V12_STORES, corpusVersion: 'key' };

/**
 * Stores `tables` in database `name` as an earlier release did (schema `version`, its `stores`), and
 * gives back what `read` reads of it then (every table as that release reads it, unless said).
 */
export async function storedUnder(name: string, version: number, stores: Record<string, string>, tables: Record<string, unknown[]>, read?: (old: Dexie) => Promise<Record<string, unknown[]>>): Promise<Record<string, unknown[]>> {
  const names = Object.keys(stores);
  const old = new Dexie(name);
  old.version(version).stores(stores);
  await old.open();
  await old.transaction('rw', names, async () => {
    for (const t of names) await old.table(t).bulkAdd(tables[t]!);
  });
  const stored = read ? await read(old) : Object.fromEntries(await Promise.all(names.map(async (t) => [t, await old.table(t).toArray()] as const)));
  old.close();
  return stored;
}

/** The story index read whole by a new worker; with the console's info messages it printed (a rebuild says so). */
export async function startedIndex(db: CorpusDb): Promise<{ index: CorpusIndex; info: string[] }> {
  const info = vi.spyOn(console, 'info').mockImplementation(() => {});
  const stories = new StoryIndex(db);
  const index = await stories.get();
  stories.stop();
  const said = info.mock.calls.map((c) => String(c[0]));
  info.mockRestore();
  return { index, info: said };
}
