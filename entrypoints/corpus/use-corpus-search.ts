/**
 * The corpus page's list: the search words and filters, the rows asked for, and the listing the
 * background answers, listed again when the corpus changes.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { request, type Notice } from '../../extension/protocol';
import type { CorpusListing, CorpusSearch } from '../../extension/storage/corpus';
import { PageSearch } from '../../extension/storage/page-search';
import { DEFAULT_PARAMS, type ListParams } from './Filters';

/** Rows asked for at first, and added by "Show more". */
export const PAGE_ROWS = 200;
/** Typing pauses this long before the search runs. */
const SEARCH_DELAY_MS = 200;
/** Changes announced by the background within this time are listed again together. */
const CHANGE_DELAY_MS = 300;

/** The background's search for the list's parameters, with the search words as last sent; a filter added to the list is added here. */
export function searchRequest(params: ListParams, query: string, limit: number): CorpusSearch {
  return {
    query,
    ...(params.site !== null ? { sites: [params.site] } : {}),
    ...(params.language !== null ? { languages: [params.language] } : {}),
    ...(params.origin !== null ? { origins: [params.origin] } : {}),
    ...(params.from ? { from: params.from } : {}),
    ...(params.to ? { to: params.to } : {}),
    sort: params.sort,
    direction: params.direction,
    limit,
  };
}

/** The page's own reading of the search index (page-search.ts): a search does not wait for a stopped service worker to start. */
const pageSearch = new PageSearch();

/**
 * The listing for `search`: read by the page, else (see page-search.ts) answered by the background.
 * When it did not look in some imported articles (their words still to index), the background is
 * told to index them now rather than a second after the import's end, as its own search does, and
 * the page lists again once they are (`useCorpusChanged`). Nothing waits for them: a short wait
 * would make the first answer whole only for an import of a few articles (their words indexed
 * 35–50 ms after the search in Chromium, load 5–7), not from 50 (270–570 ms, 200: 380–600 ms,
 * 1,000: 1.2–1.5 s; scripts/probe/words-after-import.ts), over the 200 ms no request may wait
 * (issue 20), and every search of the minutes a large import's words take would wait it.
 */
export async function searchListing(search: CorpusSearch): Promise<CorpusListing> {
  const listing = await pageSearch.search(search);
  if (!listing) return request('corpus/search', search);
  if (listing.unindexed) void request('corpus/index-words', {}).catch(() => {}); // No answer: the background indexes them at its start.
  return listing;
}
// For the benchmarks (scripts/bench/scale-chromium.bench.ts), which time the page's own search
// (null: the background would answer); an extension page's globals are out of web pages' reach.
(globalThis as { recoupePageSearch?: PageSearch['search'] }).recoupePageSearch = (search) => pageSearch.search(search);

/** Calls `onChange` once after a burst of changes to the corpus (an import of many files, auto-saves). */
export function useCorpusChanged(onChange: () => void): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Not async: a listener that returns a promise would answer other pages' requests.
    const onMessage = (notice: unknown) => {
      if ((notice as Notice)?.type !== 'notice/corpus-changed') return undefined;
      clearTimeout(timer);
      timer = setTimeout(onChange, CHANGE_DELAY_MS);
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => {
      clearTimeout(timer);
      browser.runtime.onMessage.removeListener(onMessage);
    };
  }, [onChange]);
}

/**
 * The list's parameters and what they find. `fail` (a stable function) is told when the
 * background cannot answer; `load` lists again (after an action on the corpus).
 */
export function useCorpusSearch(fail: (error: unknown) => void) {
  const [params, setParams] = useState<ListParams>(DEFAULT_PARAMS);
  /** The search words as last sent (the box's value waits for a pause in typing). */
  const [query, setQuery] = useState('');
  const [rows, setRows] = useState(PAGE_ROWS);
  const [listing, setListing] = useState<CorpusListing | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => setQuery(params.query), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [params.query]);

  // Asked again when the request changes, not at each keystroke (the words wait in `query`).
  const asked = searchRequest(params, query, rows);
  const load = useCallback(async () => {
    try {
      setListing(await searchListing(asked));
    } catch (error) {
      fail(error);
    }
  }, [JSON.stringify(asked), fail]);
  useEffect(() => {
    void load();
  }, [load]);
  useCorpusChanged(load);

  return {
    params,
    query,
    listing,
    load,
    /** A change of words, filters or order lists from the first rows again. */
    change: (p: Partial<ListParams>) => {
      setParams((old) => ({ ...old, ...p }));
      setRows(PAGE_ROWS);
    },
    showMore: () => setRows((r) => r + PAGE_ROWS),
  };
}
