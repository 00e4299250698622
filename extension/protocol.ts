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
import type { ArticleSignals, ExtractedArticle } from '../lib/extract/types';
import type { StoredArticle } from './storage/article-record';
import type { CorpusListing, CorpusSearch } from './storage/corpus';
import type { ShowInPage, ShownInPage } from './page-evidence';
import { MAX_AUTO_SAVE_SITES, MAX_SITE_INPUT_CHARS, type Settings } from './storage/settings';
import type { ComparisonReport, SideBySide, StoryLists } from '../lib/compare/report-types';
import type { FramingView } from '../lib/framing/view';
import type { MatchReason } from '../lib/match/types';
import type { VersionChanges } from '../lib/versions';
import type { FeedSettings, FollowedFeed, PollReport } from './storage/feeds';
import type { FeedParse, DeclaredFeed } from '../lib/feeds';
import { describeMessagingFailure } from './errors';

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

/** The page compared with the corpus: the report (lib/compare) and where its time went. */
export interface PageComparison extends ComparisonReport {
  /** Where the time went (extraction, matching, each article compared, framing). */
  timings: ComparisonTimings;
  /** Stored articles not compared: imported, their features still being prepared (absent when none). */
  unprepared?: number;
}

/** The preparation of imported articles for comparison: `done` of `total` (nothing under way when equal). */
export interface Preparation {
  done: number;
  total: number;
  /** Imported articles whose words are still to index (a search does not find them yet: extension/storage/words-later.ts); absent when none. */
  words?: number;
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

/**
 * A same-event story of the corpus: every member (`ids`, those listed first), the articles listed
 * (its best-connected ones, oldest published first: all of them unless the story is large) and its
 * label (the best-connected article's title). In a `corpus/stories` answer, `ids` holds the listed
 * articles only and `size` how many the story has (a page of the largest stories of a 100,000-article
 * corpus listed every member: 333 KB); the others come on demand (its storyline, `corpus/storyline`
 * of the listed articles, holds its whole event).
 */
export interface StoryGroup {
  ids: number[];
  /** Its members in all, when `ids` holds the listed articles only (a `corpus/stories` answer). */
  size?: number;
  title: string;
  /** The article the story is named after (views made before it was kept have none). */
  lead?: number;
  /** `reasons`: what the article shares with the one the story is named after (none for that one). */
  articles: { id: number; title: string | null; site: string | null; publishedTime: string | null; reasons: MatchReason[] }[];
}

/** A page of the corpus's stories, largest first: `total` stories of `grouped` articles in all; `linking`: articles whose links to the others are still being graded (their stories may grow). */
export interface StoriesPage {
  stories: StoryGroup[];
  total: number;
  grouped: number;
  linking: number;
}

/** Stories sent at a time (the Stories view asks for more). */
export const STORIES_PAGE = 50;

/** Stories of the first answer (no `limit` asked): what the view's first screen shows; the others a page at a time on demand. */
export const STORIES_FIRST = 10;

/** Members of a story, whether its `ids` are all of them or the listed ones only (`size`). */
export const storySize = (story: StoryGroup): number => story.size ?? story.ids.length;

/** One report of an event on a storyline timeline: a stored article, or the tab's page (`id` null). */
export interface StorylineVersion {
  id: number | null;
  title: string | null;
  site: string | null;
  /** ISO 8601: its publication time, else when it was first seen (`basis`); null when neither is known. */
  time: string | null;
  basis: 'published' | 'first-seen' | null;
}

/** One event of a storyline: a same-event story of the corpus or an article alone, with its reports in order. */
export interface StorylineEventView {
  title: string;
  time: string | null;
  basis: 'published' | 'first-seen' | null;
  /** The event of the page (panel) or of the story asked about (Stories view). */
  current: boolean;
  versions: StorylineVersion[];
}

/** The tab's page on its storyline: it joins the event of its stored copy (`id`) or of the stored articles it reports the same event as. */
export interface StorylinePage {
  id: number | null;
  title: string | null;
  site: string | null;
  publishedTime: string | null;
  firstSeen: string;
  sameAs: number[];
}

/** One text of a stored article: an earlier one (`id` of the versions table), or the current one (`id` null). */
export interface VersionSummary {
  id: number | null;
  title: string | null;
  wordCount: number;
  /** ISO 8601: when this text was stored. */
  storedAt: string;
  /** ISO 8601: when a newer text replaced it; null for the current text. */
  replacedAt: string | null;
}

/** A stored article's texts, oldest first (the current one last). */
export interface ArticleVersions {
  articleId: number;
  versions: VersionSummary[];
}

/**
 * The page of a tab against its stored copy. `changed`: the page's text (stored now as the
 * current version) or the last stored update differs from the text before it — `since` is when
 * that earlier text was stored. `failed-read`: the page lost most of the stored text (a consent
 * wall, an error page, a paywall): nothing was stored. `unchanged`: one text only.
 */
export type PageVersions =
  | (ArticleVersions & { kind: 'changed'; since: string; changes: VersionChanges })
  | (ArticleVersions & { kind: 'unchanged' })
  | { kind: 'failed-read'; articleId: number; savedAt: string; storedWords: number; pageWords: number };

/** A stored article the reader judged not the same event as a page. */
export interface KeptApartView {
  id: number;
  title: string | null;
  site: string | null;
  publishedTime: string | null;
}

/** What an import did: articles added, updated, and those left out with the reason. */
export interface ImportReport extends ImportOutcome {
  skipped: { item: string; reason: string }[];
  /** Where the background's time went (`corpus/import-part`; the import benchmark prints it). */
  timings?: ImportTimings;
}

/** Where the time of storing an import part went in the background, in milliseconds. */
export interface ImportTimings {
  /** The articles checked again (the format's rules). */
  checkMs: number;
  /** Words computed (the features are computed after the import: the background's preparation queue). */
  analysisMs: number;
  /** Waiting for the chunk's transaction to start (behind another's: the previous part's, a save, a merge of the word index). */
  waitMs?: number;
  /** The stored articles the imported ones may be, looked up. */
  lookupMs: number;
  /** The articles, versions and derived tables (summaries, features, word index) written, to the commit. */
  writeMs: number;
  /** The story index told of the updated articles (it takes them again once prepared). */
  storiesMs: number;
  /** From the request's arrival to the reply. */
  totalMs: number;
}

/** The followed feeds with their status, and the bounds of following. */
export interface FeedsState {
  feeds: FollowedFeed[];
  settings: FeedSettings;
}

/** What importing one listed address did: stored (with its title), or why not. */
export type LinkOutcome = { url: string; added: true; title: string | null } | { url: string; added: false; reason: string };
/** Addresses one `links/import` request reads: a few, so the page shows progress and can stop between requests. */
export const MAX_LINKS_PER_REQUEST = 10;

/** Longer than any feed address; beyond it the input is not one. */
export const MAX_FEED_ADDRESS_CHARS = 4_000;
/** Feeds one list (an OPML file) may bring at once. */
export const MAX_FEED_LIST = 1_000;

/** The largest file `corpus/import` takes, in characters (about 50 MB). */
export const MAX_IMPORT_CHARS = 50_000_000;

/**
 * The most bytes of one `corpus/import-part` message as JSON (what Chrome measures against its
 * 64 MiB limit of a message): an eighth of it. An article too large for this goes alone; the
 * largest an import takes (5 million characters of text, each escaped to at most 6 bytes, with its
 * paragraphs and fields) still fits under the limit.
 */
export const MAX_IMPORT_MESSAGE_BYTES = 8 * 1024 * 1024;

/**
 * The most articles of one `corpus/import-part` message: the background stores at most this many
 * in one transaction, so a part is stored all or none and other requests wait on it briefly (issue
 * 20, item 5); the import benchmark measured the size.
 */
export const MAX_IMPORT_PART_ARTICLES = 200;

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
  /**
   * The page of a tab compared with the corpus: same-story and related articles, shared quotes and
   * passages. A page judged not an article gets null, unless `anyway` (the reader asked).
   */
  'page/compare': { req: { tabId: number; anyway?: boolean }; res: PageComparison | null; from: 'extension' };
  /** Framing of a tab's page beside one stored article the person chose (null: not stored, or too long to compare). */
  'page/framing': { req: { tabId: number; articleId: number; anyway?: boolean }; res: FramingView | null; from: 'extension' };
  /**
   * Shows evidence in a tab: highlights texts (replacing earlier highlights; `[]` clears) and/or
   * scrolls to one text and outlines it. `quote` items are painted as shared quotations, `passage`
   * items as shared passages. Replies how each was found: `highlighted` in the order asked (null
   * when the browser cannot highlight), `scrolled` for `scrollTo` (null when none was asked).
   */
  'page/show': {
    req: { tabId: number } & ShowInPage;
    res: ShownInPage;
    from: 'extension';
  };
  /**
   * The reader's judgement that a tab's page and a stored article do not report the same event
   * (`apart: false` takes it back). Kept with the corpus: the panel's lists hide the article and
   * the Stories view keeps the two apart.
   */
  'page/keep-apart': { req: { tabId: number; articleId: number; apart: boolean }; res: null; from: 'extension' };
  /** The stored articles the reader judged not the same event as a tab's page (what the panel's lists hide). */
  'page/kept-apart': { req: { tabId: number }; res: KeptApartView[]; from: 'extension' };
  /**
   * A tab's page (as extracted, or its stored copy's id when stored) side by side with a stored
   * article, with the quotations and passages they share: `a` is the page.
   */
  'page/side-by-side': { req: { tabId: number; articleId: number }; res: SideBySide; from: 'extension' };
  /**
   * A tab's page against its stored copy (null when it is not stored). A page whose text changed
   * is stored as the article's new current text, the earlier kept as a version; a reading that
   * lost most of the text is a failed read and stores nothing.
   */
  'page/versions': { req: { tabId: number }; res: PageVersions | null; from: 'extension' };
  /** Save the article in a tab to the corpus (updates it when its URL is already stored). */
  'corpus/save-tab': { req: { tabId?: number }; res: SaveOutcome; from: 'extension' };
  /**
   * The corpus page's list: words searched in the title, site, URL and text (with a snippet),
   * filters by site, language and published dates, an order; counts per site and language.
   */
  'corpus/search': { req: CorpusSearch; res: CorpusListing; from: 'extension' };
  /** The corpus grouped into same-event stories (two articles or more), largest first. */
  /** A page of the stories: from `offset` (0 unless said), `limit` of them (`STORIES_FIRST` unless said); each with its listed articles' ids and its `size`. */
  'corpus/stories': { req: { offset?: number; limit?: number }; res: StoriesPage; from: 'extension' };
  /**
   * The storyline of stored articles `ids` (and of the page, when given): their events in date
   * order, each with its reports. `expand`: also the stored articles the corpus relates to them.
   */
  'corpus/storyline': { req: { ids: number[]; expand: boolean; page?: StorylinePage }; res: StorylineEventView[]; from: 'extension' };
  /** Two stored articles side by side, with the quotations and passages they share. */
  'corpus/compare': { req: { a: number; b: number }; res: SideBySide; from: 'extension' };
  /** A stored article's texts, oldest first (null: no such article). */
  'corpus/versions': { req: { id: number }; res: ArticleVersions | null; from: 'extension' };
  /** What changed between two texts of a stored article (`from`, `to`: version ids, null for the current text). */
  'corpus/version-changes': { req: { id: number; from: number | null; to: number | null }; res: VersionChanges | null; from: 'extension' };
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
   * Import one file (a `recoupe-corpus` export, JSON or JSONL): its valid articles, stored in
   * chunks of `MAX_IMPORT_PART_ARTICLES`, each all or none; if storing fails, the chunks before
   * stay and the error says how many articles they hold. Replies what was added, updated and
   * skipped, and why.
   */
  'corpus/import': { req: { fileName: string; text: string }; res: ImportReport; from: 'extension' };
  /**
   * Import articles of a file the page read and checked (`parseCorpusLines`), a part at a time
   * (`MAX_IMPORT_MESSAGE_BYTES`, `MAX_IMPORT_PART_ARTICLES`): checked again with the same rules,
   * stored in one transaction, all or none (a larger part, which the page never sends, in chunks
   * as `corpus/import`). Replies what was added, updated and skipped, and why.
   */
  /**
   * One part of an import file; the file's "not the same event" pairs come with its first part.
   * Parts of the same `importId` are stored in the order received, each after the one before it
   * and not at all once one failed, so the page may send the next before the reply (its words are
   * computed while the database writes the previous part).
   */
  'corpus/import-part': { req: { fileName: string; articles: { item: string; article: unknown }[]; keptApart?: [string, string][]; importId?: string }; res: ImportReport; from: 'extension' };
  /** How far the preparation of imported articles for comparison has gone (`notice/preparation` tells each step). */
  'corpus/preparation': { req: { [key in never]: never }; res: Preparation; from: 'extension' };
  /**
   * The corpus page searched while imported articles' words are still to index (its listing says
   * how many it did not look in): their indexing starts now if it waits for the import's end.
   * Nothing waits for it; `notice/corpus-changed` says when they are all indexed.
   */
  'corpus/index-words': { req: { [key in never]: never }; res: null; from: 'extension' };
  /** The person's settings (the auto-save sites). */
  'settings/get': { req: { [key in never]: never }; res: Settings; from: 'extension' };
  /** Replaces the settings; site names are normalised (the stored list is the reply) and a bad one refuses them all. */
  'settings/set': { req: { settings: Settings }; res: Settings; from: 'extension' };
  /** The feeds a tab's page declares (`<link rel="alternate">`), each with the id of its followed feed, or null when not followed. */
  'page/feeds': { req: { tabId: number }; res: { url: string; title: string | null; followedId: number | null; access: string[] }[]; from: 'extension' };
  /**
   * Import pages from a list of links (the page read the file with lib/links), a few at a time:
   * each fetched from its site without cookies, extracted, stored with origin `import`; replies each address's outcome.
   */
  'links/import': { req: { urls: string[] }; res: LinkOutcome[]; from: 'extension' };
  /** The followed feeds, each with its status (last fetched, articles added, last error), and the bounds. */
  'feeds/list': { req: { [key in never]: never }; res: FeedsState; from: 'extension' };
  /** Follow a feed: its address, or the address of a page that declares it (fetched once to find and check it). */
  'feeds/follow': { req: { url: string }; res: FollowedFeed; from: 'extension' };
  /** Follow the feeds of a list (an OPML file the page read): each address checked; replies how many were followed and why others were not. */
  'feeds/follow-list': { req: { feeds: { url: string; title: string | null }[] }; res: { followed: number; skipped: { item: string; reason: string }[] }; from: 'extension' };
  /** Stop following a feed (the articles it brought stay, under the retention rules). */
  'feeds/unfollow': { req: { id: number }; res: null; from: 'extension' };
  /** Fetch every followed feed now, those waiting after errors included. */
  'feeds/poll': { req: { [key in never]: never }; res: PollReport; from: 'extension' };
  /** Replaces the schedule and limits of following (each within `FEED_SETTING_BOUNDS`). */
  'feeds/set-settings': { req: { settings: FeedSettings }; res: FeedSettings; from: 'extension' };
}

