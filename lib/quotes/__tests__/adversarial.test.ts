/**
 * Pages made to be slow (issue 20, "Bounded analysis"; issue 16, "Linear everywhere"): the work
 * is counted, not timed — the characters handed to the tokenizer, against the text's length. A
 * quadratic path (re-tokenising a sentence for every quotation in it, the other text for every
 * quotation) shows as a multiple of the text; a linear one stays within a small constant.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { manyMarks, manyQuotations, misdirectedMarks, prose, runawayMark, singleWord } from '../../../tests/support/adversarial-pages';

const tokenised = vi.hoisted(() => ({ chars: 0, folded: 0 }));
vi.mock('../../text', async (importOriginal) => {
  const text = await importOriginal<typeof import('../../text')>();
  return {
    ...text,
    tokenize: (s: string, lang?: string) => { tokenised.chars += s.length; return text.tokenize(s, lang); },
    fold: (s: string) => { tokenised.folded += s.length; return text.fold(s); },
  };
});
const { alignQuotes, alignQuotesUntil, extractQuotes } = await import('..');

beforeEach(() => { tokenised.chars = 0; tokenised.folded = 0; });

describe('quote extraction tokenises a text about once, whatever its marks', () => {
  it.each([
    { name: 'one unclosed « over 20,000 words, a “…” every 40 words, no paragraph break', text: runawayMark(20_000), quotes: 500 },
    { name: '10,000 quotation marks in one paragraph without a full stop', text: manyMarks(5_000), quotes: 5_000 },
    { name: '10,000 curly marks set the wrong way round in one paragraph', text: misdirectedMarks(5_000), quotes: 5_000 },
    { name: '5,000 quotations, one per sentence', text: manyQuotations(5_000), quotes: 5_000 },
    { name: 'a 1 MB single word', text: singleWord(1_000_000), quotes: 0 },
  ])('$name', ({ text, quotes }) => {
    const found = extractQuotes(text, 'fr');
    expect(found).toHaveLength(quotes);
    // The whole text once, and the speaker rules' short look-backs (160 characters a quotation).
    expect(tokenised.chars).toBeLessThanOrEqual(text.length + 400 * quotes);
  });

  it('still reads the runaway’s quotations in their context: a verb of saying before each', () => {
    const found = extractQuotes(runawayMark(2_000), 'fr');
    // (The unclosed « is around none of them: each is a quotation of its own, with its speaker.)
    expect(found.every((q) => q.depth === 0 && q.kind === 'reported')).toBe(true);
  });
});

describe('quotation alignment reads the other text once, not once per quotation', () => {
  it('finds 300 quotations reused unquoted in the other text, tokenising each text a bounded number of times', () => {
    const count = 300;
    const a = manyQuotations(count, 12);
    // The same words, unquoted, one sentence each, with a word of its own so no two sentences are equal.
    const b = Array.from({ length: count }, (_, i) => `Selon Jean Dupont${i % 10}, ${prose(12, i)} numéro${i}.`).join(' ');
    const quotesA = extractQuotes(a, 'fr');
    const quotesB = extractQuotes(b, 'fr');
    tokenised.chars = 0;
    const shared = alignQuotes(a, quotesA, b, quotesB, 'fr');
    expect(shared.filter((s) => s.relation === 'unquoted' && s.similarity === 1)).toHaveLength(count);
    expect(tokenised.chars).toBeLessThanOrEqual(3 * (a.length + b.length));
  });
});

describe('quotation alignment pairs repeated quotations in one pass, not each with every other', () => {
  // The clock is read once per step of work (a pair of quotations compared, a quotation read):
  // 2,000 quotations (21 distinct ones, each repeated) aligned with a copy of the page. Comparing
  // every quotation with every other holding one of its words took 4 million steps and stopped
  // at the background's budget with 15 of them paired, in Chromium; each is now paired with its
  // own copy within a few steps a quotation.
  it('2,000 quotations with a copy of themselves: each paired with its copy, exact, within 10 steps a quotation', () => {
    const count = 2_000;
    const a = manyQuotations(count);
    const b = `Un copieur : ${a}`;
    const quotesA = extractQuotes(a, 'fr');
    const quotesB = extractQuotes(b, 'fr');
    expect(quotesA).toHaveLength(count);
    let steps = 0;
    const r = alignQuotesUntil(a, quotesA, b, quotesB, 'fr', 10 * count, () => steps++);
    expect(r.complete).toBe(true);
    expect(r.shared).toHaveLength(count);
    const shift = b.length - a.length;
    expect(r.shared.every((s) => s.relation === 'exact' && s.b.start === s.a.start + shift && s.aQuote === s.bQuote)).toBe(true);
  });
});

describe('short quotations looked for inside the other text’s long ones: a bounded number of places each (issue 13)', () => {
  // The clock is read once per step of work, and once per place where a short quotation's words may
  // stand in the other text. 2,000 two-word quotations of one named speaker against 2,000 longer
  // quotations of his: read each with every long one holding its words was 4 million places.
  const say = (words: string) => `« ${words} », a dit Jean Dupont.`;
  it.each([
    ['each inside its own long quotation: all paired', (i: number) => `décision${i} politique${i}`, (i: number) => `C'est une décision${i} politique${i}, nous allons faire appel`, 2_000],
    ['the same words inside every long quotation: too common to say which, none paired', () => 'décision politique', (i: number) => `${prose(4, i)} une décision politique ${prose(4, i + 1)}`, 0],
  ] as const)('%s', (_name, short, long, paired) => {
    const count = 2_000;
    const a = Array.from({ length: count }, (_, i) => `Il a dénoncé ${say(short(i))}`).join(' ');
    const b = Array.from({ length: count }, (_, i) => say(long(i))).join(' ');
    const quotesA = extractQuotes(a, 'fr');
    const quotesB = extractQuotes(b, 'fr');
    let steps = 0;
    const r = alignQuotesUntil(a, quotesA, b, quotesB, 'fr', 20 * count, () => steps++);
    expect(r.complete).toBe(true);
    expect(r.shared.filter((s) => s.relation === 'truncated')).toHaveLength(paired);
  });
});

describe('long quotations are not folded for the rules that read names', () => {
  // Only a quotation of up to three words can be a name (`«gilets jaunes»`), counted with the
  // others of the same words: each long quotation was folded whole, twice (5 MB of joined articles:
  // 58% of extraction's time).
  it('100 quotations of 2,000 words: a few characters folded each, not the quotation', () => {
    const text = Array.from({ length: 100 }, (_, i) => `« ${prose(2_000, i)} », a déclaré Jean Dupont${i % 10}.`).join(' ');
    const found = extractQuotes(text, 'fr');
    expect(found.filter((q) => q.kind === 'reported')).toHaveLength(100);
    expect(tokenised.folded).toBeLessThanOrEqual(100 * 200);
  });
});
