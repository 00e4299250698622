/**
 * UAX #29 word boundaries (Unicode Text Segmentation, §4.1) read directly for the characters of
 * most Latin-script news, so that `tokenize` calls `Intl.Segmenter` only for the stretches of text
 * that hold anything else. The segmenter costs about a microsecond per word, most of it building
 * one object per segment (and, in V8, a copy of its input with each): 2 s for a text of 5 MB.
 *
 * The rules read here are the ones between letters, digits and the punctuation that can join them
 * (WB5–WB12; Davis & Chapman, UAX #29): letters and digits in any order are one word (WB5, WB8–
 * WB10); a MidLetter (`:`, `·`) or a MidNumLet (`.`, `’`, `'`) between two letters joins them
 * (WB6, WB7: `U.S`, `aujourd'hui`); a MidNum (`,`, `;`) or a MidNumLet between two digits joins
 * them (WB11, WB12: `280.000`, `6,5`); anything else is a boundary.
 *
 * No character's class is written here: each is learnt from the segmenter itself, the first time
 * the text holds it, from how the segmenter cuts a few strings around it (`PROBES`), and a
 * character is read here only when those cuts are exactly the rules' for one class. Combining
 * marks, format characters, the joiners, Hebrew letters, the connector `_` and the narrow
 * no-break space (ExtendNumLet), ideographs, emoji and characters beyond the Basic Multilingual
 * Plane fit no class (or are not probed), and leave the piece of text that holds them, between two
 * spaces, to the segmenter. So the words are the segmenter's, whatever the browser's ICU version
 * or the language's tailoring.
 *
 * @module
 */

/** The classes read here (UAX #29 Word_Break values), and UNKNOWN for any other character. */
export const UNKNOWN = 0;
export const LETTER = 1;
export const DIGIT = 2;
export const MID_LETTER = 3;
export const MID_NUM_LET = 4;
export const MID_NUM = 5;
export const OTHER = 6;
/** Not probed yet. */
export const UNSEEN = 255;

const isWord = (k: number) => k === LETTER || k === DIGIT;

/**
 * Calls `visit(start, end)` for each word of a piece of text (the segmenter's word-like segments)
 * whose `length` characters have the classes `classes` (every one known), offsets in the piece
 * plus `offset`.
 */
export function eachWord(classes: ArrayLike<number>, length: number, visit: (start: number, end: number) => void, offset = 0): void {
  let i = 0;
  while (i < length) {
    if (!isWord(classes[i]!)) {
      i++;
      continue;
    }
    const start = i;
    for (;;) {
      while (i < length && isWord(classes[i]!)) i++;
      // A joiner between two letters (WB6, WB7) or two digits (WB11, WB12).
      if (i + 1 < length) {
        const mid = classes[i]!;
        const before = classes[i - 1]!;
        const after = classes[i + 1]!;
        if (before === LETTER && after === LETTER && (mid === MID_LETTER || mid === MID_NUM_LET)) {
          i++;
          continue;
        }
        if (before === DIGIT && after === DIGIT && (mid === MID_NUM || mid === MID_NUM_LET)) {
          i++;
          continue;
        }
      }
      break;
    }
    visit(offset + start, offset + i);
  }
}

/**
 * Characters taken with known classes in the probes: the latin letter `a`, the digit `1`, the
 * space, the comma (MidNum), the full stop (MidNumLet) and the apostrophe (Single_Quote, which
 * joins as MidNumLet does). Checked against the segmenter before anything is learnt from it.
 */
const KNOWN: ReadonlyMap<string, number> = new Map([['a', LETTER], ['1', DIGIT], [' ', OTHER], [',', MID_NUM], ['.', MID_NUM_LET], ["'", MID_NUM_LET], ['"', OTHER]]);

/** Strings around a character `c` whose cuts tell its class. */
const PROBES: readonly ((c: string) => string)[] = [
  (c) => c, (c) => `a${c}`, (c) => `${c}a`, (c) => `1${c}`, (c) => `${c}1`,
  (c) => `a${c}a`, (c) => `1${c}1`, (c) => `a${c}1`, (c) => `1${c}a`,
  (c) => `${c}${c}`, (c) => `${c}${c}${c}`, (c) => `a${c}${c}a`, (c) => `1${c}${c}1`,
  (c) => `${c},${c}`, (c) => `${c}.${c}`, (c) => `${c}'`, (c) => `${c}'${c}`, (c) => `${c}"${c}`,
  (c) => ` ${c} `, (c) => `a${c}.a`, (c) => `1${c},1`,
];

/** The words of `s` as these rules cut them, `c` taken as class `k`: `start:end` pairs. */
function ruled(s: string, c: string, k: number): string {
  const classes = s.split('').map((x) => (x === c ? k : KNOWN.get(x) ?? UNKNOWN));
  const words: string[] = [];
  eachWord(classes, classes.length, (start, end) => words.push(`${start}:${end}`));
  return words.join(' ');
}

/** The word-like segments of `s` as the segmenter cuts it. */
function segmented(seg: Intl.Segmenter, s: string): string {
  return [...seg.segment(s)].filter((p) => p.isWordLike).map((p) => `${p.index}:${p.index + p.segment.length}`).join(' ');
}

/**
 * `strings.map((s) => segmented(seg, s))` in one call of the segmenter: the strings joined by
 * spaces, which no word spans (null if one did).
 */