/**
 * The port a panel holds open on a tab while it shows evidence there (`evidence:<tabId>`): when the
 * panel closes, the port closes and the background clears the tab's highlights.
 */
export const EVIDENCE_PORT_PREFIX = 'evidence:';

export type RequestType = keyof Requests;
export type RequestOf<K extends RequestType> = { type: K } & Requests[K]['req'];
export type AnyRequest = { [K in RequestType]: RequestOf<K> }[RequestType];

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** Broadcasts from the background to open extension pages (no reply expected). */
export type Notice =
  | { type: 'notice/corpus-changed' }
  | { type: 'notice/page-changed'; tabId: number }
  | ({ type: 'notice/preparation' } & Preparation)
  /** How far the analysis of a tab's page has gone, for the panel's progress line. */
  | {
      type: 'notice/progress'; tabId: number; stage: 'extracting' | 'matching' | 'comparing' | 'framing'; done: number; total: number;
      /** Once matching is done: the same-story lists, for the panel to show while the detail is compared. */
      matches?: StoryLists;
    };

const SENDERS: { [K in RequestType]: Requests[K]['from'] } = {
  'page/signals': 'page',
  'page/get-state': 'extension',
  'page/compare': 'extension',
  'page/framing': 'extension',
  'page/show': 'extension',
  'page/keep-apart': 'extension',
  'page/kept-apart': 'extension',
  'page/side-by-side': 'extension',
  'page/versions': 'extension',
  'corpus/save-tab': 'extension',
  'corpus/search': 'extension',
  'corpus/stories': 'extension',
  'corpus/storyline': 'extension',
  'corpus/compare': 'extension',
  'corpus/versions': 'extension',
  'corpus/version-changes': 'extension',
  'corpus/get': 'extension',
  'corpus/delete': 'extension',
  'corpus/load-samples': 'extension',
  'corpus/export': 'extension',
  'corpus/import': 'extension',
  'corpus/import-part': 'extension',
  'corpus/preparation': 'extension',
  'corpus/index-words': 'extension',
  'settings/get': 'extension',
  'settings/set': 'extension',
  'page/feeds': 'extension',
  'links/import': 'extension',
  'feeds/list': 'extension',
  'feeds/follow': 'extension',
  'feeds/follow-list': 'extension',
  'feeds/unfollow': 'extension',
  'feeds/poll': 'extension',
  'feeds/set-settings': 'extension',
};

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);
const isOptional = (v: unknown, check: (v: unknown) => boolean) => v === undefined || check(v);
const isBoolean = (v: unknown) => typeof v === 'boolean';
const isAddress = (v: unknown) => typeof v === 'string' && v.length <= MAX_FEED_ADDRESS_CHARS;
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A selector of bounded size: the exact text and short context either side; a text longer than
 * lib/anchor's LONG_QUOTE_CHARS comes as its ends and its length (`boundedQuote`).
 */
