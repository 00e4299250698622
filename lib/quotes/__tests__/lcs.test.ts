/**
 * The exact filter of quotation alignment (issue 16) as a property: the bit-parallel LCS length
 * equals the dynamic programme's, and `alignQuotes` pairs quotations exactly as comparing every
 * pair in full (`compareQuotations`) and pairing greedily, best similarity first, would.
 * Random but replayable (seeded): a failure names its seed.
 */
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../tests/support/seeded-random';
import { alignQuotes, compareQuotations, extractQuotes, quotedWords } from '..';
import type { Quote } from '..';
import { lcsLength, matchMasks, releaseMasks, sameNamedSpeaker, samePersonNamed, writtenWords } from '../align';
import { isStopword, tokenize } from '../../text';

const HAS_WORD = /[\p{L}\p{N}]/u;

/** The LCS length by the textbook table (Wagner & Fischer 1974), the reference. */
function lcsTable(a: readonly number[], b: readonly number[]): number {
  let row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const next = [0];
    for (let j = 0; j < b.length; j++) next.push(x === b[j] ? row[j]! + 1 : Math.max(row[j + 1]!, next[j]!));
    row = next;
  }
  return row[b.length]!;
}

describe('bit-parallel LCS length = the table’s', () => {
  // Lengths across one and several 32-bit words (31, 32, 33, 64, 65: the carry between words and
  // the last word's padding), alphabets from two symbols (long common runs) to many (few matches).
  it.each([
    { seed: 1, lengths: [0, 1, 5], symbols: 2 },
    { seed: 2, lengths: [31, 32, 33], symbols: 2 },
    { seed: 3, lengths: [31, 32, 33, 64, 65], symbols: 4 },
    { seed: 4, lengths: [10, 63, 64, 65, 130], symbols: 20 },
    { seed: 5, lengths: [100, 400], symbols: 300 },
    { seed: 6, lengths: [1, 33, 97], symbols: 1 },
  ])('seed $seed, lengths $lengths, $symbols symbols', ({ seed, lengths, symbols }) => {
    const random = seededRandom(seed);
    const sequence = (n: number) => Array.from({ length: n }, () => Math.floor(random() * symbols));
    const slots = new Int32Array(symbols).fill(-1);
    for (let trial = 0; trial < 40; trial++) {
      for (const n of lengths) {
        for (const m of lengths) {
          const a = sequence(n);
          // Half the time b is an edited copy of a (long LCS), else independent.
          const b = trial % 2 === 0 ? sequence(m) : a.filter(() => random() > 0.2).map((x) => (random() < 0.1 ? Math.floor(random() * symbols) : x));
          const masks = matchMasks(a, slots);
          expect(lcsLength(masks, b), `seed ${seed} trial ${trial}: ${a} / ${b}`).toBe(lcsTable(a, b));
          releaseMasks(a, slots);
        }
      }
    }
  });
});

