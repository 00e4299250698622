/**
 * Anchoring a TextQuote selector in another rendering of the text: exact occurrences chosen by
 * context, approximate matches accepted only when they verify, and orphans rather than a wrong
 * place. Texts are the seed articles (French) and a PolNeAR article (English).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchorParagraphs, anchorQuote, anchorQuotes, boundedQuote, END_CHARS, LONG_QUOTE_CHARS, paragraphQuotes, prepareText, quoteSelector, unspaced } from '..';
import { normalizeForComparison } from '../../text/normalize';
import { sentences } from '../../text/segment';
import { extractFromText } from '../../extract';
import { comparePrepared, prepareArticle } from '../../compare';
import { FIXTURES_DIR, SEEDS_DIR } from '../../../tests/support/shared-fixtures';
import type { Span } from '../../extract/types';
import { editThreeWords } from '../../../tests/support/edit-words';

const seedText = (id: string) => readFileSync(join(SEEDS_DIR, `${id}.txt`), 'utf8');
const S000 = '000_492f0f67598950be';
const S001 = '001_efc4fda914ae2fdd';
const SEED_IDS = [S000, S001, '002_b5629d95adcdafa8', '003_0bb6bc6989cf1c52', '004_60be76548461e545'];
const POLNEAR = join(FIXTURES_DIR, 'polnear/test/text');
const english = readFileSync(join(POLNEAR, 'nyt_2016-11-02_why-sexual-harassment-persists-i.txt'), 'utf8');
/** The other PolNeAR articles, one after another: 180,000 characters of unrelated English news. */
const englishOthers = readdirSync(POLNEAR)
  .filter((f) => f.endsWith('.txt') && !f.startsWith('nyt_2016-11-02_'))
  .sort()
  .map((f) => readFileSync(join(POLNEAR, f), 'utf8'))
  .join('\n\n');

/** Sentence spans without their trailing space, of at least `min` characters. */
function sentenceSpans(text: string, min = 10): Span[] {
  return sentences(text)
    .map(({ start, end }) => ({ start, end: start + text.slice(start, end).trimEnd().length }))
    .filter((s) => s.end - s.start >= min);
}

/**
 * The spans no other span of the list matches as well: another occurrence of the same words whose
 * surroundings agree with this one's context cannot be told apart from it (the first is taken).
 */
function uniquelyQuoted(text: string, spans: Span[]): Span[] {
  const n = (s: string) => normalizeForComparison(s);
  return spans.filter((s) => {
    const q = quoteSelector(text, s);
    return !spans.some(
      (o) => o !== s && n(text.slice(o.start, o.end)) === n(q.exact) && n(text.slice(0, o.start)).endsWith(n(q.prefix)) && n(text.slice(o.end)).startsWith(n(q.suffix)),
    );
  });
}

/** Spans the text has only once, even approximately: without them, they are not found. */
function onlyOnce(text: string, spans: Span[]): Span[] {
  return spans.filter((s) => anchorQuote(text.slice(0, s.start) + text.slice(s.end), quoteSelector(text, s)).status === 'orphan');
}

/** Where the text of `span` is in `text`: the same words, compared in their comparison form. */
const words = (text: string, span: { start: number | null; end: number | null }) =>
  span.start === null || span.end === null ? null : normalizeForComparison(text.slice(span.start, span.end));

