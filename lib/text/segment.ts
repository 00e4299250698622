/**
 * Words and sentences with offsets into the original text, on `Intl.Segmenter` (UAX #29,
 * Unicode Text Segmentation, as implemented by ICU) plus fixes for news text.
 *
 * Decisions (tested in `__tests__/segment.test.ts`):
 * - Elision: French and Italian elided articles and conjunctions (`l'`, `qu'`, `d'`, `jusqu'`,
 *   `dell'`, `un'` …) become their own token, apostrophe included, so `l'opposition` yields
 *   `l'` + `opposition`. UAX #29 keeps `l'opposition` as one word (WB6/WB7: an apostrophe
 *   between letters does not break). `aujourd'hui`, `presqu'île`, `O'Brien` and English
 *   contractions (`don't`) stay whole: their first part is not an elided word.
 * - Hyphens split, as UAX #29 does: `Al-Nosra` → `Al`, `Nosra`; `cessez-le-feu` → three tokens.
 *   Both sides of every comparison split the same way, and the parts still match a text that
 *   writes `Al Nosra`.
 * - Numbers are single tokens with their separators (`280.000`, `6,5`, `1er`, `3h30`); the final
 *   dot of an abbreviation is not part of the word (`U.S.` → `U.S`).
 */
import type { Span } from './span';
import { isHonorific, isPlacePrefix } from './lexicon';
import { fold } from './normalize';
import { eachWord, isSpace, UNKNOWN, UNSEEN, wordClasses } from './word-break';

export interface Token {
  /** The token exactly as in the text: `text === source.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
  /** Comparison form: normalised (straight apostrophe), accent-folded, lower case. */
  norm: string;
}

/**
 * Elided words, written without the apostrophe, lower case. French: articles, pronouns,
 * `de`, `ne`, `que` and its compounds (Grevisse §44). Italian: articles and articulated
 * prepositions (`l'anno`, `dell'Onu`, `un'altra`, `c'è`). Matched case-insensitively.
 */
const ELIDED = new Set([
  // French
  'l', 'd', 'j', 'm', 'n', 's', 't', 'c', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu', 'quelqu',
  // Italian
  'dell', 'dall', 'nell', 'sull', 'all', 'coll', 'un', 'quest', 'quell', 'cent', 'sant', 'buon', 'nessun',
]);

