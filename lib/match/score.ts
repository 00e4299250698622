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
 * - dates: the day of the event each article gives (`eventDate`: the first lead date at most two
 *   days before publication) is evidence for when the two agree, or when one gives the other's
 *   event day, and rules the same event out when they differ, by a single day too (two agency
 *   roundups of 16 and 17 December are two events), unless a lead gives the other's day as well
 *   (a story followed over days). Otherwise a date both leads give is evidence for; written lead
 *   dates more than `CONFLICT_DAYS` apart, publication dates far apart, or undated leads naming
 *   other weekdays are evidence against (the hard case: two Putin–Obama calls about Syria, 6 July
 *   and 18 April, share most of their words).
 * - storyline (`related`) needs words in common, not only names: term similarity at least
 *   `RELATED_TERMS_FLOOR` (a common publication date and "Trump" make no storyline); names found in
 *   more than `UBIQUITOUS_SHARE` of the corpus are never given as shared actors.
 * - figures (`280000 mort`) add to the score.
 */
import { daysApart, isCalendarWord, sameDay } from './dates';
import type { ArticleFeatures, CorpusStats, DateMention, MatchReason, PairGrade, ReasonCode, Relation } from './types';

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
} as const;
/** Days apart beyond which two dates of the event contradict each other. */
export const CONFLICT_DAYS = 3;
/** Publication dates further apart than this: not the same news (a follow-up at most). */
export const PUBLISHED_CONFLICT_DAYS = 4;
/** A pair with conflicting dates keeps this share of its score, and lands at least `CONFLICT_MARGIN` below `same`. */
export const CONFLICT_FACTOR = 0.6;
export const CONFLICT_MARGIN = 0.02;
/**
 * Publication dates further apart than this: not one storyline. The seeds' storyline runs three
 * months (April to July 2016); years apart, shared names and words tell a recurring topic
 * (Venezuela, Maduro) rather than one story followed, and the panel would list history as the
 * same storyline. Undated articles are not bounded.
 */
export const STORYLINE_DAYS = 365;
/** Grade thresholds on the score. */
export const THRESHOLDS = { same: 0.25, related: 0.1 } as const;
/** A storyline link needs at least this term similarity (distinctive words in common, not only names and dates). */
export const RELATED_TERMS_FLOOR = 0.1;
/**
 * The same event needs at least this term similarity, or quoted words in common: the BASIL
 * tuning half's same-event pairs have 0.21 and more; two events of one day with one protagonist
 * scored above the `same` threshold at a term similarity of 0.18 (gilets jaunes, a labelled pair),
 * and 0.01 below it at 0.07 (a made-up pair), on the date, the publication day and names alone.
 */
export const SAME_TERMS_FLOOR = 0.2;
/** Names in more than this share of the corpus say little about the event: not reasons (counted from `UBIQUITY_MIN_DOCS` articles on). */
export const UBIQUITOUS_SHARE = 0.2;
const UBIQUITY_MIN_DOCS = 50;

/**
 * A weighted set of keys: as parallel typed arrays sorted by the corpus's key number
 * (`CorpusStats.keyId`) for the similarity alone, a merge of two sorted arrays instead of a
 * string-keyed look-up per key (the hot spot of grading a corpus into stories), and by key (`byKey`,
 * made only when asked: the reasons of a pair someone reads, or keys without numbers). `ids` is null
 * when a key has no number (statistics without them, or a key the corpus does not hold).
 */
interface Weighted {
  /** The items weighed (`[key, …]`), their counts at `countAt`, and each one's weight in their order. */
  items: readonly (readonly unknown[])[];
  w: Float64Array;
  norm: number;
  ids: Int32Array | null;
  values: Float64Array;
  map: Map<string, number> | null;
}

/** Sort keys `id · 2^16 + position`, exact in a double for ids below 2^32 and up to 2^16 items. */
const POSITIONS = 65_536;

/**
 * Weighs `items` (`[key, …, count at countAt]`) by (1 + ln count) · idf, in typed arrays: one look-up
 * of each key's number (its df read by number when the statistics can), the numbered pairs sorted as
 * one Float64Array (no array per key, no comparator).
 */
