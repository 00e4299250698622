import { declaredFeeds, parseFeed, type DeclaredFeed, type FeedParse, type ParseMarkup } from '../../lib/feeds';
import { extractFromDocument, extractFromText } from '../../lib/extract';
import type { ExtractedArticle } from '../../lib/extract/types';

/** The DOM work of following (parsing feeds and pages): in the background where it has a DOM (Firefox), in an offscreen document in Chrome. */
export interface DomReader {
  feed(text: string, url: string): Promise<FeedParse>;
  page(html: string, url: string): Promise<ExtractedArticle>;
  declared(html: string, url: string): Promise<DeclaredFeed[]>;
}

/** As for a visited page (entrypoints/extract-page.ts): beyond this, no news article, and extraction would take tens of seconds. */
const MAX_ELEMENTS = 150_000;

export function domReader(parse: ParseMarkup): DomReader {
  return {
    feed: async (text, url) => parseFeed(text, url, parse),
    page: async (html, url) => {
      const doc = parse(html, 'text/html');
      // Not an article: the caller keeps the feed's own text.
      if (doc.getElementsByTagName('*').length > MAX_ELEMENTS) return extractFromText('', { url });
      return extractFromDocument(doc, { url });
    },
    declared: async (html, url) => declaredFeeds(parse(html, 'text/html'), url),
  };
}
