/**
 * Page metadata from `<meta>` tags, JSON-LD, `<link rel=canonical>`, `<time datetime>` and
 * `<html lang>`. Read-only DOM access; works on any `Document` implementation.
 *
 * Precedence per field: JSON-LD article object, then OpenGraph / article:* / dc.* / parsely /
 * plain names, then the DOM (`<title>`, `<time>`). JSON-LD is parsed defensively: CDATA
 * wrappers, comments, trailing commas and several objects per script are tolerated, and a
 * script that still fails to parse is skipped (defuddle and Readability do the same).
 *
 * @module
 */
import { normaliseLang } from './language';

export interface PageMetadata {
  title: string | null;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  /** Declared language (ISO 639-1), not detected. */
  language: string | null;
  canonicalUrl: string | null;
  /** `@type`s found in JSON-LD, for article signals. */
  jsonLdTypes: string[];
}

/** Schema.org types that are articles (news or otherwise). */
export const ARTICLE_TYPES = new Set([
  'article', 'newsarticle', 'reportagenewsarticle', 'analysisnewsarticle', 'opinionnewsarticle',
  'backgroundnewsarticle', 'reviewnewsarticle', 'asknewsarticle', 'askpublicnewsarticle',
  'satiricalarticle', 'report', 'blogposting', 'liveblogposting', 'socialmediaposting',
  'scholarlyarticle', 'techarticle',
]);

/** Bound on JSON-LD text parsed per page (some sites inline megabytes of state). */
const MAX_JSONLD_CHARS = 500_000;
/** Bound on `<meta>` tags read. */
const MAX_META = 2000;

type Json = unknown;

function str(v: Json): string | null {
  if (typeof v === 'string') {
    const s = v.replace(/\s+/g, ' ').trim();
    return s || null;
  }
  if (typeof v === 'number') return String(v);
  return null;
}

/** Name out of a string, a `{name}` object, or an array of those. */
function nameOf(v: Json): string | null {
  if (Array.isArray(v)) {
    const names = v.map(nameOf).filter((s): s is string => !!s);
    return names.length ? [...new Set(names)].join(', ') : null;
  }
  if (v && typeof v === 'object') return str((v as Record<string, Json>)['name']);
  return str(v);
}

function typesOf(o: Record<string, Json>): string[] {
  const t = o['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^.*[/#]/, ''));
}

/** Parse one JSON-LD script, tolerating common breakage; null when hopeless. */
export function parseJsonLd(raw: string): Json {
  let s = raw.slice(0, MAX_JSONLD_CHARS).trim();
  s = s.replace(/^\s*<!\[CDATA\[/, '').replace(/\]\]>\s*$/, '');
  s = s.replace(/^\s*<!--/, '').replace(/-->\s*$/, '');
  s = s.replace(/^\s*\/\*[\s\S]*?\*\//, '').trim();
  try {
    return JSON.parse(s) as Json;
  } catch {
    try {
      // Trailing commas and raw control characters inside strings are the usual culprits.
      return JSON.parse(s.replace(/,\s*([}\]])/g, '$1').replace(/[\u0000-\u001f]+/g, ' ')) as Json;
    } catch {
      return null;
    }
  }
}

/** Every object in a JSON-LD value, flattening arrays and `@graph`; bounded. */
export function jsonLdObjects(root: Json, limit = 500): Record<string, Json>[] {
  const out: Record<string, Json>[] = [];
  const stack: Json[] = [root];
  while (stack.length && out.length < limit) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
    } else if (v && typeof v === 'object') {
      const o = v as Record<string, Json>;
      out.push(o);
      if (Array.isArray(o['@graph'])) stack.push(o['@graph']);
      if (o['mainEntity'] && typeof o['mainEntity'] === 'object') stack.push(o['mainEntity']);
    }
  }
  return out;
}

/** All JSON-LD objects on the page. */
export function readJsonLd(doc: Document): Record<string, Json>[] {
  const out: Record<string, Json>[] = [];
  const scripts = doc.querySelectorAll('script[type="application/ld+json" i]');
  for (let i = 0; i < scripts.length && i < 50; i++) {
    const parsed = parseJsonLd(scripts[i]!.textContent ?? '');
    if (parsed != null) out.push(...jsonLdObjects(parsed));
  }
  return out;
}

