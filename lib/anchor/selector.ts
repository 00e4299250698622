/**
 * A span of a text as a W3C Web Annotation TextQuoteSelector (its words and their context), apart
 * from the anchoring (index.ts) so that a view can rebuild selectors from a text and offsets
 * without bundling the approximate search.
 */
import type { Span } from '../extract/types';

/** The words of a span with some context either side (mirrored by extension/protocol.ts). */
export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

/** Context kept either side, in characters, before cutting back to a word boundary (Hypothesis keeps 32). */
export const CONTEXT_CHARS = 32;

/**
 * The selector of `span` in `text`: its exact text plus up to `CONTEXT_CHARS` characters either
 * side, cut back to whole words (a word cut in half agrees with nothing).
 */
export function quoteSelector(text: string, span: Span, contextChars = CONTEXT_CHARS): TextQuote {
  const start = Math.max(0, Math.min(span.start, text.length));
  const end = Math.max(start, Math.min(span.end, text.length));
  const from = Math.max(0, start - contextChars);
  let prefix = text.slice(from, start);
  if (from > 0 && /\S/.test(text[from - 1]!)) prefix = prefix.replace(/^\S*/, '');
  const to = Math.min(text.length, end + contextChars);
  let suffix = text.slice(end, to);
  if (to < text.length && /\S/.test(text[to]!)) suffix = suffix.replace(/\S*$/, '');
  // Spacing next to the exact text tells nothing (anchoring collapses and trims it anyway).
  return { exact: text.slice(start, end), prefix: prefix.trim(), suffix: suffix.trim() };
}
