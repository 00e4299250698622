import { declaredFeeds, parseFeed, type DeclaredFeed, type FeedParse, type ParseMarkup } from '../../lib/feeds';
import { extractFromDocument } from '../../lib/extract';
import type { ExtractedArticle } from '../../lib/extract/types';

/** The DOM work of following (parsing feeds and pages): in the background where it has a DOM (Firefox), in an offscreen document in Chrome. */
export interface DomReader {
  feed(text: string, url: string): Promise<FeedParse>;
  page(html: string, url: string): Promise<ExtractedArticle>;
  declared(html: string, url: string): Promise<DeclaredFeed[]>;
}

export function domReader(parse: ParseMarkup): DomReader {
  return {
    feed: async (text, url) => parseFeed(text, url, parse),
    page: async (html, url) => extractFromDocument(parse(html, 'text/html'), { url }),
    declared: async (html, url) => declaredFeeds(parse(html, 'text/html'), url),
  };
}

