/**
 * The five seed captures against gold.json and the hand-labelled bodies in tests/expected/seeds.
 * Body precision / recall: word-LCS alignment weighted by characters (see lib/extract/score.ts).
 */
import { describe, it, expect } from 'vitest';
import { extractFromText } from '..';
import { alignPrecisionRecall } from '../score';
import { readSeeds, typoNorm } from './helpers';

const seeds = readSeeds();

describe.each(seeds)('seed $id', ({ text, gold, expectedBody }) => {
  const r = extractFromText(text);
  const body = typoNorm(r.text);
  const paragraphs = new Set(r.text.split('\n\n').map(typoNorm));

  it.each(gold.boilerplate)('drops boilerplate: %s', (line) => {
    const b = typoNorm(line);
    // Short labels ("International", "Repère") may occur inside real sentences: test whole paragraphs.
    if (b.split(' ').length < 4) expect(paragraphs.has(b)).toBe(false);
    else expect(body.includes(b)).toBe(false);
  });

  it('finds the headline', () => {
    expect(r.title == null ? null : typoNorm(r.title)).toBe(gold.title == null ? null : typoNorm(gold.title));
  });

  it('keeps exactly the expected body (precision and recall 100%)', () => {
    const { precision, recall } = alignPrecisionRecall(r.text, expectedBody);
    expect(precision).toBe(1);
    expect(recall).toBe(1);
  });

  it('detects the language', () => {
    expect(r.language).toBe(gold.language);
  });

  it('is an article, with paragraphs indexing into the text', () => {
    expect(r.isArticle).toBe(true);
    expect(r.text.includes('\n\n')).toBe(true);
    for (const p of r.paragraphs) {
      const s = r.text.slice(p.start, p.end);
      expect(s).toBe(s.trim());
      expect(s.length).toBeGreaterThan(0);
    }
    expect(r.paragraphs.map((p) => r.text.slice(p.start, p.end)).join('\n\n')).toBe(r.text);
  });
});
