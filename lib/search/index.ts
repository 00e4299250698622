/**
 * Full-text search of stored articles: each word of a query becomes a pattern that finds it in
 * the original text with case, accents and typography ignored, the way `lib/text/normalize`
 * compares texts (`etats` finds `États`, `l'armee` finds `l’armée`, `oeuvre` finds `œuvre`).
 *
 * The texts are searched as they are stored: nothing is normalised or copied per article, so a
 * search over a large corpus costs one regular-expression scan per text, and a match's offsets
 * are already those of the original, ready for a snippet. The patterns are built from the same
 * folding as comparison (each character of the Basic Multilingual Plane is
 * folded once and grouped by what it folds to), so search and comparison agree on what is equal.
 *
 * @module
 */
import { fold, IGNORABLE_CHARACTERS, REPLACEMENTS } from '../text/normalize';
import { eachWordRun } from '../text/word-scan';
import { FOLDS } from './fold-table';


/** Per folded character, every character that folds to it; multi-character folds (œ → oe) apart. */
interface FoldTable {
  single: Map<string, string[]>;
  /** `oe` → [`œ`, `Œ`], `...` → [`…`]. */
  multi: Map<string, string[]>;
}

let table: FoldTable | null = null;

/**
 * Built once, on the first search, from the characters whose fold is not themselves (`FOLDS`,
 * precomputed: folding the 12,000 characters here took 50–150 ms of a new worker's first search).
 * A character folding to itself needs no entry: `charPattern` puts the character itself in its class.
 */
function foldTable(): FoldTable {
  if (table) return table;
  const single = new Map<string, string[]>();
  const multi = new Map<string, string[]>();
  for (const [ch, folded] of FOLDS) {
    const into = folded.length === 1 ? single : multi;
    const list = into.get(folded) ?? [];
    list.push(ch);
    into.set(folded, list);
  }
  // The typographic characters comparison replaces from beyond those blocks (fullwidth quotes, 〝 〞…).
  for (const [ch, folded] of REPLACEMENTS) {
    if (ch.charCodeAt(0) >= 0x3000 && folded.length === 1) single.set(folded, [...(single.get(folded) ?? []), ch]);
  }
  table = { single, multi };
  return table;
}

const escape = (ch: string) => `\\u{${(ch.codePointAt(0) ?? 0).toString(16)}}`;

/**
 * Characters that fold to `c`, and `c` itself, as a class followed by what comparison ignores
 * after it: combining marks and invisible characters (a soft hyphen, `gouver&shy;nement` in a page).
 */
function charPattern(c: string, t: FoldTable): string {
  const variants = new Set([c, ...(t.single.get(c) ?? [])]);
  return `[${[...variants].map(escape).join('')}][\\p{M}${[...IGNORABLE_CHARACTERS].map(escape).join('')}]*`;
}

/**
 * The pattern of one folded word: each character by its class; where a multi-character fold
 * starts (`oe`), either its letters or the one character that folds to them (`œ`).
 */
function wordPattern(word: string, t: FoldTable): string {
  let out = '';
  let i = 0;
  while (i < word.length) {
    const multi = [...t.multi.entries()].find(([folded]) => word.startsWith(folded, i));
    if (multi) {
      const [folded, sources] = multi;
      const letters = [...folded].map((c) => charPattern(c, t)).join('');
      out += `(?:${letters}|[${sources.map(escape).join('')}])`;
      i += folded.length;
    } else {
      const c = String.fromCodePoint(word.codePointAt(i) ?? 0);
      out += charPattern(c, t);
      i += c.length;
    }
  }
  return out;
}

/** A query word this long or longer also finds the words it begins (`etat` finds `etats`); a shorter one, itself only. */
export const PREFIX_FROM = 4;

/**
 * A compiled query: one unit per word or phrase; an article matches when every unit is found.
 * `terms` are each unit's words as the word index keeps them; `patterns` find a unit in a text
 * the way the index does (for snippets, and to check a phrase of three words or more).
 */