/** Apostrophes that can mark an elision: straight, typographic right quote, modifier letter. */
const APOSTROPHE = /['’ʼ]/u;

/**
 * V8 (Node 20) copies the whole input string into every segment object it yields, so one
 * `segment()` call over a long text is quadratic: 100 kB took 9 s, 400 kB 150 s in our
 * measurement. We segment bounded windows instead (see `segmentWindows`).
 */
const WORD_WINDOW = 512;
const SENTENCE_WINDOW = 4096;
/**
 * Boundaries closer than this to a window's cut may depend on text beyond it (UAX #29 looks
 * ahead: WB6/WB7/WB12 one character, SB8 up to the next letter), so they are recomputed in the
 * next window, which starts at the first segment not kept.
 */
const WINDOW_MARGIN = 64;

interface Piece {
  segment: string;
  index: number;
  isWordLike: boolean;
}

const segmenterCache = new Map<string, Intl.Segmenter>();

function segmenter(lang: string | undefined, granularity: 'word' | 'sentence'): Intl.Segmenter {
  const key = `${lang ?? ''}|${granularity}`;
  let seg = segmenterCache.get(key);
  if (!seg) {
    let locale: string | undefined;
    try {
      locale = lang ? Intl.getCanonicalLocales(lang)[0] : undefined;
    } catch {
      locale = undefined; // not a BCP 47 tag: fall back to the root rules
    }
    seg = new Intl.Segmenter(locale, { granularity });
    segmenterCache.set(key, seg);
  }
  return seg;
}

/** `Intl.Segmenter` over `text` in bounded windows, offsets relative to `text`. */
function* segmentWindows(text: string, seg: Intl.Segmenter, window: number): Generator<Piece> {
  let pos = 0;
  let size = window;
  while (pos < text.length) {
    const end = Math.min(text.length, pos + size);
    const last = end === text.length;
    let next = -1;
    // (Read as they come, not spread into a list first: the segments past the margin, which the
    // next window reads again, are not made, each with its copy of the window, issue 16.)
    for (const p of seg.segment(text.slice(pos, end))) {
      const pEnd = p.index + p.segment.length;
      if (!last && pos + pEnd > end - WINDOW_MARGIN) {
        next = pos + p.index;
        break;
      }
      yield { segment: p.segment, index: pos + p.index, isWordLike: p.isWordLike ?? false };
    }
    if (last) return;
    if (next === pos) {
      size *= 2; // one segment longer than the window: look further
      continue;
    }
    pos = next;
    size = window;
  }
}

/** Split a word-like segment after an elided prefix (`qu'il` → `qu'`, `il`), repeatedly. */
function splitElision(word: string, start: number, emit: (start: number, word: KnownWord) => void): void {
  let rest = word;
  let at = start;
  for (;;) {
    const m = APOSTROPHE.exec(rest);
    if (!m || m.index === 0 || m.index === rest.length - 1) break;
    const head = rest.slice(0, m.index);
    if (!ELIDED.has(head.toLowerCase())) break;
    const cut = m.index + 1;
    const piece = rest.slice(0, cut);
    emit(at, knownWord(piece, 0, piece.length));
    rest = rest.slice(cut);
    at += cut;
  }
  emit(at, knownWord(rest, 0, rest.length));
}

/** A word as written and its comparison form (`Token.text`, `Token.norm`). */
export interface KnownWord {
  text: string;
  norm: string;
}

/**
 * Words read before, with their `fold`: a text says the same words again and again, and folding
 * (NFD, marks, NFC) was a third of tokenising once the segmenter was out of the way. Looked up by
 * a hash of the word's characters in the text (FNV-1a), so that a word read before costs no new
 * string, and the tokens of a word share one copy of each. Forgotten whole past KNOWN_WORDS
 * words, so that it stays small whatever is read.
 *
 * The table is open-addressed in typed arrays (each slot the word's hash plus one, 0 when empty,
 * words with one hash in the slots that follow), and a word is compared unit by unit: a `Map`
 * keyed by the hash and a `startsWith` per token were most of this look-up's time on a 5 MB text
 * (issue 16; `tokenColumns` 205 -> 185 ms there).
 */
const KNOWN_WORDS = 50_000;
/** A power of two above twice KNOWN_WORDS: most look-ups end at their first slot. */
const KNOWN_SLOTS = 1 << 17;
const knownHashes = new Int32Array(KNOWN_SLOTS);
const knownSlots: (KnownWord | undefined)[] = new Array<KnownWord | undefined>(KNOWN_SLOTS).fill(undefined);
let knownCount = 0;
/** The slot of the word `knownWord` returned last (`tokenColumns` reads it for the word it is given). */
let lastKnownSlot = 0;
/** How many times the table was emptied: a slot names one word object only between two of them. */
let knownClears = 0;
/** The number of slots: a slot is below it (`TokenColumns.slots`). */
export const KNOWN_WORD_SLOTS = KNOWN_SLOTS;

/** Whether `word` is `text[start, end)`. */
function isAt(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}

/** The known word `text[start, end)`, made known if it was not. */
function knownWord(text: string, start: number, end: number): KnownWord {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  // (30 bits, plus one: never 0, which marks an empty slot.)
  const key = (h & 0x3fffffff) + 1;
  let slot = key & (KNOWN_SLOTS - 1);
  for (; knownHashes[slot] !== 0; slot = (slot + 1) & (KNOWN_SLOTS - 1)) {
    if (knownHashes[slot] === key && isAt(knownSlots[slot]!.text, text, start, end)) {
      lastKnownSlot = slot;
      return knownSlots[slot]!;
    }
  }
  if (knownCount >= KNOWN_WORDS) {
    knownHashes.fill(0);
    knownSlots.fill(undefined);
    knownCount = 0;
    knownClears++;
    slot = key & (KNOWN_SLOTS - 1);
  }
  lastKnownSlot = slot;
  const word = start === 0 && end === text.length ? text : text.slice(start, end);
  const known = { text: word, norm: fold(word) };
  knownHashes[slot] = key;
  knownSlots[slot] = known;
  knownCount++;
  return known;
}

/**
 * Word-like tokens of `text` (UAX #29 words with `isWordLike`: letters, numbers, ideographs; no
 * punctuation or spaces), with elided articles split off. `lang` is a BCP 47 tag; ICU's word
 * rules do not vary for the Latin-script languages, it matters for Thai, Japanese, Chinese.
 */
export function tokenize(text: string, lang?: string): Token[] {
  const out: Token[] = [];
  eachToken(text, lang, (start, word) => out.push({ text: word.text, start, end: start + word.text.length, norm: word.norm }));
  return out;
}

/** The first of the first `n` tokens that ends after `at`, by binary search (token ends increase with their starts); `n` when none. */
export function firstEndingAfter(ends: Int32Array, n: number, at: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid]! > at) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The tokens of `text` (`tokenize`'s) in columns: their offsets in typed arrays and their words
 * shared, a tenth of the memory of an object per token (a text of 5 MB has 830,000); `token(i)`
 * makes token `i` as `tokenize` gives it.
 */
export interface TokenColumns {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  words: readonly KnownWord[];
  /**
   * Each token's slot in the table of known words (below KNOWN_WORD_SLOTS): two tokens have one
   * slot exactly when they have one word object, so that a reader may keep what it learns of a
   * word in an array by slot instead of a map by word (lib/quotes counts word sequences so). Null
   * when the table was emptied while the text was read (a slot may then name two words).
   */
  slots: Int32Array | null;
  token(i: number): Token;
}

export function tokenColumns(text: string, lang?: string): TokenColumns {
  let starts = new Int32Array(Math.ceil(text.length / 5) + 16);
  let ends = new Int32Array(starts.length);
  // (Made as long as the offsets, its length set at the end: pushed one by one, the 830,000 words
  // of a 5 MB text were copied as the list grew, 15 of this function's 181 ms, issue 16.)
  const words: KnownWord[] = new Array<KnownWord>(starts.length);
  let slots = new Int32Array(starts.length);
  const clears = knownClears;
  let count = 0;
  eachToken(text, lang, (start, word) => {
    if (count === starts.length) {
      const grownStarts = new Int32Array(count * 2);
      const grownEnds = new Int32Array(count * 2);
      const grownSlots = new Int32Array(count * 2);
      grownStarts.set(starts);
      grownEnds.set(ends);
      grownSlots.set(slots);
      starts = grownStarts;
      ends = grownEnds;
      slots = grownSlots;
    }
    starts[count] = start;
    ends[count] = start + word.text.length;
    words[count] = word;
    // (Every word `eachToken` gives was returned by `knownWord` right before.)
    slots[count] = lastKnownSlot;
    count++;
  });
  words.length = count;
  // (Views of the arrays written, not copies: two fewer arrays of 3 MB for a text of 5 MB, whose
  // allocation made the collector run, issue 16.)
  const s = starts.subarray(0, count);
  const e = ends.subarray(0, count);
  return { count, starts: s, ends: e, words, slots: knownClears === clears ? slots.subarray(0, count) : null, token: (i) => ({ text: words[i]!.text, start: s[i]!, end: e[i]!, norm: words[i]!.norm }) };
}

/**
 * Whether the tokens of `text.slice(start, end)` are, shifted by `start`, exactly the tokens of
 * `text` inside `[start, end)`: then a caller holding the text's tokens (`tokenColumns`) may slice
 * them instead of tokenising the range again. False where that is not proved (then tokenise).
 *
 * Why it holds: `tokenize` reads the text in pieces between spaces, each on its own (a piece
 * given to the segmenter carries the space before it, for WB4), so a range edge at a space cuts
 * no piece. Elsewhere an edge is safe when the character outside it is one UAX #29 breaks on both
 * sides of whatever stands beside it (class Other: quotation marks, brackets, dashes, … — no rule
 * joins across it or looks past it, WB5–WB16 look at most one character beyond their pair and
 * only across the Mid classes and quotes, WB6/7, WB7b/c, WB11/12), the character inside the edge
 * not an extending mark or format character that WB4 would attach to it. A Mid or quote
 * character outside (`,` `.` `:` `;` `'` `’` `‘` `"`) is safe when the character beyond it is
 * (`5,”`: WB11/12 need a digit after the comma), unless a Hebrew letter stands before it. Anything else (`l'` before `opposition`, a
 * letter, a digit, a surrogate) is not proved.
 */
export function sameTokensInside(text: string, start: number, end: number): boolean {
  if (end <= start) return true;
  const inside = (at: number): boolean => !EXTENDING.test(text[at]!);
  const startSafe = start === 0 || isSpace(text.charCodeAt(start))
    || (inside(start) && (breaksBoth(text.charCodeAt(start - 1)) || (JOINS_ACROSS.has(text.charCodeAt(start - 1)) && (start - 1 === 0 || breaksBoth(text.charCodeAt(start - 2))))));
  if (!startSafe) return false;
  const n = text.length;
  // (A Hebrew letter keeps an apostrophe after it whatever follows, WB7a: not proved either.)
  return end === n || isSpace(text.charCodeAt(end - 1)) || breaksBoth(text.charCodeAt(end))
    || (JOINS_ACROSS.has(text.charCodeAt(end)) && (end + 1 === n || breaksBoth(text.charCodeAt(end + 1))) && !HEBREW.test(text[end - 1]!));
}

const HEBREW = /\p{Script=Hebrew}/u;

/** Marks and format characters (WB4's Extend, Format, ZWJ): attached to the character before them. */
const EXTENDING = /[\p{M}\p{Cf}]/u;
/**
 * Characters of word-break class Other that no UAX #29 rule joins to a neighbour (quotation marks,
 * guillemets, brackets, dashes, …), or spaces (`isSpace`, where `tokenize` cuts its pieces).
 */
const BREAKS_BOTH: ReadonlySet<number> = new Set([...'«»“”„‟‹›()[]{}—–!?…/\\*#%&+=<>|~^'].map((c) => c.charCodeAt(0)));
const breaksBoth = (code: number): boolean => isSpace(code) || BREAKS_BOTH.has(code);
/** Characters a UAX #29 rule may join across (MidLetter, MidNum, MidNumLet, Single_Quote, Double_Quote: WB6/7, WB7b/c, WB11/12). */
const JOINS_ACROSS: ReadonlySet<number> = new Set([...',.:;\'’‘"'].map((c) => c.charCodeAt(0)));

/** Calls `emit(start, word)` for each token of `text`, in order (`tokenize`). */
function eachToken(text: string, lang: string | undefined, emit: (start: number, word: KnownWord) => void): void {
  const word = (start: number, end: number): void => {
    // A word with an apostrophe may open on an elided article; any other is a known word.
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x27 || c === 0x2019 || c === 0x2bc) return splitElision(text.slice(start, end), start, emit);
    }
    emit(start, knownWord(text, start, end));
  };
  eachWordSegment(text, lang, (start, end) => {
    // Two paragraphs glued without a space (`inflexible.Alors`) are two words (`gluedStop`).
    let from = start;
    for (let dot = start + 2; dot + 2 < end; dot++) {
      if (text.charCodeAt(dot) !== 0x2e || !gluedStop(text, dot)) continue;
      word(from, dot);
      from = dot + 1;
    }
    word(from, end);
  });
}

