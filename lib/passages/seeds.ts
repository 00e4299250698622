/**
 * Seeds: word n-grams the two texts share (the "seed" of BLAST's seed-and-extend, Altschul et al.
 * 1990; word n-gram overlap is the standard text-reuse signal: Clough et al. 2002, METER corpus;
 * Churnalism's shared-shingle search).
 *
 * - An n-gram is `SEED_LENGTH` consecutive words; it must hold a content word (`de la` `et le`
 *   seed nothing).
 * - Rare n-grams only: an n-gram found more than `MAX_OCCURRENCES` times in either text is
 *   formulaic in that text (a repeated refrain, a table) and seeds nothing; this also bounds the
 *   number of seed pairs to `MAX_OCCURRENCES²` per n-gram, so two 5 MB texts stay linear.
 * - Join by sorting: each text's n-grams, as (30-bit hash, position) pairs in typed arrays, are
 *   sorted by hash with a stable least-significant-digit radix sort (Knuth, TAOCP vol. 3, §5.2.5;
 *   three passes of 10 bits), so that equal hashes keep their positions in text order, then
 *   merged. Memory is 8 bytes per word per text, against a hash map's ~60; a hash collision is
 *   rejected by comparing the words.
 */
import type { PassageTokens } from './tokens';

/** Words per seed n-gram. Three: long enough to be rare, short enough to fit between edits. */
export const SEED_LENGTH = 3;
/** An n-gram seen more often than this in either text is too common to seed a passage. */
export const MAX_OCCURRENCES = 4;

/** Texts over 2^23 words (8.4 M, ~50 MB of text) are refused, far past what is compared in detail. */
const POS_SCALE = 2 ** 23;
/** Hash bits kept: 30, sorted in three radix passes of 10 bits. */
const HASH_MASK = (1 << 30) - 1;
const RADIX_BITS = 10;
const RADIX = 1 << RADIX_BITS;

/** A shared n-gram: it starts at word `a` of text A and word `b` of text B. */
export interface SeedHit {
  a: number;
  b: number;
}

/** A text's n-grams holding a content word, sorted by hash, then position. */
interface Ngrams {
  hashes: Uint32Array;
  positions: Int32Array;
}

function sortedNgrams(t: PassageTokens): Ngrams {
  const n = Math.max(0, t.length - SEED_LENGTH + 1);
  const ids = t.ids;
  const content = t.content;
  let hashes = new Uint32Array(n);
  let positions = new Int32Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    let hasContent = 0;
    let h = 0x9e3779b9 | 0;
    for (let j = 0; j < SEED_LENGTH; j++) {
      hasContent |= content[i + j]!;
      h = Math.imul(h ^ ids[i + j]!, 0x85ebca6b);
      h ^= h >>> 13;
    }
    if (!hasContent) continue;
    hashes[k] = h & HASH_MASK;
    positions[k++] = i;
  }
  hashes = hashes.subarray(0, k);
  positions = positions.subarray(0, k);
  let nextHashes = new Uint32Array(k);
  let nextPositions = new Int32Array(k);
  const counts = new Int32Array(RADIX);
  for (let shift = 0; shift < 30; shift += RADIX_BITS) {
    counts.fill(0);
    for (let x = 0; x < k; x++) counts[(hashes[x]! >>> shift) & (RADIX - 1)]!++;
    for (let d = 0, sum = 0; d < RADIX; d++) {
      const c = counts[d]!;
      counts[d] = sum;
      sum += c;
    }
    for (let x = 0; x < k; x++) {
      const to = counts[(hashes[x]! >>> shift) & (RADIX - 1)]!++;
      nextHashes[to] = hashes[x]!;
      nextPositions[to] = positions[x]!;
    }
    const sortedHashes = nextHashes;
    nextHashes = hashes;
    hashes = sortedHashes;
    const sortedPositions = nextPositions;
    nextPositions = positions;
    positions = sortedPositions;
  }
  return { hashes, positions };
}

function sameWords(a: PassageTokens, i: number, b: PassageTokens, j: number): boolean {
  for (let k = 0; k < SEED_LENGTH; k++) if (a.ids[i + k] !== b.ids[j + k]) return false;
  return true;
}

/**
 * All shared rare n-grams of `a` and `b`, sorted by position in `a`, then in `b`: the merge
 * notes, for each position of `a` whose n-gram is rare in both texts, its run of `b`'s sorted
 * n-grams (positions in text order), and the hits are read out by position of `a`.
 */
export function seedHits(a: PassageTokens, b: PassageTokens): SeedHit[] {
  if (a.length >= POS_SCALE || b.length >= POS_SCALE) throw new RangeError(`texts over ${POS_SCALE} words are not aligned`);
  const ka = sortedNgrams(a);
  const kb = sortedNgrams(b);
  // Run of kb (from, to) of each position of a; `to` 0 when it has none.
  const runFrom = new Int32Array(a.length);
  const runTo = new Int32Array(a.length);
  const na = ka.hashes.length;
  const nb = kb.hashes.length;
  let i = 0;
  let j = 0;
  while (i < na && j < nb) {
    const ha = ka.hashes[i]!;
    const hb = kb.hashes[j]!;
    if (ha < hb) {
      i++;
      continue;
    }
    if (hb < ha) {
      j++;
      continue;
    }
    let ie = i;
    while (ie < na && ka.hashes[ie] === ha) ie++;
    let je = j;
    while (je < nb && kb.hashes[je] === hb) je++;
    if (ie - i <= MAX_OCCURRENCES && je - j <= MAX_OCCURRENCES) {
      for (let x = i; x < ie; x++) {
        runFrom[ka.positions[x]!] = j;
        runTo[ka.positions[x]!] = je;
      }
    }
    i = ie;
    j = je;
  }
  const hits: SeedHit[] = [];
  for (let pa = 0; pa < a.length; pa++) {
    for (let y = runFrom[pa]!, end = runTo[pa]!; y < end; y++) {
      const pb = kb.positions[y]!;
      if (sameWords(a, pa, b, pb)) hits.push({ a: pa, b: pb });
    }
  }
  return hits;
}
