/**
 * Content stems for features, fast. `contentTerms` (lib/text) segments with Intl.Segmenter and
 * stems every token: about 25 ms for a 7 kB article in Node 20, too slow to analyse a corpus of
 * thousands in one CLI run or 100,000 in the benchmark. Features need no offsets, so here words
 * are a regular expression (letters and digits; hyphens and apostrophes split, as in lib/text, so
 * `l'opposition` gives `l` + `opposition` and `Al-Nosra` gives `al` + `nosra`) and each distinct
 * word is stemmed once (memo per language). Stop words and stems are lib/text's.
 */
import { foldAccents, isStopword, normalizeForComparison, stem } from '../text';

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;
/** Memo of word → stem ('' for a stop word), per language; cleared when it grows past this. */
const MEMO_LIMIT = 200_000;
const memos = new Map<string, Map<string, string>>();

/** The comparison stem of one word, or '' for a stop word. */
export function termStem(word: string, lang: string): string {
  let memo = memos.get(lang);
  if (!memo) memos.set(lang, (memo = new Map()));
  const lower = word.toLowerCase();
  let s = memo.get(lower);
  if (s === undefined) {
    s = isStopword(lower, lang) ? '' : foldAccents(stem(normalizeForComparison(lower), lang));
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(lower, s);
  }
  return s;
}

/** Content stems of `text` in order (stop words dropped). */
export function stems(text: string, lang: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(WORD)) {
    const s = termStem(m[0], lang);
    if (s) out.push(s);
  }
  return out;
}
