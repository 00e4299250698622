/** `recoupe compare` prints the shared passages and coverage as the panel shows them (in-process). */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compare, type CompareOutput } from '../../cli/commands/compare';
import { readArticleFile } from '../../cli/corpus-folder';
import { SEEDS_DIR } from '../support/shared-fixtures';

const file = (seed: string) => join(SEEDS_DIR, `${seed}.txt`);
const report = async (a: string, b: string) => ((await compare.run([file(a), file(b)], {})) as CompareOutput).report;
const textOf = async (seed: string) => (await readArticleFile(file(seed))).article.text;
const joined = (runs: { text: string }[]) => runs.map((r) => r.text).join('');

describe('recoupe compare: passages and coverage', () => {
  it('000↔003: two edited passages, each as the page and the other version word it, marked where they differ', async () => {
    const out = await report('000_492f0f67598950be', '003_0bb6bc6989cf1c52');
    const [textA, textB] = await Promise.all([textOf('000_492f0f67598950be'), textOf('003_0bb6bc6989cf1c52')]);
    expect(out.passages).toHaveLength(2);
    for (const p of out.passages) {
      expect(Object.keys(p).sort()).toEqual(['articleId', 'kind', 'other', 'otherSpan', 'page', 'pageQuote', 'pageSpan', 'similarity']);
      expect(p.articleId).toBe(1);
      expect(p.kind).toBe('edited');
      expect(p.similarity).toBeGreaterThan(0.6);
      expect(p.similarity).toBeLessThan(1);
      // The page's side is the text its selector finds; the other's, the text its span gives (both
      // shorter than the report's cut, PASSAGE_SHOWN_CHARS).
      expect(joined(p.page)).toBe(p.pageQuote.exact);
      expect(textA).toContain(joined(p.page));
      expect(joined(p.other)).toBe(textB.slice(p.otherSpan.start, p.otherSpan.end));
      expect([...p.page, ...p.other].some((r) => r.changed)).toBe(true);
    }
    const texts = out.passages.map((p) => [joined(p.page), joined(p.other)]);
    expect(texts[0]![0]).toMatch(/^Fin mai, Moscou avait suspendu .* cessez-le-feu$/);
    expect(texts[0]![1]).toMatch(/^Fin mai, Moscou a suspendu .* cessez-le-feu$/);
    expect(texts[1]![1]).toMatch(/^Le cessez-le-feu est entré .* mais il ne s'applique .* l'ONU$/);
    const share = out.coverage.byArticle[0]!.coverage;
    expect(out.coverage.byArticle).toEqual([{ articleId: 1, coverage: share }]);
    expect(share).toBeGreaterThan(0);
    expect(share).toBeLessThan(1);
    expect(out.coverage.overall).toBe(share);
  });

  it('003↔004: compared (on the lists), no passage, zero coverage', async () => {
    const out = await report('003_0bb6bc6989cf1c52', '004_60be76548461e545');
    expect([...out.same, ...out.related].map((a) => a.id)).toEqual([1]);
    expect(out.passages).toEqual([]);
    expect(out.coverage.overall).toBe(0);
    expect(out.coverage.byArticle).toEqual([]);
  });
});
