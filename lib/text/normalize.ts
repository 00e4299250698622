/**
 * Text normalisation for comparison, with an offset map back to the original.
 *
 * Two articles quoting the same words differ in typography (’ vs ', « » vs " ", non-breaking
 * spaces, – vs -), case and sometimes accents (capitals are often written without them in
 * French: "Etats-Unis"). Everything that compares text goes through the same normalisation on
 * both sides, and `normalizeWithMap` lets a match found in normalised text be reported as the
 * exact range of the original (after Hypothesis' `rendered-text.ts` offset map).
 */
import type { Span } from './span';

/** Characters replaced by a fixed string; anything not listed is kept (then NFC + lower-cased). */
export const REPLACEMENTS: ReadonlyMap<string, string> = new Map([
  // Single quotes, apostrophes and primes → '
  ...[...'’‘‚‛′‵‹›ʼʹ＇`´'].map((c): [string, string] => [c, "'"]),
  // Double quotes and guillemets → "
  ...[...'«»“”„‟″‶〝〞＂"'].map((c): [string, string] => [c, '"']),
  // Hyphens, dashes and the minus sign → -
  ...[...'‐‑‒–—―−⁃﹘﹣－'].map((c): [string, string] => [c, '-']),
  ['…', '...'],
]);

/**
 * Invisible characters dropped outright: soft hyphen (web pages hyphenate with &shy;), zero-width
 * space, word joiner, BOM. ZWJ/ZWNJ are kept: they change the rendering of Indic and emoji text.
 */
export const IGNORABLE_CHARACTERS = '\u00AD\u200B\u2060\uFEFF';
const IGNORABLE = new RegExp(`^[${IGNORABLE_CHARACTERS}]$`, 'u');

/** `\s` covers NBSP, narrow NBSP (U+202F, French "« »"), thin and other Unicode spaces, line breaks. */
const WHITESPACE = /^\s$/u;

const COMBINING_MARKS = /\p{M}+/gu;

/**
 * Letters that do not decompose under NFD but have an accepted ASCII spelling
 * (œ and æ are ligatures; ß is "ss" in Swiss German spelling; ø, ł, đ are distinct letters in
 * their languages but are routinely typed without the stroke elsewhere).
 */
const FOLDED_LETTERS: ReadonlyMap<string, string> = new Map([
  ['œ', 'oe'], ['Œ', 'OE'], ['æ', 'ae'], ['Æ', 'AE'], ['ß', 'ss'], ['ẞ', 'SS'],
  ['ø', 'o'], ['Ø', 'O'], ['ł', 'l'], ['Ł', 'L'], ['đ', 'd'], ['Đ', 'D'], ['ð', 'd'], ['Ð', 'D'],
  ['þ', 'th'], ['Þ', 'TH'], ['ı', 'i'], ['ħ', 'h'], ['Ħ', 'H'],
]);
const ASCII = /^[\x00-\x7f]*$/;
const FOLDED_LETTER_RE = new RegExp(`[${[...FOLDED_LETTERS.keys()].join('')}]`, 'gu');

/**
 * Accent-insensitive form: NFD, combining marks stripped, then the non-decomposing letters of
 * `FOLDED_LETTERS` spelled out. Case is kept. `foldAccents('Œuvre à Łódź') === 'OEuvre a Lodz'`.
 */
export function foldAccents(s: string): string {
  // ASCII has no accents and no folded letters: nothing to do (most words of Latin-script news).
  if (ASCII.test(s)) return s;
  return s
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(FOLDED_LETTER_RE, (c) => FOLDED_LETTERS.get(c) ?? c)
    .normalize('NFC');
}

export interface NormalizeOptions {
  /** Also strip accents (see `foldAccents`). Default false. */
  foldAccents?: boolean;
}

