/**
 * Plain-text captures (a page's visible text, one block per line, with its debris) → article.
 *
 * Lines hard-wrapped at a fixed width (OCR, e-mail, text wrapped at ~70 characters) are first
 * joined back into paragraphs (`reflow.ts`), so that the steps see paragraphs, not fragments.
 *
 * The removal pipeline, in order (defuddle keeps its pipeline order in one place; this is ours).
 * Each step lives in `steps/<name>.ts`, returns the lines it removes with a reason, and never
 * sees a line an earlier step took:
 *
 *  1. ui-labels       buttons, search boxes, sponsored labels, share/subscribe prompts
 *  2. cookie-banners  consent text addressed to the reader
 *  3. comments        the comment thread after its heading, comment-policy disclaimers
 *  4. captions        lines ending with a photo credit; figcaptions
 *  5. credits         wire credits, copyright footers, short bylines
 *  6. timestamps      lines that are only a date or time
 *  7. title           the headline, kept apart from the body (not a removal)
 *  8. repeated-lead   lines repeating earlier text (lead reprinted at the foot, teasers)
 *  9. related-links   "Lire aussi" pointers and boxes of links to other stories
 * 10. section-labels  short labels above the headline / below the last paragraph
 *
 * @module
 */
import type { ExtractedArticle, NotArticleReason } from './types';
import type { Step } from './lines';
import { assemble, newPage, runSteps, type Assembled } from './pipeline';
import { uiLabels } from './steps/ui-labels';
import { cookieBanners } from './steps/cookie-banners';
import { comments } from './steps/comments';
import { captions } from './steps/captions';
import { credits } from './steps/credits';
import { timestamps } from './steps/timestamps';
import { title } from './steps/title';
import { repeatedLead } from './steps/repeated-lead';
import { relatedLinks } from './steps/related-links';
import { sectionLabels } from './steps/section-labels';
import { chooseLanguage, type LanguageDetector } from './language';
import { reflow } from './reflow';

export const PIPELINE: readonly Step[] = [
  uiLabels,
  cookieBanners,
  comments,
  captions,
  credits,
  timestamps,
  title,
  repeatedLead,
  relatedLinks,
  sectionLabels,
];

/** Longest input processed; beyond it the capture is cut (a news article is far shorter). */
export const MAX_INPUT_CHARS = 5_000_000;
/** Longest line kept as one unit; longer "lines" (minified junk, binary) are cut. */
const MAX_LINE_CHARS = 20_000;
/**
 * Body size for an article. About 150 words in 3 prose paragraphs is the shortest wire brief;
 * a page with less is a stub, a listing or an error page. Text captures have no DOM signals,
 * so this is their only test.
 */
export const MIN_ARTICLE_WORDS = 150;
export const MIN_PROSE_PARAGRAPHS = 3;
/**
 * Body size for a page whose metadata declares an article (JSON-LD article type, og:type=article):
 * a news brief of a few sentences, in one prose paragraph or more. The declaration stands in for
 * the size evidence a bare text needs.
 */
export const MIN_DECLARED_ARTICLE_WORDS = 80;

// C0 controls other than tab/newline, DEL, and U+FFFD: the marks of binary input.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g;

/** Split a capture into line blocks, dropping control characters. */
export function splitLines(text: string): { text: string }[] {
  const clean = text.slice(0, MAX_INPUT_CHARS).replace(CONTROL, ' ');
  return clean.split(/\r\n|\r|\n/).map((l) => ({ text: l.length > MAX_LINE_CHARS ? l.slice(0, MAX_LINE_CHARS) : l }));
}

/** Share of characters that are control / replacement characters (binary garbage). */
export function binaryShare(text: string): number {
  const sample = text.slice(0, 100_000);
  if (!sample) return 0;
  return (sample.match(CONTROL)?.length ?? 0) / sample.length;
}

/**
 * Article verdict from the body alone. Running prose is three prose paragraphs, or fewer holding
 * an article's worth of words (a whole article in one block); with `declared` article metadata,
 * a brief of one prose paragraph and `MIN_DECLARED_ARTICLE_WORDS` is enough.
 */
export function bodyVerdict(a: Assembled, declared = false): { ok: boolean; reasons: string[]; against: NotArticleReason[] } {
  if (a.text === '') return { ok: false, reasons: ['empty body'], against: [{ code: 'empty' }] };
  const min = declared ? MIN_DECLARED_ARTICLE_WORDS : MIN_ARTICLE_WORDS;
  const wordsOk = a.words >= min;
  const parasOk = a.proseParagraphs >= MIN_PROSE_PARAGRAPHS || a.proseWords >= MIN_ARTICLE_WORDS || (declared && a.proseParagraphs >= 1);
  const reasons = [
    `body ${a.words} words${wordsOk ? '' : ` < ${min}`}`,
    `${a.proseParagraphs} prose paragraphs (${a.proseWords} words)${parasOk ? '' : ` < ${MIN_PROSE_PARAGRAPHS}`}`,
  ];
  const against: NotArticleReason[] = [];
  if (!wordsOk) against.push({ code: 'short', words: a.words, min });
  else if (!parasOk) against.push({ code: 'no-prose' });
  return { ok: wordsOk && parasOk, reasons, against };
}

export interface TextExtractionOptions {
  url?: string;
  /** Detects the body's language; left out, the language is null (text captures declare none). */
  detectLanguage?: LanguageDetector;
}

export function extractFromText(text: string, options: TextExtractionOptions = {}): ExtractedArticle {
  const input = typeof text === 'string' ? text : '';
  const binary = binaryShare(input);
  const page = runSteps(newPage(reflow(splitLines(input)), 'text'), PIPELINE);
  const a = assemble(page);
  const verdict = bodyVerdict(a);
  const reasons = [...verdict.reasons];
  let isArticle = verdict.ok;
  let against = verdict.against;
  // More than 5% control characters is not text someone wrote.
  if (binary > 0.05) {
    isArticle = false;
    against = [{ code: 'not-text' }];
    reasons.unshift(`binary input (${Math.round(binary * 100)}% control characters)`);
  }
  if (input.length > MAX_INPUT_CHARS) reasons.push(`input cut at ${MAX_INPUT_CHARS} characters`);
  return {
    title: page.title,
    byline: null,
    siteName: null,
    publishedTime: null,
    language: chooseLanguage(null, a.text || (page.title ?? ''), options.detectLanguage ?? null),
    url: options.url ?? null,
    canonicalUrl: null,
    text: a.text,
    paragraphs: a.paragraphs,
    boilerplate: a.boilerplate,
    removals: a.removals,
    isArticle,
    articleReasons: reasons,
    notArticle: isArticle ? [] : against,
  };
}
