import { webAddress } from './parse';

/** A feed a page declares with `<link rel="alternate" type="…">` (HTML Living Standard, "Link type alternate"). */
export interface DeclaredFeed {
  url: string;
  title: string | null;
}

const FEED_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/feed+json', 'application/json']);
/** A page declaring more than this is a directory of feeds; the reader picks from the first ones. */
const MAX_DECLARED = 20;

/** The feeds a page declares, resolved against its address, http(s) only, each once, in the page's order. */
export function declaredFeeds(doc: Document, pageUrl: string): DeclaredFeed[] {
  const found: DeclaredFeed[] = [];
  for (const link of Array.from(doc.querySelectorAll('link[rel][href][type]'))) {
    const rels = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const type = (link.getAttribute('type') ?? '').toLowerCase().split(';')[0]!.trim();
    if (!rels.includes('alternate') || !FEED_TYPES.has(type)) continue;
    const url = webAddress(link.getAttribute('href'), pageUrl);
    if (!url || found.some((f) => f.url === url)) continue;
    found.push({ url, title: link.getAttribute('title')?.trim().slice(0, 300) || null });
    if (found.length >= MAX_DECLARED) break;
  }
  return found;
}
