/**
 * Two long texts sharing edited copies of blocks (the long case of scripts/bench/passages.bench.ts,
 * and of the passages' identical-results test at a smaller size): A is corpus words in random
 * order; B is new random text with blocks of A, 30% of its blocks copies with 5% of words edited.
 */
import { seededRandom } from './seeded-random';

/** Two texts of about `bytes` characters each, from `words`, the same for the same arguments. */
export function longPair(words: readonly string[], bytes: number): [string, string] {
  const r = seededRandom(42);
  const pick = () => words[Math.floor(r() * words.length)]!;
  const a: string[] = [];
  let len = 0;
  while (len < bytes) {
    const w = pick();
    a.push(w);
    len += w.length + 1;
  }
  const b: string[] = [];
  len = 0;
  while (len < bytes) {
    let block: string[];
    if (r() < 0.3) {
      const at = Math.floor(r() * (a.length - 200));
      block = a.slice(at, at + 50 + Math.floor(r() * 150)).map((w) => (r() < 0.05 ? pick() : w));
    } else block = Array.from({ length: 100 }, pick);
    for (const w of block) {
      b.push(w);
      len += w.length + 1;
    }
  }
  return [a.join(' '), b.join(' ')];
}
