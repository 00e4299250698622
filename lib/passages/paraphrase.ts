/**
 * Paraphrase: the same content reworded, where shared 3-grams are too sparse to seed an
 * alignment (000↔001: "souligné l'importance de la reprise des négociations / pourparlers de
 * paix", clauses moved around). Compared sentence by sentence on content-word stems, the
 * sentence-level overlap measure of the METER work (Clough et al. 2002) and of paraphrase-
 * alignment baselines: a pair of sentences is a candidate when they share `MIN_SHARED_STEMS`
 * stems and those make at least `MIN_OVERLAP` of the shorter sentence's stems. Adjacent
 * candidate sentences join into one passage (one sentence of B may render two of A).
 *
 * Stems are Snowball stems of the accent-folded words (both sides are folded alike; `États` and
 * `Etats` meet). Quoted words are left out: a shared quotation is not a paraphrase.
 */
import { foldAccents, sentences, stem } from '../text';
import type { AlignedPair } from './align';
import { buildPassage, type Passage } from './passage';
import { wordAt, type PassageTokens } from './tokens';

/** Stems two sentences must share. */
export const MIN_SHARED_STEMS = 6;
/** Shared phrases (see `sharedUnits`) two sentences must have. */
export const MIN_SHARED_UNITS = 5;
/** Share of the shorter sentence's stems found in the other. */
export const MIN_OVERLAP = 0.5;
/**
 * Share of the region's words still in the same order (`Passage.similarity`, on the longest
 * common subsequence): a paraphrase moves clauses but keeps runs of words. Sentences on the same
 * topic that say different things (the 000↔002 leads, two calls three months apart) stay under
 * it (0.27–0.28); a sentence rewritten with its clauses moved reaches ~0.35. A narrow margin:
 * see the report of issue 6.
 */
export const MIN_PARAPHRASE_SIMILARITY = 0.3;
/** A sentence already covered this much by aligned passages is not looked at again. */
const COVERED = 0.5;
/** Sentence comparison is for news-length texts; longer ones get aligned passages only. */
export const PARAPHRASE_MAX_WORDS = 20_000;
/** Largest paraphrase region, in words per side (bounds the alignment of the region). */
const MAX_REGION_WORDS = 400;

interface Sentence {
  w0: number;
  w1: number;
  stems: Set<string>;
  /** Content stems in text order (quoted words left out). */
  order: string[];
}

/**
 * Shared content stems of two sentences counted by phrase: a stem that follows, in `a`, a shared
 * stem it also follows in `b` continues the same unit. `le secrétaire d'Etat américain John
 * Kerry` is one unit, not five, so sentences that share only set phrases and names do not count
 * as saying the same thing.
 */
function sharedUnits(a: Sentence, b: Sentence): number {
  const bigrams = new Set<string>();
  for (let i = 1; i < b.order.length; i++) bigrams.add(`${b.order[i - 1]} ${b.order[i]}`);
  let units = 0;
  let prevShared: string | null = null;
  const seen = new Set<string>();
  for (const st of a.order) {
    const shared = b.stems.has(st);
    if (shared && !seen.has(st) && !(prevShared !== null && bigrams.has(`${prevShared} ${st}`))) units++;
    if (shared) seen.add(st);
    prevShared = shared ? st : null;
  }
  return units;
}

/** Sentences of a prepared text, computed once per text (the page is compared with many). */
const SENTENCES = new WeakMap<PassageTokens, Sentence[]>();

function sentenceStems(t: PassageTokens): Sentence[] {
  let out = SENTENCES.get(t);
  if (!out) SENTENCES.set(t, (out = computeSentenceStems(t)));
  return out;
}

function computeSentenceStems(t: PassageTokens): Sentence[] {
  const lang = t.language ?? 'und';
  const cache = new Map<number, string>();
  return sentences(t.text, t.language ?? undefined).map((s) => {
    const w0 = wordAt(t, s.start);
    const w1 = wordAt(t, s.end);
    const stems = new Set<string>();
    const order: string[] = [];
    for (let i = w0; i < w1; i++) {
      if (!t.content[i] || t.quoted[i]) continue;
      const id = t.ids[i] ?? 0;
      let st = cache.get(id);
      if (st === undefined) {
        st = foldAccents(stem(t.norm(i), lang));
        cache.set(id, st);
      }
      stems.add(st);
      order.push(st);
    }
    return { w0, w1, stems, order };
  });
}

function coveredMask(n: number, spans: { w0: number; w1: number }[]): Uint8Array {
  const m = new Uint8Array(n);
  for (const s of spans) m.fill(1, s.w0, s.w1);
  return m;
}

function coveredShare(mask: Uint8Array, s: Sentence): number {
  let c = 0;
  for (let i = s.w0; i < s.w1; i++) c += mask[i] ?? 0;
  return s.w1 > s.w0 ? c / (s.w1 - s.w0) : 1;
}

interface Pair {
  sa: number;
  sb: number;
  shared: number;
  overlap: number;
}

/** Word range of a passage's character span. */
function words(t: PassageTokens, start: number, end: number): { w0: number; w1: number } {
  return { w0: wordAt(t, start), w1: wordAt(t, end) };
}

/**
 * `passages` (aligned) plus paraphrase passages; an aligned passage inside a paraphrase region
 * (in both texts) is absorbed into it.
 */
