/**
 * Shared passages between two texts, in four steps (the pipeline, in order):
 *
 * 1. **Seed** (`seeds.ts`): shared rare word 3-grams holding a content word.
 * 2. **Chain**: seeds close to each other on nearby diagonals (`j − i` drifts by at most
 *    `MAX_DRIFT` words, at most `MAX_GAP` words apart) form a candidate region, as BLAST pairs
 *    hits on one diagonal before extending (Altschul et al. 1997, "two-hit" method). A region
 *    needs `MIN_CHAIN_SEEDS` seeds: one lone 3-gram is a coincidence.
 * 3. **Extend and join** (`align.ts`): banded Smith–Waterman over the region, padded by `PAD`
 *    words, so the passage runs past the outer seeds and through small edits between them.
 *    Seeds the alignment left out make new regions (a region may hold two passages).
 * 4. **Filter**: an alignment is a passage only with `MIN_EVIDENCE` matched content words outside
 *    quotations. A shared quotation belongs to the quotes analysis; it may sit inside a reused
 *    paragraph, but it cannot make a passage on its own, and a passage does not start or end on
 *    one. Common phrases (`le secrétaire d'Etat américain John Kerry`, 5 content words; `Conseil
 *    de sécurité de l'ONU`, 3) fall below the minimum; formulaic n-grams repeated in a text never
 *    seed (see `MAX_OCCURRENCES`).
 * 5. **Resolve**: of overlapping alignments the strongest is kept, and what a weaker one holds
 *    outside it; neighbours join across a changed word (`JOIN_GAP`) or across a stretch the same
 *    in both texts (a shared quotation) with at most `MAX_GAP` words inserted on one side.
 *
 * Then **paraphrase** (`paraphrase.ts`): sentences with the same content words but too few
 * shared 3-grams to seed, and the kind and edits of every passage (`passage.ts`).
 *
 * Text-reuse background: Clough, Gaizauskas, Piao & Wilks (2002), METER: measuring text reuse
 * (word n-gram overlap, verbatim / rewritten / new); Churnalism (Media Standards Trust, 2011)
 * matched news against press releases by shared shingles; seed-and-extend after BLAST.
 */
import { alignBanded, isMatch, type AlignedPair, type Alignment } from './align';
import { paraphrasePassages } from './paraphrase';
import { buildPassage, type Passage } from './passage';
import { SEED_LENGTH, seedHits, type SeedHit } from './seeds';
import type { PassageTokens } from './tokens';

/** Largest change of diagonal between two chained seeds: an added or dropped clause of 8 words. */
export const MAX_DRIFT = 8;
/** Largest distance, in words, between two chained seeds, in either text. */
export const MAX_GAP = 12;
/** Seeds a region needs. */
export const MIN_CHAIN_SEEDS = 2;
/** Words of context aligned beyond the outer seeds of a region, so edits near the ends are crossed. */
export const PAD = 12;
/** Diagonals searched on either side of the seeds' diagonals. */
export const BAND = 8;
/** A region longer than this (words of A) is aligned in pieces, then re-joined: memory stays bounded. */
export const MAX_REGION = 1500;
/** Matched content words outside quotations that make a passage (a sentence of wire copy has 10–20). */
export const MIN_EVIDENCE = 8;
/** Two passages this close in both texts, in the same order, are one passage. */
export const JOIN_GAP = 3;

export interface FindOptions {
  /** Look for reworded sentences too (default true; skipped on texts over `PARAPHRASE_MAX_WORDS`). */
  paraphrase?: boolean;
}

/**
 * Groups seeds (sorted by `a`, then `b`) into chains along nearby diagonals. The open chains are
 * kept by the diagonal of their last seed in a typed array over the seeds' diagonals (a `Map`
 * probed 17 times a seed was most of the chaining time on two 5 MB texts).
 */
