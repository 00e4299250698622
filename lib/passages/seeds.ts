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
 * - Join by sorting: each text's n-grams are packed as `hash · 2^23 + position` in a Float64Array
 *   (exact up to 2^53), sorted natively, then merged. Memory is 8 bytes per word per text,
 *   against a hash map's ~60; a hash collision is rejected by comparing the words.
 */
import type { PassageTokens } from './tokens';

/** Words per seed n-gram. Three: long enough to be rare, short enough to fit between edits. */
export const SEED_LENGTH = 3;
/** An n-gram seen more often than this in either text is too common to seed a passage. */
export const MAX_OCCURRENCES = 4;

/** Position bits in a packed key: 2^23 = 8.4 M words, ~50 MB of text. */
const POS_BITS = 23;
const POS_SCALE = 2 ** POS_BITS;
/** Hash bits kept: 30, so hash · 2^23 + pos < 2^53. */
const HASH_MASK = (1 << 30) - 1;

/** A shared n-gram: it starts at word `a` of text A and word `b` of text B. */
export interface SeedHit {
  a: number;
  b: number;
}

function packedNgrams(t: PassageTokens): Float64Array {
  const n = t.length - SEED_LENGTH + 1;
  if (n <= 0) return new Float64Array(0);
  const out = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    let hasContent = 0;
    let h = 0x9e3779b9 | 0;
    for (let j = 0; j < SEED_LENGTH; j++) {
      hasContent |= t.content[i + j] ?? 0;
      h = Math.imul(h ^ (t.ids[i + j] ?? 0), 0x85ebca6b);
      h ^= h >>> 13;
    }
    if (!hasContent) continue;
    out[k++] = (h & HASH_MASK) * POS_SCALE + i;
  }
  return out.subarray(0, k).sort();
}

function sameWords(a: PassageTokens, i: number, b: PassageTokens, j: number): boolean {
  for (let k = 0; k < SEED_LENGTH; k++) if (a.ids[i + k] !== b.ids[j + k]) return false;
  return true;
}

/** All shared rare n-grams of `a` and `b`, sorted by position in `a`, then in `b`. */
export function seedHits(a: PassageTokens, b: PassageTokens): SeedHit[] {
  if (a.length >= POS_SCALE || b.length >= POS_SCALE) throw new RangeError(`texts over ${POS_SCALE} words are not aligned`);
  const ka = packedNgrams(a);
  const kb = packedNgrams(b);
  const hits: SeedHit[] = [];
  let i = 0;
  let j = 0;
  while (i < ka.length && j < kb.length) {
    const ha = Math.floor((ka[i] ?? 0) / POS_SCALE);
    const hb = Math.floor((kb[j] ?? 0) / POS_SCALE);
    if (ha < hb) {
      i++;
      continue;
    }
    if (hb < ha) {
      j++;
      continue;
    }
    let ie = i;
    while (ie < ka.length && Math.floor((ka[ie] ?? 0) / POS_SCALE) === ha) ie++;
    let je = j;
    while (je < kb.length && Math.floor((kb[je] ?? 0) / POS_SCALE) === hb) je++;
    if (ie - i <= MAX_OCCURRENCES && je - j <= MAX_OCCURRENCES) {
      for (let x = i; x < ie; x++) {
        const pa = (ka[x] ?? 0) % POS_SCALE;
        for (let y = j; y < je; y++) {
          const pb = (kb[y] ?? 0) % POS_SCALE;
          if (sameWords(a, pa, b, pb)) hits.push({ a: pa, b: pb });
        }
      }
    }
    i = ie;
    j = je;
  }
  return hits.sort((x, y) => x.a - y.a || x.b - y.b);
}
