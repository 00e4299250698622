/**
 * The export files the corpus-io tests read: the seed articles as a folder of captures with the
 * sidecars of corpus/, one valid article to vary, and a JSON or JSONL file around given articles.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';
import { SEEDS_DIR } from '../../../tests/support/shared-fixtures';
import type { PortableArticle } from '..';
import { articlesFromFolder, type FolderFile } from '../folder';

export const REPO = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
export const NOW = new Date('2026-03-04T05:06:07Z');
export const parseHtml = (html: string) => new JSDOM(html, { virtualConsole: new VirtualConsole() }).window.document;

/** The five seed captures (read from ../shared) with the sidecars of corpus/. */
export function seedFiles(): FolderFile[] {
  const files: FolderFile[] = [];
  for (const name of readdirSync(SEEDS_DIR).filter((n) => n.endsWith('.txt')).sort()) {
    files.push({ name, text: readFileSync(join(SEEDS_DIR, name), 'utf8') });
    const meta = join(REPO, 'corpus', name.replace(/\.txt$/, '.meta.json'));
    files.push({ name: name.replace(/\.txt$/, '.meta.json'), text: readFileSync(meta, 'utf8') });
  }
  return files;
}

export function seedArticles(): PortableArticle[] {
  const parsed = articlesFromFolder(seedFiles(), parseHtml);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.articles.map((c) => c.article);
}

export const valid = (overrides: Record<string, unknown> = {}) => ({
  url: 'https://news.example.org/a', canonicalUrl: null, title: 'Titre', byline: null, site: 'Exemple', language: 'fr',
  publishedTime: '2016-07-07', savedAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', origin: 'page',
  text: 'Premier paragraphe.\n\nSecond paragraphe.', paragraphs: [{ start: 0, end: 19 }, { start: 21, end: 39 }], ...overrides,
});
export const jsonFile = (articles: unknown[], header: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'recoupe-corpus', version: 1, exportedAt: NOW.toISOString(), ...header, articles });
export const jsonlFile = (lines: string[]) =>
  [JSON.stringify({ format: 'recoupe-corpus', version: 1, stream: 'jsonl' }), ...lines, JSON.stringify({ end: 'recoupe-corpus', count: lines.length })].join('\n');
