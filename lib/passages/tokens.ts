/**
 * The token stream that passage alignment works on: words of the normalised text, as parallel
 * typed arrays, with offsets into the original text.
 *
 * Why not `lib/text` `tokenize`: it runs `Intl.Segmenter` in 512-character windows and builds one
 * object per token; that is right for sentences and quotes, but a 5 MB text has ~900 000 words
 * and alignment needs only "which words, where". Here the text is normalised once with an offset
 * map (`normalizeWithMap`, accents folded: typography, case and accents do not matter) and words
 * are the runs of letters and digits of the normalised text, a linear regex pass. The two paths
 * cut words the same way where it matters for matching: elided articles (`l'information` →
 * `l`, `information`) and hyphenated words (`cessez-le-feu` → three words) are split; they differ
 * only inside numbers (`280.000` is one `tokenize` token, two words here) and `aujourd'hui`,
 * identically on both sides of a comparison. Measured: 5 MB normalised and cut in ~1.6 s.
 *
 * A word's id is a 32-bit FNV-1a hash of its normalised form, so two texts prepared separately
 * (the page and each stored article) compare without a shared vocabulary. A collision (two words
 * with one id, ~1 in 4 billion per pair of distinct words) can only add a spurious word match.
 */
import type { Span } from '../extract/types';
import { isStopword, normalizeWithMap } from '../text';

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

const WORD = /[\p{L}\p{N}]+/gu;

/** FNV-1a, 32 bits (Fowler, Noll, Vo): fast, good spread on short strings. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** Stop-word status by language and normalised word; news vocabularies are small. */
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

/** `a` copied into a longer array of its type. */
function grown<T extends Int32Array | Uint8Array>(a: T, size: number): T {
  const b = new (a.constructor as new (length: number) => T)(size);
  b.set(a);
  return b;
}

/**
 * Words of `text` for alignment. `quotes` are the spans of quotations in `text` (from
 * `lib/quotes`); words inside them are marked so that a shared quotation does not make a passage
 * on its own. Single letters and digits count as stop words: `l`, `d`, `a` carry no evidence.
 */
export function passageTokens(text: string, language: string | null, quotes: readonly Span[] = []): PassageTokens {
  const norm = normalizeWithMap(text, { foldAccents: true });
  // Typed columns grown by doubling: as number[] the ~900,000 words of a 5 MB text took 8 bytes
  // per field on the JS heap, and a copy into typed arrays at the end.
  let size = 1024;
  let starts = new Int32Array(size);
  let ends = new Int32Array(size);
  let ids = new Int32Array(size);
  let content = new Uint8Array(size);
  let normStarts = new Int32Array(size);
  let normEnds = new Int32Array(size);
  let n = 0;
  const stops = language ? stopCache(language) : null;
  for (const m of norm.text.matchAll(WORD)) {
    if (n === size) {
      size *= 2;
      starts = grown(starts, size);
      ends = grown(ends, size);
      ids = grown(ids, size);
      content = grown(content, size);
      normStarts = grown(normStarts, size);
      normEnds = grown(normEnds, size);
    }
    const w = m[0];
    const at = m.index ?? 0;
    const span = norm.toOriginalSpan(at, at + w.length);
    starts[n] = span.start;
    ends[n] = span.end;
    normStarts[n] = at;
    normEnds[n] = at + w.length;
    ids[n] = fnv1a(w);
    let stop = w.length < 2;
    if (!stop && stops && language) {
      let s = stops.get(w);
      if (s === undefined) {
        s = isStopword(w, language);
        stops.set(w, s);
      }
      stop = s;
    }
    content[n] = stop ? 0 : 1;
    n++;
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
  const normStartArr = normStarts.slice(0, n);
  const normEndArr = normEnds.slice(0, n);
  return {
    text,
    language,
    length: n,
    ids: ids.slice(0, n),
    starts: starts.slice(0, n),
    ends: ends.slice(0, n),
    content: content.slice(0, n),
    quoted,
    norm: (i) => norm.text.slice(normStartArr[i] ?? 0, normEndArr[i] ?? 0),
  };
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
