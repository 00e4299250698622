/**
 * Bad and large input for the text analyses: random text, random Unicode (unbalanced quotation
 * marks, combining marks, surrogates, controls), mutated seed articles (deletions, duplications,
 * inserted marks), and pathological pages through `extractFromDocument` in jsdom (20,000
 * paragraphs, no text, binary content, non-Latin scripts, nested divs to the depth Chromium's parser builds). Every result must
 * be well-formed (spans inside the text, start ≤ end, scores finite and in range) and every case
 * must end within a generous budget; the slowest case and the largest input are printed with
 * their time and memory. Generators are seeded: a failure names its seed and can be replayed.
 */
import { readFileSync } from 'node:fs';
import { seededRandom } from '../support/seeded-random';
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { extractFromDocument, extractFromText, type ExtractedArticle } from '../../lib/extract';
import { extractQuotes } from '../../lib/quotes';
import { comparePassages, preparePassages } from '../../lib/passages';
import { computeFeatures, gradePair } from '../../lib/match';
import { comparePrepared, coverageOfPage, prepareArticle } from '../../lib/compare';

/** Per case: far above what a case takes (tens of ms), low enough to catch a runaway (quadratic or worse). */
const BUDGET_MS = 15_000;

const SEEDS = ['000_492f0f67598950be', '001_efc4fda914ae2fdd', '002_b5629d95adcdafa8', '003_0bb6bc6989cf1c52', '004_60be76548461e545'];
const seedTexts = SEEDS.map((n) => readFileSync(new URL(`../../corpus/${n}.txt`, import.meta.url), 'utf8'));
const seedPage = readFileSync(new URL(`../../corpus/pages/${SEEDS[0]}.html`, import.meta.url), 'utf8');

const rng = seededRandom;

const MARKS = ['«', '»', '“', '”', '„', '‟', '"', "'", '‘', '’', '‹', '›', '「', '」', '[', ']', '(', ')', '—', '…', '\u00a0', '\u202f'];
const WORDS = ['Poutine', 'a', 'déclaré', 'said', 'the', 'Syrie', 'selon', 'according', 'to', 'le', '27', 'février', '2016', 'M.', 'Kerry', 'Obama', 'que', ':', ',', '.', '!', '?', '\n', '\n\n', 'Москва', 'Αθήνα', 'دمشق', '東京', '🙂', 'e\u0301', 'ﬁ'];

function randomUnicode(r: () => number, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) {
    const k = r();
    if (k < 0.15) s += MARKS[Math.floor(r() * MARKS.length)];
    else if (k < 0.2) s += String.fromCharCode(Math.floor(r() * 0x20)); // controls, incl. NUL
    else if (k < 0.23) s += String.fromCharCode(0xd800 + Math.floor(r() * 0x800)); // lone surrogates
    else if (k < 0.26) s += '\u0301\u0308'.charAt(Math.floor(r() * 2)); // combining marks
    else if (k < 0.5) s += ' ';
    else s += String.fromCodePoint(Math.floor(r() * 0x2ffff) + 1);
  }
  return s;
}

function randomWords(r: () => number, count: number): string {
  return Array.from({ length: count }, () => WORDS[Math.floor(r() * WORDS.length)]).join(r() < 0.5 ? ' ' : '');
}