describe('the filtered alignment pairs what comparing every pair in full pairs', () => {
  // A small vocabulary, stop words among it, so that unrelated quotations share words (the case
  // the filter must decide from bounds); versions edited the ways the relations name.
  // Half the words stop words: short quotations made of them are in many long ones (an LCS of
  // function words, which the content-word checks must refuse).
  const STOP = ['le', 'la', 'les', 'de', 'des', 'et', 'a', 'que', 'pour'];
  const CONTENT = ['gouvernement', 'réforme', 'retraites', 'syndicats', 'injuste', 'salariés', 'secteur', 'public', 'privé', 'grève', 'ministre', 'mardi', 'annoncé', 'projet', 'loi'];
  const SPEAKERS = ['Jean Dupont', 'Marie Curie', 'le ministre'];

  function page(random: () => number, count: number): { a: string; b: string } {
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const word = () => pick(random() < 0.5 ? STOP : CONTENT);
    const quotation = () => Array.from({ length: 3 + Math.floor(random() * (random() < 0.2 ? 45 : 12)) }, word);
    // One to three edits in a row (a cut and an insertion, a truncation and a changed word…).
    const edit = (ws: string[]): string[] => {
      let out = ws;
      for (let k = 1 + Math.floor(random() * 3); k > 0 && out.length > 0; k--) out = editOnce(out);
      return out;
    };
    const editOnce = (ws: string[]): string[] => {
      const out = [...ws];
      const at = Math.floor(random() * out.length);
      switch (Math.floor(random() * 8)) {
        case 0: return out; // the same
        case 1: out.splice(at, 0, word()); return out; // a word added
        case 2: out.splice(at, 1); return out; // dropped
        case 3: out[at] = word(); return out; // changed
        case 4: out.splice(at, 0, `[${word()}]`); return out; // an editor's insertion
        case 5: out.splice(at, Math.min(3, out.length - at - 1), '…'); return out; // a cut marked
        case 6: return out.slice(at); // truncated
        default: return [...out.slice(0, at), ...out.slice(at + 3)]; // a clause left out
      }
    };
    const quotes = Array.from({ length: count }, quotation);
    const say = (ws: string[]) => `« ${ws.join(' ')} », a déclaré ${pick(SPEAKERS)}.`;
    const a = quotes.map(say).join(' ');
    // b: edited versions of some of a's quotations (some twice), and quotations of its own, shuffled.
    const bQuotes = [...quotes.filter(() => random() < 0.7).map(edit), ...quotes.filter(() => random() < 0.2).map(edit), ...Array.from({ length: count >> 2 }, quotation)];
    for (let k = bQuotes.length - 1; k > 0; k--) {
      const j = Math.floor(random() * (k + 1));
      [bQuotes[k], bQuotes[j]] = [bQuotes[j]!, bQuotes[k]!];
    }
    return { a, b: bQuotes.map(say).join(' ') };
  }

  /** The two pages of quotations, b's shuffled, each said by one of SPEAKERS. */
  function shuffledPage(random: () => number, aQuotes: string[][], bQuotes: string[][]): { a: string; b: string } {
    for (let k = bQuotes.length - 1; k > 0; k--) {
      const j = Math.floor(random() * (k + 1));
      [bQuotes[k], bQuotes[j]] = [bQuotes[j]!, bQuotes[k]!];
    }
    const say = (ws: string[]) => `« ${ws.join(' ')} », a déclaré ${SPEAKERS[Math.floor(random() * SPEAKERS.length)]!}.`;
    return { a: aQuotes.map(say).join(' '), b: bQuotes.map(say).join(' ') };
  }

  /**
   * Pages where the bounds cannot decide (the candidate index's third case, `candidateIndex`):
   * b's version is a window of a's quotation, words of its own at both ends (so neither holds all the
   * other's words, and the share is under ALTERED_MIN_SHARE), with one or two editor's marks
   * inside, on either side or both (a cut `…` or an insertion `[…]`), and as many near misses:
   * the same window unmarked, or a word changed beside the mark.
   */
  function markedPage(random: () => number, count: number): { a: string; b: string } {
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const word = () => pick(random() < 0.5 ? STOP : CONTENT);
    const words = (n: number) => Array.from({ length: n }, word);
    /** One mark in `ws` at `at`: a cut (words left out, `…` in their place) or an insertion. */
    const mark = (ws: string[], at: number): string[] => (random() < 0.5
      ? [...ws.slice(0, at), '…', ...ws.slice(at + 1 + Math.floor(random() * 3))]
      : [...ws.slice(0, at), `[${word()}]`, ...ws.slice(at)]);
    const marked = (ws: string[], marks: number): string[] => {
      let out = ws;
      for (let k = 0; k < marks && out.length > 2; k++) out = mark(out, 1 + Math.floor(random() * (out.length - 2)));
      return out;
    };
    const aQuotes: string[][] = [];
    const bQuotes: string[][] = [];
    for (let k = 0; k < count; k++) {
      const window = words(4 + Math.floor(random() * 9));
      const marks = 1 + Math.floor(random() * 2);
      // Marks in a's window, in b's, or both.
      const where = Math.floor(random() * 3);
      let inA = where === 1 ? window : marked(window, marks);
      let inB = where === 0 ? window : marked(window, where === 2 ? 1 : marks);
      // A near miss: a word changed in one of them.
      if (random() < 0.3) { const at = Math.floor(random() * inB.length); inB = [...inB.slice(0, at), word(), ...inB.slice(at + 1)]; }
      if (random() < 0.1) inA = window;
      // Ends of words of each side's own (an LCS through them would leave a gap no mark excuses).
      const own = (n: number) => Array.from({ length: n }, () => `mot${Math.floor(random() * 1000)}`);
      aQuotes.push([...own(Math.floor(random() * 10)), ...inA, ...own(5 + Math.floor(random() * 15))]);
      bQuotes.push([...own(3 + Math.floor(random() * 10)), ...inB, ...own(3 + Math.floor(random() * 10))]);
    }
    return shuffledPage(random, aQuotes, bQuotes);
  }

  /**
   * Pages where the two versions share only single words, each between editor's marks (the
   * candidate index's case where every run of the LCS is one word: `candidateIndex` b.1–b.4):
   * between two words of a window, a mark in a (`[…]` or `…`) with words of b's own there, or the
   * other way round, so that a word stands between two marks of one side or after a mark of one
   * and before a mark of the other; ends of each side's own, and as many near misses (a gap no
   * mark excuses).
   */
  function singleWordsPage(random: () => number, count: number): { a: string; b: string } {
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const own = (n: number) => Array.from({ length: n }, () => `mot${Math.floor(random() * 1000)}`);
    const aQuotes: string[][] = [];
    const bQuotes: string[][] = [];
    for (let k = 0; k < count; k++) {
      const window = Array.from({ length: 3 + Math.floor(random() * 3) }, () => pick(CONTENT));
      const inA: string[] = [window[0]!];
      const inB: string[] = [window[0]!];
      for (const w of window.slice(1)) {
        const mark = random() < 0.5 ? `[${pick(CONTENT)}]` : '…';
        const gap = own(1 + Math.floor(random() * 2));
        switch (Math.floor(random() * 5)) {
          case 0: inA.push(mark); inB.push(...gap); break; // a's mark
          case 1: inB.push(mark); inA.push(...gap); break; // b's mark
          case 2: inA.push(mark); inB.push(`[${pick(CONTENT)}]`); break; // marks on both sides
          case 3: inA.push(...gap); inB.push(...own(1)); break; // a near miss: no mark
          default: inA.push(mark); break; // a cut in a, nothing between in b
        }
        inA.push(w);
        inB.push(w);
      }
      aQuotes.push([...own(2 + Math.floor(random() * 8)), ...inA, ...own(4 + Math.floor(random() * 10))]);
      bQuotes.push([...own(2 + Math.floor(random() * 8)), ...inB, ...own(2 + Math.floor(random() * 8))]);
    }
    return shuffledPage(random, aQuotes, bQuotes);
  }

  /** Every pair of reported quotations compared in full, kept pairs taken best similarity first (ties: a's earlier, then b's). */
  function reference(a: string, qa: readonly Quote[], b: string, qb: readonly Quote[]) {
    const kept: { ia: number; ib: number; relation: string; similarity: number; start: number }[] = [];
    qa.forEach((x, ia) => qb.forEach((y, ib) => {
      if (x.kind !== 'reported' || y.kind !== 'reported') return;
      // (Too short to compare, the same words of one named speaker are one quotation: `sameNamedSpeaker`.)
      const short = writtenWords(a, x) === writtenWords(b, y) && quotedWords(a, x.marks.open, x.marks.close, 'fr').length >= 2 && sameNamedSpeaker(x, y) ? { relation: 'exact', similarity: 1 } : null;
      const r = compareQuotations(a, x, b, y, 'fr', x.insertions, y.insertions) ?? short;
      if (r) kept.push({ ia, ib, relation: r.relation, similarity: r.similarity, start: x.start });
    }));
    kept.sort((x, y) => y.similarity - x.similarity || x.start - y.start);
    const usedA = new Set<number>();
    const usedB = new Set<number>();
    const pairs = kept.filter((k) => !usedA.has(k.ia) && !usedB.has(k.ib) && usedA.add(k.ia) && usedB.add(k.ib)).map((k) => `${k.ia}:${k.ib}:${k.relation}:${k.similarity}`);
    // Then quotations too short to compare inside a longer one of the same person, a's first, then
    // b's (`shortInLong`), read here word by word over the whole other text.
    for (const shortInA of [true, false]) {
      const [textS, qs, usedS, textL, ql, usedL] = shortInA ? [a, qa, usedA, b, qb, usedB] as const : [b, qb, usedB, a, qa, usedA] as const;
      const all = tokenize(textL, 'fr').filter((t) => HAS_WORD.test(t.norm)).map((t) => t.norm);
      const starts = tokenize(textL, 'fr').filter((t) => HAS_WORD.test(t.norm)).map((t) => [t.start, t.end] as const);
      qs.forEach((q, k) => {
        if (q.kind !== 'reported' || usedS.has(k) || !q.speaker) return;
        const ws = speakersWords(textS, q);
        const content = ws.filter((w) => !isStopword(w.text, 'fr'));
        if (ws.length < 2 || content.length < 2 || Math.max(...content.filter((w) => !/^\p{N}/u.test(w.norm)).map((w) => w.norm.length), 0) < 6) return;
        if (ws.length >= 4 && content.length >= 3) return;
        const at = all.flatMap((_, i) => (ws.every((w, m) => all[i + m] === w.norm) ? [i] : []));
        if (at.length !== 1) return;
        const [from, to] = [starts[at[0]!]![0], starts[at[0]! + ws.length - 1]![1]];
        // The innermost reported quotation holding them.
        const holders = ql.map((x, j) => [x, j] as const).filter(([x]) => x.kind === 'reported' && x.start <= from && to <= x.end);
        const [long, j] = holders.reduce<readonly [Quote, number] | null>((best, h) => (!best || h[0].start >= best[0].start ? h : best), null) ?? [null, -1];
        if (!long || usedL.has(j) || !samePersonNamed(q, long)) return;
        const ls = speakersWords(textL, long);
        if (ls.length <= ws.length || !ls.some((_, i) => ws.every((w, m) => ls[i + m]?.norm === w.norm))) return;
        usedS.add(k);
        usedL.add(j);
        pairs.push(shortInA ? `${k}:${j}:truncated:${ws.length / ls.length}` : `${j}:${k}:truncated:${ws.length / ls.length}`);
      });
    }
    return pairs.sort();
  }

  /** A quotation's words, an editor's brackets left out. */
  const speakersWords = (text: string, q: Quote) => tokenize(text.slice(q.start, q.end), 'fr').map((t) => ({ ...t, start: t.start + q.start, end: t.end + q.start }))
    .filter((t) => HAS_WORD.test(t.norm) && !q.insertions.some((s) => t.start >= s.start && t.end <= s.end));

  it.each(Array.from({ length: 16 }, (_, k) => k + 1))('seed %i: the same pairs, relations and similarities', (seed) => {
    const random = seededRandom(seed);
    const { a, b } = page(random, 60);
    const qa = extractQuotes(a, 'fr');
    const qb = extractQuotes(b, 'fr');
    expect(qa.filter((q) => q.kind === 'reported').length).toBeGreaterThan(40);
    const expected = reference(a, qa, b, qb);
    const got = alignQuotes(a, qa, b, qb, 'fr').filter((s) => s.aQuote !== null && s.bQuote !== null).map((s) => `${s.aQuote}:${s.bQuote}:${s.relation}:${s.similarity}`).sort();
    expect(got).toEqual(expected);
    // Not trivially equal: pairs of every kind made.
    expect(new Set(expected.map((k) => k.split(':')[2])).size).toBeGreaterThan(2);
  });

  it.each([
    ...Array.from({ length: 12 }, (_, k) => ['marked windows', 1001 + k, markedPage] as const),
    ...Array.from({ length: 12 }, (_, k) => ['single words between marks', 2001 + k, singleWordsPage] as const),
  ])('%s, seed %i: the same pairs, relations and similarities', (_name, seed, make) => {
    const { a, b } = make(seededRandom(seed), 60);
    const qa = extractQuotes(a, 'fr');
    const qb = extractQuotes(b, 'fr');
    const expected = reference(a, qa, b, qb);
    const got = alignQuotes(a, qa, b, qb, 'fr').filter((s) => s.aQuote !== null && s.bQuote !== null).map((s) => `${s.aQuote}:${s.bQuote}:${s.relation}:${s.similarity}`).sort();
    expect(got).toEqual(expected);
    // Not trivially equal: editorial pairs the bounds could not decide (a share under ALTERED_MIN_SHARE).
    expect(expected.filter((k) => /:(cut|insertion):/.test(k) && Number(k.split(':')[3]) < 0.6).length).toBeGreaterThan(3);
  });
});

