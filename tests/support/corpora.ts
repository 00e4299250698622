/**
 * The public corpora of `../shared/fixtures`, read in place (never copied in): BASIL's articles
 * and the gilets-jaunes corpus. Shared by the tests, the evaluations (tests/evals) and the benchmarks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR } from './shared-fixtures';

// --- BASIL (Fan et al., EMNLP 2019): 30 events × 3 outlets

export const BASIL_DIR = join(FIXTURES_DIR, 'basil');

export interface BasilArticle { id: string; event: string; title: string; source: string; date: string; text: string; url?: string }

/** Every article, by year then file name; `text` is its paragraphs joined by a blank line, sentences by a space. */
export function readBasil(): BasilArticle[] {
  const dir = join(BASIL_DIR, 'articles');
  return readdirSync(dir).filter((y) => /^\d{4}$/.test(y)).sort().flatMap((y) => readdirSync(join(dir, y)).sort().map((f) => {
    const a = JSON.parse(readFileSync(join(dir, y, f), 'utf8')) as { title: string; source: string; date: string; url?: string; 'triplet-uuid': string; 'body-paragraphs': string[][] };
    return { id: f.replace(/\.json$/, ''), event: a['triplet-uuid'], title: a.title, source: a.source, date: a.date, url: a.url, text: a['body-paragraphs'].map((p) => p.join(' ')).join('\n\n') };
  }));
}

// --- Gilets jaunes (feryah/gilets_jaunes): 206 Swiss French articles as `<doc url=…>` blocks

export const GILETS_JAUNES_FILE = join(FIXTURES_DIR, 'gilets_jaunes_fr/fr_CH_corpus.xml');

export interface CorpusDoc {
  url: string;
  text: string;
}

/**
 * Every block in file order (a URL that occurs twice is kept twice), its text exactly as written
 * between the tags: the hand-labelled quotation offsets (tests/expected/quotes) index into it.
 */
export function readGiletsJaunesAsWritten(): CorpusDoc[] {
  const xml = readFileSync(GILETS_JAUNES_FILE, 'utf8');
  return [...xml.matchAll(/<doc url=(\S+)\s*>([\s\S]*?)<\/doc>/g)].map((m) => ({ url: m[1]!, text: m[2]! }));
}

/** Every article in file order, its text trimmed. */
export function readGiletsJaunes(): CorpusDoc[] {
  return readGiletsJaunesAsWritten().map((d) => ({ url: d.url, text: d.text.trim() }));
}

/** The first article with each URL, by URL. */
export function giletsJaunesByUrl(): Map<string, CorpusDoc> {
  const out = new Map<string, CorpusDoc>();
  for (const d of readGiletsJaunes()) if (!out.has(d.url)) out.set(d.url, d);
  return out;
}
