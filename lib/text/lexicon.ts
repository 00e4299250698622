/**
 * The general word classes of each language (`lexicon.json`): honorifics, pronouns, articles,
 * particles of names, prepositions, hedges. One file that every analysis reads, so that a
 * title or a particle is added once. Analysis-specific cues stay with their analysis
 * (`lib/quotes/lexicon.json`, `lib/framing/aliases.json`).
 */
import { foldAccents } from './normalize';
import data from './lexicon.json';

type Fields = (typeof data)['fields'];
export type WordClass = keyof Fields;

const LANGUAGES = Object.entries(data).filter(([k]) => k !== 'about' && k !== 'fields') as [string, Partial<Record<WordClass, string[]>>][];
const EVERY_LANGUAGE = new Map<WordClass, ReadonlySet<string>>();

/**
 * The words of `cls` in every language, as the lexicon writes them: names, titles and foreign
 * words of any language turn up in an article of another.
 */
export function wordsOfEveryLanguage(cls: WordClass): ReadonlySet<string> {
  let set = EVERY_LANGUAGE.get(cls);
  if (!set) {
    set = new Set(LANGUAGES.flatMap(([, words]) => words[cls] ?? []));
    EVERY_LANGUAGE.set(cls, set);
  }
  return set;
}

/** Honorifics accent-folded, case as written (`Gen`, `MM`, `Mme`). */
const HONORIFICS: ReadonlySet<string> = new Set([...wordsOfEveryLanguage('honorifics')].map(foldAccents));

/**
 * Whether `word` (a final full stop allowed) is an honorific of any language. As written
 * (`caseAsWritten`), `Me` is one and `me` is not; otherwise a lower-case word is taken as a
 * folded token (`mme`, `mm`, `gen` are), but a word in other capitals must match as written
 * (`ING`, the bank, is no `Ing.`).
 */
export function isHonorific(word: string, caseAsWritten = false): boolean {
  const w = foldAccents(word).replace(/\.$/u, '');
  if (HONORIFICS.has(w)) return true;
  if (caseAsWritten || w !== w.toLowerCase()) return false;
  return HONORIFICS.has(w.charAt(0).toUpperCase() + w.slice(1)) || HONORIFICS.has(w.toUpperCase());
}