export function paraphrasePassages(A: PassageTokens, B: PassageTokens, passages: Passage[]): Passage[] {
  if (A.length > PARAPHRASE_MAX_WORDS || B.length > PARAPHRASE_MAX_WORDS) return passages;
  const sa = sentenceStems(A);
  const sb = sentenceStems(B);
  const wa = passages.map((p) => words(A, p.a.start, p.a.end));
  const wb = passages.map((p) => words(B, p.b.start, p.b.end));
  const maskA = coveredMask(A.length, wa);
  const maskB = coveredMask(B.length, wb);

  const index = new Map<string, number[]>();
  sb.forEach((s, k) => {
    if (coveredShare(maskB, s) >= COVERED) return;
    for (const st of s.stems) {
      let l = index.get(st);
      if (!l) index.set(st, (l = []));
      l.push(k);
    }
  });
  const pairs: Pair[] = [];
  sa.forEach((s, i) => {
    if (coveredShare(maskA, s) >= COVERED || s.stems.size < MIN_SHARED_STEMS) return;
    const counts = new Map<number, number>();
    for (const st of s.stems) for (const k of index.get(st) ?? []) counts.set(k, (counts.get(k) ?? 0) + 1);
    for (const [k, shared] of counts) {
      if (shared < MIN_SHARED_STEMS || sharedUnits(s, sb[k]!) < MIN_SHARED_UNITS) continue;
      const overlap = shared / Math.min(s.stems.size, sb[k]!.stems.size);
      if (overlap >= MIN_OVERLAP) pairs.push({ sa: i, sb: k, shared, overlap });
    }
  });
  // Keep a pair when it is the best partner of one of its sentences (a topic sentence shares
  // stems with many; its best partner is the one it renders).
  const better = (x: Pair, y: Pair | undefined) => !y || x.overlap > y.overlap || (x.overlap === y.overlap && x.shared > y.shared);
  const bestA = new Map<number, Pair>();
  const bestB = new Map<number, Pair>();
  for (const p of pairs) {
    if (better(p, bestA.get(p.sa))) bestA.set(p.sa, p);
    if (better(p, bestB.get(p.sb))) bestB.set(p.sb, p);
  }
  const kept = pairs.filter((p) => bestA.get(p.sa) === p || bestB.get(p.sb) === p).sort((x, y) => x.sa - y.sa || x.sb - y.sb);
  if (!kept.length) return passages;

  // Join pairs of adjacent sentences on both sides into groups.
  const groups: Pair[][] = [];
  for (const p of kept) {
    const g = groups.find((grp) => grp.some((q) => Math.abs(q.sa - p.sa) <= 1 && Math.abs(q.sb - p.sb) <= 1));
    if (g) g.push(p);
    else groups.push([p]);
  }
  let out = [...passages];
  for (const g of groups) {
    let a0 = Math.min(...g.map((p) => sa[p.sa]!.w0));
    let a1 = Math.max(...g.map((p) => sa[p.sa]!.w1));
    let b0 = Math.min(...g.map((p) => sb[p.sb]!.w0));
    let b1 = Math.max(...g.map((p) => sb[p.sb]!.w1));
    // Absorb aligned passages overlapping the region in both texts.
    const absorbed = new Set<Passage>();
    out.forEach((p) => {
      const pa = words(A, p.a.start, p.a.end);
      const pb = words(B, p.b.start, p.b.end);
      if (pa.w0 < a1 && a0 < pa.w1 && pb.w0 < b1 && b0 < pb.w1) {
        absorbed.add(p);
        a0 = Math.min(a0, pa.w0);
        a1 = Math.max(a1, pa.w1);
        b0 = Math.min(b0, pb.w0);
        b1 = Math.max(b1, pb.w1);
      }
    });
    if (a1 - a0 > MAX_REGION_WORDS || b1 - b0 > MAX_REGION_WORDS) continue;
    // Overlapping an aligned passage in one text only: that text's words are already accounted for.
    if (out.some((p) => !absorbed.has(p) && overlaps(words(A, p.a.start, p.a.end), a0, a1, words(B, p.b.start, p.b.end), b0, b1))) continue;
    const passage = buildPassage(A, B, a0, a1, b0, b1, commonSubsequence(A, a0, a1, B, b0, b1));
    if (passage.similarity < MIN_PARAPHRASE_SIMILARITY) continue;
    out = out.filter((p) => !absorbed.has(p));
    out.push(passage);
  }
  return out;
}

function overlaps(pa: { w0: number; w1: number }, a0: number, a1: number, pb: { w0: number; w1: number }, b0: number, b1: number): boolean {
  return (pa.w0 < a1 && a0 < pa.w1) || (pb.w0 < b1 && b0 < pb.w1);
}

/**
 * The longest common subsequence of words `[a0, a1)` of A and `[b0, b1)` of B, as matched pairs
 * (Wagner & Fischer 1974). A paraphrase region is a few sentences (at most `MAX_REGION_WORDS`
 * per side), so the quadratic table is small; unlike a local alignment it keeps every run of
 * words the two sides still share in order, which is what `similarity` then counts.
 */
function commonSubsequence(A: PassageTokens, a0: number, a1: number, B: PassageTokens, b0: number, b1: number): AlignedPair[] {
  const n = a1 - a0;
  const m = b1 - b0;
  const t = new Uint16Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      t[i * (m + 1) + j] = A.ids[a0 + i] === B.ids[b0 + j]
        ? (t[(i + 1) * (m + 1) + j + 1] ?? 0) + 1
        : Math.max(t[(i + 1) * (m + 1) + j] ?? 0, t[i * (m + 1) + j + 1] ?? 0);
    }
  }
  const pairs: AlignedPair[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (A.ids[a0 + i] === B.ids[b0 + j]) {
      pairs.push({ a: a0 + i, b: b0 + j });
      i++;
      j++;
    } else if ((t[(i + 1) * (m + 1) + j] ?? 0) >= (t[i * (m + 1) + j + 1] ?? 0)) i++;
    else j++;
  }
  return pairs;
}