function weigh(items: readonly (readonly unknown[])[], countAt: number, stats: CorpusStats | undefined, prefix: string): Weighted {
  const n = items.length;
  const w = new Float64Array(n);
  const numbered = stats?.keyId && n < POSITIONS ? new Float64Array(n) : null;
  let allNumbered = numbered !== null;
  let sq = 0;
  const uniform = !stats || stats.docs < 2;
  for (let i = 0; i < n; i++) {
    const item = items[i]!;
    const key = prefix + (item[0] as string);
    let df = -1;
    if (allNumbered) {
      const id = stats!.keyId!(key);
      if (id === undefined) allNumbered = false;
      else {
        numbered![i] = id * POSITIONS + i;
        if (stats!.dfOfKeyId) df = stats!.dfOfKeyId(id);
      }
    }
    let idfWeight = 1;
    if (!uniform) {
      if (df < 0) df = stats!.df(key);
      idfWeight = Math.log(1 + stats!.docs / Math.max(1, Math.min(stats!.docs, df)));
    }
    const weight = (1 + Math.log(item[countAt] as number)) * idfWeight;
    w[i] = weight;
    sq += weight * weight;
  }
  if (!allNumbered || !numbered) return { items, w, norm: Math.sqrt(sq), ids: null, values: new Float64Array(0), map: null };
  numbered.sort();
  // A key given twice keeps its last weight, as a map by key would.
  let m = 0;
  const ids = new Int32Array(n);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const packed = numbered[i]!;
    const id = Math.floor(packed / POSITIONS);
    const value = w[packed - id * POSITIONS]!;
    if (m > 0 && ids[m - 1] === id) values[m - 1] = value;
    else {
      ids[m] = id;
      values[m++] = value;
    }
  }
  return { items, w, norm: Math.sqrt(sq), ids: m === n ? ids : ids.slice(0, m), values: m === n ? values : values.slice(0, m), map: null };
}

/** The weights by key (made on first use). */
function byKey(x: Weighted): Map<string, number> {
  if (!x.map) {
    x.map = new Map();
    x.items.forEach((item, i) => x.map!.set(item[0] as string, x.w[i]!));
  }
  return x.map;
}

