/**
 * The text core: normalisation with offset maps, tokens and sentences with offsets into the
 * original text, language identification, Snowball stems and stop words.
 *
 * Pipeline for comparison terms (`contentTerms`): UAX #29 words (Intl.Segmenter) with elisions
 * split → stop words dropped (Snowball lists, case/accent/apostrophe-insensitive) → Snowball stem
 * of the lower-case accented form → accents folded. Offsets always index the original text.
 */
import { foldAccents, normalizeForComparison } from './normalize';
import { tokenize, type Token } from './segment';
import { stem } from './stem';
import { isStopword } from './stopwords';

export { fold, foldAccents, normalizeForComparison, normalizedWords, normalizeWithMap, type NormalizedWords } from './normalize';
export type { Span } from './span';
export type { NormalizedText, NormalizeOptions } from './normalize';
export { firstEndingAfter, KNOWN_WORD_SLOTS, sameTokensInside, sentences, tokenColumns, tokenize } from './segment';
export type { KnownWord, Token, TokenColumns } from './segment';
export { detectLanguage, detectLanguageWithConfidence } from './language';
export type { LanguageGuess } from './language';
export { baseLanguage, CORE_LANGUAGES, isSupportedLanguage, SUPPORTED_LANGUAGES } from './languages';
export { hasStemmer, stem } from './stem';
export { scriptShare, unsupportedScript, MIN_LATIN_SHARE, SCRIPT_CODES } from './script';
export type { OtherScript, ScriptShare } from './script';
export { isStopword, stopwordKey, stopwords } from './stopwords';
export { isHonorific, isPlacePrefix, wordsOfEveryLanguage, wordsOfLanguage } from './lexicon';
export type { WordClass } from './lexicon';

/** A token kept for matching, with its comparison stem. */
export interface Term extends Token {
  /** Snowball stem of the lower-case form, accents folded: `États` and `Etats` → `etat`. */
  stem: string;
}

/** Letters or digits: a token made only of apostrophes or marks carries no content. */
const HAS_CONTENT = /[\p{L}\p{N}]/u;

/**
 * Tokens of `text` without stop words, each with its stem, in text order. For an unsupported
 * `lang` no stop words are removed and stems are the lower-case words. `onToken`, called before
 * each token is stemmed, may throw to stop a long text's stemming (lib/framing's deadline).
 */
export function contentTerms(text: string, lang: string, onToken?: () => void): Term[] {
  const out: Term[] = [];
  for (const t of tokenize(text, lang)) {
    onToken?.();
    if (!HAS_CONTENT.test(t.norm) || isStopword(t.text, lang)) continue;
    out.push({ ...t, stem: foldAccents(stem(normalizeForComparison(t.text), lang)) });
  }
  return out;
}
