/**
 * Every text analysis on bad or large input, its results checked (spans inside the text, start ≤
 * end, scores finite and in range) and its time and memory measured against a budget: shared by
 * the fuzz tests (tests/unit/fuzz-analyses.test.ts) and the scale cases (tests/unit/*.slow.test.ts).
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { JSDOM } from 'jsdom';
import { extractFromDocument, extractFromText, type ExtractedArticle } from '../../lib/extract';
import { extractQuotes } from '../../lib/quotes';
import { comparePassages, preparePassages } from '../../lib/passages';
import { computeFeatures, gradePair } from '../../lib/match';
import { comparePrepared, coverageOfPage, prepareArticle } from '../../lib/compare';

/** Per case: far above what a case takes (tens of ms), low enough to catch a runaway (quadratic or worse). */
const BUDGET_MS = 15_000;

const SEEDS = ['000_492f0f67598950be', '001_efc4fda914ae2fdd', '002_b5629d95adcdafa8', '003_0bb6bc6989cf1c52', '004_60be76548461e545'];
export const seedTexts = SEEDS.map((n) => readFileSync(new URL(`../../corpus/${n}.txt`, import.meta.url), 'utf8'));
export const seedPage = readFileSync(new URL(`../../corpus/pages/${SEEDS[0]}.html`, import.meta.url), 'utf8');

const inText = (len: number, s: { start: number; end: number } | null, label: string) => {
  if (!s) return;
  expect(Number.isInteger(s.start) && Number.isInteger(s.end), label).toBe(true);
  expect(s.start, label).toBeGreaterThanOrEqual(0);
  expect(s.start, label).toBeLessThanOrEqual(s.end);
  expect(s.end, label).toBeLessThanOrEqual(len);
};

function checkArticle(a: ExtractedArticle, label: string): void {
  expect(typeof a.text, label).toBe('string');
  let last = 0;
  for (const p of a.paragraphs) {
    inText(a.text.length, p, `${label} paragraph`);
    expect(p.start, `${label} paragraphs in order`).toBeGreaterThanOrEqual(last);
    last = p.end;
  }
  expect(typeof a.isArticle).toBe('boolean');
}

interface Figure { label: string; chars: number; ms: number; heapMb: number }
export const figures: Figure[] = [];

function measured<T>(label: string, chars: number, run: () => T, budget = BUDGET_MS): T {
  const heap = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const out = run();
  const ms = performance.now() - t0;
  figures.push({ label, chars, ms, heapMb: Math.max(0, process.memoryUsage().heapUsed - heap) / 1e6 });
  expect(ms, `${label}: ${ms.toFixed(0)} ms`).toBeLessThan(budget);
  return out;
}

/** Every text analysis on one text, and against a seed article, with the results checked. */
export function analyseAll(text: string, label: string, lang: string | null = 'fr', budget = BUDGET_MS): void {
  measured(label, text.length, () => {
    const article = extractFromText(text);
    checkArticle(article, label);
    const body = article.text;
    const quotes = extractQuotes(body, lang ?? 'en');
    for (const q of quotes) {
      inText(body.length, q, `${label} quote`);
      expect(q.text).toBe(body.slice(q.start, q.end));
      inText(body.length, q.speakerSpan, `${label} speaker`);
      inText(body.length, q.marks.open, `${label} open mark`);
      inText(body.length, q.marks.close, `${label} close mark`);
      expect(['reported', 'scare', 'name']).toContain(q.kind);
    }
    const other = seedTexts[0]!;
    const pa = preparePassages(body, lang, quotes);
    const pb = preparePassages(other, 'fr');
    const { passages, coverage } = comparePassages(pa, pb);
    for (const p of passages) {
      inText(body.length, p.a, `${label} passage a`);
      inText(other.length, p.b, `${label} passage b`);
      expect(p.similarity).toBeGreaterThanOrEqual(0);
      expect(p.similarity).toBeLessThanOrEqual(1);
    }
    for (const c of [coverage.a, coverage.b]) expect(c >= 0 && c <= 1, `${label} coverage ${c}`).toBe(true);

    const fa = computeFeatures({ title: article.title, text: body, language: lang, publishedTime: null });
    const fb = computeFeatures({ text: other, language: 'fr', publishedTime: '2016-07-15' });
    const grade = gradePair(fa, fb);
    expect(Number.isFinite(grade.score), `${label} score`).toBe(true);

    const a = prepareArticle({ text: body, language: lang });
    const b = prepareArticle({ text: other, language: 'fr' });
    const pair = comparePrepared(a, b);
    for (const s of pair.sharedQuotes) {
      inText(body.length, s.a, `${label} shared quote a`);
      inText(other.length, s.b, `${label} shared quote b`);
    }
    const cov = coverageOfPage(a, [pair]);
    expect(cov >= 0 && cov <= 1).toBe(true);
  }, budget);
}

/** Parses and extracts a page as the injected script does, on a jsdom document. */
export function extractPage(label: string, html: string, url = 'https://example.org/page.html', budget = BUDGET_MS): ExtractedArticle {
  return measured(label, html.length, () => {
    const dom = new JSDOM(html, { url });
    const article = extractFromDocument(dom.window.document, { url });
    checkArticle(article, label);
    dom.window.close();
    return article;
  }, budget);
}

/** Prints the slowest case and the largest input of a file's run, with their time and memory. */
export function printFigures(file: string): void {
  if (figures.length === 0) return;
  const slowest = [...figures].sort((x, y) => y.ms - x.ms)[0]!;
  const largest = [...figures].sort((x, y) => y.chars - x.chars)[0]!;
  const fmt = (f: Figure) => `${f.label} (${f.chars.toLocaleString('en')} chars): ${f.ms.toFixed(0)} ms, heap +${f.heapMb.toFixed(0)} MB`;
  console.log(`${file}: ${figures.length} cases, budget ${BUDGET_MS} ms each\n  slowest: ${fmt(slowest)}\n  largest: ${fmt(largest)}\n  peak RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
}
