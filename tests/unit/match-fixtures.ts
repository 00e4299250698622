/** BASIL and gilets-jaunes articles for the same-story tests, read in place from ../shared/fixtures. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR } from '../shared-fixtures';

export interface BasilArticle { id: string; event: string; title: string; source: string; date: string; text: string; url?: string }

export function readBasil(): BasilArticle[] {
  const dir = join(FIXTURES_DIR, 'basil/articles');
  return readdirSync(dir).filter((y) => /^\d{4}$/.test(y)).sort().flatMap((y) => readdirSync(join(dir, y)).sort().map((f) => {
    const a = JSON.parse(readFileSync(join(dir, y, f), 'utf8')) as { title: string; source: string; date: string; url?: string; 'triplet-uuid': string; 'body-paragraphs': string[][] };
    return { id: f.replace(/\.json$/, ''), event: a['triplet-uuid'], title: a.title, source: a.source, date: a.date, url: a.url, text: a['body-paragraphs'].map((p) => p.join(' ')).join('\n\n') };
  }));
}

export function readGiletsJaunes(): { url: string; text: string }[] {
  const xml = readFileSync(join(FIXTURES_DIR, 'gilets_jaunes_fr/fr_CH_corpus.xml'), 'utf8');
  return [...xml.matchAll(/<doc url=(\S+)\s*>([\s\S]*?)<\/doc>/g)].map((m) => ({ url: m[1]!, text: m[2]!.trim() }));
}
