/**
 * Bad and large input for the text analyses: random text, random Unicode (unbalanced quotation
 * marks, combining marks, surrogates, controls), mutated seed articles (deletions, duplications,
 * inserted marks), and pathological pages through `extractFromDocument` in jsdom (no text, binary
 * content, non-Latin scripts, nested divs to the depth Chromium's parser builds). Every result must
 * be well-formed (spans inside the text, start ≤ end, scores finite and in range) and every case
 * must end within a generous budget; the slowest case and the largest input are printed with
 * their time and memory. Generators are seeded: a failure names its seed and can be replayed.
 * The scale cases (a page of 20,000 paragraphs, growth with the text's length) are in
 * fuzz-scale.slow.test.ts, run by CI (`npm run test:slow`).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../support/seeded-random';
import { analyseAll, extractPage, printFigures, seedPage, seedTexts } from '../support/analyses-checks';

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

describe('pathological pages through extractFromDocument (jsdom)', () => {
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

afterAll(() => printFigures('fuzz'));
