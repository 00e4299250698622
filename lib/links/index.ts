/**
 * Lists of links to import (text, Pocket or Instapaper CSV, bookmarks HTML) → checked addresses.
 *
 * @module
 */
export { parseLinkList, parseCsv, MAX_LINKS, type LinkList, type LinkListFormat, type SkippedLink } from './parse';
