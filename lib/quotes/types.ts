/** The shapes that lib/quotes returns; every offset indexes into the text given to it. */
import type { KnownWord, Token } from '../text';
import type { Lexicon } from './lexicon';
import type { Span } from '../text/span';

export type { Span };

/** Reported speech (someone's words) or a scare quote (a label held at a distance: framing). */
/** Reported speech; a scare quote (words held at a distance, a title); a name in quotation marks (`les «gilets jaunes»`): neither speech nor distance. */
export type QuoteKind = 'reported' | 'scare' | 'name';

/** One quotation of an article. */
export interface Quote {
  /** Exactly `text.slice(start, end)` of the article text. */
  text: string;
  /**
   * The quoted words: the marks are OUTSIDE `[start, end)` (see `marks`), and so are the spaces
   * inside French guillemets and a trailing comma, semicolon or colon before the closing mark.
   * A quotation that continues over paragraphs (reopening mark at the start of each) is one
   * span; the reopening marks and the paragraph breaks are inside it.
   */
  start: number;
  end: number;
  kind: QuoteKind;
  /** The speaker as the text names it (determiner dropped), or null when no cue names one. */
  speaker: string | null;
  /** Where `speaker` is named: in the sentence of the quote, or earlier for an inherited speaker. */
  speakerSpan: Span | null;
  /**
   * Where the quote's own sentence refers to the speaker: the pronoun of `he said` (when
   * `speaker` was taken from an earlier mention), or `speakerSpan` itself; null when inherited
   * from a previous quotation without any mention here.
   */
  mention: Span | null;
  /** The attribution cue (verb of saying, `selon`, `according to`) that linked the speaker. */
  cue: Span | null;
  /** The opening and closing marks. */
  marks: { open: Span; close: Span };
  /** 0 for a quotation at top level; 1 for one nested inside another, and so on. */
  depth: number;
  /** True when the quotation runs over a paragraph break (reopened at each new paragraph). */
  multiParagraph: boolean;
  /** Editorial insertions in square brackets inside the quotation (`[le Front al-Nosra]`). */
  insertions: Span[];
}

/** Context of one quotation that the kind and speaker rules read (built in extract.ts, read in speaker.ts). */
export interface QuoteContext {
  text: string;
  lang: string;
  lex: Lexicon;
  /** The sentence (widened to cover the quotation and its marks). */
  sentence: Span;
  /** Word tokens of the sentence outside every quotation of depth 0 in it. */
  before: Token[];
  after: Token[];
  open: Span;
  close: Span;
  /** Spans of the other quotations of the sentence (their tokens are not cues). */
  others: Span[];
  /** The text's sentences (lib/text `sentences`, once per text): where earlier sentences start. */
  sentences: readonly Span[];
  /**
   * The text's tokens (lib/text `tokenize`'s) in columns, when the caller has them: `range(start,
   * end)` gives the indices `[from, to)` of the tokens of `text.slice(start, end)`, or null when
   * the range cuts a word (then it is tokenised on its own). Rules read a long range's words from
   * them instead of tokenising it again.
   */
  columns?: TextColumns;
}

/** The tokens of a text in columns, and the tokens of a range as an index range (`QuoteContext.columns`). */
export interface TextColumns {
  starts: Int32Array;
  ends: Int32Array;
  words: readonly KnownWord[];
  range(start: number, end: number): [number, number] | null;
}