describe('prefix filtering at its bound: altered pairs whose shared words are the most frequent', () => {
  // The pair's content words in common are exactly t = ⌈ALTERED_MIN_SHARE × c⌉ of its c, and they
  // are the words most quotations of both pages hold: last in the prefix order, so each prefix
  // (c − t + ℓ words) holds exactly ℓ of them (`candidateIndex`, 2.). Neither holds all of the
  // other's words and no editor's mark is set: only the prefixes can find the pair.
  const FREQUENT = Array.from({ length: 26 }, (_, k) => `frequent${String.fromCharCode(97 + k)}`);
  /** [content words of each version, words in common (t)]. */
  const ROWS: [number, number][] = [
    [12, 8],
    [20, 12],
    [30, 18],
    [34, 21],
  ];
  it.each(ROWS)('%i content words, %i in common', (c, t) => {
    let n = 0;
    const rare = () => `rare${(n++).toString(36)}x`;
    const shared = FREQUENT.slice(0, t);
    const a = [...shared, ...Array.from({ length: c - t }, rare)];
    const b = [...shared, ...Array.from({ length: c - t }, rare)];
    // Fillers holding frequent words, three each, with words of their own: the frequent words held by many groups.
    const filler = (k: number) => [FREQUENT[k % 26]!, FREQUENT[(k + 7) % 26]!, FREQUENT[(k + 13) % 26]!, rare(), rare(), rare()];
    const say = (ws: string[]) => `« ${ws.join(' ')} », a déclaré Jean Dupont.`;
    const textA = [a, ...Array.from({ length: 30 }, (_, k) => filler(k))].map(say).join(' ');
    const textB = [...Array.from({ length: 30 }, (_, k) => filler(k + 3)), b].map(say).join(' ');
    const qa = extractQuotes(textA, 'fr');
    const qb = extractQuotes(textB, 'fr');
    const pair = alignQuotes(textA, qa, textB, qb, 'fr').find((s) => s.aQuote === 0);
    expect(compareQuotations(textA, qa[0]!, textB, qb[qb.length - 1]!, 'fr')?.relation).toBe('altered');
    expect(pair && [pair.bQuote, pair.relation, pair.similarity]).toEqual([qb.length - 1, 'altered', t / c]);
  });
});
