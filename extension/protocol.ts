/**
 * The one message protocol between the content script, the background and the extension pages
 * (side panel, corpus page). Every request type, its payload and its reply are declared here and
 * nowhere else; the background validates every incoming message against these shapes and
 * against who sent it before acting on it.
 *
 * Replies travel as a {@link Result} because an `Error` does not survive structured cloning
 * (the Hypothesis client does the same for its port RPC calls).
 */
import { browser } from 'wxt/browser';
import type { ArticleSignals, ExtractedArticle, Span } from '../lib/extract/types';
import type { ArticleSummary, StoredArticle } from './storage/article-record';
import type { CorpusListing, CorpusSearch } from './storage/corpus';
import type { ShowInPage, ShownInPage } from './page-evidence';
import type { Settings } from './storage/settings';

/** What the side panel shows for a tab. */
export type PageState =
  | { kind: 'article'; tabId: number; url: string; article: ExtractedArticle; savedId: number | null }
  | { kind: 'not-article'; tabId: number; url: string; article: ExtractedArticle; savedId: number | null }
  | { kind: 'unavailable'; tabId: number | null; url: string | null; reason: UnavailableReason; message: string };

export type UnavailableReason =
  /** No tab to look at (the panel opened without a browser tab behind it). */
  | 'no-tab'
  /** Browser pages, extension pages, stores: extensions may not read them. */
  | 'restricted'
  /** The page is larger than extraction will take on. */
  | 'too-large'
  /** The page has no text at all. */
  | 'empty'
  /** Extraction failed (the page navigated away, a script error…). */
  | 'error';

/** What the extraction script injected into a tab returns to the background. */
export type ExtractionReply =
  | { ok: true; article: ExtractedArticle }
  | { ok: false; reason: 'too-large' | 'empty' | 'error'; message: string };

/**
 * A text of the page with some context either side (the W3C Web Annotation TextQuoteSelector, as
 * Hypothesis anchors annotations): the page finds `exact` where `prefix` and `suffix` agree,
 * falls back to a fuzzy match it verifies, and otherwise reports the text as not found
 * (`AnchorStatus`: 'exact' | 'fuzzy' | 'orphan'). Declared in lib/anchor, which builds and anchors them.
 */
export type { AnchorStatus, TextQuote } from '../lib/anchor';
import type { TextQuote } from '../lib/anchor';
import type { MatchReason } from '../lib/match/types';

/** Where the time of a comparison went, in milliseconds (the panel's speed breakdown). */
export interface ComparisonTimings {
  /** Extracting the page (in the tab) and settling its language; null when it was cached. */
  extractMs: number | null;
  /** Finding same-story and related articles (index look-up and grading). */
  matchMs: number;
  /** Each stored article compared in detail (quotes and passages). */
  compareMs: { articleId: number; ms: number }[];
  /** The framing comparison. */
  framingMs: number;
  /** From the request's arrival to the reply, all included. */
  totalMs: number;
}

/** A stored article found to report the same event as the page, or the same storyline. */
export interface StoryMatchView {
  id: number;
  title: string | null;
  site: string | null;
  publishedTime: string | null;
  relation: 'same' | 'related';
  score: number;
  /** Why, as lib/match's codes and values (shared dates, actors, quotations…); the UI writes them in its language. */
  reasons: MatchReason[];
}

/** One run of a word diff: in both versions, only in the page's, or only in the other's. */
export interface DiffRunView {
  op: 'same' | 'removed' | 'added';
  text: string;
}

/** A quotation of the page found in stored articles, with how each version compares. */
export interface SharedQuoteView {
  /**
   * The quotation as the page has it (or the page's words, for a quotation reused unquoted):
   * `exact`, with its context to find it in the live page (lib/anchor).
   */
  pageQuote: TextQuote;
  speaker: string | null;
  versions: {
    articleId: number;
    relation: 'exact' | 'truncated' | 'altered' | 'spliced' | 'unquoted';
    /** Word diff from the page's version to the other (empty when exact). */
    diff: DiffRunView[];
  }[];
}

/** A run of a passage, marked where the two versions differ. */
export interface MarkedRunView {
  text: string;
  changed: boolean;
}

/** Text the page shares with one stored article (wire copy, an edited copy, a paraphrase). */
export interface PassageView {
  articleId: number;
  kind: 'verbatim' | 'edited' | 'paraphrase';
  similarity: number;
  /** Where it is in the page, to find it in the live page (lib/anchor). */
  pageQuote: TextQuote;
  page: MarkedRunView[];
  other: MarkedRunView[];
}