function segmentedApart(seg: Intl.Segmenter, strings: readonly string[]): string[] | null {
  const starts: number[] = [];
  let at = 0;
  for (const s of strings) {
    starts.push(at);
    at += s.length + 1;
  }
  const cuts: string[][] = strings.map(() => []);
  let k = 0;
  for (const p of seg.segment(strings.join(' '))) {
    if (!p.isWordLike) continue;
    while (k + 1 < strings.length && starts[k + 1]! <= p.index) k++;
    const end = p.index + p.segment.length;
    if (end > starts[k]! + strings[k]!.length) return null;
    cuts[k]!.push(`${p.index - starts[k]!}:${end - starts[k]!}`);
  }
  return cuts.map((c) => c.join(' '));
}

/**
 * Whether a letter then a zero-width joiner then `c` is cut before `c`: an emoji or a pictograph
 * stays with the joiner (WB3c), which no class here allows for.
 */
function cutAfterJoiner(seg: Intl.Segmenter, c: string, k: number): boolean {
  const got = segmented(seg, `a\u200d${c}`);
  return got === (isWord(k) ? '0:3' : '0:2');
}

/** The class of BMP character `c` for `seg`, or UNKNOWN when no class gives the segmenter's cuts. */
function probe(seg: Intl.Segmenter, c: string): number {
  const cuts = segmentedApart(seg, PROBES.map((p) => p(c)));
  if (!cuts) return UNKNOWN;
  for (const k of [LETTER, DIGIT, MID_LETTER, MID_NUM_LET, MID_NUM, OTHER]) {
    if (PROBES.every((p, i) => ruled(p(c), c, k) === cuts[i]) && cutAfterJoiner(seg, c, k)) return k;
  }
  return UNKNOWN;
}

/** Whether the characters of KNOWN behave as taken, and `a`, `1` and `.` join as the rules say. */
function knownHold(seg: Intl.Segmenter): boolean {
  const checks = ['a', '1', 'a1', '1a', 'a,a', '1,1', 'a.a', '1.1', "a'a", "1'1", 'a a', '1 1', 'a"a', '1"1', 'a.1', '1.a', 'a.a.a', '1,1.1', 'a..a', ',a,', '.1.'];
  if (!checks.every((s) => segmented(seg, s) === ruled(s, '\u0000', UNKNOWN))) return false;
  // Every space and line break cuts between two letters and between two digits.
  for (let code = 0; code < 0x3001; code++) {
    if (!isSpace(code)) continue;
    const w = String.fromCharCode(code);
    if (segmented(seg, `a${w}a`) !== '0:1 2:3' || segmented(seg, `1${w}1`) !== '0:1 2:3') return false;
  }
  return true;
}

/** Per segmenter, the class of each BMP unit (UNSEEN until probed; all UNKNOWN when the rules do not hold for it). */
const TABLES = new WeakMap<Intl.Segmenter, Uint8Array>();

/**
 * The classes of UTF-16 units for `seg`: `table[code]`, UNSEEN until `learn(code)` probes it (once
 * per segmenter). Every unit is UNKNOWN when the segmenter does not cut the known characters as
 * these rules do (then `tokenize` uses the segmenter for everything, as before).
 */
export function wordClasses(seg: Intl.Segmenter): { table: Uint8Array; learn: (code: number) => number } {
  let table = TABLES.get(seg);
  if (table === undefined) {
    table = new Uint8Array(65_536).fill(knownHold(seg) ? UNSEEN : UNKNOWN);
    TABLES.set(seg, table);
  }
  const t = table;
  const learn = (code: number): number => {
    // Surrogates (characters beyond the BMP) are left to the segmenter.
    const k = code >= 0xd800 && code <= 0xdfff ? UNKNOWN : probe(seg, String.fromCharCode(code));
    t[code] = k;
    return k;
  };
  return { table: t, learn };
}

/** The class of UTF-16 unit `code` for `seg` (`wordClasses`, one unit at a time). */
export function wordClassReader(seg: Intl.Segmenter): (code: number) => number {
  const { table, learn } = wordClasses(seg);
  return (code) => (table[code] === UNSEEN ? learn(code) : table[code]!);
}

/**
 * Whether UTF-16 unit `code` is white space as `\s` reads it (WhiteSpace and LineTerminator of
 * ECMAScript: tab, line tabulation, form feed, the Zs spaces, U+FEFF, line feed, carriage return,
 * U+2028, U+2029), without a regular expression per character: what the speakers' expressions
 * match with `\s` (lib/quotes/speaker.ts), where `isSpace` is a word boundary of UAX #29.
 */
export function isWhiteSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a)
    || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/**
 * Spaces and line breaks (White_Space without U+180E, U+200B and U+202F, which are format
 * characters or ExtendNumLet for UAX #29): never in a word, and a boundary before them whatever
 * precedes (no rule joins anything to a space but another space, WB3d). What follows one is a
 * boundary too, but for a combining mark or a format character (WB4), which the segmenter reads.
 */
export function isSpace(code: number): boolean {
  // (Letters, digits and ASCII punctuation first, in two comparisons: most units of a text, each
  // read here twice as it is tokenised, issue 16.)
  if (code > 0x20 && code < 0x85) return false;
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x85 || code === 0x1680
    || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x205f || code === 0x3000;
}
