/**
 * The line model shared by both extraction paths, and the cheap per-line features the removal
 * steps read. A "line" is one paragraph-sized unit: a non-empty line of a plain-text capture, or
 * one block (p, h2, li, figcaption…) of the library's extracted HTML.
 *
 * @module
 */
import type { Removal } from './types';

/** What produced a line; only the DOM path knows more than `text`. */
export type LineKind = 'text' | 'p' | 'heading' | 'li' | 'caption' | 'quote' | 'pre';

export interface Line {
  /** Position in `PageLines.lines`. */
  index: number;
  /** Whitespace-collapsed, trimmed text (what ends up in the article). */
  text: string;
  /** {@link foldLine} of `text`, for lexicon comparisons. */
  folded: string;
  /** Number of word tokens (letters or digits). */
  words: number;
  kind: LineKind;
}

/** Lines plus the verdicts so far; steps read it and return what they want removed. */
export interface PageLines {
  lines: Line[];
  /** `removed[i]` is set once some step took line i. */
  removed: (Removal | null)[];
  /** Index of the headline line in text mode, when found. */
  titleIndex: number | null;
  /** Title known from metadata (DOM path) or detected (text path). */
  title: string | null;
  mode: 'text' | 'dom';
}

/** A line a step wants removed. */
export interface Verdict {
  index: number;
  reason: string;
  /** Set by the `title` step: the line is the headline (kept apart, not debris). */
  title?: boolean;
}

/** One removal step: a pure function from the page so far to the lines it removes. */
export interface Step {
  /** Step name recorded in `Removal.step` (defuddle's debug-removal `step`). */
  name: string;
  run(page: PageLines): Verdict[];
}

/**
 * What may close a sentence after its full stop: brackets and the closing quotation marks of every
 * Latin-script press (`”`, `»`, German and Czech `“` of `„…“`, German and Danish `«` of `»…«`,
 * `‘` of `‚…‘`, `›`). Without `“` a German or Czech paragraph ending on a quotation read as no
 * sentence: a headline, or a label below the body.
 */
export const CLOSERS = `"'»«”“’‘›‹)\\]`;

// All regular expressions in one place so they are built once (the Readability habit).
export const RE = {
  space: /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g,
  word: /[\p{L}\p{N}]+/gu,
  bullet: /^[\s•·▪▸►\-–—*>|]+/u,
  edgePunct: /^[\s"'«»“”„‘’‚‹›()[\]{}:;,.!?…\-–—•·]+|[\s"'«»“”„‘’‚‹›()[\]{}:;,.!?…\-–—•·]+$/gu,
  apostrophe: /[’‘`´]/g,
  /** Sentence-final punctuation, allowing closing quotes/brackets after it. */
  terminal: new RegExp(`[.!?…:;][${CLOSERS}]*$|[.!?]\\s*[»«”“"]$`, 'u'),
  /** A full stop followed by more text: the line holds a sentence even if it ends oddly ("… voraus. (bsc)"). */
  innerSentenceEnd: new RegExp(`\\p{Ll}[.!?][${CLOSERS}]?\\s+\\S`, 'u'),
  ellipsisEnd: /(?:\.{2,}|…)\s*$/u,
  upper: /\p{Lu}/gu,
  letter: /\p{L}/gu,
} as const;

/** Collapse all Unicode whitespace to single spaces and trim. */
export function collapse(s: string): string {
  return s.replace(RE.space, ' ').trim();
}

/** Lower-case, straight apostrophes, no leading bullets or surrounding punctuation. */
export function foldLine(s: string): string {
  return collapse(s)
    .toLowerCase()
    .replace(RE.apostrophe, "'")
    .replace(RE.bullet, '')
    .replace(RE.edgePunct, '')
    .trim();
}

export function wordCount(s: string): number {
  let n = 0;
  for (const _ of s.matchAll(RE.word)) n++;
  return n;
}

/** Word tokens, lower-cased: the unit of near-duplicate detection and of scoring. */
export function wordTokens(s: string): string[] {
  return s.normalize('NFKC').toLowerCase().replace(RE.apostrophe, "'").match(RE.word) ?? [];
}

export function endsLikeSentence(text: string): boolean {
  return RE.terminal.test(text);
}

/** Share of letters that are upper-case (shouting comments, all-caps author names). */
export function upperRatio(text: string): number {
  const letters = text.match(RE.letter)?.length ?? 0;
  if (letters === 0) return 0;
  return (text.match(RE.upper)?.length ?? 0) / letters;
}

/**
 * A line that reads as running prose: a sentence of some length. Used to find where the body
 * starts and ends. Thresholds: 12 words is about the shortest news paragraph; a 25-word line
 * without final punctuation is still prose (truncated captures), and so is a 12-word line
 * holding a complete sentence followed by something else (an author's initials, a link).
 */
export function isProse(line: Line): boolean {
  if (line.kind === 'heading' || line.kind === 'caption') return false;
  return (line.words >= 12 && (endsLikeSentence(line.text) || RE.innerSentenceEnd.test(line.text))) || line.words >= 25;
}

export function makeLine(text: string, index: number, kind: LineKind = 'text'): Line {
  const t = collapse(text);
  return { index, text: t, folded: foldLine(t), words: wordCount(t), kind };
}

export function isKept(page: PageLines, i: number): boolean {
  return page.removed[i] == null && i !== page.titleIndex;
}

/** Indexes of lines still kept, in order. */
export function keptIndexes(page: PageLines): number[] {
  const out: number[] = [];
  for (let i = 0; i < page.lines.length; i++) if (isKept(page, i)) out.push(i);
  return out;
}

/** True when `folded` equals one of the phrases (all already folded). */
export function inLexicon(folded: string, phrases: ReadonlySet<string>): boolean {
  return phrases.has(folded);
}

/** Escape a string for use inside a RegExp. */
export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** An alternation of phrases, longest first so the longest prefix wins. */
export function alternation(phrases: readonly string[]): string {
  return [...new Set(phrases)].sort((a, b) => b.length - a.length).map(escapeRe).join('|');
}

/** First and last index of prose lines still kept (the body core), or null when none. */
export function proseBounds(page: PageLines): { first: number; last: number } | null {
  let first = -1;
  let last = -1;
  for (let i = 0; i < page.lines.length; i++) {
    if (!isKept(page, i)) continue;
    const line = page.lines[i]!;
    if (!isProse(line)) continue;
    if (first < 0) first = i;
    last = i;
  }
  return first < 0 ? null : { first, last };
}
