/**
 * Cheap "is this page a news article?" test, run by the content script on every page before any
 * extraction. It only reads the DOM: no Readability, no lib/text, no JSON parsing of big blobs.
 * Work is bounded (caps on scripts, metas, paragraphs, characters read), so a 5 MB page costs
 * about as much as a 50 kB one.
 *
 * A page scores points for article evidence and loses points for listing / reference evidence;
 * it is an article at {@link ARTICLE_THRESHOLD} or more. The reasons list every signal seen.
 *
 * @module
 */
import type { ArticleSignals, NotArticleReason } from './types';

/** Points needed. Two strong signals (og:type=article + prose) or several weak ones. */
export const ARTICLE_THRESHOLD = 3;

/** How much of each JSON-LD script is scanned for `@type` (no JSON parsing here). */
const MAX_LD_CHARS = 50_000;
const MAX_LD_SCRIPTS = 20;
/** Paragraph elements examined for text density. */
const MAX_PARAGRAPHS = 400;
/** A paragraph of this many characters is running prose (Readability uses 140 for readerable). */
const LONG_PARAGRAPH = 120;

const NEWS_TYPES = /^(?:NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|AskPublicNewsArticle|SatiricalArticle|Report|BlogPosting|LiveBlogPosting)$/;
/** schema.org Article subtypes that are not news but are written articles (science, health, tech). */
const ARTICLE_TYPES = /^(?:Article|ScholarlyArticle|MedicalScholarlyArticle|TechArticle)$/;
const LISTING_TYPES = /^(?:CollectionPage|ItemList|SearchResultsPage|ProfilePage|CheckoutPage|ContactPage|FAQPage|QAPage)$/;
const TYPE_RE = /"@type"\s*:\s*(\[[^\]]{0,300}\]|"[^"]{1,80}")/g;
// A reference entry (encyclopedia, knowledge base) declares its subject as an external entity.
const REFERENCE_ENTITY = /"(?:mainEntity|about)"\s*:\s*"https?:\/\/[^"]*(?:wikidata|dbpedia|freebase)/;
const DATE_PUBLISHED = /"datePublished"\s*:\s*"(\d{4}-\d{2}-\d{2})/;
const DATE_MODIFIED = /"dateModified"\s*:\s*"(\d{4}-\d{2}-\d{2})/;
/** News is not rewritten years later; a page edited long after publication is reference. */
const STALE_EDIT_DAYS = 365;

function meta(doc: Document, selector: string): string | null {
  return doc.querySelector(selector)?.getAttribute('content')?.trim() || null;
}

/**
 * True when the page URL's path looks like an article (a slug with hyphens or underscores and
 * several words, or a numeric id), false when it looks like a home, section or search page
 * (`/`, `/es/`, `/search?q=`) or a wiki's reference page (`/wiki/…`), null when it says nothing
 * either way.
 */
export function articleLikePath(url: string | null): boolean | null {
  if (!url) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (!/^https?:$/.test(u.protocol) || u.hostname === 'fakehost') return null;
  if (/(?:^|[?&])(?:q|query|s|search)=/.test(u.search) || /\/(?:search|recherche|wiki)\b/i.test(u.pathname)) return false;
  const segments = u.pathname.split('/').filter(Boolean);
  const slug = (s: string) => /[-_].*[-_]/.test(s) || /\d{4,}/.test(s) || (s.includes('-') && s.length >= 20);
  // A listing folder (`/sport/tag/football/`) is a front page unless an article's slug follows it.
  if (/\/(?:tag|tags|category|categorie|rubrique|section)\b/i.test(u.pathname) && !slug(segments.at(-1) ?? '')) return false;
  if (segments.some(slug)) return true;
  // Only the shapes of a home or section front count against: `/`, `/es/`, `/world/`, `/index.html`.
  // Anything else (opaque ids, short slugs) says nothing either way.
  const last = segments.at(-1)?.replace(/\.\w+$/, '') ?? '';
  if (segments.length === 0 || (segments.length === 1 && /^[\p{L}]{1,15}$/u.test(last)) || last === 'index') return false;
  return null;
}

