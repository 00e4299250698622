/**
 * The gilets-jaunes corpus (feryah/gilets_jaunes, `../shared/fixtures/gilets_jaunes_fr/`), read in
 * place: 206 Swiss French articles as `<doc url=…>` blocks, one paragraph each. Used by the
 * passage tests, `scripts/eval-passages.ts` and the passages benchmark.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fnv1a } from '../lib/match/features';
import { FIXTURES_DIR } from './shared-fixtures';

export const GILETS_JAUNES_FILE = join(FIXTURES_DIR, 'gilets_jaunes_fr/fr_CH_corpus.xml');

export interface CorpusDoc {
  url: string;
  text: string;
}

const DOC = /<doc url=(\S+)\s*>\s*([\s\S]*?)<\/doc>/g;

/** Every article of the corpus, in file order (a URL that occurs twice is kept twice). */
export function readGiletsJaunes(): CorpusDoc[] {
  const xml = readFileSync(GILETS_JAUNES_FILE, 'utf8');
  return [...xml.matchAll(DOC)].map((m) => ({ url: m[1] ?? '', text: (m[2] ?? '').trim() }));
}

/** Hand-labelled pairs (`tests/expected/passages/gilets-jaunes-pairs.json`). */
export type ReuseLabel = 'reused' | 'partly' | 'none' | 'paraphrase';
export interface LabelledPair {
  a: string;
  b: string;
  label: ReuseLabel;
  /** What the reader saw, in a few words. */
  note: string;
}

export function readLabelledPairs(): LabelledPair[] {
  const file = new URL('./expected/passages/gilets-jaunes-pairs.json', import.meta.url);
  return (JSON.parse(readFileSync(file, 'utf8')) as { pairs: LabelledPair[] }).pairs;
}

/** The first article with each URL, by URL. */
export function giletsJaunesByUrl(): Map<string, CorpusDoc> {
  const out = new Map<string, CorpusDoc>();
  for (const d of readGiletsJaunes()) if (!out.has(d.url)) out.set(d.url, d);
  return out;
}

export type Half = 'tuning' | 'reporting';

/**
 * The tuning / reporting split of the labelled pairs: within each label, pairs ordered by the
 * FNV-1a hash of `a b` alternate, first tuning, then reporting. Deterministic, balanced by label,
 * independent of the file's order. Rules are tuned on the tuning half; figures are quoted on both.
 */
export function pairHalves(pairs: readonly LabelledPair[]): Map<LabelledPair, Half> {
  const out = new Map<LabelledPair, Half>();
  for (const label of new Set(pairs.map((p) => p.label))) {
    const key = (p: LabelledPair) => fnv1a(`${p.a} ${p.b}`);
    const same = pairs.filter((p) => p.label === label).sort((x, y) => key(x) - key(y) || (x.a + x.b < y.a + y.b ? -1 : 1));
    same.forEach((p, i) => out.set(p, i % 2 === 0 ? 'tuning' : 'reporting'));
  }
  return out;
}