/** A label an outlet uses for an actor, with the words that carry its framing. */
export interface ActorLabelView {
  text: string;
  /** Framing modifiers inside the label (`prétendue`, `modérés`, `supportés par Washington`). */
  modifiers: string[];
  /** What the alias lexicon says of the label's connotation, when it knows it. */
  note: string | null;
}

/** How the page and one stored version of the story frame it. */
export interface FramingView {
  /** The stored article compared with. */
  articleId: number;
  /** Per actor, each side's labels; actors named differently first. */
  actors: { actor: string; differs: boolean; page: ActorLabelView[]; other: ActorLabelView[] }[];
  /** Hedges, conditionals, distancing attributions and scare quotes. */
  hedges: { page: { text: string; kind: string }[]; other: { text: string; kind: string }[] };
  /** Who speaks: sources cited in only one version, and in both. */
  sources: { onlyPage: string[]; onlyOther: string[]; both: string[] };
  /** Statements with no counterpart in the other version, most carrying first. */
  omissions: { onlyPage: string[]; onlyOther: string[] };
  headlines: { page: string | null; other: string | null; note: string | null };
}

/** The page compared with the corpus. */
export interface PageComparison {
  corpusSize: number;
  same: StoryMatchView[];
  related: StoryMatchView[];
  quotes: SharedQuoteView[];
  passages: PassageView[];
  /**
   * Share of the page's words also found in the compared articles: all together, the same-event
   * ones together (null when none was compared), and one by one.
   */
  coverage: { overall: number; sameEvent: number | null; byArticle: { articleId: number; coverage: number }[] };
  /** Framing against the closest stored version of the story (same event first), if any. */
  framing: FramingView | null;
  /** The page's length in characters, set when it is too long to compare quotes and passages (the panel says so in its language). */
  detailSkipped?: number;
  /** Where the time went (extraction, matching, each article compared, framing). */
  timings: ComparisonTimings;
}

export type SaveOutcome = { id: number; created: boolean; title: string | null };

export interface ImportOutcome {
  added: number;
  updated: number;
}

/**
 * A part of an exported corpus file, as text chunks to put together in a `Blob` (one chunk per
 * ~1 MB). A corpus larger than one message comes in parts: ask again `from: next` until `next`
 * is null, and put every part's chunks together, in order, in one file.
 */
export interface ExportFile {
  fileName: string;
  mimeType: string;
  chunks: string[];
  count: number;
  next: number | null;
}

/** A same-event story of the corpus: its articles (oldest published first) and its label (the best-connected article's title). */
export interface StoryGroup {
  ids: number[];
  title: string;
  /** `reasons`: what the article shares with the one the story is named after (none for that one). */
  articles: { id: number; title: string | null; site: string | null; publishedTime: string | null; reasons: MatchReason[] }[];
}

/** A quotation or passage two stored articles share, as it stands in one of them. */
export interface SharedMark {
  start: number;
  end: number;
  kind: 'quote' | 'passage';
  /** How the two versions compare: a quotation's relation, or a passage's kind. */
  relation: 'exact' | 'truncated' | 'altered' | 'spliced' | 'unquoted' | 'verbatim' | 'edited' | 'paraphrase';
  /** The same number on the mark of the other article. */
  pair: number;
}

/** One of two stored articles side by side: its text, paragraphs and shared marks (offsets into `text`). */
export interface SideBySideArticle {
  id: number;
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
}

/** What an import did: articles added, updated, and those left out with the reason. */
export interface ImportReport extends ImportOutcome {
  skipped: { item: string; reason: string }[];
}

/** More auto-save sites than anyone reads regularly; keeps the list and each page load's check small. */
export const MAX_AUTO_SAVE_SITES = 200;
/** Longer than any URL a person pastes for a site; beyond it the input is not a site name. */
export const MAX_SITE_INPUT_CHARS = 2_000;

/** The largest file `corpus/import` takes, in characters (about 50 MB). */
export const MAX_IMPORT_CHARS = 50_000_000;

/**
 * Requests, keyed by type: `req` is the payload sent with `{ type }`, `res` the value of a
 * successful reply. `from` says which senders may make the request: `page` for the content
 * script (a web page's world, never trusted with corpus changes), `extension` for the
 * extension's own pages.
 */
