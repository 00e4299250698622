/**
 * Snowball stemmers (https://snowballstem.org/algorithms/), via snowball-stemmers, a JavaScript
 * build of the Snowball algorithms (English is Porter2, Snowball's "english").
 *
 * Input: the lower-case form WITH accents. Snowball's French, Spanish, Portuguese, Italian and
 * German algorithms read accented vowels (é, ê, ã, ä, ß) to find regions and suffixes, and they
 * are case-sensitive (`Opposition` is left as `Opposit`), so `stem` lower-cases first and never
 * folds accents. Compare stems accent-insensitively by folding the result (as `contentTerms`
 * does), so `Etats` and `États` meet.
 */
import snowball, { type SnowballStemmer } from 'snowball-stemmers';
import { baseLanguage, SNOWBALL_NAMES } from './languages';

const stemmers = new Map<string, SnowballStemmer | null>();

function stemmerFor(lang: string): SnowballStemmer | null {
  const code = baseLanguage(lang);
  let s = stemmers.get(code);
  if (s === undefined) {
    const name = SNOWBALL_NAMES[code];
    s = name ? snowball.newStemmer(name) : null;
    stemmers.set(code, s);
  }
  return s;
}

/** Typographic apostrophes → ', so `aujourd’hui` stems like `aujourd'hui`. */
const TYPOGRAPHIC_APOSTROPHES = /[’ʼ]/gu;

/**
 * The Snowball stem of `word` in `lang` (ISO 639-1 or BCP 47 tag), lower case. Identity (lower-
 * cased) for languages without a stemmer: unknown text is compared by exact word then.
 */
/**
 * Longer than any word of a language (German compounds reach 60 letters): left unstemmed. The
 * Snowball stemmers' cost grows faster than linearly with a word's length (a 1 MB "word" took
 * seconds), and a page can hold such a string.
 */
const MAX_STEMMED_LENGTH = 100;

export function stem(word: string, lang: string): string {
  const lower = word.normalize('NFC').toLowerCase().replace(TYPOGRAPHIC_APOSTROPHES, "'");
  const s = stemmerFor(lang);
  return s && lower.length <= MAX_STEMMED_LENGTH ? s.stem(lower) : lower;
}

/** True when `lang` has a Snowball stemmer here. */
export function hasStemmer(lang: string): boolean {
  return stemmerFor(lang) !== null;
}
