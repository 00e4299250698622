/**
 * What the same-story analysis stores per article and returns per pair. Everything here is plain
 * JSON (no Map, no typed array) so the extension can keep `ArticleFeatures` in
 * the `features` table (schema 4; in `StoredArticle.analysis` before schema 14) and never analyse a stored article twice.
 */

/**
 * Version of the feature format. Stored features of another version are recomputed once, from
 * their article's text, by a background job that writes them back (extension/storage/features-refresh.ts);
 * until it has passed an article, its stored features are used as they are, never recomputed per read.
 * 3: weekdays more than three days back and days without a year read otherwise (dates.ts), `Marine
 * Le Pen` at a sentence's start, Spanish stop words. 4: a name's common first word kept inside
 * the name of a law or an institution (`the Voting Rights Act`, not `Rights Act`). 5: Italian
 * `Paese`, Portuguese `País` (the country, capitalised by convention) are no names. 6: a sentence
 * opens after a low or single quotation mark (`„Vláda…`) and after a capital letter ending a
 * paragraph (`na síti X.`): one word there is no name alone.
 */
export const FEATURES_VERSION = 6;

/**
 * Version of the pair grading rules (score.ts): the saved story index and its links record the
 * version they were graded with, and links of another are not trusted (dropped and graded again
 * from the stored features: `StoryIndex`). 2: `SAME_TERMS_FLOOR`. 3: two articles naming other
 * people in full are two events (`noOneInCommon`).
 */
export const GRADING_VERSION = 3;

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
  /** `FEATURES_VERSION` when computed; stored features of an older version keep theirs until the refresh job rewrites them. */
  v: number;
  /** ISO 639-1, or null when unknown. */
  lang: string | null;
  /** Publication date `YYYY-MM-DD`, or null when unknown. */
  published: string | null;
  /** The day the event happened, resolved from the lead's dates (`eventDate`), or null when the text does not tell. */
  event: string | null;
  /** Weekdays the lead names (0 = Sunday), in order, each once: they place an undated article's event in its week. */
  leadWeekdays: number[];
  /** Number of content tokens (stop words excluded) in title and body. */
  length: number;
  /** The most frequent content stems `[stem, count]`, most frequent first (title counted twice). */
  terms: [string, number][];
  /** Named entities `[key, label, count]`: key accent-folded lower case (`front al nosra`), label as first written. */
  entities: [string, string, number][];
  /** Explicit dates and weekdays resolved against the publication date, in text order, deduplicated by date. */
  dates: DateMention[];
  /** Figures as whole numbers with their unit (`280000 mort`, `72 heur`, `800000 usd`, `5 %`), deduplicated. */
  numbers: string[];
  /** Hashes of 4-stem shingles inside quotation marks: the quoted words, typography-insensitive. */
  quoted: number[];
}

export type Relation = 'same' | 'related' | 'unrelated';

/**
 * One piece of evidence for or against a grade, as data: the extension writes it in the reader's
 * language, the CLI as an English sentence (`describeReason`). Dates are `YYYY-MM-DD`, or
 * `--MM-DD` when neither article gives the year.
 */
export type MatchReason =
  /** A day both articles give: the event date of each, or a date of one's lead the other mentions too. */
  | { code: 'same-date'; date: string }
  /** Phrases of three words inside quotation marks in both. */
  | { code: 'same-quoted-words'; count: number }
  /** Names of people, places and organisations in both (not those in a large share of the corpus), most telling first. */
  | { code: 'shared-entities'; values: string[] }
  /** Figures with their unit in both (`280000 mort`). */
  | { code: 'shared-figures'; values: string[] }
  /** Content words in common, and the term similarity (cosine, 0–1). */
  | { code: 'shared-terms'; count: number; similarity: number }
  /** Each gives another day for the event: the first article's, then the second's. */
  | { code: 'dates-differ'; dates: [string, string] }
  /** Undated articles whose leads name other weekdays (0 = Sunday): the first article's, then the second's. */
  | { code: 'weekdays-differ'; weekdays: [number, number] }
  /** Published this many days apart. */
  | { code: 'published-apart'; days: number }
  /** Each names two people or more in full and none of the other's: the names each gives most (two events). */
  | { code: 'people-differ'; people: [string[], string[]] };

export type ReasonCode = MatchReason['code'];

/** How two articles relate, with the evidence a person can read. */
export interface PairGrade {
  relation: Relation;
  /** Higher is closer; comparable across pairs of one corpus, not across corpora. Rounded to 3 decimals. */
  score: number;
  reasons: MatchReason[];
}

/** How rare a term or entity is in the corpus: document frequencies for inverse-document-frequency weights. */
export interface CorpusStats {
  /** Number of articles. */
  readonly docs: number;
  /** Articles containing `key` (a stem, or an entity key prefixed with `e:`). */
  df(key: string): number;
  /** A number for each key the corpus holds (the index's key dictionary): lets the scorer compare sorted arrays of numbers instead of strings. */
  keyId?(key: string): number | undefined;
  /** `df` of the key numbered `id` by `keyId`: one look-up per key instead of two. */
  dfOfKeyId?(id: number): number;
}
