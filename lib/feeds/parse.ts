/**
 * Feed documents → items: RSS 2.0, RSS 1.0 (RDF), Atom 1.0 (RFC 4287) and JSON Feed 1.x
 * (https://www.jsonfeed.org/version/1.1/). No feed library is among the project's dependencies,
 * so this reads the XML with the platform's DOMParser (passed in: the browser's, or jsdom's in
 * Node), small and strict: a document that is not well-formed, declares entities, or is HTML is
 * refused with a reason; an item whose link is not an http(s) address is left out and counted.
 */

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

/** Direct element children named `name` (local name: namespaces vary between feed dialects). */
const children = (el: Element, name: string) => {
  // Walks siblings: indexing `el.children` is quadratic in jsdom on a channel of 10,000 items.
  const found: Element[] = [];
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (c.localName === name) found.push(c);
  return found;
};
const childText = (el: Element, ...names: string[]): string | null => {
  for (const name of names) {
    const found = children(el, name)[0];
    const text = found?.textContent?.trim();
    if (text) return text;
  }
  return null;
};

interface RawItem { link: string | null; title: string | null; html: string | null; date: string | null }

function collect(format: ParsedFeed['format'], title: string | null, site: string | null, raw: RawItem[], base: string, parse: ParseMarkup | null): FeedParse {
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
    const text = r.html ? (parse ? htmlText(r.html, parse) : collapse(r.html)) : '';
    items.push({
      url,
      title: r.title ? (parse ? htmlText(r.title, parse) : collapse(r.title)).slice(0, 1000) || null : null,
      text: text.slice(0, MAX_ITEM_TEXT),
      publishedTime: isoDate(r.date),
    });
  }
  return { ok: true, feed: { format, title: title ? collapse(title).slice(0, 300) : null, siteUrl: webAddress(site, base), items, skipped } };
}

function atomLink(el: Element): string | null {
  const links = children(el, 'link');
  const alternate = links.find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate') ?? null;
  return alternate?.getAttribute('href') ?? null;
}

function parseJsonFeed(text: string, base: string, parse: ParseMarkup): FeedParse {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'malformed' };
  }
  const d = doc as { version?: unknown; title?: unknown; home_page_url?: unknown; items?: unknown };
  if (typeof d !== 'object' || d === null || typeof d.version !== 'string' || !d.version.startsWith('https://jsonfeed.org/version/') || !Array.isArray(d.items)) {
    return { ok: false, problem: 'not-a-feed' };
  }
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  const raw = d.items.map((i: Record<string, unknown> | null): RawItem => ({
    link: str(i?.url) ?? str(i?.external_url),
    title: str(i?.title),
    html: str(i?.content_html) ?? str(i?.content_text) ?? str(i?.summary),
    date: str(i?.date_published) ?? str(i?.date_modified),
  }));
  return collect('json', str(d.title), str(d.home_page_url), raw, base, parse);
}

/** Reads a feed document fetched from `base` (its address: relative links resolve against it). */
export function parseFeed(text: string, base: string, parse: ParseMarkup): FeedParse {
  if (text.length > MAX_FEED_CHARS) return { ok: false, problem: 'too-large' };
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{')) return parseJsonFeed(start, base, parse);
  if (/^<!doctype html|^<html[\s>]/i.test(start)) return { ok: false, problem: 'html' };
  // Entity declarations are how XML bombs expand; no news feed declares any.
  if (/<!ENTITY/i.test(start)) return { ok: false, problem: 'malformed' };
  let doc: Document;
  try {
    doc = parse(start, 'text/xml');
  } catch {
    return { ok: false, problem: 'malformed' };
  }
  const root = doc.documentElement;
  if (!root || doc.getElementsByTagName('parsererror').length > 0) return { ok: false, problem: 'malformed' };
  switch (root.localName) {
    case 'rss': {
      const channel = children(root, 'channel')[0];
      if (!channel) return { ok: false, problem: 'not-a-feed' };
      const raw = children(channel, 'item').map((i): RawItem => ({
        // <guid isPermaLink="true"> is the item's page when <link> is missing.
        link: childText(i, 'link') ?? (children(i, 'guid')[0]?.getAttribute('isPermaLink') !== 'false' ? childText(i, 'guid') : null),
        title: childText(i, 'title'),
        html: childText(i, 'encoded', 'description'),
        date: childText(i, 'pubDate', 'date'),
      }));
      return collect('rss', childText(channel, 'title'), childText(channel, 'link'), raw, base, parse);
    }
    case 'RDF': {
      const channel = children(root, 'channel')[0];
      const raw = children(root, 'item').map((i): RawItem => ({
        link: childText(i, 'link') ?? i.getAttribute('rdf:about'),
        title: childText(i, 'title'),
        html: childText(i, 'encoded', 'description'),
        date: childText(i, 'date'),
      }));
      if (!channel && raw.length === 0) return { ok: false, problem: 'not-a-feed' };
      return collect('rdf', channel ? childText(channel, 'title') : null, channel ? childText(channel, 'link') : null, raw, base, parse);
    }
    case 'feed': {
      const raw = children(root, 'entry').map((e): RawItem => ({
        link: atomLink(e),
        title: childText(e, 'title'),
        html: childText(e, 'content', 'summary'),
        date: childText(e, 'published', 'updated'),
      }));
      return collect('atom', childText(root, 'title'), atomLink(root), raw, base, parse);
    }
    case 'html':
      return { ok: false, problem: 'html' };
    default:
      return { ok: false, problem: 'not-a-feed' };
  }
}
