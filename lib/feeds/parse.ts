/**
 * Feed documents → items: RSS 2.0, RSS 1.0 (RDF), Atom 1.0 (RFC 4287) and JSON Feed 1.x
 * (https://www.jsonfeed.org/version/1.1/), read by feedsmith (https://feedsmith.dev: each dialect
 * and its namespaces mapped to one structure; no network, entities never expanded). Around it, our
 * strict checks: a document too large, not well-formed (the platform's DOMParser, passed in: the
 * browser's, or jsdom's in Node), declaring entities, or HTML is refused with a reason; an item
 * whose link is not an http(s) address is left out and counted; item text is made plain text inert.
 */
import { MalformedError, parseFeed as readFeed, type AnyFeed, type AtomFeed } from 'feedsmith';

/** Parses markup: `new DOMParser().parseFromString` of the browser, or jsdom's. */
export type ParseMarkup = (text: string, type: 'text/xml' | 'text/html') => Document;

export interface FeedItem {
  /** The item's page, absolute, http(s), without fragment. */
  url: string;
  title: string | null;
  /** The item's own text (summary or content) as plain text, for when the page gives no article. */
  text: string;
  /** ISO 8601 when the feed dates the item. */
  publishedTime: string | null;
}

export interface ParsedFeed {
  format: 'rss' | 'rdf' | 'atom' | 'json';
  title: string | null;
  /** The outlet's site as the feed declares it (absolute), or null. */
  siteUrl: string | null;
  /** In the feed's order (newest first, as feeds list them), duplicates removed, at most MAX_FEED_ITEMS. */
  items: FeedItem[];
  /** Items left out: no usable link (missing, `javascript:`, `data:`…), a duplicate, or beyond MAX_FEED_ITEMS. */
  skipped: number;
}

/** Why a document is not a feed, as data (the extension words each in the reader's language). */
export type FeedProblem = 'too-large' | 'malformed' | 'html' | 'not-a-feed';

export type FeedParse = { ok: true; feed: ParsedFeed } | { ok: false; problem: FeedProblem };

/** Far above any news feed (a few hundred kB); a larger document is refused before parsing. */
export const MAX_FEED_CHARS = 5_000_000;
/** Items read from one feed; a feed of 10,000 items keeps its first (newest) ones. */
export const MAX_FEED_ITEMS = 500;
/** The item text kept, in characters. */
const MAX_ITEM_TEXT = 20_000;

