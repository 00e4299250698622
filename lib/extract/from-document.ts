/**
 * DOM page → article. Steps:
 *
 * 1. Clone the document (Readability's README: `parse()` mutates the DOM it is given; the live
 *    page must never change).
 * 2. Run @mozilla/readability on the clone. Chosen over defuddle after measuring both on the 18
 *    Readability test pages (word-level F1 against `expected.html`): see `scripts/eval-extract.ts`
 *    and the report in the issue. Caveat: `expected.html` is Readability's own output, so the
 *    comparison favours Readability.
 * 3. Cut the extracted HTML into blocks (paragraphs, headings, list items, captions…).
 * 4. Run the same removal pipeline as the plain-text path (`from-text.ts` `PIPELINE`), with the
 *    title known, so captions, "Read more" pointers, prompts and the like go the same way.
 * 5. Metadata from `metadata.ts`, language from declaration + detection, and the article verdict
 *    from the cheap DOM signals (`is-article.ts`) plus the size of the extracted body.
 *
 * @module
 */
import { Readability } from '@mozilla/readability';
import type { ExtractedArticle, NotArticleReason, Removal } from './types';
import type { LineKind } from './lines';
import { assemble, newPage, runSteps } from './pipeline';
import { bodyVerdict, PIPELINE } from './from-text';
import { extractMetadata, toIsoDate } from './metadata';
import { articleSignals } from './is-article';
import { chooseLanguage, type LanguageDetector } from './language';
import { BLOCK_ELEMENTS, SKIPPED_ELEMENTS } from './elements';

export interface DocumentExtractionOptions {
  url?: string;
  /**
   * Detects the body's language when the page's declaration is missing or wrong. Left out, the
   * declaration alone decides: the extraction script injected into pages runs without the
   * detector's models, and the background settles the language afterwards (`settleLanguage`).
   */
  detectLanguage?: LanguageDetector;
}

const BLOCK_KIND: Record<string, LineKind> = {
  P: 'p', H1: 'heading', H2: 'heading', H3: 'heading', H4: 'heading', H5: 'heading', H6: 'heading',
  LI: 'li', DT: 'p', DD: 'p', FIGCAPTION: 'caption', CAPTION: 'caption', BLOCKQUOTE: 'quote',
  PRE: 'pre', TD: 'p', TH: 'p',
};
/** Bound on DOM nodes walked when cutting the extracted content into blocks. */
const MAX_NODES = 200_000;

/**
 * Cut an element's content into text blocks. Inline runs between block elements become one
 * block; a block element's kind is that of its nearest block-level ancestor in BLOCK_KIND. The
 * elements skipped and the blocks are the ones the page-evidence walker uses (`elements.ts`).
 */
