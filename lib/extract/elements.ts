/**
 * The one list of HTML elements that every reader of a page's text shares: the extraction cutting
 * Readability's content into blocks (`from-document.ts`) and the walker that finds the panel's
 * evidence in the live page (`extension/page-evidence.ts`). Both must see the same text in the
 * same blocks, or a highlight could land on text the extraction never read.
 *
 * @module
 */

/** Elements whose text is not reading text (code, styles, embedded documents, form controls). */
export const SKIPPED_ELEMENTS: ReadonlySet<string> = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH', 'CANVAS', 'IFRAME', 'OBJECT',
  'BUTTON', 'SELECT', 'TEXTAREA',
]);

/**
 * Elements that break the text into blocks, as it renders: text either side of one is
 * separated; inline elements (`<b>`, `<a>`, `<span>`) join their text to their neighbours'.
 */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  'P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'DT', 'DD', 'FIGCAPTION', 'CAPTION', 'BLOCKQUOTE',
  'PRE', 'TD', 'TH', 'DIV', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'ASIDE', 'NAV', 'MAIN',
  'FIGURE', 'UL', 'OL', 'DL', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'HR', 'FORM', 'ADDRESS',
  'DETAILS', 'SUMMARY', 'DIALOG', 'FIELDSET', 'HGROUP',
]);

/** `BLOCK_ELEMENTS` as a CSS selector, for `Element.closest`. */
export const BLOCK_SELECTOR = [...BLOCK_ELEMENTS].map((t) => t.toLowerCase()).join(',');
