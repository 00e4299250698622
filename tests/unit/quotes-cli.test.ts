/** `recoupe quotes` and the shared quotations of `recoupe compare`, as scripts read them (in-process). */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compare, type CompareOutput } from '../../cli/commands/compare';
import { extract } from '../../cli/commands/extract';
import { quotes } from '../../cli/commands/quotes';
import { SEEDS_DIR } from '../support/shared-fixtures';

const A = join(SEEDS_DIR, '000_492f0f67598950be.txt');
const B = join(SEEDS_DIR, '001_efc4fda914ae2fdd.txt');
type QuotesOut = { quotes: { text: string; start: number; end: number; kind: string; speaker: string | null }[] };

describe('recoupe quotes / compare', () => {
  it('prints the quotes of one article with offsets into its extracted text', async () => {
    const out = (await quotes.run([A], {})) as QuotesOut;
    const text = ((await extract.run([A], {})) as { text: string }).text;
    expect(out.quotes.map((q) => [q.kind, q.speaker])).toEqual([['reported', 'Kremlin'], ['scare', null], ['reported', 'Kremlin']]);
    for (const q of out.quotes) expect(text.slice(q.start, q.end)).toBe(q.text);
    expect(((await quotes.run([B], {})) as QuotesOut).quotes).toHaveLength(7);
  });

  it('compare prints the shared quotations grouped with their versions: relation, speaker, no diff when exact', async () => {
    const out = ((await compare.run([A, B], {})) as CompareOutput).report;
    expect(out.quotes.map((q) => [q.speaker, q.versions.map((v) => [v.articleId, v.relation, v.diff])])).toEqual([
      ['Kremlin', [[1, 'exact', []]]],
      ['Kremlin', [[1, 'exact', []]]],
    ]);
    const text = ((await extract.run([A], {})) as { text: string }).text;
    expect(out.quotes[0]!.pageQuote.exact).toMatch(/^Les deux parties/);
    expect(out.quotes[1]!.pageQuote.exact).toMatch(/^Vladimir Poutine a appelé/);
    for (const q of out.quotes) expect(text).toContain(`${q.pageQuote.prefix}${q.pageQuote.exact}${q.pageQuote.suffix}`);
  });
});
