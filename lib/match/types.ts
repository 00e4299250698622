/**
 * What the same-story analysis stores per article and returns per pair. Everything here is plain
 * JSON (no Map, no typed array) so the extension can keep `ArticleFeatures` in
 * `StoredArticle.analysis` and never analyse a stored article twice.
 */

/** Version of the feature format; features of another version are recomputed. */
export const FEATURES_VERSION = 1;

/** A date the article mentions, resolved as far as the text allows. */
export interface DateMention {
  /** `YYYY-MM-DD` when the year is known or inferred from the publication date, else `--MM-DD`. */
  date: string;
  /** As written (`6 juillet`, `mercredi`, `July 6`), for the reasons. */
  text: string;
  /** In the title or the first ~600 characters of the body: the likeliest date of the event itself. */
  lead: boolean;
}

/** The per-article summary the pair scorer and the index work from (computed once). */
export interface ArticleFeatures {
  v: typeof FEATURES_VERSION;
  /** ISO 639-1, or null when unknown. */
  lang: string | null;
  /** Publication date `YYYY-MM-DD`, or null when unknown. */
  published: string | null;
  /** Number of content tokens (stop words excluded) in title and body. */
  length: number;
  /** The most frequent content stems `[stem, count]`, most frequent first (title counted twice). */
  terms: [string, number][];
  /** Named entities `[key, label, count]`: key accent-folded lower case (`front al nosra`), label as first written. */
  entities: [string, string, number][];
  /** Explicit dates and weekdays resolved against the publication date, in text order, deduplicated by date. */
  dates: DateMention[];
  /** Figures with their unit stem (`280000 mort`, `72 heur`), deduplicated. */
  numbers: string[];
  /** Hashes of 4-stem shingles inside quotation marks: the quoted words, typography-insensitive. */
  quoted: number[];
}

/** Evidence computed elsewhere (quotes issue, passages issue) that the pair scorer can take into account. */
export interface ExtraEvidence {
  /** Quotations found in both articles (same speaker and words). */
  sharedQuotes?: number;
  /** Shared passages (wire copy, near-verbatim reuse). */
  sharedPassages?: number;
  /** Share of the shorter article's text covered by shared passages, 0–1. */
  passageCoverage?: number;
}

export type Relation = 'same' | 'related' | 'unrelated';

/** How two articles relate, with the evidence a person can read. */
export interface PairGrade {
  relation: Relation;
  /** Higher is closer; comparable across pairs of one corpus, not across corpora. Rounded to 3 decimals. */
  score: number;
  reasons: string[];
}

/** How rare a term or entity is in the corpus: document frequencies for inverse-document-frequency weights. */
export interface CorpusStats {
  /** Number of articles. */
  readonly docs: number;
  /** Articles containing `key` (a stem, or an entity key prefixed with `e:`). */
  df(key: string): number;
}