export function chainSeeds(hits: readonly SeedHit[]): SeedHit[][] {
  const chains: SeedHit[][] = [];
  if (hits.length === 0) return chains;
  let dmin = Infinity;
  let dmax = -Infinity;
  for (const h of hits) {
    dmin = Math.min(dmin, h.b - h.a);
    dmax = Math.max(dmax, h.b - h.a);
  }
  // open[d + base]: 1 + index of the chain whose last seed is on diagonal d, 0 for none (a chain
  // is under one diagonal at most: its old one is cleared when it moves, or taken by another).
  const base = MAX_DRIFT - dmin;
  const open = new Int32Array(dmax - dmin + 1 + 2 * MAX_DRIFT);
  for (const h of hits) {
    const d = h.b - h.a;
    let best = -1;
    let bestDrift = Infinity;
    for (let dd = -MAX_DRIFT; dd <= MAX_DRIFT; dd++) {
      const c = open[d + dd + base]! - 1;
      if (c < 0) continue;
      const chain = chains[c]!;
      const last = chain[chain.length - 1]!;
      if (h.a - last.a > MAX_GAP) {
        open[d + dd + base] = 0; // seeds come by `a`: this chain takes no more
        continue;
      }
      if (h.b < last.b || h.b - last.b > MAX_GAP || (h.a === last.a && h.b === last.b)) continue;
      if (Math.abs(dd) < bestDrift) {
        best = c;
        bestDrift = Math.abs(dd);
      }
    }
    if (best < 0) {
      chains.push([h]);
      best = chains.length - 1;
    } else {
      const chain = chains[best]!;
      const last = chain[chain.length - 1]!;
      open[last.b - last.a + base] = 0;
      chain.push(h);
    }
    open[d + base] = best + 1;
  }
  return chains;
}

/** Splits a chain whose A range exceeds `MAX_REGION` into consecutive pieces. */
function bounded(hits: SeedHit[]): SeedHit[][] {
  const out: SeedHit[][] = [];
  let cur: SeedHit[] = [];
  for (const h of hits) {
    if (cur.length && h.a - cur[0]!.a > MAX_REGION) {
      out.push(cur);
      cur = [];
    }
    cur.push(h);
  }
  if (cur.length) out.push(cur);
  return out;
}

function alignChain(A: PassageTokens, B: PassageTokens, hits: SeedHit[]): Alignment | null {
  let dlo = Infinity;
  let dhi = -Infinity;
  for (const h of hits) {
    dlo = Math.min(dlo, h.b - h.a);
    dhi = Math.max(dhi, h.b - h.a);
  }
  const first = hits[0]!;
  const last = hits[hits.length - 1]!;
  let bmin = Infinity;
  let bmax = -Infinity;
  for (const h of hits) {
    bmin = Math.min(bmin, h.b);
    bmax = Math.max(bmax, h.b);
  }
  return alignBanded(
    A, Math.max(0, first.a - PAD), Math.min(A.length, last.a + SEED_LENGTH + PAD),
    B, Math.max(0, bmin - PAD), Math.min(B.length, bmax + SEED_LENGTH + PAD),
    dlo - BAND, dhi + BAND,
  );
}

/** Aligned regions (before filtering): one alignment per chain of seeds, re-chaining leftovers. */
export function alignSeeds(A: PassageTokens, B: PassageTokens): Alignment[] {
  const work: SeedHit[][] = chainSeeds(seedHits(A, B)).filter((c) => c.length >= MIN_CHAIN_SEEDS).flatMap(bounded);
  const out: Alignment[] = [];
  while (work.length) {
    const hits = work.pop()!;
    const al = alignChain(A, B, hits);
    if (!al) continue;
    out.push(al);
    const left = hits.filter((h) => h.a + SEED_LENGTH <= al.a0 || h.a >= al.a1);
    if (left.length === hits.length) continue; // the alignment holds none of its seeds: nothing more here
    for (const c of chainSeeds(left)) if (c.length >= MIN_CHAIN_SEEDS) work.push(c);
  }
  return out;
}

