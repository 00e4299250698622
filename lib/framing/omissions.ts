/**
 * What one version includes and the other leaves out. The sentences of both articles are
 * aligned by content (their Snowball stems without stop words, lib/text `contentTerms`); a
 * sentence whose best counterpart shares less than `MIN_COVERED` of its content is listed as
 * having none. Omission is framing by selection (Entman 1993: frames "omit" as much as they
 * select); each statement is ranked by what it carries: named actors, figures, quotations
 * (the "informational bias" spans of BASIL, Fan et al. 2019, are mostly such whole facts).
 */
import type { Quote, Span } from '../quotes';
import { contentTerms, sentences } from '../text';
import type { ActorMention } from './actors';
import { spanIndex } from './spans';

/** A sentence is "covered" when its best counterpart holds this share of its content stems. */
export const MIN_COVERED = 0.4;
/** Sentences shorter than this (content words) are headings or debris, not statements. */
const MIN_TERMS = 4;

export interface Statement extends Span {
  text: string;
  /** Share of its content stems found in the best sentence of the other article, in [0, 1]. */
  covered: number;
  /** What it carries: the actors it names, its figures, its quotations. */
  carries: { actors: string[]; figures: string[]; quotes: number };
  /** Higher carries more: 2 per actor, 2 per figure, 2 per quotation, plus 1 per 10 content words. */
  rank: number;
}

export interface Sentence extends Span {
  stems: Set<string>;
}

/** The sentences of `text` with their content stems (also word-choice's alignment). */
export function sentenceStems(text: string, lang: string): Sentence[] {
  // One pass of contentTerms over the whole text, its terms dealt to the sentences by offset.
  const terms = contentTerms(text, lang);
  let k = 0;
  return sentences(text, lang).map((s) => {
    const stems = new Set<string>();
    while (k < terms.length && terms[k]!.start < s.start) k++;
    while (k < terms.length && terms[k]!.end <= s.end) stems.add(terms[k++]!.stem);
    return { ...s, stems };
  });
}

/** Stem → the sentences of the other article that hold it (so a sentence meets only the sentences it shares a stem with). */
export type StemIndex = Map<string, number[]>;

/**
 * An article's sentences with their stems and index, in one language: per-article work, made once
 * per article (`articleFraming` keeps it) and read by omissions, word choice and scare quotes. Each
 * of them stemmed both texts afresh for every pair: the framing of the 10,000-quotation-marks page
 * took 3.8 s, nine tenths of it stemming the same two texts six times (issue 20).
 */
export interface StemmedText {
  text: string;
  lang: string;
  sentences: Sentence[];
  index: StemIndex;
}

export function stemmedText(text: string, lang: string): StemmedText {
  const sentences = sentenceStems(text, lang);
  return { text, lang, sentences, index: stemIndex(sentences) };
}

/** `known` when it is `text` stemmed in `lang`, else `text` stemmed now. */
export function stemmedIn(text: string, lang: string, known?: StemmedText): StemmedText {
  return known && known.lang === lang && known.text === text ? known : stemmedText(text, lang);
}

export function stemIndex(ss: readonly Sentence[]): StemIndex {
  const index: StemIndex = new Map();
  ss.forEach((s, k) => { for (const t of s.stems) { const l = index.get(t); if (l) l.push(k); else index.set(t, [k]); } });
  return index;
}

/** The best counterpart of `s` among the indexed sentences: its index and the share of `s`'s stems it holds. */
export function bestCounterpart(s: Sentence, index: StemIndex): { k: number; share: number; shared: number } {
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

const FIGURE = /\d[\d\s.,]*\d|\d+/gu;

export interface OmissionSide {
  text: string;
  language: string | null;
  quotes: readonly Quote[];
  mentions: readonly ActorMention[];
  /** Its sentences stemmed, when known (`articleFraming`). */
  stemmed?: StemmedText;
}

function statements(me: OmissionSide, mine: Sentence[], index: StemIndex): Statement[] {
  const out: Statement[] = [];
  const mentions = spanIndex(me.mentions);
  const quotes = spanIndex(me.quotes.filter((q) => q.kind === 'reported'));
  for (const s of mine) {
    if (s.stems.size < MIN_TERMS) continue;
    const c = bestCounterpart(s, index).share;
    if (c >= MIN_COVERED) continue;
    const text = me.text.slice(s.start, s.end);
    const inside = (x: Span) => x.start >= s.start && x.end <= s.end;
    const actors = [...new Set(mentions.endingBefore(s.end, 200).filter(inside).sort((x, y) => x.start - y.start).map((m) => m.text))];
    const figures = [...text.matchAll(FIGURE)].map((m) => m[0].trim()).filter((f) => f.length > 0);
    const quoteCount = quotes.endingBefore(s.end, 50).filter(inside).length;
    const rank = 2 * actors.length + 2 * figures.length + 2 * quoteCount + Math.floor(s.stems.size / 10);
    out.push({ text: text.trim(), start: s.start, end: s.end, covered: Math.round(c * 100) / 100, carries: { actors, figures, quotes: quoteCount }, rank });
  }
  return out.sort((x, y) => y.rank - x.rank || x.start - y.start);
}

/** The statements of each article with no counterpart in the other, most carrying first. */
export function findOmissions(a: OmissionSide, b: OmissionSide): { onlyA: Statement[]; onlyB: Statement[] } {
  const sa = stemmedIn(a.text, a.language ?? 'en', a.stemmed);
  const sb = stemmedIn(b.text, b.language ?? a.language ?? 'en', b.stemmed);
  return { onlyA: statements(a, sa.sentences, sb.index), onlyB: statements(b, sb.sentences, sa.index) };
}