const isTextQuote = (v: unknown): boolean =>
  isRecord(v) &&
  typeof v.exact === 'string' && v.exact.length <= 100_000 &&
  typeof v.prefix === 'string' && v.prefix.length <= 1000 &&
  typeof v.suffix === 'string' && v.suffix.length <= 1000 &&
  isOptional(v.tail, (t) => typeof t === 'string' && t.length <= 100_000) &&
  isOptional(v.length, (n) => isInt(n) && n >= 0) &&
  isOptional(v.hash, (n) => isInt(n) && n >= 0);

/** Shape checks of each payload; anything else in the message is ignored. */
const PAYLOAD_CHECKS: { [K in RequestType]: (m: Record<string, unknown>) => boolean } = {
  'page/signals': (m) =>
    isRecord(m.signals) &&
    typeof m.signals.isArticle === 'boolean' &&
    Array.isArray(m.signals.reasons) &&
    m.signals.reasons.length <= 20 &&
    m.signals.reasons.every((r) => typeof r === 'string' && r.length <= 200),
  'page/get-state': (m) => isOptional(m.tabId, isInt) && isOptional(m.refresh, isBoolean),
  'page/compare': (m) => isInt(m.tabId) && isOptional(m.anyway, isBoolean),
  'page/framing': (m) => isInt(m.tabId) && isInt(m.articleId) && isOptional(m.anyway, isBoolean),
  'page/show': (m) =>
    isInt(m.tabId) &&
    isOptional(m.scrollTo, isTextQuote) &&
    isOptional(m.highlight, (v) => Array.isArray(v) && v.length <= 500 && v.every((h) => isRecord(h) && (h.kind === 'quote' || h.kind === 'passage') && isTextQuote(h.quote))),
  'page/keep-apart': (m) => isInt(m.tabId) && isInt(m.articleId) && typeof m.apart === 'boolean',
  'page/kept-apart': (m) => isInt(m.tabId),
  'page/side-by-side': (m) => isInt(m.tabId) && isInt(m.articleId),
  'page/versions': (m) => isInt(m.tabId),
  'corpus/save-tab': (m) => isOptional(m.tabId, isInt),
  'corpus/search': (m) => {
    const strings = (v: unknown) => Array.isArray(v) && v.length <= 10_000 && v.every((s) => typeof s === 'string' && s.length <= 1000);
    const day = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
    return isOptional(m.query, (v) => typeof v === 'string' && v.length <= 1000) &&
      isOptional(m.sites, strings) && isOptional(m.languages, strings) && isOptional(m.origins, strings) &&
      isOptional(m.from, day) && isOptional(m.to, day) &&
      isOptional(m.sort, (v) => ['relevance', 'saved', 'published', 'title', 'site', 'words'].includes(v as string)) &&
      isOptional(m.direction, (v) => v === 'asc' || v === 'desc') &&
      isOptional(m.limit, (v) => isInt(v) && v >= 0 && v <= 100_000);
  },
  'corpus/stories': (m) => isOptional(m.offset, (v) => isInt(v) && v >= 0) && isOptional(m.limit, (v) => isInt(v) && v >= 1 && v <= 10_000),
  'corpus/storyline': (m) => {
    const ids = (v: unknown) => Array.isArray(v) && v.length <= 1000 && v.every(isInt);
    const text = (v: unknown) => v === null || (typeof v === 'string' && v.length <= 10_000);
    const page = (v: unknown) => typeof v === 'object' && v !== null && text((v as StorylinePage).title) && text((v as StorylinePage).site) &&
      ((v as StorylinePage).id === null || isInt((v as StorylinePage).id)) && text((v as StorylinePage).publishedTime) && typeof (v as StorylinePage).firstSeen === 'string' && ids((v as StorylinePage).sameAs);
    return ids(m.ids) && typeof m.expand === 'boolean' && isOptional(m.page, page);
  },
  'corpus/compare': (m) => isInt(m.a) && isInt(m.b),
  'corpus/versions': (m) => isInt(m.id),
  'corpus/version-changes': (m) => isInt(m.id) && (m.from === null || isInt(m.from)) && (m.to === null || isInt(m.to)),
  'corpus/get': (m) => isInt(m.id),
  'corpus/delete': (m) => Array.isArray(m.ids) && m.ids.length <= 100_000 && m.ids.every(isInt),
  'corpus/load-samples': () => true,
  'corpus/export': (m) =>
    (m.format === 'json' || m.format === 'jsonl') &&
    isOptional(m.from, (v) => isInt(v) && v >= 0) &&
    isOptional(m.ids, (v) => Array.isArray(v) && v.length <= 1_000_000 && v.every(isInt)),
  // The text's size is checked by the handler, which says why a file is refused.
  'corpus/import': (m) => typeof m.fileName === 'string' && m.fileName.length <= 1000 && typeof m.text === 'string',
  'corpus/import-part': (m) =>
    typeof m.fileName === 'string' && m.fileName.length <= 1000 &&
    Array.isArray(m.articles) && m.articles.length <= 200_000 &&
    m.articles.every((a) => isRecord(a) && typeof a.item === 'string' && a.item.length <= 1000) &&
    isOptional(m.keptApart, (v) => Array.isArray(v) && v.length <= 100_000 && v.every((p) => Array.isArray(p) && p.length === 2 && p.every((u) => typeof u === 'string' && u.length <= 4000))) &&
    isOptional(m.importId, (v) => typeof v === 'string' && v.length <= 100),
  'corpus/preparation': () => true,
  'corpus/index-words': () => true,
  'settings/get': () => true,
  // Names are normalised, and refused in words, by the handler; here only the shape and bounds.
  'settings/set': (m) =>
    isRecord(m.settings) &&
    Array.isArray(m.settings.autoSaveSites) &&
    m.settings.autoSaveSites.length <= MAX_AUTO_SAVE_SITES * 2 &&
    m.settings.autoSaveSites.every((s) => typeof s === 'string' && s.length <= MAX_SITE_INPUT_CHARS),
  'page/feeds': (m) => isInt(m.tabId),
  'links/import': (m) => Array.isArray(m.urls) && m.urls.length <= MAX_LINKS_PER_REQUEST && m.urls.every(isAddress),
  'feeds/list': () => true,
  'feeds/follow': (m) => isAddress(m.url),
  'feeds/follow-list': (m) =>
    Array.isArray(m.feeds) && m.feeds.length <= MAX_FEED_LIST &&
    m.feeds.every((f) => isRecord(f) && isAddress(f.url) && (f.title === null || (typeof f.title === 'string' && f.title.length <= 1000))),
  'feeds/unfollow': (m) => isInt(m.id),
  'feeds/poll': () => true,
  // Bounds are checked by the handler (`checkFeedSettings`), which says which value is out of them.
  'feeds/set-settings': (m) =>
    isRecord(m.settings) && typeof m.settings.paused === 'boolean' &&
    ['intervalMinutes', 'retentionDays', 'perFeedLimit', 'totalLimit'].every((k) => isInt((m.settings as Record<string, unknown>)[k])),
};

