/**
 * Stored articles are prepared for comparison once per version, whichever page they are compared
 * with: the same preparation until the article is saved again or deleted, the least recently used
 * dropped beyond the bound, and the same result as preparing it anew.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFromText } from '../../lib/extract';
import { prepareArticle } from '../../lib/compare';
import type { StoredArticle } from '../../extension/storage/article-record';
import { SEEDS_DIR } from '../../tests/support/shared-fixtures';
import { PreparedArticles } from '../../extension/analysis/prepared-articles';
import { articleFraming } from '../../lib/framing';
import { framingView } from '../../lib/framing/view';

const seeds = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort().slice(0, 3)
  .map((f, i) => ({ ...extractFromText(readFileSync(join(SEEDS_DIR, f), 'utf8')), id: i + 1, updatedAt: '2026-01-01T00:00:00Z' }) as unknown as StoredArticle);
/** A record as read again from storage: a new object each time. */
const read = (a: StoredArticle, changes: Partial<StoredArticle> = {}) => ({ ...a, ...changes });

describe('stored articles prepared once', () => {
  it('gives the same preparation for every read of one version, equal to preparing it anew', () => {
    const cache = new PreparedArticles();
    const first = cache.get(read(seeds[0]!));
    expect(cache.get(read(seeds[0]!))).toBe(first);
    const anew = prepareArticle(seeds[0]!);
    expect(first.quotes).toEqual(anew.quotes);
    expect(JSON.stringify(first.words)).toBe(JSON.stringify(anew.words));
    expect(first.quotes.length).toBeGreaterThan(0);
  });

  it('prepares again a version saved since, and an article forgotten (saved again or deleted)', () => {
    const cache = new PreparedArticles();
    const first = cache.get(read(seeds[0]!));
    const edited = cache.get(read(seeds[0]!, { updatedAt: '2026-01-02T00:00:00Z', text: `${seeds[0]!.text} Ajout.` }));
    expect(edited).not.toBe(first);
    expect(edited.text.endsWith('Ajout.')).toBe(true);
    expect(cache.size()).toEqual({ articles: 1, chars: seeds[0]!.text.length + 7 });
    cache.forget([seeds[0]!.id]);
    expect(cache.size()).toEqual({ articles: 0, chars: 0 });
    expect(cache.get(read(seeds[0]!))).not.toBe(first);
  });

  it('keeps at most its bound of text, dropping the least recently used', () => {
    const [a, b, c] = seeds;
    // Room for a and either other, not all three.
    const cache = new PreparedArticles(a!.text.length + Math.max(b!.text.length, c!.text.length));
    const kept = cache.get(read(a!));
    const dropped = cache.get(read(b!));
    cache.get(read(a!)); // a used last: b goes first
    cache.get(read(c!));
    expect(cache.size()).toEqual({ articles: 2, chars: a!.text.length + c!.text.length });
    expect(cache.get(read(a!))).toBe(kept);
    expect(cache.get(read(b!))).not.toBe(dropped);
  });

  it('keeps the framing features of each version with its preparation: the same for every page, made again for a new version, the view unchanged', () => {
    const cache = new PreparedArticles();
    const first = cache.framing(read(seeds[0]!));
    expect(cache.framing(read(seeds[0]!))).toBe(first);
    expect(first.stemmed.sentences.length).toBeGreaterThan(0);
    const edited = read(seeds[0]!, { updatedAt: '2026-01-02T00:00:00Z', text: `${seeds[0]!.text} Ajout.` });
    expect(cache.framing(edited)).not.toBe(first);
    expect(cache.framing(edited).stemmed.text.endsWith('Ajout.')).toBe(true);
    // Each seed as the page beside the first: the view with the kept features is the one made from scratch.
    for (const pageSeed of seeds.slice(1)) {
      const page = { ...prepareArticle(pageSeed), title: pageSeed.title };
      const other = read(seeds[0]!);
      const kept = framingView(page, articleFraming(page), other, cache.get(other), cache.framing(other));
      expect(kept).toEqual(framingView(page, articleFraming(page), other, prepareArticle(other)));
    }
  });
});