export interface SearchQuery {
  /** The query's words, folded. */
  words: string[];
  patterns: RegExp[];
  /** Per unit, its words as the word index keeps them (`foldedWords`). */
  terms: string[][];
  /**
   * Whether the index's answer for a unit is to confirm in the text: words joined by what the
   * query wrote (`États-Unis`, `aujourd'hui`: found as written, which the index does not keep:
   * it keeps words, not what is between them). A phrase of three words or more is confirmed from
   * the index when its counts prove it (`phraseProven`), in the text otherwise.
   */
  textCheck: boolean[];
}

/** Between two words of a phrase: anything but a letter or a digit. */
const GAP = '[^\\p{L}\\p{N}]+';

/**
 * Words of a query, folded as comparison folds them; an empty query has none. Words between
 * double quotes (`"national emergency"`, `« état d'urgence »`) are one phrase, as are the words of
 * one unquoted token (`États-Unis`, found as written): whole words side by side in this order,
 * the last one also the start of a longer word from `PREFIX_FROM` letters (as a word alone).
 */
export function compileQuery(query: string): SearchQuery {
  const folded = fold(query);
  const units: string[] = [];
  // Typographic quotes fold to `"`: quoted runs are phrases, the rest words.
  folded.split('"').forEach((part, i) => {
    if (i % 2 === 1) units.push(part.trim());
    else units.push(...part.split(' '));
  });
  const kept = [...new Set(units.filter((u) => foldedWords(u).length > 0))];
  const t = kept.length > 0 ? foldTable() : null;
  const terms = kept.map((u) => foldedWords(u));
  return {
    words: terms.flat(),
    patterns: kept.map((u, i) => new RegExp(unitPattern(u.split(' '), terms[i]!, t!), 'u')),
    terms,
    textCheck: kept.map((u) => u.split(' ').some((token) => foldedWords(token).length > 1)),
  };
}

/** Letters, digits and what is part of a word (as `eachWordRun` reads one): not before a unit's first word, nor after a short last word. */
const IN_WORD = `\\p{L}\\p{N}\\p{M}${[...IGNORABLE_CHARACTERS].map(escape).join('')}`;

/** A unit's tokens (as written) side by side, whole words (the last one possibly begun, from `PREFIX_FROM` letters). */
function unitPattern(tokens: string[], words: string[], t: FoldTable): string {
  const last = words[words.length - 1]!;
  return `(?<![${IN_WORD}])${tokens.map((w) => wordPattern(w, t)).join(GAP)}${last.length >= PREFIX_FROM ? '' : `(?![${IN_WORD}])`}`;
}

const foldedCache = new Map<string, string[]>();

/**
 * Calls `visit` with each word of a text as search compares them (see `foldedWords`), in order:
 * runs of letters, digits and what comparison ignores inside a word (marks, soft hyphens),
 * folded. Read without a match object per word (`eachWordRun`); a run of ASCII lower-case letters
 * and digits is its own folded word, the others are folded once each (cached).
 */
export function eachFoldedWord(text: string, visit: (word: string) => void): void {
  eachWordRun(text, (raw, plain) => {
    if (plain) {
      visit(raw);
      return;
    }
    let words = foldedCache.get(raw);
    if (!words) {
      if (foldedCache.size > 500_000) foldedCache.clear();
      words = fold(raw).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      foldedCache.set(raw, words);
    }
    for (const w of words) visit(w);
  });
}

/**
 * The words of a text as search compares them: runs of letters and digits, folded (`États` →
 * `etats`, `œuvre` → `oeuvre`); `aujourd'hui` is two words. Each distinct word is folded once
 * (cached), which makes this fast enough to index a whole corpus.
 */
export function foldedWords(text: string): string[] {
  const out: string[] = [];
  eachFoldedWord(text, (w) => out.push(w));
  return out;
}

/**
 * Two words side by side as the word index keeps them (next to the words: a phrase of two words is
 * one look-up, Williams, Zobel & Bahle, *Fast phrase querying with combined indexes*, ACM TOIS 22,
 * 2004). They begin with U+0001, before every word, so that the words a word begins (`etat` to
 * `etat\uffff`) hold no pair, and the pairs a pair begins (`\u0001etat d` to `\u0001etat d\uffff`) no word.
 */
export const PAIR_MARK = '\u0001';
export const pairTerm = (first: string, second: string) => `${PAIR_MARK}${first} ${second}`;