/** Cosine of two weighted sets, without saying which keys they share (see `cosine`). */
function similarity(a: Weighted, b: Weighted): number {
  if (!a.norm || !b.norm) return 0;
  if (!a.ids || !b.ids) return cosine(a, b).sim;
  const [ia, ib, va, vb] = [a.ids, b.ids, a.values, b.values];
  let dot = 0;
  for (let i = 0, j = 0; i < ia.length && j < ib.length;) {
    const x = ia[i]!;
    const y = ib[j]!;
    if (x === y) dot += va[i++]! * vb[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return dot / (a.norm * b.norm);
}

/** Cosine of two weighted sets, and the shared keys by contribution (largest first). */
function cosine(a: Weighted, b: Weighted): { sim: number; shared: [string, number][] } {
  if (!a.norm || !b.norm) return { sim: 0, shared: [] };
  const shared: [string, number][] = [];
  let dot = 0;
  const [ma, mb] = [byKey(a), byKey(b)];
  const [small, large] = ma.size <= mb.size ? [ma, mb] : [mb, ma];
  for (const [k, w] of small) {
    const v = large.get(k);
    if (v === undefined) continue;
    dot += w * v;
    shared.push([k, w * v]);
  }
  shared.sort((x, y) => y[1] - x[1]);
  return { sim: dot / (a.norm * b.norm), shared };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Precomputed weighted vectors of one article, reusable across many pairs (the index re-ranks with it). */
export interface PreparedFeatures {
  f: ArticleFeatures;
  terms: Weighted;
  actors: Weighted;
  /** Its quoted shingles, sorted, each once (counted shared by a merge). */
  quoted: Uint32Array;
  /** Its dates given in the lead. */
  leads: DateMention[];
  stats: CorpusStats | undefined;
  /** What only the reasons read (`told`): entity labels, and entities too common to be told. */
  told: { labels: Map<string, string>; ubiquitous: Set<string> } | null;
}

export function prepare(f: ArticleFeatures, stats?: CorpusStats): PreparedFeatures {
  const quoted = Uint32Array.from(f.quoted).sort();
  let m = 0;
  for (let i = 0; i < quoted.length; i++) if (i === 0 || quoted[i] !== quoted[i - 1]) quoted[m++] = quoted[i]!;
  return {
    f,
    terms: weigh(f.terms, 1, stats, ''),
    actors: weigh(f.entities, 2, stats, 'e:'),
    quoted: m === quoted.length ? quoted : quoted.slice(0, m),
    leads: f.dates.filter((d) => d.lead),
    stats,
    told: null,
  };
}

/** Entity labels, and entities found in more than `UBIQUITOUS_SHARE` of the corpus (weighed by rarity, never given as a reason): made for the reasons only. */
function told(p: PreparedFeatures): NonNullable<PreparedFeatures['told']> {
  const stats = p.stats;
  p.told ??= {
    labels: new Map(p.f.entities.map(([k, l]) => [k, l])),
    ubiquitous: new Set(stats && stats.docs >= UBIQUITY_MIN_DOCS ? p.f.entities.map(([k]) => k).filter((k) => stats.df(`e:${k}`) > stats.docs * UBIQUITOUS_SHARE) : []),
  };
  return p.told;
}

/** Shared values of two sorted arrays of unique numbers. */
function sharedCount(a: Uint32Array, b: Uint32Array): number {
  let n = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

/**
 * Grade two articles. `stats` gives rarity in the corpus (without it every stem weighs the same,
 * which is fine for two articles alone).
 */
export function gradePair(a: ArticleFeatures | PreparedFeatures, b: ArticleFeatures | PreparedFeatures, stats?: CorpusStats): PairGrade {
  const pa = 'f' in a ? a : prepare(a, stats);
  const pb = 'f' in b ? b : prepare(b, stats);
  return gradePrepared(pa, pb);
}

/** A date written out (`16 December`, `Dec. 16`), not a weekday placed from the publication date (in the article's language: `martes`, `Dienstagabend`). */
const written = (lang: string | null) => (d: DateMention) => !isCalendarWord(d.text, lang);

/** Of two ways of writing one day, the one with the year. */
const fuller = (x: string, y: string) => (x.startsWith('--') ? y : x);

/** Dates that say nothing of a pair (one object for the many pairs they say nothing of). */
const NO_DATE_EVIDENCE = Object.freeze({ shared: null, conflict: null });

/** What the dates say about a pair: a day both give, or why they cannot be one event. */
function dateEvidence(pa: PreparedFeatures, pb: PreparedFeatures): { shared: string | null; conflict: MatchReason | null } {
  const a = pa.f;
  const b = pb.f;
  const leadA = pa.leads;
  const leadB = pb.leads;
  if (a.event && b.event) {
    if (a.event === b.event) return { shared: a.event, conflict: null };
    // Another day each, and neither lead gives the other's day too: two events (a story followed
    // over several days names the earlier day as well).
    if (!leadA.some((d) => d.date === b.event) && !leadB.some((d) => d.date === a.event)) {
      return { shared: null, conflict: { code: 'dates-differ', dates: [a.event, b.event] } };
    }
  }
  // The event day of one that the other mentions too is evidence for, as is a day both leads
  // give (dates true of both articles). A day one lead gives and the other mentions further down
  // is not (it may be background: "since 17 November"), nor a conflict: the story may be
  // followed over several days.
  if (a.event && b.dates.some((d) => d.date === a.event)) return { shared: a.event, conflict: null };
  if (b.event && a.dates.some((d) => d.date === b.event)) return { shared: b.event, conflict: null };
  for (const x of leadA) {
    const y = leadB.find((d) => sameDay(x.date, d.date));
    if (y) return { shared: fuller(x.date, y.date), conflict: null };
  }
  const mentioned = (lead: typeof leadA, other: ArticleFeatures) => lead.some((x) => other.dates.some((d) => sameDay(x.date, d.date)));
  if (mentioned(leadA, b) || mentioned(leadB, a)) return NO_DATE_EVIDENCE;
  // Explicit dates only: a weekday can be meant forward ("will testify on Friday") and is then
  // placed a week early.
  const [x, y] = [leadA.find(written(a.lang)), leadB.find(written(b.lang))];
  if (x && y) {
    const apart = daysApart(x.date, y.date);
    if (apart !== null && apart > CONFLICT_DAYS) return { shared: null, conflict: { code: 'dates-differ', dates: [x.date, y.date] } };
  }
  // Undated articles: the weekday a lead names first ("mardi", "mercredi"; news says when first)
  // is all that places its event; two different ones are two days.
  const [dayA, dayB] = [a.leadWeekdays[0], b.leadWeekdays[0]];
  if ((!a.published || !b.published) && dayA !== undefined && dayB !== undefined && dayA !== dayB) {
    return { shared: null, conflict: { code: 'weekdays-differ', weekdays: [dayA, dayB] } };
  }
  return NO_DATE_EVIDENCE;
}

/** What a pair's grade rests on: its relation and score, and the evidence its reasons are written from. */
interface PairSignals {
  relation: Relation;
  score: number;
  terms: number;
  sharedQuoted: number;
  sharedDate: string | null;
  conflict: MatchReason | null;
  /** Figures both give (their list is made by `gradePrepared` only). */
  figures: number;
  /** Each names two people or more in full, none the other's: two events (`noOneInCommon`). */
  strangers: boolean;
}

/** `pairSignals`' answer, one object filled again by each call (grading a corpus makes no object per pair). */
const SIGNALS: PairSignals = { relation: 'unrelated', score: 0, terms: 0, sharedQuoted: 0, sharedDate: null, conflict: null, figures: 0, strangers: false };

/** What the grade of a pair rests on, in `SIGNALS` (read before the next call). */
function pairSignals(pa: PreparedFeatures, pb: PreparedFeatures): PairSignals {
  const a = pa.f;
  const b = pb.f;
  const terms = similarity(pa.terms, pb.terms);
  const actors = similarity(pa.actors, pb.actors);

  const sharedQuoted = sharedCount(pa.quoted, pb.quoted);
  const quotedSim = Math.min(1, sharedQuoted / 8);

  let score = WEIGHTS.terms * terms + WEIGHTS.actors * actors + WEIGHTS.quoted * quotedSim;

  const dates = dateEvidence(pa, pb);
  let conflict = dates.conflict;
  if (dates.shared) score += ADJUST.sharedLeadDate;
  const apart = a.published && b.published ? daysApart(a.published, b.published)! : null;
  if (apart !== null) {
    if (apart <= 1) score += ADJUST.publishedClose;
    // Publication years apart says more than the weekdays two leads name.
    else if (apart > PUBLISHED_CONFLICT_DAYS && (!conflict || apart > STORYLINE_DAYS)) conflict = { code: 'published-apart', days: Math.round(apart) };
  }
  // A conflicting date rules out the same event but not the same storyline: the score drops
  // below the `same` threshold, no lower (002 is still related to 000).
  if (conflict) score = Math.min(score * CONFLICT_FACTOR, THRESHOLDS.same - CONFLICT_MARGIN);

  // Figures.
  let figures = 0;
  for (const n of a.numbers) if (b.numbers.includes(n)) figures++;
  score += ADJUST.sharedFigure * Math.min(3, figures);

  score = Math.max(0, score);
  let relation: Relation = score >= THRESHOLDS.same ? 'same' : score >= THRESHOLDS.related ? 'related' : 'unrelated';
  // One event is told in words in common: a day, a publication date and names alone (the
  // president received someone at the Elysée on Monday, and gave an interview from there on
  // Monday) make none.
  if (relation === 'same' && terms < SAME_TERMS_FLOOR && sharedQuoted < 3) relation = 'related';
  // One event has its people in common: two articles naming two people or more each in full, none
  // of them the other's (by full name or surname), tell two events however alike their words (two
  // trials at one court on one day: the same template, other defendants, other lawyers; a stock
  // phrase quoted in both, `le tribunal a suivi nos réquisitions`, is no one's in common either).
  const strangers = relation === 'same' && noOneInCommon(pa, pb);
  if (strangers) relation = 'unrelated';
  // A storyline is a topic in common: names and dates alone (a weekday, "Trump") make none.
  if (relation === 'related' && terms < RELATED_TERMS_FLOOR && sharedQuoted < 3) relation = 'unrelated';
  if (relation === 'related' && apart !== null && apart > STORYLINE_DAYS) relation = 'unrelated';
  // Different languages: vocabulary cannot be compared; at most related on shared actors.
  if (a.lang && b.lang && a.lang !== b.lang && relation === 'same') relation = 'related';
  const s = SIGNALS;
  s.relation = relation;
  s.score = round(score);
  s.terms = terms;
  s.sharedQuoted = sharedQuoted;
  s.sharedDate = dates.shared;
  s.conflict = conflict;
  s.figures = figures;
  s.strangers = strangers;
  return s;
}

/** Written as two words or more (`Jean-Marc Delorme`, `Kevin Moss`; not `Montreuil-sur-Mer`, one word of a place). */
const inFull = ([, label]: [string, string, number]) => /\S\s+\S/u.test(label);

/** The last word of a name's key (`delorme` of `jean marc delorme`). */
const lastWord = (key: string) => key.slice(key.lastIndexOf(' ') + 1);

/** The keys of the names an article writes in full (`jean marc delorme`), and the last word of every name's key (made when first asked). */
const fullNames = new WeakMap<ArticleFeatures, { full: string[]; last: Set<string> }>();
function namesOf(f: ArticleFeatures): { full: string[]; last: Set<string> } {
  let n = fullNames.get(f);
  if (!n) {
    n = { full: f.entities.filter(inFull).map(([k]) => k), last: new Set(f.entities.map(([k]) => lastWord(k))) };
    fullNames.set(f, n);
  }
  return n;
}

/** The two names of two words or more an article gives most often, as written. */
const namedInFull = (f: ArticleFeatures): string[] => f.entities.filter(inFull).sort((x, y) => y[2] - x[2]).slice(0, 2).map(([, label]) => label);

/**
 * Whether each article names two people or more in full, none of them ends a name of the other
 * (`Kevin Moss` meets `Moss`, `Sen. Kevin Moss`), and they share one name at most (a city): one
 * event told through other people shares its places (a day of protests in Paris, Toulouse,
 * Bordeaux and Perpignan, one version quoting the president, the other a protest leader).
 */
function noOneInCommon(pa: PreparedFeatures, pb: PreparedFeatures): boolean {
  const a = namesOf(pa.f);
  const b = namesOf(pb.f);
  if (a.full.length < 2 || b.full.length < 2) return false;
  if (a.full.some((k) => b.last.has(lastWord(k))) || b.full.some((k) => a.last.has(lastWord(k)))) return false;
  const keys = new Set(pb.f.entities.map(([k]) => k));
  return pa.f.entities.filter(([k]) => keys.has(k)).length <= 1;
}

/** `relatePrepared`'s answer, one object filled again by each call. */
const RELATED: { relation: Relation; score: number; conflict: ReasonCode | null } = { relation: 'unrelated', score: 0, conflict: null };

/**
 * A pair's relation and score without its reasons, and whether its dates say it is two events
 * (the conflict's code): what grading a corpus into stories needs of the many pairs no one reads.
 * The same relation and score as `gradePrepared`. The object answered is filled again by the next
 * call (no object per pair): read it before.
 */
export function relatePrepared(pa: PreparedFeatures, pb: PreparedFeatures): Readonly<{ relation: Relation; score: number; conflict: ReasonCode | null }> {
  const s = pairSignals(pa, pb);
  RELATED.relation = s.relation;
  RELATED.score = s.score;
  RELATED.conflict = s.conflict?.code ?? null;
  return RELATED;
}

export function gradePrepared(pa: PreparedFeatures, pb: PreparedFeatures): PairGrade {
  const s = { ...pairSignals(pa, pb) };
  // The keys the two share, by name: only for a grade whose reasons someone reads.
  const terms = cosine(pa.terms, pb.terms);
  const actors = cosine(pa.actors, pb.actors);
  const reasons: MatchReason[] = [];
  if (s.sharedDate) reasons.push({ code: 'same-date', date: s.sharedDate });
  if (s.sharedQuoted >= 3) reasons.push({ code: 'same-quoted-words', count: s.sharedQuoted });
  const { labels, ubiquitous } = told(pa);
  const actorsTold = actors.shared.filter(([k]) => !ubiquitous.has(k));
  // (A name inside another shown, `Barnier` beside `Michel Barnier`, tells nothing more: the longer, where the first stood.)
  const names = actorsTold.map(([k]) => labels.get(k) ?? k);
  const words = (n: string) => ` ${n.toLowerCase()} `;
  const longest = names.map((n) => names.filter((m) => words(m).includes(words(n))).reduce((x, y) => (y.length > x.length ? y : x), n));
  if (names.length) reasons.push({ code: 'shared-entities', values: [...new Set(longest)].slice(0, 5) });
  if (s.figures) reasons.push({ code: 'shared-figures', values: pa.f.numbers.filter((n) => pb.f.numbers.includes(n)).slice(0, 3) });
  if (terms.shared.length) reasons.push({ code: 'shared-terms', count: terms.shared.length, similarity: round(s.terms) });
  if (s.conflict) reasons.push(s.conflict);
  if (s.strangers) reasons.push({ code: 'people-differ', people: [namedInFull(pa.f), namedInFull(pb.f)] });
  return { relation: s.relation, score: s.score, reasons };
}
