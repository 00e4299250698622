/**
 * What the background does for each request of the protocol. Every reply is a `Result`, and
 * every failure becomes a sentence a person can act on.
 */
import { browser } from 'wxt/browser';
import { MAX_IMPORT_CHARS, parseRequest, type AnyRequest, type Notice, type PageState, type Requests, type RequestOf, type RequestType, type Result } from '../../extension/protocol';
import type { CorpusDb } from '../../extension/storage/corpus-db';
import { deleteArticles, getArticle, saveArticle, searchCorpus } from '../../extension/storage/corpus';
import { toNewArticle } from '../../extension/storage/article-record';
import { loadSamples, type SampleFile } from '../../extension/storage/samples';
import { featuresOf, withFeatures } from '../../extension/storage/analysis';
import { EarlierPartFailed, exportPart, importArticles, ImportInterrupted } from '../../extension/storage/import-export';
import { localNumber } from '../../extension/ui/format';
import { collectArticles, parseCorpusFile, type KeptApartPairs } from '../../lib/corpus-io';
import { compareStored, pageBeside, storiesAnswer } from './corpus-views';
import { storyline } from './storyline';
import { keptApartFromPage, pageAndArticleUrls } from './kept-apart';
import { setKeptApart } from '../../extension/storage/kept-apart';
import { forgetTab, getPageState, getPageStateTimed } from './page-state';
import { comparePage, framingAgainst, knownPageFeatures } from './compare-page';
import { pageVersions, storedVersionChanges, storedVersions } from './versions';
import { showEvidence } from './show-in-page';
import { autoSaveIfChosen, type SaveExtracted } from './auto-save';
import { getSettings, MAX_AUTO_SAVE_SITES, normaliseSites, setSettings } from '../../extension/storage/settings';
import { i18n } from '#i18n';
import type { StoryIndex } from './story-index';
import { PreparationQueue } from './preparation';
import { createFeedHandlers } from './feed-handlers';
import { pageFeeds } from './page-feeds';
import { importLinks } from './link-import';
import type { PollReport } from '../../extension/storage/feeds';
import type { FollowDeps } from './follow';
import type { AnalysisHost } from '../../extension/analysis/host';
import { describeRequestFailure, describeStorageError } from '../../extension/errors';
import { startPairRewrite } from '../../extension/storage/pair-rewrite';
import { startAnalysisDrop } from '../../extension/storage/analysis-drop';
import { startFeaturesRefresh } from '../../extension/storage/features-refresh';

export interface BackgroundDeps {
  db: CorpusDb;
  stories: StoryIndex;
  samples: SampleFile[];
  /** Tells open extension pages that the corpus changed. */
  announceCorpusChange: () => void;
  /** Reacts to the content script's article signals for a tab (badge). */
  showSignals: (tabId: number, isArticle: boolean) => void;
  /** Tells open extension pages how far the analysis of a tab's page has gone. */
  announceProgress?: (notice: Extract<Notice, { type: 'notice/progress' }>) => void;
  /** Following outlets: how feeds are fetched and read, and the one poller (see `follow.ts`). */
  following: FollowDeps;
  poll: (force?: boolean) => Promise<PollReport>;
  /** Where comparisons run: a worker off the background's event loop (see `analysis-host.ts`); this thread when absent. */
  analysis?: AnalysisHost;
  /** Tells open extension pages how far the preparation of imported articles has gone. */
  announcePreparation?: (notice: Extract<Notice, { type: 'notice/preparation' }>) => void;
}

type Handlers = { [K in RequestType]: (req: Extract<AnyRequest, { type: K }>, tabId: number | undefined) => Promise<Requests[K]['res']> };

/** The tab a request is about: the one it names, or the active tab of the last focused window. */
async function resolveTab(tabId: number | undefined): Promise<number> {
  if (tabId !== undefined) return tabId;
  const [active] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (active?.id === undefined) throw new Error(i18n.t('background.noTab'));
  return active.id;
}