/**
 * Whether an article surely holds a phrase of words w₁ … wₙ (n ≥ 3) side by side, from what the
 * word index knows of it without positions: `pairs[k]`, how many times wₖ₊₁ follows wₖ (k = 0 …
 * n − 2), and `words[k]`, how many times the middle word wₖ₊₂ is there (k = 0 … n − 3). By the
 * pigeonhole principle: if L occurrences of wₖ are known to end w₁ … wₖ, and P of its occurrences
 * are followed by wₖ₊₁, at least L + P − count(wₖ) occurrences do both, and so end w₁ … wₖ₊₁;
 * starting from L = pairs[0], the phrase is there when the bound stays above zero to the end
 * (a lower bound only: false says "not proven", for the text to tell).
 *
 * Sound for the word index's counts under three conditions the caller keeps: counts of pairs may be
 * lower than the truth (capped, or the largest of several pairs a begun last word finds) but no
 * word's count may be (a count of 255 is capped: not proven); and every occurrence counted in a pair weighs as
 * much as its two words do (a title word weighs more in the word index, extension/storage/word-index.ts, and the pair of the
 * title's last word with the site's first weighs as the title: the caller does not use this when
 * the title's last word is one of w₁ … wₙ₋₁).
 */
export function phraseProven(pairs: readonly number[], words: readonly number[]): boolean {
  let known = pairs[0] ?? 0;
  for (let k = 0; k < words.length; k++) {
    const count = words[k]!;
    if (count >= 255) return false;
    known += (pairs[k + 1] ?? 0) - count;
    if (known <= 0) return false;
  }
  return known > 0;
}

export interface TextMatch {
  start: number;
  end: number;
}

/** The first place `pattern` matches in `text`, or null. */
export function findIn(pattern: RegExp, text: string): TextMatch | null {
  const m = pattern.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}

/** What a snippet shows: some words before the match, the match, some words after. */
export interface Snippet {
  before: string;
  match: string;
  after: string;
}

/**
 * A short extract around `match`: about `context` characters each side, cut at word boundaries,
 * whitespace runs (paragraph breaks) shown as one space, `…` where the text goes on.
 */
export function snippetAround(text: string, match: TextMatch, context = 80): Snippet {
  let from = Math.max(0, match.start - context);
  let to = Math.min(text.length, match.end + context);
  // Start and end on whole words.
  if (from > 0) {
    const space = text.slice(from, match.start).search(/\s/u);
    if (space >= 0) from += space + 1;
  }
  if (to < text.length) {
    const tail = text.slice(match.end, to);
    const lastSpace = Math.max(tail.lastIndexOf(' '), tail.lastIndexOf('\n'));
    if (lastSpace > 0) to = match.end + lastSpace;
  }
  const tidy = (s: string) => s.replace(/\s+/gu, ' ');
  return {
    before: (from > 0 ? '…' : '') + tidy(text.slice(from, match.start)).trimStart(),
    match: tidy(text.slice(match.start, match.end)),
    after: tidy(text.slice(match.end, to)).trimEnd() + (to < text.length ? '…' : ''),
  };
}

/** A stored article's searchable fields. */
export interface Searchable {
  title: string | null;
  site: string | null;
  url: string;
  text: string;
}

/**
 * Whether `article` holds every word of `query` in its title, site, URL or text; when it does,
 * the snippet is taken around the first word found in the text (null when every word is in the
 * title, site or URL only). An empty query matches everything, without a snippet.
 */
export function matchArticle(query: SearchQuery, article: Searchable): { snippet: Snippet | null } | null {
  if (query.patterns.length === 0) return { snippet: null };
  const meta = `${article.title ?? ''}\n${article.site ?? ''}\n${article.url}`;
  let first: TextMatch | null = null;
  for (const pattern of query.patterns) {
    // The text is scanned only when needed: for a word not in the metadata, or for the snippet.
    if (pattern.test(meta) && first) continue;
    const found = findIn(pattern, article.text);
    if (!found) {
      if (pattern.test(meta)) continue;
      return null;
    }
    first ??= found;
  }
  return { snippet: first ? snippetAround(article.text, first) : null };
}
