import { webAddress } from './parse';

/** A feed a page declares with `<link rel="alternate" type="…">` (HTML Living Standard, "Link type alternate"). */
export interface DeclaredFeed {
  url: string;
  title: string | null;
}

const FEED_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/feed+json', 'application/json']);
/** A page declaring more than this is a directory of feeds; the reader picks from the first ones. */
const MAX_DECLARED = 20;

/** A `<link>` element's attributes, as a page's DOM gives them. */
export interface LinkAttributes {
  rel: string | null;
  type: string | null;
  href: string | null;
  title: string | null;
}

/** The feeds among a page's links, resolved against its address, http(s) only, each once, in the page's order. */
export function feedsOfLinks(links: LinkAttributes[], pageUrl: string): DeclaredFeed[] {
  const found: DeclaredFeed[] = [];
  for (const link of links) {
    const rels = (link.rel ?? '').toLowerCase().split(/\s+/);
    const type = (link.type ?? '').toLowerCase().split(';')[0]!.trim();
    if (!rels.includes('alternate') || !FEED_TYPES.has(type)) continue;
    const url = webAddress(link.href, pageUrl);
    if (!url || found.some((f) => f.url === url)) continue;
    found.push({ url, title: link.title?.trim().slice(0, 300) || null });
    if (found.length >= MAX_DECLARED) break;
  }
  return found;
}

/** The attributes of a document's links that may declare a feed. */
export function feedLinks(doc: Document): LinkAttributes[] {
  return Array.from(doc.querySelectorAll('link[rel][href][type]'), (l) => ({
    rel: l.getAttribute('rel'), type: l.getAttribute('type'), href: l.getAttribute('href'), title: l.getAttribute('title'),
  }));
}

/** The feeds a page declares (see `feedsOfLinks`). */
export function declaredFeeds(doc: Document, pageUrl: string): DeclaredFeed[] {
  return feedsOfLinks(feedLinks(doc), pageUrl);
}