export interface Requests {
  /** Cheap article signals computed by the content script at page load. */
  'page/signals': { req: { signals: ArticleSignals }; res: null; from: 'page' };
  /** The state of a tab (extracting it on demand); `tabId` omitted means the active tab. */
  'page/get-state': { req: { tabId?: number; refresh?: boolean }; res: PageState; from: 'extension' };
  /** The page of a tab compared with the corpus: same-story and related articles, shared quotes and passages. */
  'page/compare': { req: { tabId: number }; res: PageComparison | null; from: 'extension' };
  /** Framing of a tab's page beside one stored article the person chose (null: not stored, or too long to compare). */
  'page/framing': { req: { tabId: number; articleId: number }; res: FramingView | null; from: 'extension' };
  /**
   * Shows evidence in a tab: highlights texts (replacing earlier highlights; `[]` clears) and/or
   * scrolls to one text and selects it. `quote` items are painted as shared quotations, `passage`
   * items as shared passages. Replies how each was found: `highlighted` in the order asked (null
   * when the browser cannot highlight), `scrolled` for `scrollTo` (null when none was asked).
   */
  'page/show': {
    req: { tabId: number } & ShowInPage;
    res: ShownInPage;
    from: 'extension';
  };
  /** Save the article in a tab to the corpus (updates it when its URL is already stored). */
  'corpus/save-tab': { req: { tabId?: number }; res: SaveOutcome; from: 'extension' };
  /**
   * The corpus page's list: words searched in the title, site, URL and text (with a snippet),
   * filters by site, language and published dates, an order; counts per site and language.
   */
  'corpus/search': { req: CorpusSearch; res: CorpusListing; from: 'extension' };
  /** The corpus grouped into same-event stories (two articles or more), largest first. */
  'corpus/stories': { req: { [key in never]: never }; res: StoryGroup[]; from: 'extension' };
  /** Two stored articles side by side, with the quotations and passages they share. */
  'corpus/compare': { req: { a: number; b: number }; res: SideBySide; from: 'extension' };
  /** Stored articles, newest first, optionally filtered by words of the title or site. */
  'corpus/list': { req: { query?: string }; res: ArticleSummary[]; from: 'extension' };
  /** One stored article with its text. */
  'corpus/get': { req: { id: number }; res: StoredArticle | null; from: 'extension' };
  /** Delete stored articles; replies with how many were deleted. */
  'corpus/delete': { req: { ids: number[] }; res: number; from: 'extension' };
  /** Load the sample corpus (the five seed articles shipped in `corpus/`). */
  'corpus/load-samples': { req: { [key in never]: never }; res: ImportOutcome; from: 'extension' };
  /**
   * Export the corpus (all, or the articles of `ids`) as a `recoupe-corpus` JSON file or JSONL
   * stream, in parts: `from` is the `next` of the previous part (0 or absent for the first).
   */
  'corpus/export': { req: { ids?: number[]; format: 'json' | 'jsonl'; from?: number }; res: ExportFile; from: 'extension' };
  /**
   * Import one file (a `recoupe-corpus` export, JSON or JSONL): all its valid articles or, if
   * storing fails, none of them. Replies what was added, updated and skipped, and why.
   */
  'corpus/import': { req: { fileName: string; text: string }; res: ImportReport; from: 'extension' };
  /** The person's settings (the auto-save sites). */
  'settings/get': { req: { [key in never]: never }; res: Settings; from: 'extension' };
  /** Replaces the settings; site names are normalised (the stored list is the reply) and a bad one refuses them all. */
  'settings/set': { req: { settings: Settings }; res: Settings; from: 'extension' };
}

export type RequestType = keyof Requests;
export type RequestOf<K extends RequestType> = { type: K } & Requests[K]['req'];
export type AnyRequest = { [K in RequestType]: RequestOf<K> }[RequestType];

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** Broadcasts from the background to open extension pages (no reply expected). */
export type Notice =
  | { type: 'notice/corpus-changed' }
  | { type: 'notice/page-changed'; tabId: number }
  /** How far the analysis of a tab's page has gone, for the panel's progress line. */
  | {
      type: 'notice/progress'; tabId: number; stage: 'extracting' | 'matching' | 'comparing' | 'framing'; done: number; total: number;
      /** Once matching is done: the same-story lists, for the panel to show while the detail is compared. */
      matches?: Pick<PageComparison, 'corpusSize' | 'same' | 'related'>;
    };

const SENDERS: { [K in RequestType]: Requests[K]['from'] } = {
  'page/signals': 'page',
  'page/get-state': 'extension',
  'page/compare': 'extension',
  'page/framing': 'extension',
  'page/show': 'extension',
  'corpus/save-tab': 'extension',
  'corpus/search': 'extension',
  'corpus/stories': 'extension',
  'corpus/compare': 'extension',
  'corpus/list': 'extension',
  'corpus/get': 'extension',
  'corpus/delete': 'extension',
  'corpus/load-samples': 'extension',
  'corpus/export': 'extension',
  'corpus/import': 'extension',
  'settings/get': 'extension',
  'settings/set': 'extension',
};

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);
const isOptional = (v: unknown, check: (v: unknown) => boolean) => v === undefined || check(v);
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A selector of bounded size: the exact text (a long passage at most) and short context either side. */
const isTextQuote = (v: unknown): boolean =>
  isRecord(v) &&
  typeof v.exact === 'string' && v.exact.length <= 100_000 &&
  typeof v.prefix === 'string' && v.prefix.length <= 1000 &&
  typeof v.suffix === 'string' && v.suffix.length <= 1000;

