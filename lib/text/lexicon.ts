/**
 * The general word classes of each language (`lexicon.json`): honorifics, pronouns, articles,
 * particles of names, prepositions, hedges. One file that every analysis reads, so that a
 * title or a particle is added once. Analysis-specific cues stay with their analysis
 * (`lib/quotes/lexicon.json`, `lib/framing/aliases.json`).
 */
import { foldAccents } from './normalize';
import { baseLanguage } from './languages';
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

const OWN_LANGUAGE = new Map<string, ReadonlySet<string>>();

/** The words of `cls` in the language `lang` (its primary subtag) only, for a class read in its own language's texts (`nounDeterminers`). */
export function wordsOfLanguage(cls: WordClass, lang: string | null | undefined): ReadonlySet<string> {
  const primary = baseLanguage(lang ?? '');
  const key = `${cls} ${primary}`;
  let set = OWN_LANGUAGE.get(key);
  if (!set) {
    set = new Set(LANGUAGES.find(([l]) => l === primary)?.[1][cls] ?? []);
    OWN_LANGUAGE.set(key, set);
  }
  return set;
}

/** Honorifics as written and accent-folded (`Gén`, `Gen`, `MM`, `Mme`), and in lower case. */
const HONORIFICS: ReadonlySet<string> = new Set([...wordsOfEveryLanguage('honorifics')].flatMap((h) => [h, foldAccents(h)]));
const LOWER_HONORIFICS: ReadonlySet<string> = new Set([...HONORIFICS].map((h) => h.toLowerCase()));

const PLACE_PREFIXES: ReadonlySet<string> = wordsOfEveryLanguage('placePrefixes');

/** Whether `word` (a final full stop allowed), as written, abbreviates the start of a place's or saint's name (`St.`, `Mt.`). */
export function isPlacePrefix(word: string): boolean {
  return PLACE_PREFIXES.has(word.endsWith('.') ? word.slice(0, -1) : word);
}

/**
 * Whether `word` (a final full stop allowed) is an honorific of any language. As written
 * (`caseAsWritten`), `Me` is one and `me` is not; otherwise a lower-case word is taken as a
 * folded token (`mme`, `mm`, `gen` are), but a word in other capitals must match as written
 * (`ING`, the bank, is no `Ing.`). Set lookups only: the sentence splitter and the speaker
 * finder ask for every word before a full stop.
 */
export function isHonorific(word: string, caseAsWritten = false): boolean {
  const w = word.endsWith('.') ? word.slice(0, -1) : word;
  return HONORIFICS.has(w) || (!caseAsWritten && LOWER_HONORIFICS.has(w) && w === w.toLowerCase());
}
