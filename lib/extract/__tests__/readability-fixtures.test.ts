/**
 * The 18 pages of Readability's test suite (read from ../shared, never copied here).
 * `expected.html` is Readability's own accepted output, so F1 against it measures how much our
 * removal steps take away from Readability's result, not absolute quality.
 */
import { describe, it, expect } from 'vitest';
import { extractFromDocument } from '..';
import { articleSignals } from '../is-article';
import { normaliseLang } from '../language';
import { wordF1 } from '../score';
import { dom, median, NON_ARTICLES, pageNames, readPage, typoNorm } from './helpers';

const pages = pageNames().map((name) => {
  const p = readPage(name);
  const doc = dom(p.source);
  const signals = articleSignals(doc);
  const result = extractFromDocument(doc);
  return { name, ...p, signals, result, f1: wordF1(result.text, p.expectedText) };
});
const articles = pages.filter((p) => !NON_ARTICLES.has(p.name));

describe('readability fixtures', () => {
  it('has the 18 pages, 3 of them non-articles', () => {
    expect(pages).toHaveLength(18);
    expect(articles).toHaveLength(15);
  });

  it('median word F1 over article pages >= 0.95', () => {
    expect(median(articles.map((p) => p.f1))).toBeGreaterThanOrEqual(0.95);
  });

  it.each(articles.map((p) => [p.name, p] as const))('%s: F1 >= 0.8, article', (_n, p) => {
    expect(p.f1).toBeGreaterThanOrEqual(0.8);
    expect(p.signals.isArticle).toBe(true);
    expect(p.result.isArticle).toBe(true);
  });

  it.each([...NON_ARTICLES])('%s: not an article (signals and extraction)', (name) => {
    const p = pages.find((x) => x.name === name)!;
    expect(p.signals.isArticle).toBe(false);
    expect(p.result.isArticle).toBe(false);
  });

  it.each(pages.filter((p) => p.metadata.title).map((p) => [p.name, p] as const))('%s: title', (_n, p) => {
    expect(typoNorm(p.result.title ?? '')).toBe(typoNorm(p.metadata.title!));
  });

  it.each(pages.filter((p) => p.metadata.lang).map((p) => [p.name, p] as const))('%s: language', (_n, p) => {
    expect(p.result.language).toBe(normaliseLang(p.metadata.lang));
  });

  it('does not mutate the document it is given', () => {
    const { source } = readPage('lemonde-1');
    const doc = dom(source);
    const before = doc.documentElement.outerHTML;
    extractFromDocument(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});
