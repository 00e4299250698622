/**
 * The feeds a tab's page declares, read from its `<link>` elements (the panel's "Follow <outlet>").
 */
import { browser } from 'wxt/browser';
import { feedsOfLinks, type LinkAttributes } from '../../lib/feeds';
import type { CorpusDb } from '../../extension/storage/corpus-db';
import { outletPatterns } from '../../extension/site-patterns';

/** Runs in the page: self-contained (the browser serialises it), reads attributes only. */
function readFeedLinks(): LinkAttributes[] {
  return Array.from(document.querySelectorAll('link[rel][href][type]'), (l) => ({
    rel: l.getAttribute('rel'), type: l.getAttribute('type'), href: l.getAttribute('href'), title: l.getAttribute('title'),
  })).slice(0, 500);
}

const isLink = (v: unknown): v is LinkAttributes => typeof v === 'object' && v !== null &&
  (['rel', 'type', 'href', 'title'] as const).every((k) => { const x = (v as Record<string, unknown>)[k]; return x === null || (typeof x === 'string' && x.length <= 4000); });

/** Each feed the page declares, whether it is followed, and the host access following it needs: the feed's site and the page's, where its items are (extension/ui/outlet-access.ts). */
export async function pageFeeds(db: CorpusDb, tabId: number): Promise<{ url: string; title: string | null; followedId: number | null; access: string[] }[]> {
  const tab = await browser.tabs.get(tabId);
  if (!tab.url || !/^https?:/i.test(tab.url)) return [];
  // What the page returns is the page's data: checked before use.
  const result: unknown = await browser.scripting.executeScript({ target: { tabId }, func: readFeedLinks })
    .then(([injection]) => injection?.result, () => null);
  if (!Array.isArray(result)) return [];
  const feeds = feedsOfLinks(result.filter(isLink), tab.url);
  const followed = await db.feeds.where('url').anyOf(feeds.map((f) => f.url)).toArray();
  return feeds.map((f) => ({ ...f, followedId: followed.find((x) => x.url === f.url)?.id ?? null, access: outletPatterns([f.url, tab.url!]) }));
}
