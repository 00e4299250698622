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
  // A word's stem is kept: a news vocabulary is small, and the framing of two long articles stemmed
  // the same words again and again (its sentences, then the sentences and quotations it compares:
  // a third of the framing view's time at 250,000 characters). Not past `MAX_STEMMED_LENGTH`: a
  // page's one-megabyte "word" is not kept as a key.
  const cacheKey = word.length <= MAX_STEMMED_LENGTH ? `${lang}\u0000${word}` : null;
  const known = cacheKey === null ? undefined : STEMS.get(cacheKey);
  if (known !== undefined) return known;
  const lower = word.normalize('NFC').toLowerCase().replace(TYPOGRAPHIC_APOSTROPHES, "'");
  const s = stemmerFor(lang);
  const out = s && lower.length <= MAX_STEMMED_LENGTH ? s.stem(lower) : lower;
  if (cacheKey !== null) {
    // (Emptied when full, as lib/framing/words.ts keeps its keys: a bound on the memory, not a policy.)
    if (STEMS.size >= MAX_KEPT_STEMS) STEMS.clear();
    STEMS.set(cacheKey, out);
  }
  return out;
}

/** Stems kept, by language and word as given (at most `MAX_KEPT_STEMS`). */
const STEMS = new Map<string, string>();
const MAX_KEPT_STEMS = 100_000;

/** True when `lang` has a Snowball stemmer here. */
export function hasStemmer(lang: string): boolean {
  return stemmerFor(lang) !== null;
}