/**
 * Whether the full stop at `dot` ends a paragraph glued to the next without a space, as pages
 * whose paragraphs lose their break give them (`resté inflexible.Alors que`, `de l'AFP.Les CRS`):
 * two lower-case letters or two capitals before it, a capital then a lower-case letter after (or,
 * after lower-case letters, an elision: `interlocuteur.L’intéressée`).
 * UAX #29 keeps `inflexible.Alors` one word (WB6/7) and one sentence (SB7); an initial, a dotted
 * acronym (`U.S.Army`: one capital before) or a web address (`lemonde.fr`) is no such stop.
 * Read only inside one word segment, so a range's tokens stay those of its segments.
 */
export function gluedStop(text: string, dot: number): boolean {
  const a = text[dot - 2] ?? '';
  const b = text[dot - 1] ?? '';
  const next = text[dot + 2] ?? '';
  return UPPER_CHAR.test(text[dot + 1] ?? '') && (LOWER_CHAR.test(next) || (APOSTROPHE.test(next) && LOWER_CHAR.test(a))) && ((LOWER_CHAR.test(a) && LOWER_CHAR.test(b)) || (UPPER_CHAR.test(a) && UPPER_CHAR.test(b)));
}

/**
 * Calls `visit(start, end)` for each word-like segment of `Intl.Segmenter` over `text`, in order.
 * The text is read between spaces: a piece whose characters all have a class that `word-break.ts`
 * learnt from the segmenter is cut by those rules; any other piece is given to the segmenter,
 * with the space before it (a combining mark after a space belongs to it, WB4). No word spans a
 * space, so the two give the segmenter's words for the whole text, at a fifth of its time.
 */
