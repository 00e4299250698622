/**
 * Feeds of the outlets a reader follows: reading feed documents (`parseFeed`), the feeds a page
 * declares (`declaredFeeds`), subscription lists (`parseOpml`, `toOpml`) and a starter list.
 *
 * @module
 */
export { parseFeed, webAddress, MAX_FEED_CHARS, MAX_FEED_ITEMS, type FeedItem, type FeedParse, type FeedProblem, type ParsedFeed, type ParseMarkup } from './parse';
export { declaredFeeds, feedLinks, feedsOfLinks, type DeclaredFeed, type LinkAttributes } from './discover';
export { parseOpml, toOpml, type OpmlFeed, type OpmlParse } from './opml';
export { STARTER_FEEDS, type StarterFeed } from './starter';
