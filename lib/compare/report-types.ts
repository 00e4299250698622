/**
 * The comparison report's shapes: what the side panel renders, the corpus page's side-by-side
 * shows and `recoupe compare` prints. Plain data, built by `report.ts`. What it holds of the page
 * is spans into the page's text (`pageKey` says which text): the panel has that text already, and
 * rebuilds from it the TextQuote selectors the live page is searched with (`quoted.ts`), as the
 * CLI does for what it prints. Text the reader of the report cannot rebuild (the stored articles'
 * words, the diffs) travels cut to what is shown.
 */
import type { TextQuote } from '../anchor';
import type { Span } from '../extract/types';
import type { FramingView } from '../framing/view';
import type { PassageKind } from '../passages';
import type { QuoteRelation } from '../quotes';
import type { MatchReason } from '../match/types';
import type { MarkedRun } from '.';

/** A stored article found to report the same event as the page, or the same storyline. */
export interface StoryMatchView {
  id: number;
  title: string | null;
  site: string | null;
  publishedTime: string | null;
  relation: 'same' | 'related';
  score: number;
  /** Why, in words: shared dates, actors, quotations… */
  /** Why, as lib/match's codes and values; the UI writes them in its language. */
  reasons: MatchReason[];
}

/** The stored articles listed for the page: on the same event, on the same storyline. */
export interface StoryLists {
  corpusSize: number;
  same: StoryMatchView[];
  related: StoryMatchView[];
}

/** One run of a word diff: in both versions, only in the page's, or only in the other's. */
export interface DiffRunView {
  op: 'same' | 'removed' | 'added';
  text: string;
}

/** A quotation of the page found in stored articles, with how each version compares. */
export interface SharedQuoteView {
  /** Where the quotation is in the page's text (or the page's words, for a quotation reused unquoted). */
  pageSpan: Span;
  speaker: string | null;
  /** The versions credit the quotation to different people: no speaker is shown, the panel says so. */
  speakersDiffer?: true;
  versions: {
    articleId: number;
    relation: QuoteRelation;
    /** Word diff from the page's version to the other (empty when exact). */
    diff: DiffRunView[];
  }[];
}

/** A run of a passage, marked where the two versions differ. */
export type MarkedRunView = MarkedRun;

/** Text the page shares with one stored article (wire copy, an edited copy, a paraphrase). */
export interface PassageView {
  articleId: number;
  kind: PassageKind;
  similarity: number;
  /** Where the whole passage is in the page's text. */
  pageSpan: Span;
  /** Its first characters on each side, marked where the two differ, cut with "…" (`PASSAGE_SHOWN_CHARS`). */
  page: MarkedRunView[];
  other: MarkedRunView[];
  /** Where the whole passage is in the stored article's text (offsets). */
  otherSpan: Span;
}

/** Copies of one agency's text among the story's versions (the page's key is `null`). */
export interface WireGroupView {
  agency: string;
  /** Stored articles carrying it, in list order. */
  articleIds: number[];
  /** Whether the page is one of the copies. */
  includesPage: boolean;
}

/** Whose wire the page and its same-event versions carry (lib/wire). */
export interface WireView {
  /** Agencies the page credits (text and byline). */
  pageCredits: string[];
  /**
   * The agency whose copy the page is, with the share of the page's words copied in stored
   * versions crediting the same agency; null when the page credits none or shares no copy with one.
   */
  pageWire: { agency: string; share: number } | null;
  groups: WireGroupView[];
  /** Over the page and its same-event versions compared: independent reports (each group once) and reprints. */
  counts: { versions: number; independent: number; reprints: { agency: string; count: number }[] };
}

/** A version of the story on the timeline: the page (`articleId` null) or a stored article. */
export interface TimelineEntryView {
  articleId: number | null;
  /** ISO 8601: publication time, else first seen; null when neither is known. */
  time: string | null;
  basis: 'published' | 'first-seen' | null;
}

/** A copied passage of the page carried by other versions, with its likely source when the dates make one certain (lib/timeline). */
export interface PassageSourceView {
  /** The copied stretch of the page's text. */
  pageSpan: Span;
  /** The stored versions carrying it besides the page. */
  carriers: number[];
  /** null when no version was certainly first (ties, unknown times). */
  source: { articleId: number | null; from: string; to: string; next: number | null } | null;
}