export interface NormalizedText {
  /** The normalised text. */
  text: string;
  /**
   * Offset in the original of normalised offset `i` (0 ≤ i ≤ text.length). Maps a start
   * boundary: the original index where the character at `i` begins; `text.length` maps to the
   * end of the last kept character.
   */
  toOriginal: (i: number) => number;
  /**
   * The original range covered by the normalised range `[start, end)`: from where the first
   * character's source begins to where the last one's source ends. An expansion (… → "...")
   * partly covered maps to its whole source character; a collapsed space run to the whole run.
   */
  toOriginalSpan: (start: number, end: number) => Span;
}

/** Lower-cased, NFC form of one cluster that has no replacement. */
function normalizeCluster(cluster: string, fold: boolean): string {
  // toLowerCase is locale-independent (unlike toLocaleLowerCase: no Turkish dotless-i surprises).
  const lower = cluster.normalize('NFC').toLowerCase();
  return fold ? foldAccents(lower) : lower;
}

/** Growable pair of Int32Arrays: 8 bytes per output unit instead of two boxed number arrays. */
class OffsetMap {
  starts = new Int32Array(256);
  ends = new Int32Array(256);
  length = 0;

  push(start: number, end: number, count: number): void {
    if (count === 1 && this.length < this.starts.length) {
      this.starts[this.length] = start;
      this.ends[this.length] = end;
      this.length += 1;
      return;
    }
    if (this.length + count > this.starts.length) {
      const size = Math.max(this.starts.length * 2, this.length + count);
      const starts = new Int32Array(size);
      const ends = new Int32Array(size);
      starts.set(this.starts.subarray(0, this.length));
      ends.set(this.ends.subarray(0, this.length));
      this.starts = starts;
      this.ends = ends;
    }
    this.starts.fill(start, this.length, this.length + count);
    this.ends.fill(end, this.length, this.length + count);
    this.length += count;
  }
}

/**
 * The one normalisation loop. Each cluster (base + combining marks) is normalised on its own,
 * which equals whole-string NFC for Latin, Greek and Cyrillic text; it would differ only for
 * conjoining Hangul jamo and Greek final sigma, neither of which we compare.
 */
function normalizeCore(s: string, fold: boolean, map: OffsetMap | null): string {
  const parts: string[] = [];
  const ascii = fold ? FOLDED_ASCII : PLAIN_ASCII;
  let emitted = 0;
  // A whitespace run becomes one space, only between two kept characters (so also trimmed).
  let spaceStart = -1;
  let spaceEnd = -1;
  // Characters kept as they are, copied in one slice: [runStart, runEnd) of `s`.
  let runStart = 0;
  let runEnd = 0;
  const n = s.length;
  let i = 0;
  while (i < n) {
    const start = i;
    const code = s.charCodeAt(i);
    let piece: string;
    if (code < 0x80 && (i + 1 >= n || s.charCodeAt(i + 1) < 0x300)) {
      // ASCII not followed by a combining mark (the common case): one table look-up.
      i += 1;
      piece = ascii[code] ??= classify(s[start]!, fold);
    } else {
      i = clusterEnd(s, i, n);
      piece = classify(s.slice(start, i), fold);
    }
    if (piece === DROP) continue;
    if (piece === SPACE) {
      if (spaceStart < 0) spaceStart = start;
      spaceEnd = i;
      continue;
    }
    if (spaceStart >= 0 && emitted > 0 && runEnd === spaceStart && spaceEnd === spaceStart + 1 && s[spaceStart] === ' ') {
      // A single plain space inside a run stays in it.
      map?.push(spaceStart, spaceEnd, 1);
      emitted += 1;
      runEnd = spaceEnd;
    } else if (spaceStart >= 0 && emitted > 0) {
      if (runEnd > runStart) parts.push(s.slice(runStart, runEnd));
      runStart = runEnd = 0;
      parts.push(' ');
      map?.push(spaceStart, spaceEnd, 1);
      emitted += 1;
    }
    spaceStart = -1;
    if (piece.length === i - start && s.startsWith(piece, start)) {
      // Kept as written: extend the pending run, or start a new one here.
      if (runEnd !== start) {
        if (runEnd > runStart) parts.push(s.slice(runStart, runEnd));
        runStart = start;
      }
      runEnd = i;
    } else {
      if (runEnd > runStart) parts.push(s.slice(runStart, runEnd));
      runStart = runEnd = 0;
      parts.push(piece);
    }
    map?.push(start, i, piece.length);
    emitted += piece.length;
  }
  if (runEnd > runStart) parts.push(s.slice(runStart, runEnd));
  return parts.join('');
}

