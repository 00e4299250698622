/**
 * Runs of word characters read one UTF-16 unit at a time, without a regular expression's match
 * objects: `text.matchAll(/[…]+/gu)` allocates an array (and its iterator result) per word, which
 * made the word index's tokenising of an import most of its garbage. Each character is classed once
 * (memoised per unit of the Basic Multilingual Plane, per code point beyond it) by the same Unicode
 * properties the regular expressions name, so the runs are exactly theirs.
 *
 * @module
 */
import { IGNORABLE_CHARACTERS } from './normalize';

/** A letter or a digit (`[\p{L}\p{N}]`). */
const LETTER = 1;
/** A combining mark or an ignorable character (`\p{M}`, `IGNORABLE_CHARACTERS`): inside a search word, not a counted one. */
const MARK = 2;
/** Anything else. */
const OTHER = 3;

const LETTER_ONE = /^[\p{L}\p{N}]$/u;
const MARK_ONE = new RegExp(`^[\\p{M}${IGNORABLE_CHARACTERS}]$`, 'u');

const classify = (ch: string) => (LETTER_ONE.test(ch) ? LETTER : MARK_ONE.test(ch) ? MARK : OTHER);

/**
 * A reader of the code point at `i` of a text: its class (`classify`, never 0) times 4 plus its
 * width in units (2 for a surrogate pair, 1 otherwise), packed so that a hot loop reads both
 * without an allocation. Each class is found once, memoised per unit of the Basic Multilingual
 * Plane (a lone surrogate is classed as the `u` flag reads it) and per code point beyond it.
 */
function codePointReader(classify: (point: string) => number): (text: string, i: number) => number {
  const bmp = new Uint8Array(65_536);
  const astral = new Map<number, number>();
  return (text, i) => {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        const point = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
        let k = astral.get(point);
        if (k === undefined) {
          k = classify(String.fromCodePoint(point));
          astral.set(point, k);
        }
        return k * 4 + 2;
      }
    }
    let k = bmp[c]!;
    if (k === 0) {
      k = classify(String.fromCharCode(c));
      bmp[c] = k;
    }
    return k * 4 + 1;
  };
}

/** The character at `i` as its class (`LETTER`, `MARK`, `OTHER`) times 4 plus its width. */
const charAt = codePointReader(classify);

/** ASCII letters and digits: lower case and digits 1, upper case 2, others 0. */
const ASCII = Uint8Array.from({ length: 128 }, (_, c) => (/[a-z0-9]/.test(String.fromCharCode(c)) ? 1 : /[A-Z]/.test(String.fromCharCode(c)) ? 2 : 0));

/**
 * Calls `visit` with each maximal run of letters, digits, combining marks and ignorable characters
 * (`/[\p{L}\p{N}\p{M}…]+/gu`'s matches), in order, and whether it is plain: ASCII lower-case
 * letters and digits only (what folding leaves as it is).
 */
export function eachWordRun(text: string, visit: (run: string, plain: boolean) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    let at = charAt(text, i);
    if (at >> 2 === OTHER) {
      i += at & 3;
      continue;
    }
    const start = i;
    let plain = true;
    do {
      if (plain) {
        const c = text.charCodeAt(i);
        plain = c < 128 && ASCII[c] === 1;
      }
      i += at & 3;
    } while (i < n && (at = charAt(text, i)) >> 2 !== OTHER);
    visit(text.slice(start, i), plain);
  }
}

/** How many maximal runs of letters and digits `text` holds: `text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0`, counted without building them. */
export function countLetterRuns(text: string): number {
  const n = text.length;
  let count = 0;
  let inRun = false;
  for (let i = 0; i < n;) {
    const at = charAt(text, i);
    const letter = at >> 2 === LETTER;
    if (letter && !inRun) count++;
    inRun = letter;
    i += at & 3;
  }
  return count;
}