/** An absolute http(s) address, resolved against the feed's, without its fragment; null otherwise. */
export function webAddress(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  try {
    const url = new URL(href.trim(), base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Plain text of a piece of HTML (an item's description): parsed inert, never run or shown as markup. */
function htmlText(html: string, parse: ParseMarkup): string {
  if (!/[<&]/.test(html)) return collapse(html);
  const doc = parse(`<!doctype html><body>${html}`, 'text/html');
  for (const el of Array.from(doc.querySelectorAll('script, style, noscript, template, iframe, object'))) el.remove();
  const blocks = Array.from(doc.body?.querySelectorAll('p, li, blockquote, h1, h2, h3, h4, h5, h6') ?? []);
  const paragraphs = blocks.length > 0 && blocks.every((b) => !b.querySelector('p, li, blockquote'))
    ? blocks.map((b) => collapse(b.textContent ?? ''))
    : [collapse(doc.body?.textContent ?? '')];
  return paragraphs.filter(Boolean).join('\n\n');
}

function isoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const time = Date.parse(value.trim());
  return Number.isFinite(time) ? new Date(time).toISOString() : null;
}

interface RawItem { link: string | null | undefined; title: string | null | undefined; html: string | null | undefined; date: string | null | undefined }

function collect(format: ParsedFeed['format'], title: string | null | undefined, site: string | null | undefined, raw: RawItem[], base: string, parse: ParseMarkup): FeedParse {
  const items: FeedItem[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  for (const r of raw) {
    const url = webAddress(r.link, base);
    if (!url || seen.has(url) || items.length >= MAX_FEED_ITEMS) {
      skipped++;
      continue;
    }
    seen.add(url);
    items.push({
      url,
      title: r.title ? htmlText(r.title, parse).slice(0, 1000) || null : null,
      text: r.html ? htmlText(r.html, parse).slice(0, MAX_ITEM_TEXT) : '',
      publishedTime: isoDate(r.date),
    });
  }
  return { ok: true, feed: { format, title: title ? collapse(title).slice(0, 300) : null, siteUrl: webAddress(site, base), items, skipped } };
}

/** An Atom element's page: its link with rel="alternate" (the default rel, RFC 4287 §4.2.7.2). */
const atomLink = (links: AtomFeed.Link<string>[] | undefined) => links?.find((l) => (l.rel ?? 'alternate') === 'alternate')?.href;

/** feedsmith's reading (each dialect mapped to its modern fields) → our items. */
function itemsOf(read: AnyFeed, base: string, parse: ParseMarkup): FeedParse {
  switch (read.format) {
    case 'rss': {
      const { feed } = read;
      return collect('rss', feed.title, feed.link, (feed.items ?? []).map((i) => ({
        // <guid isPermaLink="true"> (the default) is the item's page when <link> is missing.
        link: i.link ?? (i.guid?.isPermaLink !== false ? i.guid?.value : null),
        title: i.title,
        html: i.content?.encoded ?? i.description,
        date: i.pubDate ?? i.dc?.dates?.[0],
      })), base, parse);
    }
    case 'rdf': {
      const { feed } = read;
      return collect('rdf', feed.title, feed.link, (feed.items ?? []).map((i) => ({
        link: i.link ?? i.rdf?.about,
        title: i.title,
        html: i.content?.encoded ?? i.description,
        date: i.dc?.dates?.[0],
      })), base, parse);
    }
    case 'atom': {
      const { feed } = read;
      return collect('atom', feed.title?.value, atomLink(feed.links), (feed.entries ?? []).map((e) => ({
        link: atomLink(e.links),
        title: e.title?.value,
        html: e.content?.value ?? e.summary?.value,
        date: e.published ?? e.updated,
      })), base, parse);
    }
    case 'json': {
      const { feed } = read;
      return collect('json', feed.title, feed.home_page_url, (feed.items ?? []).map((i) => ({
        link: i.url ?? i.external_url,
        title: i.title,
        html: i.content_html ?? i.content_text ?? i.summary,
        date: i.date_published ?? i.date_modified,
      })), base, parse);
    }
  }
}

/** `document`: the XML text, or the JSON Feed already parsed. */
function readWithFeedsmith(document: string | object, base: string, parse: ParseMarkup): FeedParse {
  let read: AnyFeed;
  try {
    read = readFeed(document);
  } catch (error) {
    return { ok: false, problem: error instanceof MalformedError ? 'malformed' : 'not-a-feed' };
  }
  return itemsOf(read, base, parse);
}

/** Reads a feed document fetched from `base` (its address: relative links resolve against it). */
export function parseFeed(text: string, base: string, parse: ParseMarkup): FeedParse {
  if (text.length > MAX_FEED_CHARS) return { ok: false, problem: 'too-large' };
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(start);
    } catch {
      return { ok: false, problem: 'malformed' };
    }
    return readWithFeedsmith(json as object, base, parse);
  }
  if (/^<!doctype html|^<html[\s>]/i.test(start)) return { ok: false, problem: 'html' };
  // Entity declarations are how XML bombs expand; no news feed declares any. (feedsmith would not
  // expand them either, but would keep "&name;" as text: a wrong title.)
  if (/<!ENTITY/i.test(start)) return { ok: false, problem: 'malformed' };
  // feedsmith forgives what is not well-formed (a title "T</b>", a feed cut short); the platform's
  // XML parser is strict, so a document it refuses is refused with that reason.
  let root: Element | null;
  try {
    const doc = parse(start, 'text/xml');
    root = doc.getElementsByTagName('parsererror').length > 0 ? null : doc.documentElement;
  } catch {
    root = null;
  }
  if (!root) return { ok: false, problem: 'malformed' };
  if (root.localName === 'html') return { ok: false, problem: 'html' };
  return readWithFeedsmith(start, base, parse);
}