/**
 * DOM work the Chrome background hands to its offscreen document (a service worker has no DOM):
 * a feed to read, a page to extract, a page's declared feeds. Only the background sends these;
 * only the offscreen document answers them.
 */
export type DomWork = { type: 'dom/feed' | 'dom/page' | 'dom/declared'; text: string; url: string };
export type DomWorkReply<T extends DomWork['type']> = T extends 'dom/feed' ? FeedParse : T extends 'dom/page' ? ExtractedArticle : DeclaredFeed[];

export function parseDomWork(message: unknown): DomWork | null {
  if (!isRecord(message) || !['dom/feed', 'dom/page', 'dom/declared'].includes(message.type as string)) return null;
  return typeof message.text === 'string' && isAddress(message.url) ? (message as DomWork) : null;
}

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
 * Throws with the background's message when the request failed, or with the browser's failure to
 * pass it on in the reader's words (too large, background stopped: extension/errors).
 */
export async function request<K extends RequestType>(
  type: K,
  payload: Requests[K]['req'],
): Promise<Requests[K]['res']> {
  let reply: Result<Requests[K]['res']> | undefined;
  try {
    reply = (await browser.runtime.sendMessage({ ...payload, type })) as Result<Requests[K]['res']> | undefined;
  } catch (error) {
    throw new Error(describeMessagingFailure(error, type));
  }
  if (!reply) throw new Error(describeMessagingFailure(undefined, type));
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