/** A seed article damaged: paragraphs deleted and duplicated, quotation marks inserted and removed. */
function mutate(r: () => number, text: string): string {
  let paragraphs = text.split('\n\n');
  const ops = 1 + Math.floor(r() * 6);
  for (let i = 0; i < ops; i++) {
    const at = Math.floor(r() * paragraphs.length);
    const kind = Math.floor(r() * 6);
    if (kind === 0) paragraphs.splice(at, 1);
    else if (kind === 1) paragraphs.splice(at, 0, ...paragraphs.slice(at, at + 3));
    else if (kind === 2) paragraphs = paragraphs.map((p) => (r() < 0.3 ? p.replace(/«|»|“|”/g, '') : p));
    else if (kind === 3) {
      const p = paragraphs[at] ?? '';
      const pos = Math.floor(r() * p.length);
      paragraphs[at] = p.slice(0, pos) + MARKS[Math.floor(r() * 4)] + p.slice(pos);
    } else if (kind === 4) {
      const p = paragraphs[at] ?? '';
      const from = Math.floor(r() * p.length);
      paragraphs[at] = p.slice(0, from) + p.slice(from + Math.floor(r() * 200));
    } else paragraphs.push(randomUnicode(r, 50));
  }
  return paragraphs.join(r() < 0.8 ? '\n\n' : '\n');
}

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
const figures: Figure[] = [];

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
function analyseAll(text: string, label: string, lang: string | null = 'fr', budget = BUDGET_MS): void {
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
      expect(['reported', 'scare']).toContain(q.kind);
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

describe('fuzzing the text analyses', () => {
  it('random Unicode, with unbalanced marks, controls, lone surrogates and combining marks', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const r = rng(seed);
      analyseAll(randomUnicode(r, Math.floor(r() * 5_000)), `unicode seed ${seed}`, r() < 0.3 ? null : ['fr', 'en', 'ru', 'xx'][Math.floor(r() * 4)]!);
    }
  });

  it('random word salad with quotation cues and marks', () => {
    for (let seed = 100; seed < 140; seed++) {
      const r = rng(seed);
      analyseAll(randomWords(r, Math.floor(r() * 3_000)), `words seed ${seed}`, r() < 0.5 ? 'fr' : 'en');
    }
  });

  it('mutated seed articles: deletions, duplications, inserted and removed marks', () => {
    for (let seed = 200; seed < 250; seed++) {
      const r = rng(seed);
      analyseAll(mutate(r, seedTexts[seed % seedTexts.length]!), `mutated seed ${seed}`);
    }
  });

  it('degenerate texts: empty, blank, one mark, marks only, one very long word, one very long quotation, a repeated paragraph', () => {
    const cases: [string, string][] = [
      ['empty', ''], ['blank', ' \n\n \t '], ['one mark', '«'], ['marks only', '«“"\'»”'.repeat(5_000)],
      ['one long word', 'a'.repeat(200_000)], ['long quotation', `Il a dit : « ${'la paix '.repeat(20_000)}`],
      ['repeated paragraph', `${seedTexts[1]!.split('\n\n')[0]}\n\n`.repeat(2_000)],
      ['NULs', '\0'.repeat(10_000)], ['newlines', '\n'.repeat(100_000)],
    ];
    for (const [label, text] of cases) analyseAll(text, label);
  });
});

/** Parses and extracts a page as the injected script does, on a jsdom document. */
function extractPage(label: string, html: string, url = 'https://example.org/page.html', budget = BUDGET_MS): ExtractedArticle {
  return measured(label, html.length, () => {
    const dom = new JSDOM(html, { url });
    const article = extractFromDocument(dom.window.document, { url });
    checkArticle(article, label);
    dom.window.close();
    return article;
  }, budget);
}