export function blocksOf(root: Node): { text: string; kind: LineKind }[] {
  const out: { text: string; kind: LineKind }[] = [];
  let buf = '';
  let kind: LineKind = 'p';
  let visited = 0;
  const flush = () => {
    if (buf.trim()) out.push({ text: buf, kind });
    buf = '';
  };
  const walk = (node: Node, inherited: LineKind) => {
    if (++visited > MAX_NODES) return;
    if (node.nodeType === 3) {
      if (!buf.trim()) kind = inherited;
      buf += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName.toUpperCase();
    if (SKIPPED_ELEMENTS.has(tag)) return;
    if (tag === 'BR') {
      buf += ' ';
      return;
    }
    const isBlock = BLOCK_ELEMENTS.has(tag);
    const own = BLOCK_KIND[tag] ?? inherited;
    if (isBlock) flush();
    for (let c = node.firstChild; c; c = c.nextSibling) walk(c, own);
    if (isBlock) flush();
  };
  walk(root, 'p');
  flush();
  return out;
}

/**
 * Readability's byline guess, unless it is a dateline: a visible "7 juil. 2016, 08:00" next to
 * the headline is often marked up like a byline. Names do not start with a digit.
 */
function plausibleByline(byline: string | null | undefined): string | null {
  const b = byline?.trim();
  return b && !/^\d/.test(b) ? b : null;
}

/** Bounds on the trace of what Readability left out (a 5 MB page must not make a 5 MB trace). */
const MAX_TRACED_BLOCKS = 300;
const MAX_TRACED_CHARS = 300;

/**
 * What Readability left out, as removals: the page's text blocks that are neither in the
 * extracted content nor the title (navigation, banners, comments, related links…). Readability
 * keeps no trace of its own, and a person should see what was set aside, as defuddle's debug
 * removals show.
 */
function outsideContent(doc: Document, kept: Set<string>, title: string | null): Removal[] {
  const removals: Removal[] = [];
  const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
  const seen = new Set([...kept, collapse(title ?? '')]);
  for (const block of blocksOf(doc.body)) {
    const text = collapse(block.text);
    if (!text || seen.has(text)) continue;
    seen.add(text);
    removals.push({
      step: 'outside-article',
      reason: 'outside the article content (Readability)',
      text: text.length > MAX_TRACED_CHARS ? `${text.slice(0, MAX_TRACED_CHARS)}…` : text,
    });
    if (removals.length >= MAX_TRACED_BLOCKS) break;
  }
  return removals;
}

function empty(url: string | null, reason: string): ExtractedArticle {
  return {
    title: null, byline: null, siteName: null, publishedTime: null, language: null, url,
    canonicalUrl: null, text: '', paragraphs: [], boilerplate: [], removals: [], isArticle: false,
    articleReasons: [reason], notArticle: [{ code: 'empty' }],
  };
}

/** Each code once, in order. */
function notArticleReasons(list: NotArticleReason[]): NotArticleReason[] {
  const seen = new Set<string>();
  return list.filter((r) => !seen.has(r.code) && seen.add(r.code));
}

export function extractFromDocument(doc: Document, options: DocumentExtractionOptions = {}): ExtractedArticle {
  const url = options.url ?? (doc.URL && !doc.URL.startsWith('about:') ? doc.URL : null);
  if (!doc.documentElement || !doc.body || !(doc.body.textContent ?? '').trim()) {
    return empty(url, 'empty document');
  }
  const meta = extractMetadata(doc);
  const signals = articleSignals(doc);

  // Readability mutates what it parses: give it a deep clone, never the live page.
  const clone = doc.cloneNode(true) as Document;
  let parsed: ReturnType<Readability<Node>['parse']> = null;
  try {
    parsed = new Readability<Node>(clone, { serializer: (n) => n }).parse();
  } catch {
    parsed = null;
  }
  const title = parsed?.title?.trim() || meta.title;
  const page = newPage(parsed?.content ? blocksOf(parsed.content) : [], 'dom', title ?? null);
  runSteps(page, PIPELINE);
  const a = assemble(page);
  const body = bodyVerdict(a, signals.declared);

  const contentBlocks = new Set(page.lines.map((l) => l.text.replace(/\s+/g, ' ').trim()));
  const removals = [...a.removals, ...outsideContent(doc, contentBlocks, title ?? null)];

  const reasons = [
    `signals: ${signals.isArticle ? 'article' : 'not article'} — ${signals.reasons.join(', ')}`,
    ...(parsed ? body.reasons : ['extraction found no content']),
  ];
  return {
    title: title ?? null,
    byline: plausibleByline(parsed?.byline) ?? meta.byline,
    siteName: parsed?.siteName?.trim() || meta.siteName,
    publishedTime: meta.publishedTime ?? toIsoDate(parsed?.publishedTime ?? null),
    language: chooseLanguage(meta.language ?? parsed?.lang ?? null, a.text, options.detectLanguage ?? null),
    url,
    canonicalUrl: meta.canonicalUrl,
    text: a.text,
    paragraphs: a.paragraphs,
    boilerplate: removals.map((r) => r.text),
    removals,
    isArticle: signals.isArticle && body.ok,
    articleReasons: reasons,
    notArticle: signals.isArticle && body.ok ? [] : notArticleReasons([...(signals.isArticle ? [] : signals.against ?? []), ...(parsed ? body.against : [{ code: 'empty' as const }])]),
  };
}
