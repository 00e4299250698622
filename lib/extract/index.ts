/**
 * Article extraction: a DOM page or a plain-text capture → {@link ExtractedArticle}.
 *
 * - `extractFromDocument(doc, {url})`: Readability on a clone, then our removal steps.
 * - `extractFromText(text, {url})`: the removal steps on a text capture, headline detection.
 * - `articleSignals(doc)`: cheap DOM-only "is this an article?" for content scripts.
 *
 * @module
 */
import { extractFromDocument as extractWithoutDetector, type DocumentExtractionOptions } from './from-document';
import { extractFromText as extractTextWithoutDetector, type TextExtractionOptions } from './from-text';
import { chooseLanguage } from './language';
import { detectLanguage } from '../text/language';
import type { ExtractedArticle } from './types';

/** Extraction of a DOM page, with the body's language detected when the declaration is missing or wrong. */
export function extractFromDocument(doc: Document, options: DocumentExtractionOptions = {}): ExtractedArticle {
  return extractWithoutDetector(doc, { detectLanguage, ...options });
}

/** Extraction of a plain-text capture, with the body's language detected. */
export function extractFromText(text: string, options: TextExtractionOptions = {}): ExtractedArticle {
  return extractTextWithoutDetector(text, { detectLanguage, ...options });
}

/**
 * Settles the language of an article extracted without a detector (its `language` is then the
 * page's declaration): the declaration when detection agrees or is unsure, detection otherwise.
 */
export function settleLanguage(article: ExtractedArticle): ExtractedArticle {
  return { ...article, language: chooseLanguage(article.language, article.text, detectLanguage) };
}

export { PIPELINE } from './from-text';
export { articleSignals } from './is-article';
export { extractMetadata, type PageMetadata } from './metadata';
export type { ExtractedArticle, Span, Removal, ArticleSignals, NotArticleReason } from './types';