/**
 * A page is compared when it is an article, or when the reader asked to compare a page judged
 * not an article anyway (it has text).
 */
function comparable(state: PageState, anyway = false): state is Extract<PageState, { kind: 'article' | 'not-article' }> {
  return state.kind === 'article' || (anyway && state.kind === 'not-article' && state.article.text.trim() !== '');
}

export function createHandlers(deps: BackgroundDeps): Handlers {
  const { db, stories } = deps;
  // Imported articles still to prepare, from an earlier worker that stopped, are prepared now.
  const preparation = new PreparationQueue(db, stories, {
    progress: (state) => deps.announcePreparation?.({ type: 'notice/preparation', ...state }),
    finished: () => deps.announceCorpusChange(),
    // A search the corpus page showed meanwhile said what it did not look in: listed again.
    searchable: () => deps.announceCorpusChange(),
  });
  void preparation.start();
  // The word index's runs made before it kept pairs of words (an upgrade from schema 4), rewritten with them in the background.
  void startPairRewrite(db);
  // The records stored before schema 14, rewritten without the features they carried (analysis-drop.ts).
  void startAnalysisDrop(db);
  // Stored features of an older FEATURES_VERSION computed again once, written back, their links graded again (features-refresh.ts).
  void startFeaturesRefresh(db, { stories });
  type Progress = Extract<Notice, { type: 'notice/progress' }>;
  const progressOf = (tabId: number) => (stage: Progress['stage'], done: number, total: number, matches?: Progress['matches']) =>
    deps.announceProgress?.({ type: 'notice/progress', tabId, stage, done, total, ...(matches ? { matches } : {}) });
  /** Saves an extracted page (the panel's button, the menu, the keyboard and auto-save all come here). */
  const saveState: SaveExtracted = async (state) => {
    if (!state.article.text.trim()) throw new Error(i18n.t('background.nothingToSave'));
    // Each step timed when a benchmark asks (`StoryIndex.spent`: scale-chromium.bench.ts prints where a save's time goes).
    const record = stories.timedNow('save: features', () => {
      const read = toNewArticle(state.article, state.url, 'page', new Date());
      // Those computed for the panel's comparison of this page when it compared it, else computed now.
      const known = knownPageFeatures(read);
      return known ? withFeatures(read, known) : withFeatures(read);
    });
    const result = await stories.change(async () => {
      const saved = await stories.timed('save: transaction', () => saveArticle(db, record)).catch((error: unknown) => {
        throw new Error(describeStorageError(error));
      });
      if (!saved.keptStored) await stories.timed('save: index add', () => stories.add(saved.id, featuresOf(record)));
      return saved;
    });
    if (result.keptStored) throw new Error(i18n.t('background.keptStoredText'));
    deps.announceCorpusChange();
    return { id: result.id, created: result.created, title: record.title };
  };
  /**
   * Stores checked articles of an import, a chunk at a time; the preparation queue then computes
   * their features and tells the story index (an updated article leaves the index until then: its
   * features were of its old text). A failure says why, and how many articles were stored before
   * it (`failed`), in the reader's words.
   */
  const importChecked = async (articles: Parameters<typeof importArticles>[1], keptApart: KeptApartPairs, failed: (problem: string, done: number) => string, after?: Promise<unknown>) => {
    let storiesMs = 0;
    let changed = false;
    preparation.importStarted();
    db.importing++;
    try {
      const result = await stories.change(() => importArticles(db, articles, new Date(), keptApart, {
        after,
        // Their words indexed right after, by the preparation queue (extension/storage/words-later.ts): half the import's cost.
        wordsLater: true,
        onStored: async (chunk) => {
          const start = performance.now();
          if (chunk.updatedIds.length > 0) await stories.remove(chunk.updatedIds);
          storiesMs += performance.now() - start;
          changed ||= chunk.added + chunk.updated > 0;
        },
      }));
      return { ...result, timings: { ...result.timings, storiesMs } };
    } catch (error) {
      if (error instanceof EarlierPartFailed) throw new Error(i18n.t('background.importEarlierPartFailed'));
      const interrupted = error instanceof ImportInterrupted ? error : null;
      throw new Error(failed(describeStorageError(interrupted?.cause ?? error), interrupted?.done ?? 0));
    } finally {
      db.importing--;
      if (changed) deps.announceCorpusChange();
      preparation.afterImport(changed);
    }
  };
  /**
   * Per import (`importId`), the outcome of its last part received: the page sends a part before
   * the previous one is stored, and each is stored only after the one before it (see `ImportOptions.after`).
   */
  const importParts = new Map<string, Promise<unknown>>();
  /**
   * Imports (`importId`) one of whose parts failed or was refused before its handler (a malformed
   * message, `refuseImportPart`): their later parts are not stored, whenever they come (the entry
   * of `importParts` is gone once the failed part settled).
   */
  const failedImports = new Set<string>();
  /** Stores one part of an import (`corpus/import-part`), after `after` when given. */
  const importPart = async (req: RequestOf<'corpus/import-part'>, after?: Promise<unknown>) => {
    const start = performance.now();
    // The page checked them; checked again here with the same rules (the background trusts no sender's data).
    const checked = collectArticles(req.articles.map((a) => ({ item: a.item, value: a.article })));
    const checkMs = performance.now() - start;
    // The page says what of the file was stored before a part that failed; a part larger than
    // one transaction (the page sends none) says what of it was.
    const total = checked.articles.length;
    const result = await importChecked(checked.articles, req.keptApart ?? [], (problem, done) => (done === 0
      ? problem
      : i18n.t('background.importPartStored', [localNumber(done), localNumber(total), problem])), after);
    return {
      added: result.added, updated: result.updated, skipped: [...checked.skipped, ...result.kept],
      timings: { checkMs, ...result.timings, totalMs: performance.now() - start },
    };
  };
  /** The page of a tab as extracted; says why when it cannot be read. */
  const readPage = async (tabId: number) => {
    const state = await getPageState(db, tabId);
    if (state.kind === 'unavailable') throw new Error(state.message);
    return state;
  };
  const saveTab = async (tabId: number) => saveState(await stories.timed('save: page read', () => readPage(tabId)));
  const handlers: Handlers = {
    ...createFeedHandlers(deps.following, deps.poll),
    'page/signals': async (req, tabId) => {
      if (tabId !== undefined) {
        forgetTab(tabId);
        deps.showSignals(tabId, req.signals.isArticle);
        // Not awaited: the content script needs no answer, and extraction may take seconds.
        if (req.signals.isArticle) void autoSaveIfChosen(db, tabId, saveState);
      }
      return null;
    },
    'page/get-state': async (req) => {
      const tabId = await resolveTab(req.tabId);
      return getPageState(db, tabId, req.refresh ?? false, progressOf(tabId));
    },
    'page/compare': async (req) => {
      const startedAt = performance.now();
      const progress = progressOf(req.tabId);
      const { state, extractMs } = await getPageStateTimed(db, req.tabId, { progress });
      if (!comparable(state, req.anyway)) return null;
      const keptApart = new Set((await keptApartFromPage(db, state)).map((a) => a.id));
      const comparison = await comparePage(db, stories, state.article, state.savedId, { startedAt, extractMs, progress, keptApart, analysis: deps.analysis });
      // Imported articles not prepared yet are not in the lists: the panel says so rather than miss them silently.
      const { done, total } = await preparation.state();
      return total > done ? { ...comparison, unprepared: total - done } : comparison;
    },
    'page/framing': async (req) => {
      const state = await getPageState(db, req.tabId);
      return comparable(state, req.anyway) ? framingAgainst(db, state.article, req.articleId, deps.analysis) : null;
    },
    'page/show': async (req) => showEvidence(req.tabId, { highlight: req.highlight, scrollTo: req.scrollTo }),
    'page/keep-apart': async (req) => {
      const [page, other] = await pageAndArticleUrls(db, await readPage(req.tabId), req.articleId);
      await setKeptApart(db, page, other, req.apart).catch((error: unknown) => {
        throw new Error(describeStorageError(error));
      });
      // The page's lists and the stories change with it.
      deps.announceCorpusChange();
      return null;
    },
    'page/kept-apart': async (req) => {
      const state = await getPageState(db, req.tabId);
      return state.kind === 'unavailable' ? [] : keptApartFromPage(db, state);
    },
    'page/side-by-side': async (req) => pageBeside(db, await readPage(req.tabId), req.articleId, deps.analysis),
    'page/versions': async (req) => pageVersions(db, await getPageState(db, req.tabId), saveState),
    'page/feeds': async (req) => pageFeeds(db, req.tabId),
    'links/import': async (req) => importLinks(deps.following, req.urls),
    'corpus/save-tab': async (req) => saveTab(await resolveTab(req.tabId)),
    'corpus/search': async (req) => {
      // Words of imported articles still to index: answered at once from the words indexed, saying
      // how many articles it did not look in (the corpus page lists again when they are indexed,
      // `searchable` above); their indexing started now if it waited for the import's end. It used
      // to wait up to 5 s for them: while an import of 100,000 was indexed (~3.5 min) every search took 5–6 s.
      const listing = await searchCorpus(db, req);
      if (listing.unindexed) preparation.wordsWanted();
      return listing;
    },
    'corpus/stories': async (req) => storiesAnswer(db, stories, req),
    'corpus/storyline': async (req) => storyline(db, stories, req),
    'corpus/compare': async (req) => compareStored(db, req.a, req.b, deps.analysis),
    'corpus/versions': async (req) => storedVersions(db, req.id),
    'corpus/version-changes': async (req) => storedVersionChanges(db, req.id, req.from, req.to),
    'corpus/get': async (req) => getArticle(db, req.id),
    'corpus/delete': async (req) => {
      const deleted = await stories.change(async () => {
        const done = await deleteArticles(db, req.ids);
        await stories.remove(req.ids);
        return done;
      });
      deps.announceCorpusChange();
      return deleted;
    },
    'corpus/load-samples': async () => {
      const outcome = await stories.change(async () => {
        const { saved, ...loaded } = await loadSamples(db, deps.samples).catch((error: unknown) => {
          throw new Error(describeStorageError(error));
        });
        for (const { id, record } of saved) await stories.add(id, featuresOf(record));
        return loaded;
      });
      deps.announceCorpusChange();
      return outcome;
    },
    'corpus/export': async (req) => {
      // One part per request (see `exportPart`): a large corpus does not fit in one message.
      const now = new Date();
      const part = await exportPart(db, { format: req.format, ids: req.ids, from: req.from, now });
      const date = now.toISOString().slice(0, 10);
      return req.format === 'json'
        ? { fileName: `recoupe-corpus-${date}.json`, mimeType: 'application/json', ...part }
        : { fileName: `recoupe-corpus-${date}.jsonl`, mimeType: 'application/x-ndjson', ...part };
    },
    'corpus/import': async (req) => {
      const name = req.fileName.slice(0, 200);
      if (req.text.length > MAX_IMPORT_CHARS) {
        throw new Error(i18n.t('background.importTooLarge', [name, String(MAX_IMPORT_CHARS / 1_000_000)]));
      }
      const parsed = parseCorpusFile(req.text, req.fileName);
      if (!parsed.ok) throw new Error(i18n.t('background.importUnreadable', [name, parsed.error]));
      const total = parsed.articles.length;
      const result = await importChecked(parsed.articles, parsed.keptApart, (problem, done) => (done === 0
        ? i18n.t('background.importFailed', [name, problem])
        : i18n.t('corpus.importPartFailed', [name, localNumber(done), localNumber(total), problem])));
      return { added: result.added, updated: result.updated, skipped: [...parsed.skipped, ...result.kept] };
    },
    'corpus/import-part': (req) => {
      // Nothing awaited before the part takes its place after the previous one: parts come in the order sent.
      const id = req.importId;
      if (id === undefined) return importPart(req);
      const earlier = failedImports.has(id) ? Promise.reject(new Error('refused')) : importParts.get(id);
      const part = importPart(req, earlier);
      void part.catch(() => failedImports.add(id));
      const stored = part.then(() => undefined);
      importParts.set(id, stored);
      void stored.catch(() => undefined).finally(() => {
        if (importParts.get(id) === stored) importParts.delete(id);
      });
      return part;
    },
    'corpus/preparation': async () => preparation.state(),
    'corpus/index-words': async () => {
      preparation.wordsWanted();
      return null;
    },
    'settings/get': async () => getSettings(db),
    'settings/set': async (req) => {
      const checked = normaliseSites(req.settings.autoSaveSites);
      if (!checked.ok) {
        throw new Error(checked.problem === 'too-many'
          ? i18n.t('background.settingsTooMany', [String(MAX_AUTO_SAVE_SITES)])
          : i18n.t('background.settingsBadSite', [checked.input.slice(0, 200)]));
      }
      const settings = { autoSaveSites: checked.sites };
      await setSettings(db, settings).catch((error: unknown) => {
        throw new Error(describeStorageError(error));
      });
      return settings;
    },
  };
  refusals.set(handlers, (id) => failedImports.add(id));
  return handlers;
}