/** A letter 1, a lower-case letter 2, neither 3. */
const letterCase = (point: string): number => (/^\p{Ll}$/u.test(point) ? 2 : /^\p{L}$/u.test(point) ? 1 : 3);
/** The code point at `i` as its class (`letterCase`) times 4 plus its width in units. */
const caseAt = codePointReader(letterCase);

/** A set of words found in a text, looked up by a hash of their characters (FNV-1a). */
export interface WordSet {
  has(word: string): boolean;
  /** The words, in the order they were first found. */
  values(): string[];
}

/**
 * The words a text writes starting in lower case: every match of the expression
 * `(?<![\p{L}])\p{Ll}[\p{L}'’-]*` (flags `gu`), read in one pass without it (its look-behind, tried
 * at every position of a long text, made it a tenth of quote extraction's time), each word kept
 * once and no string made for a word found before.
 */
export function lowerCaseWords(text: string): WordSet {
  const byHash = new Map<number, string | string[]>();
  const order: string[] = [];
  const hashOf = (s: string, start: number, end: number): number => {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    // (30 bits: a small integer for V8, which a Map hashes without boxing it.)
    return h & 0x3fffffff;
  };
  const same = (w: string, s: string, start: number, end: number): boolean => w.length === end - start && s.startsWith(w, start);
  const find = (s: string, start: number, end: number, h: number): boolean => {
    const hit = byHash.get(h);
    if (hit === undefined) return false;
    if (typeof hit === 'string') return same(hit, s, start, end);
    for (const w of hit) if (same(w, s, start, end)) return true;
    return false;
  };
  const n = text.length;
  let afterLetter = false;
  let i = 0;
  while (i < n) {
    // (ASCII read from a table, the rest by `caseAt`; the word's hash made as it is read: a
    // fifth of preparing a long text was this pass, issue 16.)
    const c0 = text.charCodeAt(i);
    let kind: number;
    let width = 1;
    if (c0 < 128) kind = ASCII_CASE[c0]!;
    else {
      const at = caseAt(text, i);
      kind = at >> 2;
      width = at & 3;
    }
    if (kind === 2 && !afterLetter) {
      const start = i;
      let h = Math.imul(0x811c9dc5 ^ c0, 0x01000193);
      if (width === 2) h = Math.imul(h ^ text.charCodeAt(i + 1), 0x01000193);
      i += width;
      afterLetter = true;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === 0x27 || c === 0x2019 || c === 0x2d) {
          afterLetter = false;
          h = Math.imul(h ^ c, 0x01000193);
          i++;
          continue;
        }
        if (c < 128) {
          if (ASCII_CASE[c] === 3) break;
          h = Math.imul(h ^ c, 0x01000193);
          i++;
        } else {
          const next = caseAt(text, i);
          if (next >> 2 === 3) break;
          h = Math.imul(h ^ c, 0x01000193);
          if ((next & 3) === 2) h = Math.imul(h ^ text.charCodeAt(i + 1), 0x01000193);
          i += next & 3;
        }
        afterLetter = true;
      }
      h &= 0x3fffffff;
      if (!find(text, start, i, h)) {
        const word = text.slice(start, i);
        const hit = byHash.get(h);
        byHash.set(h, hit === undefined ? word : typeof hit === 'string' ? [hit, word] : [...hit, word]);
        order.push(word);
      }
      continue;
    }
    afterLetter = kind !== 3;
    i += width;
  }
  return {
    has: (word) => find(word, 0, word.length, hashOf(word, 0, word.length)),
    values: () => [...order],
  };
}

/** `letterCase` of each ASCII character: a-z 2, A-Z 1, the rest 3. */
const ASCII_CASE = Uint8Array.from({ length: 128 }, (_, c) => letterCase(String.fromCharCode(c)));

