/**
 * Article extraction: a DOM page or a plain-text capture → {@link ExtractedArticle}.
 *
 * - `extractFromDocument(doc, {url})`: Readability on a clone, then our removal steps.
 * - `extractFromText(text, {url})`: the removal steps on a text capture, headline detection.
 * - `articleSignals(doc)`: cheap DOM-only "is this an article?" for content scripts.
 *
 * @module
 */
export { extractFromDocument } from './from-document';
export { extractFromText, PIPELINE } from './from-text';
export { articleSignals } from './is-article';
export { extractMetadata, type PageMetadata } from './metadata';
export type { ExtractedArticle, Span, Removal, ArticleSignals } from './types';
