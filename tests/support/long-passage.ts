/**
 * The page of the long-passage end-to-end tests (issue 20), in Chromium and Firefox alike: one text
 * of over 100,000 characters (gilets-jaunes articles one after the other, read in place from
 * ../shared), served as an article page and stored as its copy, so the comparison finds one
 * verbatim passage over all of it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { servePages, type PageServer } from '../../scripts/serve-pages';
import { readGiletsJaunes } from './corpora';
import { articlePage } from './stall';

export const LONG_TITLE = 'Gilets jaunes : le mouvement vu de Suisse romande';
/** Whitespace runs as one space, as the page's words read. */
export const plain = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Distinct articles of the corpus, each paragraph on one line, until the text passes 120,000 characters. */
export function longText(): string {
  const paragraphs: string[] = [];
  let length = 0;
  const seen = new Set<string>();
  for (const doc of readGiletsJaunes()) {
    if (seen.has(doc.text)) continue;
    seen.add(doc.text);
    for (const p of doc.text.split(/\n\s*\n/).map(plain).filter(Boolean)) {
      paragraphs.push(p);
      length += p.length + 2;
    }
    if (length > 120_000) break;
  }
  return paragraphs.join('\n\n');
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Serves `text` as `/page.html`, one `<p>` per paragraph. */
export function serveLongPage(text: string): Promise<PageServer> {
  const dir = mkdtempSync(join(tmpdir(), 'recoupe-long-passage-'));
  writeFileSync(join(dir, 'page.html'), articlePage(LONG_TITLE, text.split('\n\n').map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')));
  return servePages(dir);
}