describe('pathological pages through extractFromDocument (jsdom)', () => {
  it('a page of 20,000 paragraphs (under the extraction script’s limits: 150,000 elements, 3 million characters)', { timeout: 300_000 }, () => {
    // Short paragraphs, so that the page passes the gate of entrypoints/extract-page.ts and is
    // really extracted (a 5 MB page is refused as too large before extraction: tests/e2e). 20,000
    // rather than the script's 100,000: the property is the same (extracted and analysed, bounded),
    // and the scale case took 80 s of the suite (speed belongs to the benchmarks).
    const html = `<!doctype html><html lang="fr"><head><title>Cent mille paragraphes</title></head><body><article>${Array.from({ length: 20_000 }, (_, i) => `<p>Paragraphe ${i} sur la Syrie.</p>`).join('')}</article></body></html>`;
    const a = extractPage('20,000 paragraphs', html, undefined, 120_000);
    expect(a.paragraphs.length).toBeGreaterThan(1_000);
    // And the body (half a million characters) goes through the text analyses.
    analyseAll(a.text, '20,000 paragraphs, analysed', 'fr', 90_000);
  });

  it('a page with no text', () => {
    const a = extractPage('no text', '<!doctype html><html><head><title></title></head><body><div><span></span></div></body></html>');
    expect(a.text).toBe('');
    expect(a.paragraphs).toEqual([]);
    expect(a.isArticle).toBe(false);
  });

  it('binary content', () => {
    const r = rng(7);
    const bytes = Buffer.from(Array.from({ length: 200_000 }, () => Math.floor(r() * 256)));
    const a = extractPage('binary', bytes.toString('latin1'));
    expect(a.isArticle).toBe(false);
    analyseAll(bytes.toString('utf8'), 'binary as text');
  });

  it.each([
    ['Russian', 'ru', 'Москва и Вашингтон договорились о прекращении огня в Сирии, заявил министр иностранных дел России Сергей Лавров. «Это важный шаг», — сказал он журналистам.'],
    ['Greek', 'el', 'Η Αθήνα και η Άγκυρα συμφώνησαν σε νέα συνάντηση, δήλωσε ο υπουργός Εξωτερικών. «Είναι ένα σημαντικό βήμα», είπε στους δημοσιογράφους.'],
    ['Arabic', 'ar', 'أعلنت الأمم المتحدة عن وقف إطلاق النار في سوريا، وقال المبعوث الخاص إن «هذه خطوة مهمة» نحو السلام في المنطقة.'],
    ['Chinese', 'zh', '联合国宣布叙利亚停火，特使表示“这是迈向和平的重要一步”。各方同意在日内瓦恢复谈判。'],
  ])('a page in %s: extracted as text, analysed without a crash', (_name, lang, sentence) => {
    const html = `<!doctype html><html lang="${lang}"><head><title>${sentence.slice(0, 40)}</title></head><body><article>${`<p>${sentence}</p>`.repeat(12)}</article></body></html>`;
    const a = extractPage(`page in ${lang}`, html);
    expect(a.text).toContain(sentence.slice(0, 20));
    analyseAll(a.text, `analyses in ${lang}`, a.language);
  });

  // Chromium's HTML parser stops nesting at 512 levels; a script can build deeper trees. In jsdom,
  // extraction time grows much faster than depth (500: ~4 s, 1,000: ~25 s, 2,000: ~165 s, 5,000:
  // stack overflow inside jsdom's recursive tree iterator), so jsdom is tested at parser depth.
  it('512 nested divs around an article (the depth Chromium’s parser builds for 5,000)', { timeout: 120_000 }, () => {
    const body = seedPage.replace(/^[\s\S]*<body[^>]*>|<\/body>[\s\S]*$/g, '');
    const html = `<!doctype html><html lang="fr"><head><title>Imbriqué</title></head><body>${'<div>'.repeat(512)}${body}${'</div>'.repeat(512)}</body></html>`;
    const a = extractPage('512 nested divs', html, undefined, 60_000);
    expect(a.text.length).toBeGreaterThan(500);
  });
});

describe('figures', () => {
  it('prints the slowest case and the largest input with their time and memory', () => {
    const slowest = [...figures].sort((x, y) => y.ms - x.ms)[0]!;
    const largest = [...figures].sort((x, y) => y.chars - x.chars)[0]!;
    const fmt = (f: Figure) => `${f.label} (${f.chars.toLocaleString('en')} chars): ${f.ms.toFixed(0)} ms, heap +${f.heapMb.toFixed(0)} MB`;
    console.log(`fuzz: ${figures.length} cases, budget ${BUDGET_MS} ms each\n  slowest: ${fmt(slowest)}\n  largest: ${fmt(largest)}\n  peak RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
    expect(figures.length).toBeGreaterThan(140);
  });
});