/** Matched content words of an alignment outside quotations (in either text). */
function evidence(A: PassageTokens, B: PassageTokens, al: Alignment): number {
  let n = 0;
  for (const p of al.pairs) {
    if (p.a < 0 || p.b < 0 || A.ids[p.a] !== B.ids[p.b]) continue;
    if (A.content[p.a] && !A.quoted[p.a] && !B.quoted[p.b]) n++;
  }
  return n;
}

/** Drops columns at either end up to the first match outside quotations. */
function trimQuoted(A: PassageTokens, B: PassageTokens, al: Alignment): Alignment | null {
  const ok = (i: number) => {
    const p = al.pairs[i]!;
    return p.a >= 0 && p.b >= 0 && A.ids[p.a] === B.ids[p.b] && !A.quoted[p.a] && !B.quoted[p.b];
  };
  let s = 0;
  while (s < al.pairs.length && !ok(s)) s++;
  let e = al.pairs.length - 1;
  while (e > s && !ok(e)) e--;
  if (s > e) return null;
  const pairs = al.pairs.slice(s, e + 1);
  return { ...al, pairs, a0: pairs[0]!.a, a1: pairs[pairs.length - 1]!.a + 1, b0: pairs[0]!.b, b1: pairs[pairs.length - 1]!.b + 1 };
}

/** The alignment over `pairs` (a slice of another's columns), trimmed to matches at either end. */
function fromPairs(A: PassageTokens, B: PassageTokens, pairs: AlignedPair[], score: number): Alignment | null {
  let s = 0;
  let e = pairs.length - 1;
  while (s <= e && !isMatch(A, B, pairs[s]!)) s++;
  while (e > s && !isMatch(A, B, pairs[e]!)) e--;
  if (s > e) return null;
  const kept = pairs.slice(s, e + 1);
  return { a0: kept[0]!.a, a1: kept[kept.length - 1]!.a + 1, b0: kept[0]!.b, b1: kept[kept.length - 1]!.b + 1, score, pairs: kept };
}

/**
 * Words of A and of B inside a kept alignment's ranges, one byte a word: looking a word up in a
 * list of kept alignments made `resolve` quadratic in the number of passages (3 s of 8 on two
 * 5 MB texts).
 */
interface Taken { a: Uint8Array; b: Uint8Array }

/**
 * The parts of `al` outside the words already taken (`taken`, ranges of A and of B): a weaker
 * alignment overlapping a stronger one keeps what the stronger one does not hold. Two chains over
 * one copied text (broken where a repeated n-gram pulled seeds onto another diagonal) give two
 * overlapping alignments; dropping the weaker whole lost the copied text only it held (a 290-word
 * verbatim run after a shared quotation was missed so).
 */
function outside(A: PassageTokens, B: PassageTokens, al: Alignment, taken: Taken): Alignment[] {
  const inA = (i: number) => i >= 0 && taken.a[i] === 1;
  const inB = (j: number) => j >= 0 && taken.b[j] === 1;
  const out: Alignment[] = [];
  let run: AlignedPair[] = [];
  const flush = () => {
    const piece = run.length ? fromPairs(A, B, run, al.score) : null;
    if (piece) out.push(piece);
    run = [];
  };
  for (const p of al.pairs) {
    if (inA(p.a) || inB(p.b)) flush();
    else run.push(p);
  }
  flush();
  return out;
}

/** A passage's alignment: trimmed of quotations at its ends, with enough evidence outside them. */
function accepted(A: PassageTokens, B: PassageTokens, al: Alignment): Alignment | null {
  const t = trimQuoted(A, B, al);
  return t && evidence(A, B, t) >= MIN_EVIDENCE ? t : null;
}

/**
 * Keeps the strongest of overlapping alignments and what the weaker ones hold outside it, then
 * joins neighbours (split by `MAX_REGION` or by an overlap).
 */