/**
 * Text that normalisation leaves as it is, with or without folding accents: printable ASCII but
 * capitals and the backtick, words separated by single spaces (most words a tokenizer gives).
 */
const UNCHANGED = /^[!-@[-_a-~]+(?: [!-@[-_a-~]+)*$/;

/** `classify` of each ASCII character, filled on first use. */
const PLAIN_ASCII: (string | undefined)[] = new Array(128);
const FOLDED_ASCII: (string | undefined)[] = new Array(128);

const IS_MARK = /^\p{M}$/u;

/** Where the character at `i` ends with the combining marks after it (none below U+0300, so the common case costs one compare). */
function clusterEnd(s: string, i: number, n: number): number {
  i += (s.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
  while (i < n && s.charCodeAt(i) >= 0x300) {
    const ch = String.fromCodePoint(s.codePointAt(i) ?? 0);
    if (!IS_MARK.test(ch)) break;
    i += ch.length;
  }
  return i;
}
/** Sentinels returned by `classify`; compared by identity, they never equal a real piece. */
const DROP = '\u0000drop';
const SPACE = '\u0000space';

/**
 * What a cluster becomes: DROP, SPACE or its normalised text. Memoised: news text uses a few
 * hundred distinct clusters, and the regex tests and `normalize` calls dominate otherwise.
 */
function classify(cluster: string, fold: boolean): string {
  const cache = fold ? FOLDED_CACHE : PLAIN_CACHE;
  let piece = cache.get(cluster);
  if (piece !== undefined) return piece;
  const first = String.fromCodePoint(cluster.codePointAt(0) ?? 0);
  if (IGNORABLE.test(first)) piece = DROP;
  else if (WHITESPACE.test(first)) piece = SPACE;
  // Marks on a replaced character (a quote with a stray accent) go with it.
  else piece = REPLACEMENTS.get(first) ?? normalizeCluster(cluster, fold);
  if (piece.length === 0) piece = DROP;
  if (cache.size >= MAX_CACHE) cache.clear();
  cache.set(cluster, piece);
  return piece;
}
const MAX_CACHE = 20_000;
const PLAIN_CACHE = new Map<string, string>();
const FOLDED_CACHE = new Map<string, string>();

/**
 * Normalise like `normalizeForComparison` and keep, for every output UTF-16 unit, the
 * `[start, end)` of the original cluster it came from.
 */
export function normalizeWithMap(s: string, options: NormalizeOptions = {}): NormalizedText {
  if (UNCHANGED.test(s)) {
    // Already in comparison form: the map is the identity, no arrays needed.
    const at = (i: number): number => Math.min(Math.max(i, 0), s.length);
    return { text: s, toOriginal: at, toOriginalSpan: (start, end) => (end <= start ? { start: at(start), end: at(start) } : { start: at(start), end: Math.min(end, s.length) }) };
  }
  const map = new OffsetMap();
  const text = normalizeCore(s, options.foldAccents ?? false, map);
  const { starts, ends } = map;
  const n = map.length;
  const lastEnd = n > 0 ? (ends[n - 1] ?? 0) : 0;
  const toOriginal = (i: number): number => {
    if (n === 0) return 0;
    if (i <= 0) return starts[0] ?? 0;
    if (i >= n) return lastEnd;
    return starts[i] ?? lastEnd;
  };
  const toOriginalSpan = (start: number, end: number): Span => {
    if (end <= start) {
      const at = toOriginal(start);
      return { start: at, end: at };
    }
    return { start: toOriginal(start), end: n === 0 ? 0 : (ends[Math.min(end, n) - 1] ?? lastEnd) };
  };
  return { text, toOriginal, toOriginalSpan };
}

/**
 * The comparison form of a string: typographic quotes, apostrophes, dashes and spaces made plain,
 * whitespace collapsed and trimmed, … → "...", NFC, lower case. Accents are kept; apply
 * `foldAccents` (or `normalizeWithMap(s, { foldAccents: true })`) for accent-insensitive matching.
 */
export function normalizeForComparison(s: string): string {
  if (UNCHANGED.test(s)) return s;
  return normalizeCore(s, false, null);
}

/**
 * The comparison form with accents folded: what every token (`Token.norm`), stop word, lexicon
 * word and search key is compared in. `fold('« Œuvre »') === '"oeuvre"'`.
 */
export function fold(s: string): string {
  return foldAccents(normalizeForComparison(s));
}

/**
 * The words of a normalised text, in typed columns: what `normalizeWithMap(s, options)` then a
 * `/[\p{L}\p{N}]+/gu` pass over its text give (each run of letters and digits, with the original
 * span `toOriginalSpan` maps it to), without building the normalised text or its offset map.
 */
export interface NormalizedWords {
  /** Number of words. */
  count: number;
  /** Original `[start, end)` of word `i`. */
  starts: Int32Array;
  ends: Int32Array;
  /** The normalised words' UTF-16 units end to end: word `i` is `chars[offsets[i], offsets[i + 1])`. */
  chars: Uint16Array;
  offsets: Int32Array;
}

/** Lower-cased code of each ASCII letter and digit; 0 for any other ASCII unit (never part of a word). */
const ASCII_WORD = Uint16Array.from({ length: 128 }, (_, c) => (/[A-Za-z0-9]/.test(String.fromCharCode(c)) ? String.fromCharCode(c).toLowerCase().charCodeAt(0) : 0));
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
/** How much of a piece (a normalised cluster) is word characters. */
const NO_WORD = 0;
const ALL_WORD = 1;
const MIXED = 2;
const PIECE_KIND = new Map<string, number>();

function pieceKind(piece: string): number {
  let kind = PIECE_KIND.get(piece);
  if (kind === undefined) {
    let word = 0;
    let other = 0;
    for (const ch of piece) {
      if (WORD_CHAR.test(ch)) word++;
      else other++;
    }
    kind = other === 0 ? ALL_WORD : word === 0 ? NO_WORD : MIXED;
    if (PIECE_KIND.size >= MAX_CACHE) PIECE_KIND.clear();
    PIECE_KIND.set(piece, kind);
  }
  return kind;
}

function grownInt32(a: Int32Array, size: number): Int32Array {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

/**
 * The words of `s` normalised as `normalizeWithMap(s, options)` does (see `NormalizedWords`), in
 * one pass over the clusters of `normalizeCore` with its memoised `classify`: the two-step form
 * built a string and 8 bytes of map per character, and a match object per word (a 5 MB text:
 * 40 MB of map, 900,000 matches). Equal to the two-step form on every text but one holding a
 * lone surrogate next to an ignorable character (the removal would pair it with the next one).
 */
export function normalizedWords(s: string, options: NormalizeOptions = {}): NormalizedWords {
  const fold = options.foldAccents ?? false;
  const n = s.length;
  // (A word for every five units: news text has one for six, so that the columns are not grown and
  // copied, issue 16.)
  let size = ((n / 5) | 0) + 16;
  let starts: Int32Array = new Int32Array(size);
  let ends: Int32Array = new Int32Array(size);
  let offsets: Int32Array = new Int32Array(size + 1);
  let chars: Uint16Array = new Uint16Array(n + 16);
  let count = 0;
  let used = 0;
  // A word is open (starts[count] and offsets[count] set) while `open`; `end` is where its last
  // word character's cluster ends.
  let open = false;
  let end = 0;
  // Opening a word is written out twice below (ASCII and other clusters) on purpose: a closure
  // reassigning these arrays measured 40% slower on 5 MB of text.
  let i = 0;
  while (i < n) {
    const code = s.charCodeAt(i);
    if (code < 0x80 && (i + 1 >= n || s.charCodeAt(i + 1) < 0x300)) {
      // ASCII not followed by a combining mark, as in `normalizeCore`: its own cluster.
      const w = ASCII_WORD[code]!;
      if (w !== 0) {
        if (!open) {
          if (count === size) {
            size *= 2;
            starts = grownInt32(starts, size);
            ends = grownInt32(ends, size);
            offsets = grownInt32(offsets, size + 1);
          }
          starts[count] = i;
          offsets[count] = used;
          open = true;
        }
        if (used === chars.length) chars = grownChars(chars);
        chars[used++] = w;
        end = i + 1;
      } else if (open) {
        ends[count++] = end;
        open = false;
      }
      i += 1;
      continue;
    }
    const start = i;
    let piece: string;
    let kind: number;
    if ((code < 0xd800 || code > 0xdfff) && (i + 1 >= n || s.charCodeAt(i + 1) < 0x300)) {
      // One unit beyond ASCII with no mark after it (`é`, `’`): its cluster alone, read by its
      // code (`classify` and `pieceKind` of the same one-character string, kept by code).
      i += 1;
      const singles = fold ? FOLDED_SINGLES : PLAIN_SINGLES;
      let known = singles.pieces[code];
      if (known === undefined) {
        known = classify(String.fromCharCode(code), fold);
        singles.pieces[code] = known;
        singles.kinds[code] = known === DROP || known === SPACE ? NO_WORD : pieceKind(known);
      }
      piece = known;
      kind = singles.kinds[code]!;
    } else {
      i = clusterEnd(s, i, n);
      piece = classify(s.slice(start, i), fold);
      kind = piece === DROP || piece === SPACE ? NO_WORD : pieceKind(piece);
    }
    // Dropped characters leave nothing between their neighbours: a word runs on across them.
    if (piece === DROP) continue;
    for (let k = 0; k < piece.length; ) {
      const cp = piece.codePointAt(k) ?? 0;
      const units = cp > 0xffff ? 2 : 1;
      const isWord = kind === ALL_WORD || (kind === MIXED && WORD_CHAR.test(piece.slice(k, k + units)));
      if (isWord) {
        if (!open) {
          if (count === size) {
            size *= 2;
            starts = grownInt32(starts, size);
            ends = grownInt32(ends, size);
            offsets = grownInt32(offsets, size + 1);
          }
          starts[count] = start;
          offsets[count] = used;
          open = true;
        }
        for (let u = 0; u < units; u++) {
          if (used === chars.length) chars = grownChars(chars);
          chars[used++] = piece.charCodeAt(k + u);
        }
        end = i;
      } else if (open) {
        ends[count++] = end;
        open = false;
      }
      if (kind === NO_WORD) break;
      k += units;
    }
  }
  if (open) ends[count++] = end;
  offsets[count] = used;
  // (The units and their offsets as views of the arrays written: not copied again, 12 MB for a
  // text of 5 MB, whose allocation made the collector run; the word offsets are copied, kept by
  // `lib/passages` in its tokens.)
  return { count, starts: starts.slice(0, count), ends: ends.slice(0, count), chars: chars.subarray(0, used), offsets: offsets.subarray(0, count + 1) };
}

/** By code, what `classify` makes of that one character alone and its `pieceKind` (`normalizedWords`). */
const PLAIN_SINGLES = { pieces: new Array<string | undefined>(0x10000), kinds: new Uint8Array(0x10000) };
const FOLDED_SINGLES = { pieces: new Array<string | undefined>(0x10000), kinds: new Uint8Array(0x10000) };

function grownChars(a: Uint16Array): Uint16Array {
  const b = new Uint16Array(a.length * 2);
  b.set(a);
  return b;
}