/** The class (`letterCase`) of the code point ending at `end` of `text`, and its width in units; 3 and 0 at the start. */
function classBefore(text: string, end: number): [number, number] {
  if (end <= 0) return [3, 0];
  const low = text.charCodeAt(end - 1);
  const width = end >= 2 && low >= 0xdc00 && low <= 0xdfff && text.charCodeAt(end - 2) >= 0xd800 && text.charCodeAt(end - 2) <= 0xdbff ? 2 : 1;
  return [caseAt(text, end - width) >> 2, width];
}

/** Whether a letter (`\p{L}`, a surrogate pair read whole) ends at `end` in `text`. */
export const letterEndsAt = (text: string, end: number): boolean => classBefore(text, end)[0] !== 3;

/** Whether a letter (`\p{L}`, a surrogate pair read whole) starts at `at` in `text`. */
export const letterStartsAt = (text: string, at: number): boolean => at < text.length && caseAt(text, at) >> 2 !== 3;

/** A lower-case word as `lowerCaseWords` finds them: a lower-case letter, then letters, apostrophes and hyphens. */
const LOWER_CASE_WORD = /^\p{Ll}[\p{L}'’-]*$/u;

/** Whether UTF-16 unit `c` is an apostrophe or a hyphen that a lower-case word goes on over (`'`, `’`, `-`). */
const isJoiner = (c: number): boolean => c === 0x27 || c === 0x2019 || c === 0x2d;

/**
 * `lowerCaseWords(text).has(word)`, answered for the words asked about only: each looked for
 * where the text writes it (`indexOf`), and kept. A word is one of them where the text writes it
 * after no letter, followed by no letter, apostrophe or hyphen (the match goes on over those),
 * and not inside an earlier match: none opens in the run of letters, apostrophes and hyphens
 * before it (`jusqu'au` holds no `au`). Past LOOKED_FOR words, a reading of the text each (most
 * asked about are names, which the text does not write in lower case: `indexOf` reads it to its
 * end), the text's words are read into a set once (`lowerCaseWords`) and the rest answered from
 * it. The speakers asked about 11 and 25 words of the texts of 5 MB of the long case, whose words
 * read into a set cost 60 to 80 ms each, the words looked for 20 (issue 16).
 */
export function lowerCaseWordFinder(text: string): { has(word: string): boolean } {
  const known = new Map<string, boolean>();
  let all: WordSet | null = null;
  const n = text.length;
  const before = (end: number): [number, number] => classBefore(text, end);
  // Whether a match opens in the run of letters, apostrophes and hyphens ending at `p` (and goes on to it).
  const matchedBefore = (p: number): boolean => {
    let s = p;
    for (;;) {
      const [k, width] = before(s);
      if (width === 0 || (k === 3 && !isJoiner(text.charCodeAt(s - 1)))) break;
      s -= width;
    }
    let afterLetter = false;
    for (let q = s; q < p;) {
      const at = caseAt(text, q);
      if (at >> 2 === 2 && !afterLetter) return true;
      afterLetter = at >> 2 !== 3;
      q += at & 3;
    }
    return false;
  };
  const find = (word: string): boolean => {
    if (!LOWER_CASE_WORD.test(word)) return false;
    for (let p = text.indexOf(word); p >= 0; p = text.indexOf(word, p + 1)) {
      if (before(p)[0] !== 3) continue;
      const end = p + word.length;
      if (end < n && (caseAt(text, end) >> 2 !== 3 || isJoiner(text.charCodeAt(end)))) continue;
      if (isJoiner(text.charCodeAt(p - 1)) && matchedBefore(p)) continue;
      return true;
    }
    return false;
  };
  return {
    has(word) {
      if (all !== null) return all.has(word);
      let found = known.get(word);
      if (found === undefined) {
        if (known.size >= LOOKED_FOR) {
          all = lowerCaseWords(text);
          return all.has(word);
        }
        known.set(word, (found = find(word)));
      }
      return found;
    },
  };
}

/** How many words `lowerCaseWordFinder` looks for in the text before it reads all of its words. */
const LOOKED_FOR = 32;