/** Who published first among the page and its same-event versions. */
export interface TimelineView {
  entries: TimelineEntryView[];
  sources: PassageSourceView[];
}

/** The page against its stored versions: everything the panel shows of a comparison. */
export interface ComparisonReport extends StoryLists {
  /** The page's text the spans index, as `textKey` gives it (its length and a hash): a text that differs is not quoted from. */
  pageKey: string;
  quotes: SharedQuoteView[];
  passages: PassageView[];
  /**
   * Share of the page's words also found in the compared articles: all together, the same-event
   * ones together (null when none was compared), and one by one (those sharing any).
   */
  coverage: { overall: number; sameEvent: number | null; byArticle: { articleId: number; coverage: number }[] };
  /** Framing against the closest stored version of the story (same event first), if any. */
  framing: FramingView | null;
  /** The page and its same-event versions by publication time, and the likely source of each shared passage; absent from reports made before it existed. */
  timeline?: TimelineView;
  /** Whose wire copy the page and its same-event versions are; absent from reports made before it existed. */
  wire?: WireView;
  /** The page's length in characters, set when it is too long to compare quotes and passages (the panel says so in its language). */
  detailSkipped?: number;
  /**
   * Set when the comparison reached its time budget (`ReportBudget`): what it left out. What the
   * report holds is right, but may be incomplete; the panel says so in its language.
   */
  budgetSpent?: {
    /** The budget, in milliseconds. */
    totalMs: number;
    /** Listed articles not compared in detail (no quotations, passages or coverage from them). */
    notCompared: number;
    /** Compared articles whose quotation alignment stopped early. */
    quotesPartial: number;
    /** The framing was not computed. */
    framingSkipped: boolean;
    /**
     * Same-event articles were left out: the wire and the timeline are not given (an article not
     * read may carry the wire, or the passage, first). Absent from reports made before it existed.
     */
    storySkipped?: boolean;
  };
}

/** An item of the report with its selector in the page rebuilt from the page's text (`quoted.ts`): what the panel anchors in the live page. */
export type Quoted<T extends { pageSpan: Span }> = T & { pageQuote: TextQuote };

/** A report with every page span's selector rebuilt: what the panel renders and `recoupe compare` prints. */
export type QuotedReport<R extends ComparisonReport = ComparisonReport> = Omit<R, 'quotes' | 'passages' | 'timeline'> & {
  quotes: Quoted<SharedQuoteView>[];
  passages: Quoted<PassageView>[];
  timeline?: { entries: TimelineEntryView[]; sources: Quoted<PassageSourceView>[] };
};

/** The evidence shown for one choice of compared articles (all same-event ones, or one). */
export interface ShownEvidence<Q extends SharedQuoteView = SharedQuoteView, P extends PassageView = PassageView> {
  /** Quotations with the versions of the shown articles only. */
  quotes: Q[];
  passages: P[];
  /** The passages split: copied text (verbatim, edited: what coverage counts) and similar wording (paraphrase). */
  copied: P[];
  similar: P[];
  /** Share of the page's words found in the shown articles, and how many of them share any. */
  coverage: { share: number; articles: number };
}

/** A quotation or passage two stored articles share, as it stands in one of them. */
export interface SharedMark {
  start: number;
  end: number;
  kind: 'quote' | 'passage';
  /** How the two versions compare: a quotation's relation, or a passage's kind. */
  relation: QuoteRelation | PassageKind;
  /** The same number on the mark of the other article. */
  pair: number;
}

/** One of two stored articles side by side: its text, paragraphs and shared marks (offsets into `text`). */
export interface SideBySideArticle {
  /** The stored article's id; null for a tab's page that is not stored. */
  id: number | null;
  title: string | null;
  site: string | null;
  language: string | null;
  publishedTime: string | null;
  url: string;
  text: string;
  paragraphs: Span[];
  marks: SharedMark[];
}

/** Two stored articles compared: what they share, marked in both. */
export interface SideBySide {
  a: SideBySideArticle;
  b: SideBySideArticle;
  quotes: number;
  passages: number;
  /** Share of each text's words in shared passages. */
  coverage: { a: number; b: number };
  /** Set (to the longer text's length) when a text is too long to compare in detail. */
  detailSkipped?: number;
  /** The quotation alignment stopped at its budget: quotations may be shared that are not marked. */
  quotesPartial?: true;
}
