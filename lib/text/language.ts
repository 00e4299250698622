/**
 * Language identification with eld (Efficient Language Detector, nitotm), extra-small
 * database: 60 languages, n-gram scores, pure ESM JavaScript with its data in the module (no
 * file loading), ~1 MB minified. Chosen by measurement (scripts/compare-language-detectors.ts):
 * it was the only candidate right on every corpus including 2–5-word headlines, and 10× faster
 * than franc and tinyld; franc-min (171 kB) and tinyld/light (80 kB) are smaller but wrong on
 * a quarter of short headlines.
 *
 * The code of any language eld knows is returned, Latin-script or not; downstream analyses
 * check `isSupportedLanguage` before claiming anything.
 */
import { eld } from 'eld/extrasmall';
import { isSupportedLanguage } from './languages';

export { isSupportedLanguage };

export interface LanguageGuess {
  /** ISO 639-1 code, or null when the text is too short or the guess too weak. */
  language: string | null;
  /** 0 (no idea) … 1 (clear): how far the winner stands above chance and above the runner-up. */
  confidence: number;
}

/**
 * Own instance, so that settings of other users of eld's shared global cannot change ours. Built
 * on first detection: in the extension's build the model itself is evaluated then, not when a
 * script that may never detect a language starts (scripts/build/lazy-language-model.ts).
 */
let detector: ReturnType<typeof eld.newInstance> | null = null;

/** Texts longer than this are sampled: n-gram statistics settle long before (a few kB). */
const MAX_SAMPLE = 12_000;
/** Size of each sampled window (prefix and middle). */
const SAMPLE_WINDOW = 6_000;
/** Below these, letters say more about names than about a language ("Barack Obama", "Source AFP"). */
const MIN_WORDS = 3;
const MIN_LETTERS = 10;
/**
 * eld's best score, per n-gram, is ~0.7–0.82 for real text in any language and ~0.62–0.65 for
 * strings of proper names ("Vladimir Poutine et Barack Obama", "AFP Reuters AP") measured on
 * our corpora: confidence rises from 0 at SCORE_FLOOR to 1 at SCORE_FULL.
 */
const SCORE_FLOOR = 0.6;
const SCORE_FULL = 0.78;
/** A lead of this fraction of the best score over the runner-up counts as fully clear. */
const MARGIN_FULL = 0.15;
/** Guesses below this confidence are reported as null. */
const MIN_CONFIDENCE = 0.3;

const LETTER_RUN = /\p{L}+/gu;
const LATIN_LETTER = /\p{Script=Latin}/gu;
/** Runs of letters from other scripts, removed from mostly-Latin text before detection. */
const NON_LATIN_RUN = /(?:(?!\p{Script=Latin})\p{L})+/gu;

/** Cut `text` to at most MAX_SAMPLE characters: a prefix and a middle window, on spaces. */
function sample(text: string): string {
  if (text.length <= MAX_SAMPLE) return text;
  const window = (from: number): string => {
    const start = Math.max(0, text.lastIndexOf(' ', from) + 1);
    const end = text.lastIndexOf(' ', start + SAMPLE_WINDOW);
    return text.slice(start, end > start ? end : start + SAMPLE_WINDOW);
  };
  return `${window(0)}\n${window(Math.floor(text.length / 2))}`;
}

const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

/** The language of `text` with a confidence in [0, 1]. Never throws; bounded time on any input. */
export function detectLanguageWithConfidence(text: string): LanguageGuess {
  let s = sample(text);
  const words = s.match(LETTER_RUN) ?? [];
  const letters = words.reduce((n, w) => n + w.length, 0);
  if (words.length < MIN_WORDS || letters < MIN_LETTERS) return { language: null, confidence: 0 };

  // A French article quoting a Russian name in Cyrillic is French: drop the minority script.
  const latin = s.match(LATIN_LETTER)?.length ?? 0;
  if (latin >= letters / 2 && latin < letters) s = s.replace(NON_LATIN_RUN, ' ');

  detector ??= eld.newInstance();
  const result = detector.detect(s);
  if (!result.language || !result.isReliable()) return { language: null, confidence: 0 };
  const scores = Object.values(result.getScores()).sort((a, b) => b - a);
  const best = scores[0] ?? 0;
  const second = scores[1] ?? 0;
  const strength = clamp01((best - SCORE_FLOOR) / (SCORE_FULL - SCORE_FLOOR));
  const margin = best > 0 ? clamp01((best - second) / best / MARGIN_FULL) : 0;
  // A weak lead halves the confidence at most: close scores are normal between related
  // languages (es/ca/pt) even on clear text.
  const confidence = strength * (0.5 + 0.5 * margin);
  return confidence >= MIN_CONFIDENCE ? { language: result.language, confidence } : { language: null, confidence };
}

/** ISO 639-1 code of the language of `text`, or null when too short or unsure. */
export function detectLanguage(text: string): string | null {
  return detectLanguageWithConfidence(text).language;
}
