/** Seeds and fixture pages as the extension would see them: extracted, with their publication dates. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractFromDocument, extractFromText } from '../../extract';
import { computeFeatures } from '..';
import type { ArticleFeatures } from '../types';
import { READABILITY_PAGES_DIR, SEEDS_DIR } from '../../../tests/support/shared-fixtures';

/**
 * Publication dates of the seed pages, from `published_hint` in gold.json (the captures are text
 * without metadata; the pages carried these dates). 000 is RT's write-up of the call of the
 * evening of 6 July, online the next day; 001 is the AFP wire of 6 July ("mercredi").
 */
export const SEED_PUBLISHED: Record<string, string> = {
  '000_492f0f67598950be': '2016-07-07',
  '001_efc4fda914ae2fdd': '2016-07-06',
  '002_b5629d95adcdafa8': '2016-04-18',
  '003_0bb6bc6989cf1c52': '2016-06-30',
  '004_60be76548461e545': '2016-07-14',
};

export interface Analysed { id: string; features: ArticleFeatures }

export function seedFeatures(options: { withDates: boolean }): Analysed[] {
  return readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort().map((f) => {
    const id = f.replace(/\.txt$/, '');
    const a = extractFromText(readFileSync(join(SEEDS_DIR, f), 'utf8'), {});
    return { id, features: computeFeatures({ ...a, publishedTime: options.withDates ? SEED_PUBLISHED[id] : null }) };
  });
}

/** The Readability fixture pages that are articles (news on other topics, several languages). */
export function fixturePageFeatures(): Analysed[] {
  return readdirSync(READABILITY_PAGES_DIR).sort().flatMap((page) => {
    const dom = new JSDOM(readFileSync(join(READABILITY_PAGES_DIR, page, 'source.html'), 'utf8'), { url: 'http://fakehost/test/page.html', virtualConsole: new VirtualConsole() });
    try {
      const a = extractFromDocument(dom.window.document, {});
      return a.isArticle ? [{ id: page, features: computeFeatures(a) }] : [];
    } finally {
      dom.window.close();
    }
  });
}