describe('quoteSelector', () => {
  const text = 'Moscou ne cesse de répéter que le Front Al-Nosra mène une activité terroriste en prétendant faire partie.';
  const span = { start: text.indexOf('le Front'), end: text.indexOf(' mène') };

  it.each([
    ['32 characters of context: whole words fit', 32, { exact: 'le Front Al-Nosra', prefix: 'Moscou ne cesse de répéter que', suffix: 'mène une activité terroriste en' }],
    ['20 characters of context, cut back to whole words', 20, { exact: 'le Front Al-Nosra', prefix: 'de répéter que', suffix: 'mène une activité' }],
    ['a context shorter than the first word keeps nothing of it', 3, { exact: 'le Front Al-Nosra', prefix: '', suffix: '' }],
    ['context reaching the start and end of the text', 500, { exact: 'le Front Al-Nosra', prefix: 'Moscou ne cesse de répéter que', suffix: 'mène une activité terroriste en prétendant faire partie.' }],
  ])('%s', (_name, chars, expected) => {
    expect(quoteSelector(text, span, chars)).toEqual(expected);
  });

  it('every context it makes is at most 32 characters and made of whole words of the text', () => {
    for (const id of SEED_IDS) {
      const t = seedText(id);
      for (const s of sentenceSpans(t)) {
        const q = quoteSelector(t, s);
        expect(q.exact).toBe(t.slice(s.start, s.end));
        expect(q.prefix.length).toBeLessThanOrEqual(32);
        expect(q.suffix.length).toBeLessThanOrEqual(32);
        expect(t.slice(0, s.start).trimEnd().endsWith(q.prefix)).toBe(true);
        expect(t.slice(s.end).trimStart().startsWith(q.suffix)).toBe(true);
        const before = t.slice(0, s.start).trimEnd();
        const cut = before.length - q.prefix.length;
        if (q.prefix && cut > 0) expect(before[cut - 1]).toMatch(/\s/);
      }
    }
  });
});

