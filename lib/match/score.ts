/**
 * Grading a pair of articles from their features: `same` event, `related` (same storyline or
 * actors, another event), or `unrelated`, with a score and the reasons.
 *
 * Signals, each in [0, 1] before weighting:
 * - terms: cosine of TF-IDF vectors over stems ((1 + ln tf) · ln(1 + N/df), Salton & Buckley
 *   1988). Rare shared stems dominate; words every article of the corpus has count for little.
 * - actors: the same cosine over named entities (people, places, organisations).
 * - quoted words: shared 3-stem shingles inside quotation marks. Two reports of one event quote
 *   the same statement (the Kremlin communiqué in seeds 000/001); another event has other quotes.
 * - dates: a lead date (title or first lines) both articles give is evidence for; lead dates that
 *   disagree, or publication dates far apart, are evidence against (the hard case: two Putin–Obama
 *   calls about Syria, 6 July and 18 April, share most of their words).
 * - figures (`280000 mort`) and the caller's extra evidence (shared quotes and passages found by
 *   the quotes and passages analyses) add to the score.
 */
import { daysApart, sameDay } from './dates';
import type { ArticleFeatures, CorpusStats, ExtraEvidence, PairGrade, Relation } from './types';

/** Weights of the signals in the score (they sum to 1 before bonuses and penalties). */
export const WEIGHTS = {
  terms: 0.45,
  actors: 0.3,
  quoted: 0.25,
} as const;
/** Additions and subtractions to the weighted sum. */
export const ADJUST = {
  /** Both give the same lead date. */
  sharedLeadDate: 0.08,
  /** Published within a day of each other. */
  publishedClose: 0.05,
  /** Per shared figure, up to three. */
  sharedFigure: 0.02,
  /** Per shared quote / passage reported by the caller, up to three each. */
  extraQuote: 0.06,
  extraPassage: 0.04,
} as const;
/** Days apart beyond which two dates of the event contradict each other. */
export const CONFLICT_DAYS = 3;
/** Publication dates further apart than this: not the same news (a follow-up at most). */
export const PUBLISHED_CONFLICT_DAYS = 4;
/** A pair with conflicting dates keeps this share of its score, and lands at least `CONFLICT_MARGIN` below `same`. */
export const CONFLICT_FACTOR = 0.6;
export const CONFLICT_MARGIN = 0.02;
/** Grade thresholds on the score. */
export const THRESHOLDS = { same: 0.25, related: 0.1 } as const;

/** IDF with the corpus statistics when given; uniform without (every key weighs 1). */
function idf(stats: CorpusStats | undefined, key: string): number {
  if (!stats || stats.docs < 2) return 1;
  const df = Math.max(1, Math.min(stats.docs, stats.df(key)));
  return Math.log(1 + stats.docs / df);
}

interface Weighted { weights: Map<string, number>; norm: number }

function weigh(items: Iterable<[string, number]>, stats: CorpusStats | undefined, prefix: string): Weighted {
  const weights = new Map<string, number>();
  let sq = 0;
  for (const [key, count] of items) {
    const w = (1 + Math.log(count)) * idf(stats, prefix + key);
    weights.set(key, w);
    sq += w * w;
  }
  return { weights, norm: Math.sqrt(sq) };
}