export function articleSignals(doc: Document): ArticleSignals {
  const reasons: string[] = [];
  const against: NotArticleReason[] = [];
  let score = 0;
  const add = (points: number, why: string) => {
    score += points;
    reasons.push(`${why} (${points > 0 ? '+' : ''}${points})`);
  };

  // JSON-LD @type, scanned as text (cheap and immune to malformed JSON).
  const types = new Set<string>();
  let ldText = '';
  const scripts = doc.querySelectorAll('script[type="application/ld+json" i]');
  for (let i = 0; i < scripts.length && i < MAX_LD_SCRIPTS; i++) {
    const t = (scripts[i]!.textContent ?? '').slice(0, MAX_LD_CHARS);
    ldText += t;
    for (const m of t.matchAll(TYPE_RE)) {
      for (const name of m[1]!.match(/"([^"]+)"/g) ?? []) types.add(name.slice(1, -1).replace(/^.*[/#]/, ''));
    }
  }
  const news = [...types].find((t) => NEWS_TYPES.test(t));
  const written = [...types].find((t) => ARTICLE_TYPES.test(t));
  if (news) add(3, `json-ld:${news}`);
  else if (written) add(2, `json-ld:${written}`);
  // A page declaring an article may also carry a list (its FAQ, a carousel): the article wins.
  const listing = [...types].find((t) => LISTING_TYPES.test(t));
  if (listing && !news && !written) {
    add(-4, `json-ld:${listing} (listing page)`);
    against.push({ code: 'listing' });
  }
  if (REFERENCE_ENTITY.test(ldText)) {
    add(-2, 'json-ld subject is a knowledge-base entity (reference page)');
    against.push({ code: 'reference' });
  }
  const pub = DATE_PUBLISHED.exec(ldText)?.[1];
  const mod = DATE_MODIFIED.exec(ldText)?.[1];
  if (pub && mod && (Date.parse(mod) - Date.parse(pub)) / 86_400_000 > STALE_EDIT_DAYS) {
    add(-2, 'edited more than a year after publication (reference page)');
    against.push({ code: 'reference' });
  }

  const ogType = meta(doc, 'meta[property="og:type" i]')?.toLowerCase() ?? null;
  const ogArticle = ogType === 'article' || !!ogType?.startsWith('article');
  if (ogArticle) add(2, 'og:type=article');
  else if (ogType === 'website' || ogType === 'profile') add(-1, `og:type=${ogType}`);

  const dated =
    !!meta(doc, 'meta[property="article:published_time" i], meta[property="og:article:published_time" i], meta[name="date" i], meta[name="pubdate" i], meta[name="dc.date" i], meta[itemprop="datePublished" i], meta[name="parsely-pub-date" i]') ||
    !!doc.querySelector('time[datetime]') ||
    !!pub;
  if (dated) add(1, 'publication date');

  if (doc.querySelector('article')) add(1, '<article>');

  // Text density: long paragraphs and their share of the page's visible-ish text.
  const ps = doc.getElementsByTagName('p');
  let longCount = 0;
  let longChars = 0;
  for (let i = 0; i < ps.length && i < MAX_PARAGRAPHS; i++) {
    const n = (ps[i]!.textContent ?? '').trim().length;
    if (n >= LONG_PARAGRAPH) {
      longCount++;
      longChars += n;
    }
  }
  if (longCount >= 5) add(1, `text-density: ${longCount} long paragraphs`);
  if (longChars >= 1500) add(1, `text-density: ${longChars} chars of prose`);
  if (longCount === 0) {
    add(-2, 'no paragraph of prose');
    against.push({ code: 'no-prose' });
  }

  const path = articleLikePath(meta(doc, 'meta[property="og:url" i]') ?? doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href') ?? doc.URL);
  if (path === false) {
    add(-2, 'URL is a home, section, search or wiki page');
    against.push({ code: 'front-page-url' });
  }

  const isArticle = score >= ARTICLE_THRESHOLD;
  reasons.unshift(`score ${score} ${isArticle ? '>=' : '<'} ${ARTICLE_THRESHOLD}`);
  if (!isArticle && against.length === 0) against.push({ code: 'no-article-signs' });
  return { isArticle, reasons, declared: !!news || !!written || ogArticle, against: isArticle ? [] : against };
}