describe('anchoring in the same text', () => {
  it.each(SEED_IDS.map((id) => [id]).concat([['english']]))('every sentence of %s anchors exactly on itself', (id) => {
    const t = id === 'english' ? english : seedText(id);
    // A sentence the article repeats with the same context cannot be told apart: the first is taken.
    const spans = uniquelyQuoted(t, sentenceSpans(t));
    expect(spans.length).toBeGreaterThan(5);
    const anchors = anchorQuotes(t, spans.map((s) => quoteSelector(t, s)));
    expect(anchors).toEqual(spans.map((s) => ({ status: 'exact', start: s.start, end: s.end })));
  });

  it('a text repeated in the article is found where its context is, for every repeated phrase of every seed', () => {
    let checked = 0;
    for (const t of [...SEED_IDS.map(seedText), english]) {
      const prepared = prepareText(t);
      // Every run of three words that occurs more than once.
      const w = [...t.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
      const found = new Map<string, number[]>();
      for (let i = 0; i + 2 < w.length; i++) {
        const phrase = t.slice(w[i]!.start, w[i + 2]!.end);
        if (phrase.includes('\n')) continue;
        found.set(phrase, [...(found.get(phrase) ?? []), w[i]!.start]);
      }
      for (const [phrase, starts] of found) {
        if (starts.length < 2) continue;
        for (const span of uniquelyQuoted(t, starts.map((start) => ({ start, end: start + phrase.length })))) {
          expect(anchorQuote(prepared, quoteSelector(t, span)), `${phrase} at ${span.start}`).toEqual({ status: 'exact', ...span });
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});

describe('anchoring in another rendering', () => {
  /** The same article with other typography: curly quotes, guillemets, dashes, line breaks, non-breaking spaces. */
  const retype = (t: string) =>
    t
      .replace(/'/g, '’')
      .replace(/"([^"]*)"/g, '«$1»')
      .replace(/ - /g, ' – ')
      .replace(/\. /g, '.\n   ')
      .replace(/ (?=[:;!?])/g, '\u202f')
      .replace(/, /g, ',\u00a0');

  it.each(SEED_IDS.map((id) => [id]).concat([['english']]))('%s: every sentence is found exactly in a retyped copy, on the same words', (id) => {
    const t = id === 'english' ? english : seedText(id);
    const copy = retype(t);
    expect(copy).not.toBe(t);
    const spans = sentenceSpans(t);
    const anchors = anchorQuotes(copy, spans.map((s) => quoteSelector(t, s)));
    anchors.forEach((a, k) => {
      expect(a.status).toBe('exact');
      expect(words(copy, a)).toBe(normalizeForComparison(t.slice(spans[k]!.start, spans[k]!.end)));
    });
  });

  it('the quotations 000 shares with 001 are found exactly in 001, on 001’s own words', () => {
    const a = prepareArticle(extractFromText(seedText(S000)));
    const b = prepareArticle(extractFromText(seedText(S001)));
    const shared = comparePrepared(a, b).sharedQuotes;
    expect(shared).toHaveLength(2);
    for (const q of shared) {
      expect(anchorQuote(b.text, quoteSelector(a.text, q.a))).toEqual({ status: 'exact', start: q.b.start, end: q.b.end });
    }
  });

  it.each([
    ['english', english],
    ...SEED_IDS.map((id) => [id, seedText(id)]),
  ])('%s: a sentence with three words edited is found approximately, where it now is', (_id, t) => {
    const spans = onlyOnce(t, sentenceSpans(t, 80)).filter((s) => t.slice(s.start, s.end).split(' ').length >= 12);
    expect(spans.length).toBeGreaterThan(2);
    for (const s of spans) {
      const before = t.slice(0, s.start);
      const edited = editThreeWords(t.slice(s.start, s.end));
      const copy = before + edited + t.slice(s.end);
      const a = anchorQuote(copy, quoteSelector(t, s));
      expect(a.status, t.slice(s.start, s.end)).toBe('fuzzy');
      // On the edited sentence: it starts and ends within a word of it.
      expect(Math.abs(a.start! - s.start)).toBeLessThanOrEqual(8);
      expect(Math.abs(a.end! - (s.start + edited.length))).toBeLessThanOrEqual(8);
    }
  });

  it.each([
    ['english', english],
    ...SEED_IDS.map((id) => [id, seedText(id)]),
  ])('%s: with a paragraph removed, its sentences are orphans and the others are still found exactly', (_id, t) => {
    const paragraphs = t.split(/\n+/).filter((p) => p.trim());
    // A long paragraph in the middle of the article.
    const middle = paragraphs.slice(2, -1).reduce((x, y) => (y.length > x.length ? y : x));
    const at = t.indexOf(middle);
    const copy = t.slice(0, at) + t.slice(at + middle.length);
    const spans = sentenceSpans(t);
    // Sentences the rest of the article repeats, even approximately, are still in the page.
    const gone = onlyOnce(t, spans.filter((s) => s.start >= at && s.end <= at + middle.length));
    expect(gone.length).toBeGreaterThan(0);
    for (const s of gone) expect(anchorQuote(copy, quoteSelector(t, s)), t.slice(s.start, s.end)).toMatchObject({ status: 'orphan' });
    for (const s of spans.filter((x) => x.end <= at || x.start >= at + middle.length)) {
      expect(anchorQuote(copy, quoteSelector(t, s)).status).toBe('exact');
    }
  });

  it('sentences of an article are orphans in 41 unrelated ones, never approximate matches (English news)', () => {
    const prepared = prepareText(englishOthers);
    const others = normalizeForComparison(englishOthers);
    const spans = sentenceSpans(english, 20).filter((s) => !others.includes(normalizeForComparison(english.slice(s.start, s.end))));
    expect(spans.length).toBeGreaterThan(30);
    // With and without context: the context of another article says nothing about this one.
    for (const s of spans) {
      const q = quoteSelector(english, s);
      expect(anchorQuote(prepared, q).status).toBe('orphan');
      expect(anchorQuote(prepared, { ...q, prefix: '', suffix: '' }).status).toBe('orphan');
    }
  });
});

describe('long and degenerate quotes', () => {
  const body = seedText('004_60be76548461e545');
  const whole = { start: body.indexOf('\n\n') + 2, end: body.trimEnd().length };

  it('a whole article as one quote is found exactly in a page that frames it with other text', () => {
    const page = `Accueil · International\n\n${body}\n\nLire aussi : autre chose`;
    const offset = 'Accueil · International\n\n'.length;
    expect(anchorQuote(page, quoteSelector(body, whole))).toEqual({ status: 'exact', start: whole.start + offset, end: whole.end + offset });
  });

  it('a whole article with a word edited in every paragraph is found approximately, over the whole article', () => {
    const edited = body.replace(/\n\n(\S+) /g, '\n\nALTERED ');
    expect(edited).not.toBe(body);
    const a = anchorQuote(edited, quoteSelector(body, whole));
    expect(a.status).toBe('fuzzy');
    // An approximate match may leave out a replaced word at its edge (one deletion costs less).
    expect(Math.abs(a.start! - whole.start)).toBeLessThanOrEqual(8);
    expect(a.end).toBe(edited.trimEnd().length);
  });

  it('a whole article missing a paragraph is an orphan (too much differs to be the same text)', () => {
    const paragraphs = body.split('\n\n');
    const longest = paragraphs.slice(2).reduce((x, y) => (y.length > x.length ? y : x));
    expect(longest.length).toBeGreaterThan(300);
    const cut = body.replace(`${longest}\n\n`, '');
    expect(anchorQuote(cut, quoteSelector(body, whole)).status).toBe('orphan');
  });

  it.each([
    ['empty', { exact: '', prefix: 'a', suffix: 'b' }],
    ['whitespace only', { exact: ' \n\u00a0\t', prefix: 'Poutine', suffix: 'Obama' }],
  ])('an %s quote is an orphan', (_name, q) => {
    expect(anchorQuote(seedText(S000), q)).toEqual({ status: 'orphan', start: null, end: null });
  });

  it('nothing is found in an empty text', () => {
    expect(anchorQuote('', { exact: 'Poutine', prefix: '', suffix: '' }).status).toBe('orphan');
  });
});

describe('a passage over several paragraphs, with page debris between them', () => {
  // Seed 001 as the extraction gives it, and the page as the walker reads it: one block per line,
  // with an aside and an advert label between the passage's two paragraphs.
  const article = extractFromText(seedText(S001));
  const [p1, p2] = [article.paragraphs[1]!, article.paragraphs[2]!];
  const passage: Span = { start: p1.start, end: p2.end };
  const quote = quoteSelector(article.text, passage);
  const para = (p: Span) => article.text.slice(p.start, p.end);
  const ASIDE = 'À lire aussi : Syrie, ce que l’on sait des négociations de Genève';
  const AD = 'Publicité';
  const before = article.paragraphs.slice(0, 1).map(para).join('\n');
  const after = article.paragraphs.slice(3).map(para).join('\n');

  it('the selector is cut at the blank line into one selector per paragraph, the outer context kept', () => {
    const parts = paragraphQuotes(quote);
    expect(parts.map((q) => q.exact)).toEqual([para(p1), para(p2)]);
    expect(parts[0]!.prefix).toBe(quote.prefix);
    expect(parts[1]!.suffix).toBe(quote.suffix);
    expect(paragraphQuotes(quoteSelector(article.text, p1))).toHaveLength(1);
  });

  it('with nothing between the paragraphs, the passage is found whole, as one span', () => {
    const page = [before, para(p1), para(p2), after].join('\n');
    const found = anchorParagraphs(page, quote);
    expect(found.status).toBe('exact');
    expect(found.spans).toEqual([{ start: page.indexOf(para(p1)), end: page.indexOf(para(p2)) + para(p2).length }]);
  });

  it('with an aside and an advert between them, each paragraph is found and neither piece of debris is covered', () => {
    const page = [before, para(p1), ASIDE, AD, para(p2), after].join('\n');
    const found = anchorParagraphs(page, quote);
    expect(found.status).toBe('exact');
    expect(found.spans.map((s) => page.slice(s.start, s.end))).toEqual([para(p1), para(p2)]);
    for (const debris of [ASIDE, AD]) {
      const at = page.indexOf(debris);
      expect(found.spans.every((s) => s.end <= at || s.start >= at + debris.length)).toBe(true);
    }
  });

  it('a word edited in one paragraph: found approximately, as one span (only spacing between the paragraphs)', () => {
    const edited = para(p2).replace(/\p{L}{6,}/u, (w) => w.split('').reverse().join(''));
    const page = [before, para(p1), edited, after].join('\n');
    const found = anchorParagraphs(page, quote);
    expect(found.status).toBe('fuzzy');
    expect(found.spans).toEqual([{ start: page.indexOf(para(p1)), end: page.indexOf(edited) + edited.length }]);
  });

  it('a paragraph gone from the page: the passage is not found (an orphan, not half of it)', () => {
    const page = [before, para(p1), ASIDE, after].join('\n');
    expect(anchorParagraphs(page, quote)).toEqual({ status: 'orphan', spans: [] });
  });
});

describe('a long passage sent by its ends (boundedQuote)', () => {
  // About 50,000 characters of unrelated English news, from a paragraph's start to another's end,
  // both paragraphs written once in the text (not a heading each article repeats).
  const once = (p: string) => p.length > 200 && englishOthers.indexOf(p) === englishOthers.lastIndexOf(p);
  const paragraphAfter = (from: number) => {
    let at = englishOthers.indexOf('\n\n', from) + 2;
    while (!once(englishOthers.slice(at, englishOthers.indexOf('\n\n', at)))) at = englishOthers.indexOf('\n\n', at) + 2;
    return at;
  };
  const start = paragraphAfter(20_000);
  const end = englishOthers.indexOf('\n\n', paragraphAfter(70_000));
  const passage = englishOthers.slice(start, end);
  const whole = quoteSelector(englishOthers, { start, end });
  const sent = boundedQuote(whole);
  // A paragraph in the middle of it, of more than 300 characters.
  const middle = englishOthers.slice(start + 20_000).split('\n\n').slice(1).find((p) => p.length > 300)!;
  const FRAME = 'Home · Politics\n\n';

  it('a selector up to LONG_QUOTE_CHARS goes whole; a longer one as its first and last whole words, with the whole’s length and hash but spacing', () => {
    const short = quoteSelector(englishOthers, { start, end: englishOthers.indexOf(' ', start + LONG_QUOTE_CHARS - 20) });
    expect(boundedQuote(short)).toBe(short);
    expect(sent.prefix).toBe(whole.prefix);
    expect(sent.suffix).toBe(whole.suffix);
    expect(passage.startsWith(sent.exact)).toBe(true);
    expect(passage.endsWith(sent.tail!)).toBe(true);
    for (const end of [sent.exact, sent.tail!]) {
      expect(end.length).toBeLessThanOrEqual(END_CHARS);
      expect(end.length).toBeGreaterThan(END_CHARS - 40);
    }
    // Whole words: the characters after the head and before the tail are spacing.
    expect(passage[sent.exact.length]).toMatch(/\s/);
    expect(passage[passage.length - sent.tail!.length - 1]).toMatch(/\s/);
    expect({ length: sent.length, hash: sent.hash }).toEqual(unspaced(passage));
    expect(unspaced(passage).length).toBe(passage.replace(/\s/g, '').length);
    // Text without spacing (a 1 MB single word) is cut where it is.
    const word = boundedQuote({ exact: 'x'.repeat(1_000_000), prefix: '', suffix: '' });
    expect([word.exact.length, word.tail!.length, word.length]).toEqual([END_CHARS, END_CHARS, 1_000_000]);
  });

  const at = (page: string, from: string, to: string) => ({ start: page.indexOf(from), end: page.lastIndexOf(to) + to.length });
  // Its first and last words, within a paragraph (the first page spaces paragraphs otherwise).
  const head = passage.split('\n\n')[0]!.slice(0, 60);
  const tail = passage.split('\n\n').at(-1)!.slice(-60);
  it.each([
    { name: 'the same text framed by other text, spaced otherwise', page: FRAME + englishOthers.replace(/\n\n/g, '\n  \n'), status: 'exact' },
    { name: 'a word in the middle edited (as long)', page: FRAME + englishOthers.replace(middle, middle.replace(/\b(\w)(\w{5})\b/, '$2$1')), status: 'fuzzy' },
    { name: 'a 60-character aside between two of its paragraphs', page: FRAME + englishOthers.replace(`\n\n${middle}`, `\n\nRead more: what the polls got wrong this year\n\n${middle}`), status: 'fuzzy' },
    { name: 'a paragraph of over 300 characters gone from its middle', page: FRAME + englishOthers.replace(middle, ''), status: 'orphan' },
    // As long as before, so only the ends tell.
    { name: 'its last 1,000 characters other words', page: FRAME + englishOthers.replace(passage, passage.slice(0, -END_CHARS) + english.slice(0, END_CHARS)), status: 'orphan' },
    { name: 'its first 1,000 characters other words', page: FRAME + englishOthers.replace(passage, english.slice(0, END_CHARS) + passage.slice(END_CHARS)), status: 'orphan' },
  ])('$name: $status', ({ page, status }) => {
    const found = anchorParagraphs(page, sent);
    expect(found.status).toBe(status);
    expect(found.spans).toEqual(status === 'orphan' ? [] : [at(page, head, tail)]);
  });
});