/** Cosine of two weighted sets, and the shared keys by contribution (largest first). */
function cosine(a: Weighted, b: Weighted): { sim: number; shared: [string, number][] } {
  if (!a.norm || !b.norm) return { sim: 0, shared: [] };
  const shared: [string, number][] = [];
  let dot = 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  for (const [k, w] of small.weights) {
    const v = large.weights.get(k);
    if (v === undefined) continue;
    dot += w * v;
    shared.push([k, w * v]);
  }
  shared.sort((x, y) => y[1] - x[1]);
  return { sim: dot / (a.norm * b.norm), shared };
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** `2016-07-06` → `6 Jul 2016`; `--07-06` → `6 Jul`. */
export function formatDay(d: string): string {
  const day = Number(d.slice(-2));
  const month = MONTHS_EN[Number(d.slice(-5, -3)) - 1] ?? '?';
  return d.startsWith('--') ? `${day} ${month}` : `${day} ${month} ${d.slice(0, 4)}`;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Precomputed weighted vectors of one article, reusable across many pairs (the index re-ranks with it). */
export interface PreparedFeatures {
  f: ArticleFeatures;
  terms: Weighted;
  actors: Weighted;
  labels: Map<string, string>;
  quoted: Set<number>;
}

export function prepare(f: ArticleFeatures, stats?: CorpusStats): PreparedFeatures {
  return {
    f,
    terms: weigh(f.terms, stats, ''),
    actors: weigh(f.entities.map(([k, , c]): [string, number] => [k, c]), stats, 'e:'),
    labels: new Map(f.entities.map(([k, l]) => [k, l])),
    quoted: new Set(f.quoted),
  };
}

/**
 * Grade two articles. `stats` gives rarity in the corpus (without it every stem weighs the same,
 * which is fine for two articles alone); `extra` is shared-quote and shared-passage evidence from
 * the other analyses.
 */
export function gradePair(a: ArticleFeatures | PreparedFeatures, b: ArticleFeatures | PreparedFeatures, stats?: CorpusStats, extra?: ExtraEvidence): PairGrade {
  const pa = 'f' in a ? a : prepare(a, stats);
  const pb = 'f' in b ? b : prepare(b, stats);
  return gradePrepared(pa, pb, extra);
}

export function gradePrepared(pa: PreparedFeatures, pb: PreparedFeatures, extra?: ExtraEvidence): PairGrade {
  const a = pa.f;
  const b = pb.f;
  const reasons: string[] = [];
  const terms = cosine(pa.terms, pb.terms);
  const actors = cosine(pa.actors, pb.actors);

  let sharedQuoted = 0;
  for (const h of pa.quoted) if (pb.quoted.has(h)) sharedQuoted++;
  const quotedSim = Math.min(1, sharedQuoted / 8);

  let score = WEIGHTS.terms * terms.sim + WEIGHTS.actors * actors.sim + WEIGHTS.quoted * quotedSim;

  // Dates.
  const leadA = a.dates.filter((d) => d.lead);
  const leadB = b.dates.filter((d) => d.lead);
  const sharedLead = leadA.find((x) => b.dates.some((y) => sameDay(x.date, y.date)))
    ?? leadB.find((y) => a.dates.some((x) => sameDay(x.date, y.date)));
  let conflict: string | null = null;
  if (sharedLead) {
    score += ADJUST.sharedLeadDate;
    reasons.push(`both: ${formatDay(sharedLead.date)}`);
  } else if (leadA.length && leadB.length) {
    const x = leadA[0]!;
    const y = leadB[0]!;
    const apart = daysApart(x.date, y.date);
    if (apart !== null && apart > CONFLICT_DAYS) conflict = `dates conflict: ${formatDay(x.date)} vs ${formatDay(y.date)}`;
  }
  if (a.published && b.published) {
    const apart = daysApart(a.published, b.published)!;
    if (apart <= 1) score += ADJUST.publishedClose;
    else if (apart > PUBLISHED_CONFLICT_DAYS && !conflict) conflict = `published ${Math.round(apart)} days apart`;
  }
  // A conflicting date rules out the same event but not the same storyline: the score drops
  // below the `same` threshold, no lower (002 is still related to 000).
  if (conflict) score = Math.min(score * CONFLICT_FACTOR, THRESHOLDS.same - CONFLICT_MARGIN);

  // Figures.
  const figures = a.numbers.filter((n) => b.numbers.includes(n));
  score += ADJUST.sharedFigure * Math.min(3, figures.length);

  // Evidence from the quotes and passages analyses.
  const q = extra?.sharedQuotes ?? 0;
  const p = extra?.sharedPassages ?? 0;
  score += ADJUST.extraQuote * Math.min(3, q) + ADJUST.extraPassage * Math.min(3, p);

  if (q) reasons.push(`${q} shared quote${q > 1 ? 's' : ''}`);
  if (p) reasons.push(`${p} shared passage${p > 1 ? 's' : ''}`);
  if (sharedQuoted >= 3) reasons.push(`same quoted words (${sharedQuoted} phrases)`);
  if (actors.shared.length) reasons.push(`shared actors: ${actors.shared.slice(0, 5).map(([k]) => pa.labels.get(k) ?? k).join(', ')}`);
  if (figures.length) reasons.push(`shared figures: ${figures.slice(0, 3).join(', ')}`);
  if (terms.shared.length) reasons.push(`${terms.shared.length} words in common (term similarity ${terms.sim.toFixed(2)})`);
  if (conflict) reasons.push(conflict);

  score = Math.max(0, score);
  let relation: Relation = score >= THRESHOLDS.same ? 'same' : score >= THRESHOLDS.related ? 'related' : 'unrelated';
  // Different languages: vocabulary cannot be compared; at most related on shared actors.
  if (a.lang && b.lang && a.lang !== b.lang && relation === 'same') relation = 'related';
  return { relation, score: round(score), reasons };
}