function resolve(A: PassageTokens, B: PassageTokens, alignments: Alignment[]): Alignment[] {
  const byScore = [...alignments].sort((x, y) => y.score - x.score || x.a0 - y.a0);
  const kept: Alignment[] = [];
  const taken: Taken = { a: new Uint8Array(A.length), b: new Uint8Array(B.length) };
  for (const al of byScore) {
    for (const piece of outside(A, B, al, taken)) {
      const ok = accepted(A, B, piece);
      if (!ok) continue;
      kept.push(ok);
      // Kept pieces avoid taken words and their columns advance a word at a time: their ranges
      // do not overlap, so the marking costs O(words) in all.
      taken.a.fill(1, ok.a0, ok.a1);
      taken.b.fill(1, ok.b0, ok.b1);
    }
  }
  kept.sort((x, y) => x.a0 - y.a0);
  const joined: Alignment[] = [];
  for (const al of kept) {
    const prev = joined[joined.length - 1];
    const gap = prev ? bridge(A, B, prev, al) : null;
    if (prev && gap) {
      joined[joined.length - 1] = { a0: prev.a0, a1: al.a1, b0: prev.b0, b1: al.b1, score: prev.score + al.score, pairs: [...prev.pairs, ...gap, ...al.pairs] };
    } else joined.push(al);
  }
  return joined;
}

/**
 * The columns joining two passages that follow each other in both texts, or null when the words
 * between them differ. Joined: a gap of at most `JOIN_GAP` words on each side (a changed word),
 * and a gap whose words are the same on both sides but for an insertion of at most `MAX_GAP`
 * words on one side (a link line or a heading dropped into one copy). A shared quotation between
 * two paragraphs of one copy is such a gap: it cannot start or end a passage, but it does not
 * cut one in two.
 */
function bridge(A: PassageTokens, B: PassageTokens, prev: Alignment, next: Alignment): AlignedPair[] | null {
  const ga = next.a0 - prev.a1;
  const gb = next.b0 - prev.b1;
  if (ga < 0 || gb < 0) return null;
  if (ga <= JOIN_GAP && gb <= JOIN_GAP) return [];
  const inserted = Math.abs(ga - gb);
  if (inserted > MAX_GAP) return null;
  const same = Math.min(ga, gb);
  const equalFrom = (a0: number, b0: number) => {
    for (let k = 0; k < same; k++) if (A.ids[a0 + k] !== B.ids[b0 + k]) return false;
    return true;
  };
  const diagonal = (a0: number, b0: number) => Array.from({ length: same }, (_, k) => ({ a: a0 + k, b: b0 + k }));
  const insertion = (from: number, side: 'a' | 'b') =>
    Array.from({ length: inserted }, (_, k) => (side === 'a' ? { a: from + k, b: -1 } : { a: -1, b: from + k }));
  const side = ga > gb ? 'a' : 'b';
  // The same words right after `prev` (insertion last) or right before `next` (insertion first).
  if (equalFrom(prev.a1, prev.b1)) return [...diagonal(prev.a1, prev.b1), ...insertion(side === 'a' ? prev.a1 + same : prev.b1 + same, side)];
  if (equalFrom(next.a0 - same, next.b0 - same)) return [...insertion(side === 'a' ? prev.a1 : prev.b1, side), ...diagonal(next.a0 - same, next.b0 - same)];
  return null;
}

/**
 * Passages shared by two prepared texts, in the order of A: aligned (verbatim or edited) and,
 * unless `options.paraphrase` is false, reworded sentences.
 */
export function findPassagesInTokens(A: PassageTokens, B: PassageTokens, options: FindOptions = {}): Passage[] {
  const aligned: Alignment[] = [];
  for (const raw of alignSeeds(A, B)) {
    const al = accepted(A, B, raw);
    if (al) aligned.push(al);
  }
  let passages = resolve(A, B, aligned).map((al) => buildPassage(A, B, al.a0, al.a1, al.b0, al.b1, al.pairs));
  if (options.paraphrase ?? true) passages = paraphrasePassages(A, B, passages);
  return passages.sort((x, y) => x.a.start - y.a.start);
}
