/**
 * The token stream that passage alignment works on: words of the normalised text, as parallel
 * typed arrays, with offsets into the original text.
 *
 * Why not `lib/text` `tokenize`: it runs `Intl.Segmenter` in 512-character windows and builds one
 * object per token; that is right for sentences and quotes, but a 5 MB text has ~900 000 words
 * and alignment needs only "which words, where". Here words are the runs of letters and digits of
 * the normalised text (accents folded: typography, case and accents do not matter), read in one
 * pass with their original spans (`normalizedWords`, into typed columns). The two paths
 * cut words the same way where it matters for matching: elided articles (`l'information` →
 * `l`, `information`) and hyphenated words (`cessez-le-feu` → three words) are split; they differ
 * only inside numbers (`280.000` is one `tokenize` token, two words here) and `aujourd'hui`,
 * identically on both sides of a comparison.
 *
 * A word's id is a 32-bit FNV-1a hash of its normalised form, so two texts prepared separately
 * (the page and each stored article) compare without a shared vocabulary. A collision (two words
 * with one id, ~1 in 4 billion per pair of distinct words) can only add a spurious word match.
 */
import type { Span } from '../extract/types';
import { isStopword, normalizedWords, stopwords } from '../text';

export interface PassageTokens {
  /** The original text; every offset indexes into it. */
  text: string;
  /** Language used for stop words (ISO 639-1), or null. */
  language: string | null;
  /** Number of words. */
  length: number;
  /** Word ids (hash of the normalised, accent-folded, lower-case word). */
  ids: Int32Array;
  /** Original `[start, end)` of each word. */
  starts: Int32Array;
  ends: Int32Array;
  /** 1 for a content word (not a stop word of `language`), 0 otherwise. */
  content: Uint8Array;
  /** 1 for a word inside a quotation (reported speech) of this text, 0 otherwise. */
  quoted: Uint8Array;
  /** The normalised form of word `i` (computed on demand, for sentence-level comparison). */
  norm(i: number): string;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a, 32 bits (Fowler, Noll, Vo): fast, good spread on short strings. */
function fnv1a(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h | 0;
}

/** Stop-word status by language and normalised word, for words with a letter beyond ASCII. */
const STOP_CACHE = new Map<string, Map<string, boolean>>();
const MAX_STOP_CACHE = 200_000;

function stopCache(language: string): Map<string, boolean> {
  let m = STOP_CACHE.get(language);
  if (!m || m.size > MAX_STOP_CACHE) {
    m = new Map();
    STOP_CACHE.set(language, m);
  }
  return m;
}

/**
 * Ids cut to 30 bits as keys of the stop-word table: a small integer for V8, which a Map hashes
 * without boxing it (a full 32-bit id made a heap number per look-up, one look-up per word).
 */
const SMALL = 0x3fffffff;

/**
 * The stop words of a language written in ASCII letters and digits, by id (cut to `SMALL`). A word of ASCII
 * letters and digits is its own lookup key (`stopwordKey` changes nothing in it), so it is a
 * stop word exactly when one of these has its id and its letters: no string is built for it.
 */
const ASCII_STOPS = new Map<string, Map<number, string[]>>();
/**
 * By language, a bit per value of an id's low FILTER_BITS bits that some ASCII stop word's id has:
 * a word whose bit is clear is no ASCII stop word, known without a look-up (most words of a text
 * are not stop words).
 */
const ASCII_FILTERS = new Map<string, Uint8Array>();
const FILTER_BITS = 16;

function asciiStops(language: string): Map<number, string[]> {
  let m = ASCII_STOPS.get(language);
  if (!m) {
    m = new Map();
    const filter = new Uint8Array(1 << FILTER_BITS);
    for (const w of stopwords(language)) {
      if (!/^[a-z0-9]+$/.test(w)) continue;
      const id = fnv1a(w) & SMALL;
      m.set(id, [...(m.get(id) ?? []), w]);
      filter[id & ((1 << FILTER_BITS) - 1)] = 1;
    }
    ASCII_STOPS.set(language, m);
    ASCII_FILTERS.set(language, filter);
  }
  return m;
}

/**
 * By language, the words beyond ASCII read before, by id (cut to `SMALL`), with their stop-word
 * status: a word read again is compared unit by unit with those of its id, not made a string
 * (a French text writes its accented words again and again). Forgotten past MAX_STOP_CACHE.
 */
const WIDE_STOPS = new Map<string, { words: Map<number, { word: string; stop: boolean }[]>; size: number }>();

/** The string of `chars[from, to)`, in chunks (a call takes a bounded number of arguments). */
function unitsToString(chars: Uint16Array, from: number, to: number): string {
  let s = '';
  for (let k = from; k < to; k += 4096) s += String.fromCharCode.apply(null, chars.subarray(k, Math.min(to, k + 4096)) as unknown as number[]);
  return s;
}

function sameUnits(chars: Uint16Array, from: number, w: string): boolean {
  for (let k = 0; k < w.length; k++) if (chars[from + k] !== w.charCodeAt(k)) return false;
  return true;
}

/**
 * Words of `text` for alignment. `quotes` are the spans of quotations in `text` (from
 * `lib/quotes`); words inside them are marked so that a shared quotation does not make a passage
 * on its own. Single letters and digits count as stop words: `l`, `d`, `a` carry no evidence.
 */
export function passageTokens(text: string, language: string | null, quotes: readonly Span[] = []): PassageTokens {
  const { count: n, starts, ends, chars, offsets } = normalizedWords(text, { foldAccents: true });
  const ids = new Int32Array(n);
  const content = new Uint8Array(n);
  const ascii = language ? asciiStops(language) : null;
  const filter = language ? ASCII_FILTERS.get(language)! : null;
  const stops = language ? stopCache(language) : null;
  let wide = language ? WIDE_STOPS.get(language) : undefined;
  if (language && (!wide || wide.size > MAX_STOP_CACHE)) WIDE_STOPS.set(language, (wide = { words: new Map(), size: 0 }));
  const word = (i: number) => unitsToString(chars, offsets[i]!, offsets[i + 1]!);
  for (let i = 0; i < n; i++) {
    const from = offsets[i]!;
    const to = offsets[i + 1]!;
    // The word's id: FNV-1a of its units, as `fnv1a` of its string; `wide` if one is beyond ASCII.
    let h = FNV_OFFSET;
    let units = 0;
    for (let k = from; k < to; k++) {
      const c = chars[k]!;
      units |= c;
      h = Math.imul(h ^ c, FNV_PRIME);
    }
    const id = h | 0;
    ids[i] = id;
    let stop = to - from < 2;
    if (!stop && language) {
      if (units < 0x80) {
        if (filter![id & ((1 << FILTER_BITS) - 1)] !== 0) {
          const candidates = ascii!.get(id & SMALL);
          if (candidates !== undefined) for (const w of candidates) if (w.length === to - from && sameUnits(chars, from, w)) stop = true;
        }
      } else {
        // (The status of a word read before, found by its id and units; else from its string, kept.)
        const known = wide!.words.get(id & SMALL);
        let found: boolean | undefined;
        if (known !== undefined) for (const k of known) if (k.word.length === to - from && sameUnits(chars, from, k.word)) found = k.stop;
        if (found === undefined) {
          const w = word(i);
          let s = stops!.get(w);
          if (s === undefined) {
            s = isStopword(w, language);
            stops!.set(w, s);
          }
          found = s;
          if (known !== undefined) known.push({ word: w, stop: s });
          else wide!.words.set(id & SMALL, [{ word: w, stop: s }]);
          wide!.size++;
        }
        stop = found;
      }
    }
    content[i] = stop ? 0 : 1;
  }
  const quoted = new Uint8Array(n);
  if (quotes.length > 0) {
    const sorted = [...quotes].sort((x, y) => x.start - y.start);
    let q = 0;
    for (let i = 0; i < n; i++) {
      const s = starts[i] ?? 0;
      while (q < sorted.length && (sorted[q]?.end ?? 0) <= s) q++;
      const cur = sorted[q];
      if (cur && cur.start <= s && s < cur.end) quoted[i] = 1;
    }
  }
  return { text, language, length: n, ids, starts, ends, content, quoted, norm: word };
}

/** Index of the first word whose end is after `offset` (binary search). */
export function wordAt(tokens: PassageTokens, offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens.ends[mid] ?? 0) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