/** `<meta>` content by lower-cased property/name/itemprop/http-equiv key. First one wins. */
function readMeta(doc: Document): Map<string, string> {
  const map = new Map<string, string>();
  const metas = doc.getElementsByTagName('meta');
  for (let i = 0; i < metas.length && i < MAX_META; i++) {
    const m = metas[i]!;
    const content = m.getAttribute('content');
    if (content == null || !content.trim()) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = m.getAttribute(attr)?.trim().toLowerCase();
      if (key && !map.has(key)) map.set(key, content.replace(/\s+/g, ' ').trim());
    }
  }
  return map;
}

/** ISO 8601 from common date spellings (ISO, RFC 2822, `YYYYMMDD`, `YYYYMMDDhhmmss`); null if unreadable. */
export function toIsoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim();
  let m = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2}))?$/.exec(v);
  if (m) {
    const [, y, mo, d, h = '00', mi = '00', s = '00'] = m;
    return `${y}-${mo}-${d}T${h}:${mi}:${s}Z`;
  }
  // A plain date stays a date; we do not invent a time zone for it.
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?$/i.exec(v);
  if (m) {
    const zone = m[3] ? (m[3].toUpperCase() === 'Z' ? 'Z' : m[3].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')) : '';
    const time = m[2]!.length === 5 ? `${m[2]}:00` : m[2];
    return `${m[1]}T${time}${zone}`;
  }
  const t = Date.parse(v);
  if (!Number.isNaN(t) && /\d{4}/.test(v)) return new Date(t).toISOString();
  return null;
}

function firstOf(meta: Map<string, string>, keys: string[]): string | null {
  for (const k of keys) {
    const v = meta.get(k);
    if (v) return v;
  }
  return null;
}

function absolute(href: string | null, base: string | null): string | null {
  if (!href) return null;
  try {
    const u = new URL(href, base ?? undefined);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

export function extractMetadata(doc: Document): PageMetadata {
  const meta = readMeta(doc);
  const ld = readJsonLd(doc);
  const jsonLdTypes = [...new Set(ld.flatMap(typesOf))];
  const article = ld.find((o) => typesOf(o).some((t) => ARTICLE_TYPES.has(t.toLowerCase())));
  const ldOrg = ld.find((o) => typesOf(o).some((t) => /^(NewsMediaOrganization|Organization|WebSite)$/i.test(t)));

  const docTitle = doc.querySelector('title')?.textContent?.replace(/\s+/g, ' ').trim() || null;
  const title =
    firstOf(meta, ['og:title', 'twitter:title', 'parsely-title', 'dc.title', 'dcterms.title', 'title']) ??
    (article ? str(article['headline']) ?? str(article['name']) : null) ??
    docTitle;

  const byline =
    (article ? nameOf(article['author']) ?? nameOf(article['creator']) : null) ??
    firstOf(meta, ['author', 'article:author', 'og:article:author', 'parsely-author', 'dc.creator', 'dcterms.creator', 'byl', 'sailthru.author']);

  const siteName =
    firstOf(meta, ['og:site_name', 'application-name', 'publisher', 'dc.publisher']) ??
    (article ? nameOf(article['publisher']) : null) ??
    (ldOrg ? str(ldOrg['name']) : null);

  const timeEl = doc.querySelector('time[datetime][pubdate], article time[datetime], time[datetime]');
  const publishedTime = toIsoDate(
    (article ? str(article['datePublished']) ?? str(article['dateCreated']) : null) ??
      firstOf(meta, [
        'article:published_time', 'og:article:published_time', 'datepublished', 'date', 'pubdate',
        'publishdate', 'publish-date', 'dc.date', 'dc.date.issued', 'dcterms.created', 'dcterms.issued',
        'parsely-pub-date', 'sailthru.date', 'ptime',
      ]) ??
      timeEl?.getAttribute('datetime') ??
      null,
  );

  const language = normaliseLang(
    doc.documentElement?.getAttribute('lang') ??
      doc.documentElement?.getAttribute('xml:lang') ??
      firstOf(meta, ['og:locale', 'content-language', 'language', 'dc.language', 'inlanguage']) ??
      (article ? str(article['inLanguage']) : null),
  );

  const base = doc.URL && !doc.URL.startsWith('about:') ? doc.URL : null;
  const canonicalUrl =
    absolute(doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href') ?? null, base) ??
    absolute(firstOf(meta, ['og:url', 'parsely-link']), base) ??
    (article ? absolute(str(article['url']), base) : null);

  return { title, byline, siteName, publishedTime, language, canonicalUrl, jsonLdTypes };
}