/** Shape checks of each payload; anything else in the message is ignored. */
const PAYLOAD_CHECKS: { [K in RequestType]: (m: Record<string, unknown>) => boolean } = {
  'page/signals': (m) =>
    isRecord(m.signals) &&
    typeof m.signals.isArticle === 'boolean' &&
    Array.isArray(m.signals.reasons) &&
    m.signals.reasons.length <= 20 &&
    m.signals.reasons.every((r) => typeof r === 'string' && r.length <= 200),
  'page/get-state': (m) => isOptional(m.tabId, isInt) && isOptional(m.refresh, (v) => typeof v === 'boolean'),
  'page/compare': (m) => isInt(m.tabId),
  'page/framing': (m) => isInt(m.tabId) && isInt(m.articleId),
  'page/show': (m) =>
    isInt(m.tabId) &&
    isOptional(m.scrollTo, isTextQuote) &&
    isOptional(m.highlight, (v) => Array.isArray(v) && v.length <= 500 && v.every((h) => isRecord(h) && (h.kind === 'quote' || h.kind === 'passage') && isTextQuote(h.quote))),
  'corpus/save-tab': (m) => isOptional(m.tabId, isInt),
  'corpus/search': (m) => {
    const strings = (v: unknown) => Array.isArray(v) && v.length <= 10_000 && v.every((s) => typeof s === 'string' && s.length <= 1000);
    const day = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
    return isOptional(m.query, (v) => typeof v === 'string' && v.length <= 1000) &&
      isOptional(m.sites, strings) && isOptional(m.languages, strings) &&
      isOptional(m.from, day) && isOptional(m.to, day) &&
      isOptional(m.sort, (v) => ['saved', 'published', 'title', 'site', 'words'].includes(v as string)) &&
      isOptional(m.direction, (v) => v === 'asc' || v === 'desc') &&
      isOptional(m.limit, (v) => isInt(v) && v >= 0 && v <= 100_000);
  },
  'corpus/stories': () => true,
  'corpus/compare': (m) => isInt(m.a) && isInt(m.b),
  'corpus/list': (m) => isOptional(m.query, (v) => typeof v === 'string' && v.length <= 1000),
  'corpus/get': (m) => isInt(m.id),
  'corpus/delete': (m) => Array.isArray(m.ids) && m.ids.length <= 100_000 && m.ids.every(isInt),
  'corpus/load-samples': () => true,
  'corpus/export': (m) =>
    (m.format === 'json' || m.format === 'jsonl') &&
    isOptional(m.from, (v) => isInt(v) && v >= 0) &&
    isOptional(m.ids, (v) => Array.isArray(v) && v.length <= 1_000_000 && v.every(isInt)),
  // The text's size is checked by the handler, which says why a file is refused.
  'corpus/import': (m) => typeof m.fileName === 'string' && m.fileName.length <= 1000 && typeof m.text === 'string',
  'settings/get': () => true,
  // Names are normalised, and refused in words, by the handler; here only the shape and bounds.
  'settings/set': (m) =>
    isRecord(m.settings) &&
    Array.isArray(m.settings.autoSaveSites) &&
    m.settings.autoSaveSites.length <= MAX_AUTO_SAVE_SITES * 2 &&
    m.settings.autoSaveSites.every((s) => typeof s === 'string' && s.length <= MAX_SITE_INPUT_CHARS),
};

/**
 * Parses an incoming message: returns the typed request when its type is known, its payload
 * has the declared shape and the sender is allowed to make it; null otherwise.
 */
export function parseRequest(message: unknown, sender: 'page' | 'extension'): AnyRequest | null {
  if (!isRecord(message) || typeof message.type !== 'string') return null;
  if (!Object.hasOwn(SENDERS, message.type)) return null;
  const type = message.type as RequestType;
  if (SENDERS[type] !== sender) return null;
  if (!PAYLOAD_CHECKS[type](message)) return null;
  return message as AnyRequest;
}

/**
 * Sends a request from an extension page to the background and unwraps the reply.
 * Throws with the background's message when the request failed.
 */
export async function request<K extends RequestType>(
  type: K,
  payload: Requests[K]['req'],
): Promise<Requests[K]['res']> {
  const reply = (await browser.runtime.sendMessage({ ...payload, type })) as Result<Requests[K]['res']> | undefined;
  if (!reply) throw new Error('The extension did not answer. Reload the page and try again.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
