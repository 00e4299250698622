/**
 * `bestCounterpart`: which sentence of the other version a sentence is aligned with (omissions,
 * word choice, scare quotes). The result is specified by counting: the sentence holding the most of
 * its stems; among those, the one whose last stem shared comes first in the sentence's stems; then
 * the first sentence. On repetitive text (every sentence sharing most of its stems with every
 * other) counting each stem's sentences is quadratic (issue 16: 11.5 s for the framing of 5,000
 * quotations beside their copy); the index must be read a bounded number of times whatever the
 * number of sentences, and the result stay the counting's.
 */
import { describe, expect, it } from 'vitest';
import { bestCounterpart, stemIndex, stemmedText, type Sentence, type StemIndex } from '../omissions';
import { prose, quotationsCuedBefore } from '../../../tests/support/adversarial-pages';

const sentence = (...stems: string[]): Sentence => ({ start: 0, end: 0, stems: new Set(stems) });

/** The specification: every sentence holding each stem counted, the stems in order, each one's sentences in order, the first to pass the most kept. */
function counted(s: Sentence, index: StemIndex): { k: number; share: number; shared: number } {
  if (!s.stems.size) return { k: -1, share: 1, shared: 0 };
  const counts = new Map<number, number>();
  let best = 0;
  let bestK = -1;
  for (const t of s.stems) {
    for (const k of index.get(t) ?? []) {
      const n = (counts.get(k) ?? 0) + 1;
      counts.set(k, n);
      if (n > best) { best = n; bestK = k; }
    }
  }
  return { k: bestK, share: best / s.stems.size, shared: best };
}

describe('bestCounterpart picks the sentence counting gives', () => {
  it.each([
    { name: 'the sentence holding the most stems', other: [['a', 'x'], ['a', 'b', 'c'], ['b']], s: ['a', 'b', 'c', 'd'], k: 1, shared: 3 },
    { name: 'a tie: the one whose last shared stem comes first in the sentence', other: [['a', 'c'], ['a', 'b']], s: ['a', 'b', 'c'], k: 1, shared: 2 },
    { name: 'a tie on that too: the first sentence', other: [['q', 'b', 'a'], ['a', 'b']], s: ['a', 'b', 'c'], k: 0, shared: 2 },
    { name: 'the same stems twice (in another order): the first', other: [['z'], ['c', 'b', 'a'], ['a', 'b', 'c']], s: ['a', 'b', 'c'], k: 1, shared: 3 },
    { name: 'a sentence met only in the frequent stems beats one met in a rare stem', other: [['a', 'b', 'c'], ['a', 'b', 'c'], ['a', 'b', 'c'], ['r'], ['a', 'b', 'c', 'd']], s: ['r', 'a', 'b', 'c', 'd'], k: 4, shared: 4 },
    { name: 'a rare stem decides a tie of frequent ones', other: [['a', 'b'], ['a', 'b'], ['a', 'r']], s: ['a', 'r', 'b'], k: 2, shared: 2 },
    { name: 'no stem shared: none', other: [['x'], ['y']], s: ['a', 'b'], k: -1, shared: 0 },
    { name: 'a sentence without stems: none, covered', other: [['x']], s: [], k: -1, shared: 0 },
  ])('$name', ({ other, s, k, shared }) => {
    const index = stemIndex(other.map((x) => sentence(...x)));
    const got = bestCounterpart(sentence(...s), index);
    expect(got).toEqual({ k, shared, share: s.length ? shared / s.length : 1 });
    expect(got).toEqual(counted(sentence(...s), index));
  });

  it('on made-up sentences of few words, many equal, every result is the counting’s', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const made = (words: number, length: number) => sentence(...Array.from({ length: Math.floor(random() * length) }, () => `w${Math.floor(random() * random() * words)}`));
    for (let trial = 0; trial < 400; trial++) {
      const words = 2 + Math.floor(random() * 20);
      const length = 1 + Math.floor(random() * 10);
      const other = Array.from({ length: Math.floor(random() * 30) }, () => made(words, length));
      // Sentences with the same stems in another order: one group, the first of them the result.
      for (let d = 0; d < 4 && other.length; d++) other.push(sentence(...[...other[Math.floor(random() * other.length)]!.stems].reverse()));
      const index = stemIndex(other);
      for (let q = 0; q < 20; q++) {
        const s = q % 3 === 0 && other.length ? sentence(...[...other[Math.floor(random() * other.length)]!.stems].sort(() => random() - 0.5)) : made(words, length);
        expect(bestCounterpart(s, index)).toEqual(counted(s, index));
      }
    }
  });
});

/** A stem index that counts the sentences read from it, by look-up or by walking it. */
class CountingIndex extends Map<string, number[]> {
  read = 0;
  override get(t: string): number[] | undefined {
    const l = super.get(t);
    this.read += l?.length ?? 0;
    return l;
  }
  override *[Symbol.iterator](): MapIterator<[string, number[]]> {
    for (const e of super.entries()) { this.read += e[1].length; yield e; }
  }
}

describe('bestCounterpart reads the index a bounded number of times, not once per sentence', () => {
  const names = ['Dupont', 'Martin', 'Bernard', 'Petit', 'Durand'];
  it.each([
    { name: '1,000 quotations, the verb before them (every sentence shares most stems)', text: quotationsCuedBefore(1_000) },
    { name: '1,000 sentences alike but for a number of their own', text: Array.from({ length: 1_000 }, (_, i) => `Jean ${names[i % 5]} a déclaré que la réforme était « ${prose(6, i)} » pour les salariés numéro${i}.`).join(' ') },
  ])('$name, beside its copy', ({ text }) => {
    const a = stemmedText(text, 'fr');
    const b = stemmedText(`${text} `, 'fr');
    const index = new CountingIndex(b.index);
    const postings = [...b.index.values()].reduce((n, l) => n + l.length, 0);
    const got = a.sentences.map((s) => bestCounterpart(s, index));
    // (Each sentence's copy: all its stems, the first of the sentences alike.)
    expect(got.every((r) => r.share === 1)).toBe(true);
    expect(got).toEqual(a.sentences.map((s) => counted(s, b.index)));
    expect(index.read).toBeLessThanOrEqual(2 * postings);
  });
});