/** Per handlers, how to stop an import one of whose parts was refused before reaching them. */
const refusals = new WeakMap<Handlers, (importId: string) => void>();

/**
 * Answers a message of `from` (null: no one we answer): a request that passes its checks
 * (`parseRequest`) goes to its handler; any other is not answered (undefined). A refused part of an
 * import (a malformed `corpus/import-part` that names its `importId`) stops that import: its
 * later parts, already on their way, are not stored and say why (background.importEarlierPartFailed).
 */
export function answer(handlers: Handlers, message: unknown, from: 'extension' | 'page' | null, tabId: number | undefined): Promise<Result<unknown>> | undefined {
  const req = from && parseRequest(message, from);
  if (req) return handle(handlers, req, tabId);
  const m = message as { type?: unknown; importId?: unknown } | null;
  if (from === 'extension' && typeof m === 'object' && m !== null && m.type === 'corpus/import-part' && typeof m.importId === 'string') refusals.get(handlers)?.(m.importId);
  return undefined;
}

/**
 * When the worker began (its script evaluated: `evaluatedMs`, its listeners set: `readyMs`, since
 * the worker's time origin) and its last requests (arrived at, handled in, ms): what a request
 * after a stop waits for before its handler runs (scale-chromium.bench.ts reads it through DevTools).
 */
export const workerTimings: { evaluatedMs: number | null; readyMs: number | null; requests: { type: string; atMs: number; ms: number }[] } = { evaluatedMs: null, readyMs: null, requests: [] };
(globalThis as { recoupeTimings?: typeof workerTimings }).recoupeTimings = workerTimings;
/** Requests `workerTimings` keeps. */
const TIMED_REQUESTS = 20;

/** Runs the handler of a validated request and wraps its outcome. */
export async function handle(handlers: Handlers, req: AnyRequest, tabId: number | undefined): Promise<Result<unknown>> {
  const atMs = performance.now();
  try {
    const handler = handlers[req.type] as (r: AnyRequest, t: number | undefined) => Promise<unknown>;
    return { ok: true, value: await handler(req, tabId) };
  } catch (error) {
    // Never a raw exception: Recoupe's own sentences pass, anything else is worded (extension/errors).
    return { ok: false, error: describeRequestFailure(error, req.type) };
  } finally {
    const requests = workerTimings.requests;
    requests.push({ type: req.type, atMs, ms: performance.now() - atMs });
    if (requests.length > TIMED_REQUESTS) requests.shift();
  }
}