export function eachWordSegment(text: string, lang: string | undefined, visit: (start: number, end: number) => void): void {
  const seg = segmenter(lang, 'word');
  const { table, learn } = wordClasses(seg);
  const n = text.length;
  // The classes of the piece being read.
  let classes = new Uint8Array(256);
  let i = 0;
  while (i < n) {
    if (isSpace(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i;
    let known = true;
    for (; j < n; j++) {
      const code = text.charCodeAt(j);
      if (isSpace(code)) break;
      if (!known) continue;
      let k = table[code]!;
      if (k === UNSEEN) k = learn(code);
      if (k === UNKNOWN) known = false;
      else {
        if (j - i >= classes.length) {
          const grown = new Uint8Array(classes.length * 2);
          grown.set(classes);
          classes = grown;
        }
        classes[j - i] = k;
      }
    }
    if (known) eachWord(classes, j - i, visit, i);
    else {
      const from = i > 0 ? i - 1 : 0;
      for (const p of segmentWindows(text.slice(from, j), seg, WORD_WINDOW)) if (p.isWordLike) visit(from + p.index, from + p.index + p.segment.length);
    }
    i = j;
  }
}

// ---------------------------------------------------------------------------------------------
// Sentences

/**
 * Abbreviations that end a sentence only when the next one starts with a capital: `p. 12`,
 * `etc., puis`, `juil. 2016`, `vs. Smith` (a capital after `vs.` is taken as a new sentence).
 */
const ABBREVIATIONS = new Set([
  'p', 'pp', 'cf', 'etc', 'vs', 'env', 'art', 'al', 'ch', 'chap', 'vol', 'ed', 'éd', 'fig', 'no', 'nos', 'n°', 'tel', 'tél', 'av', 'bd', 'approx', 'ca', 'ibid', 'op', 'cit',
  'janv', 'févr', 'fév', 'avr', 'juil', 'sept', 'oct', 'nov', 'déc',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'dec',
  'ene', 'abr', 'ago', 'dic', 'gen', 'mag', 'giu', 'lug', 'ott', 'dez', 'mrz', 'okt',
  'z.b', 'u.a', 'bzw', 'ggf', 'usw', 'vgl', 'evtl', 'ca', 'inkl', 'sog',
]);

const STARTS_LOWER_OR_DIGIT = /^[\s"'«“„‘(\[]*[\p{Ll}\p{N}]/u;
/**
 * Closing quotes UAX #29 leaves at the start of the next sentence when a space precedes them
 * (SB9 attaches Close only directly after the terminator). Not the straight `"`: at the start
 * of a sentence it usually opens the next quotation.
 */
// (Not one with a letter right after it: `»Wir` opens a German quotation.)
const LEADING_CLOSERS = /^(\s*[»”’›](?![\p{L}\p{N}]))+/u;
const STARTS_LOWER = /^[\s"'«“„‘(\[]*\p{Ll}/u;

/** Opening → closing quote pairs; the straight `"` closes itself. */
const QUOTE_PAIRS: ReadonlyMap<string, string> = new Map([
  ['«', '»'], ['“', '”'], ['„', '“'], ['‹', '›'], ['"', '"'],
]);
/**
 * Any mark of QUOTE_PAIRS or a line break: what `quotationRanges` stops at, found by the
 * expression engine's own scan (a loop over the 5 million units of a 5 MB text in JavaScript was
 * 17 ms of the 108 ms of `sentences` there, issue 16). Global, read with `test` from `lastIndex`;
 * nothing that `quotationRanges` calls uses it.
 */
const MARK_OR_BREAK = new RegExp(`[\\n${[...new Set([...QUOTE_PAIRS].flat())].join('')}]`, 'g');
/** A quotation open longer than this is taken as unbalanced, and does not hold sentences together. */
const MAX_QUOTE_LENGTH = 2000;

/**
 * German, Danish and Swedish guillemets set the other way round (`»Wir schaffen das«`): `»` (or
 * `›`) after a space or the paragraph's start and before a letter opens, when no French
 * quotation of that family is open; its mirror closes it (lib/quotes/marks pairs them the same way).
 */
function reversedOpener(text: string, i: number, waiting: ReadonlyMap<string, number>): string | undefined {
  const c = text[i];
  if (c !== '»' && c !== '›') return undefined;
  const prev = i > 0 ? text[i - 1]! : ' ';
  if (!/[\s(\[—–-]/u.test(prev) || !/[\p{L}\p{N}]/u.test(text[i + 1] ?? '')) return undefined;
  // (A count of the open quotations waiting for each mark: a scan of the stack per mark made a
  // paragraph of thousands of stray `»` quadratic.)
  return (waiting.get(c) ?? 0) > 0 ? undefined : c === '»' ? '«' : '‹';
}

/** Offsets strictly inside a quotation `[open, close]` that closes within the same paragraph. */
function quotationRanges(text: string): Span[] {
  const ranges: Span[] = [];
  const stack: { close: string; at: number }[] = [];
  const waiting = new Map<string, number>();
  for (let i = 0; i < text.length; i++) {
    MARK_OR_BREAK.lastIndex = i;
    if (!MARK_OR_BREAK.test(text)) break;
    i = MARK_OR_BREAK.lastIndex - 1;
    const c = text[i]!;
    if (c === '\n') {
      stack.length = 0; // quotations do not span paragraphs here
      waiting.clear();
      continue;
    }
    const top = stack[stack.length - 1];
    // (A German quotation's closing `«` after its last word, before a space or punctuation: one
    // before a word opens a French quotation, as a typo's stray `»` may have opened the German.)
    if (top && c === top.close && !((c === '«' || c === '‹') && (/\s/u.test(text[i - 1] ?? ' ') || /[\p{L}\p{N}]/u.test(text[i + 1] ?? '')))) {
      stack.pop();
      waiting.set(c, waiting.get(c)! - 1);
      if (i - top.at <= MAX_QUOTE_LENGTH) ranges.push({ start: top.at, end: i + 1 });
      continue;
    }
    const close = QUOTE_PAIRS.get(c) ?? reversedOpener(text, i, waiting);
    if (close) {
      stack.push({ close, at: i });
      waiting.set(close, (waiting.get(close) ?? 0) + 1);
    }
  }
  return ranges.sort((a, b) => a.start - b.start);
}

/**
 * Whether `offset` is strictly inside a quotation of `ranges` (sorted by start), read with
 * offsets that never decrease: one pass over the ranges for all of a text's boundaries (a
 * paragraph of thousands of quotations, or a text without paragraph breaks, made a scan per
 * boundary quadratic).
 */
function quotationCursor(ranges: readonly Span[]): (offset: number) => boolean {
  let next = 0;
  let maxEnd = -Infinity;
  return (offset) => {
    for (; next < ranges.length && ranges[next]!.start < offset; next++) maxEnd = Math.max(maxEnd, ranges[next]!.end);
    return offset < maxEnd - 1;
  };
}

const CLOSER_CHAR = /[\s"'»”’)\]]/u;
const WORD_OR_DEGREE_CHAR = /[\p{L}\p{N}°]/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const UPPER_CHAR = /\p{Lu}/u;
const LOWER_CHAR = /\p{Ll}/u;
/**
 * Past this length the word before a full stop can only be a dotted acronym (honorifics and
 * abbreviations are a few letters): longer words are read no further unless they are one.
 */
const LONG_WORD = 32;

/** The code point ending at `end` in `text` (a surrogate pair read whole), or '' at `from`. */
function pointBefore(text: string, from: number, end: number): string {
  if (end <= from) return '';
  const low = text.charCodeAt(end - 1);
  if (low >= 0xdc00 && low <= 0xdfff && end - 2 >= from) {
    const high = text.charCodeAt(end - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(end - 2, end);
  }
  return text[end - 1]!;
}

/**
 * The word right before a final `.` of `text[from, to)`, with inner dots (`U.S`, `z.B`): what
 * `/([\p{L}\p{N}°]+(?:\.[\p{L}\p{N}]+)*)\.[\s"'»”’)\]]*$/u` captures in the slice, read backwards from `to` over that word
 * alone: the expression, anchored at the end, is tried from every position of the slice, and a
 * sentence held together over a whole text (a quotation never closed, no paragraph break) made
 * each boundary read all of it again. `null` also for a word longer than LONG_WORD that is no
 * dotted acronym, which no rule of `keepTogether` takes, so that a long run of letters and dots is
 * not read again at each of its boundaries.
 */
export function lastWordBeforeDot(text: string, from: number, to: number): string | null {
  let k = to;
  while (k > from && CLOSER_CHAR.test(text[k - 1]!)) k--;
  if (k <= from || text[k - 1] !== '.') return null;
  const dot = k - 1;
  // `[\p{L}\p{N}°]+(?:\.[\p{L}\p{N}]+)*` ending at the dot, from where it starts earliest:
  // segments between single dots read backwards, each a maximal run; only the first may hold a `°`.
  let end = dot;
  // Whether the segments read so far are single capitals (`U.S`: a dotted acronym).
  let acronym = true;
  for (;;) {
    let p = end;
    let points = 0;
    let degree = false;
    let capital = false;
    for (let c = pointBefore(text, from, p); c !== '' && WORD_OR_DEGREE_CHAR.test(c); c = pointBefore(text, from, p)) {
      if (!WORD_CHAR.test(c)) degree = true;
      p -= c.length;
      points++;
      capital = points === 1 && UPPER_CHAR.test(c);
      if (dot - p > LONG_WORD && !(acronym && capital)) return null;
    }
    if (points === 0) return end === dot ? null : text.slice(end + 1, dot);
    acronym &&= capital;
    // A segment with a `°` is the first; so is one not preceded by a single dot after a segment.
    if (degree || pointBefore(text, from, p) !== '.' || !WORD_OR_DEGREE_CHAR.test(pointBefore(text, from, p - 1))) return text.slice(p, dot);
    end = p - 1;
  }
}

/**
 * Should the boundary between the sentence `prev` and the following `next` be removed?
 * `newlineIn` says whether a range holds a line break, `quoted` whether an offset is inside a
 * quotation (its offsets never decrease).
 */
function keepTogether(text: string, prev: Span, next: Span, newlineIn: (from: number, to: number) => boolean, quoted: (offset: number) => boolean): boolean {
  if (newlineIn(prev.start, next.start)) return false; // paragraph breaks are always sentence breaks
  if (quoted(next.start)) return true;
  // UAX #29 breaks after ? and ! even before a lower-case word: « Pourquoi ? » demande-t-il.
  // Edited news text does not start sentences in lower case, so this is an incise.
  if (STARTS_LOWER.test(text.slice(next.start, next.end))) return true;
  const word = lastWordBeforeDot(text, prev.start, next.start);
  if (word === null) return false;
  // An honorific is always followed by a name; case as written, so that a sentence ending in `me.` still splits.
  // So is the abbreviated start of a place's name (`Mt. Vernon`, `Ft. Worth`).
  if (isHonorific(word, true) || isPlacePrefix(word)) return true;
  // A lone capital is an initial (`J. Kerry`); dotted capitals an acronym (`U.S.`, `U.N.`).
  if (/^\p{Lu}$/u.test(word) || /^(\p{Lu}\.)+\p{Lu}$/u.test(word)) return true;
  if (ABBREVIATIONS.has(word.toLowerCase())) return STARTS_LOWER_OR_DIGIT.test(text.slice(next.start, next.end));
  return false;
}

/** An opening quotation mark (`gluedSentences`). */
const OPENING_MARK = /[«“„]/u;

/**
 * `span` cut after each stop that ends a paragraph glued to the next without a space, which
 * UAX #29 does not break: a full stop before a capital (`gluedStop`; SB7), any stop before an
 * opening mark (`diffusées samedi.«J'ai été…»`). (After `?` and `!` before a capital it breaks
 * already, SB11.) The pieces after a cut are marked `glued`. (Not after a closing mark glued to a
 * capitalised word: `…to me,”Clinton said` goes on with its attribution.)
 */
function gluedSentences(text: string, span: Span, stops: readonly number[]): (Span & { glued: boolean })[] {
  const out = [{ start: span.start, end: span.end, glued: false }];
  // (The stops of the span, from the text's: `stopOffsets`.)
  let lo = 0;
  let hi = stops.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (stops[mid]! < span.start + 2) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < stops.length && stops[k]! + 1 < span.end; k++) {
    const p = stops[k]!;
    const c = text.charCodeAt(p);
    const opening = LOWER_CHAR.test(text[p - 2]!) && LOWER_CHAR.test(text[p - 1]!) && OPENING_MARK.test(text[p + 1]!);
    if (!opening && !(c === 0x2e && gluedStop(text, p))) continue;
    out[out.length - 1]!.end = p + 1;
    out.push({ start: p + 1, end: span.end, glued: true });
  }
  return out;
}

/** A full stop, a question or an exclamation mark (`stopOffsets`): global, read with `test` from `lastIndex`. */
const STOP = /[.!?]/g;

/**
 * The offsets of the full stops, question and exclamation marks of `text`, in order, found by the
 * expression engine's scan: `gluedSentences` reads a span's from them instead of every unit of
 * the text in a loop (17 ms of `sentences` on a text of 5 MB, issue 16).
 */
function stopOffsets(text: string): number[] {
  const out: number[] = [];
  STOP.lastIndex = 0;
  while (STOP.test(text)) out.push(STOP.lastIndex - 1);
  return out;
}

/** Whether `text[from, to)` holds a line break, from the sorted offsets of its line breaks. */
function newlineLookup(text: string): (from: number, to: number) => boolean {
  const breaks: number[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) breaks.push(i);
  return (from, to) => {
    // First line break at or after `from`.
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < breaks.length && breaks[lo]! < to;
  };
}

/**
 * Sentence spans of `text`, half-open, trimmed of surrounding whitespace. UAX #29 sentence
 * boundaries, then: closing quotes moved back to the sentence they close; no boundary after a
 * title (`M.`, `Mme`, `Dr.`, `Mr.`), an initial (`J. Kerry`) or a dotted acronym (`U.S.`), nor
 * after an abbreviation (`p.`, `etc.`, `juil.`) followed by a lower-case word or a number; no
 * boundary before a lower-case word (`« Pourquoi ? » demande-t-il.`); no boundary inside a
 * quotation that closes in the same paragraph. A line break always ends a sentence, so headings
 * without a final stop are sentences of their own. When in doubt we join: for alignment, two
 * sentences taken as one cost less than one sentence cut in two. `onSpan`, called once per span
 * in each pass, may throw to stop a long text (lib/framing's deadline).
 */
export function sentences(text: string, lang?: string, onSpan?: () => void): Span[] {
  const raw: Span[] = [];
  for (const p of segmentWindows(text, segmenter(lang, 'sentence'), SENTENCE_WINDOW)) {
    onSpan?.();
    raw.push({ start: p.index, end: p.index + p.segment.length });
  }
  const ranges = quotationRanges(text);
  // The `«` or `‹` that closes a German quotation (`»Macron démission!«, ils`): UAX #29 reads it
  // as an opening mark, which it is in French, so it is known by the quotation it closes.
  const reversedCloses = new Set(ranges.filter((r) => text[r.end - 1] === '«' || text[r.end - 1] === '‹').map((r) => r.end - 1));
  // Closing quotes after a space (French « … fini. » Puis) belong to the previous sentence.
  for (let i = 1; i < raw.length; i++) {
    onSpan?.();
    const cur = raw[i];
    const prev = raw[i - 1];
    if (!cur || !prev) continue;
    const m = LEADING_CLOSERS.exec(text.slice(cur.start, cur.end));
    let k = cur.start;
    while (k < cur.end && /\s/u.test(text[k]!)) k++;
    const moved = m ? m[0].length : reversedCloses.has(k) ? k + 1 - cur.start : 0;
    if (moved && !text.slice(prev.start, prev.end).includes('\n')) {
      prev.end += moved;
      cur.start += moved;
    }
  }
  const quoted = quotationCursor(ranges);
  const newlineIn = newlineLookup(text);
  const merged: Span[] = [];
  const stops = stopOffsets(text);
  for (const whole of raw) {
    for (const span of gluedSentences(text, whole, stops)) {
      onSpan?.();
      const prev = merged[merged.length - 1];
      // (A paragraph glued to the one before it starts a sentence, unless inside a quotation.)
      // (Nor one cut before the `«` that closes a German quotation: `»Macron démission!«, ils`.)
      if (prev && (span.glued ? quoted(span.start) || reversedCloses.has(span.start) : keepTogether(text, prev, span, newlineIn, quoted))) prev.end = span.end;
      else merged.push({ start: span.start, end: span.end });
    }
  }
  const out: Span[] = [];
  for (const s of merged) {
    onSpan?.();
    let { start, end } = s;
    while (start < end && /\s/u.test(text[start] ?? '')) start++;
    while (end > start && /\s/u.test(text[end - 1] ?? '')) end--;
    if (end > start) out.push({ start, end });
  }
  return out;
}
