/** `recoupe quotes` and the quote fields of `recoupe compare`, as scripts read them. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliJson } from '../run-cli';
import { SEEDS_DIR } from '../shared-fixtures';

const cli = cliJson;
const A = join(SEEDS_DIR, '000_492f0f67598950be.txt');
const B = join(SEEDS_DIR, '001_efc4fda914ae2fdd.txt');

describe('recoupe quotes / compare', () => {
  it('prints the quotes of one article with offsets into its extracted text', async () => {
    const out = (await cli('quotes', A)) as { quotes: { text: string; start: number; end: number; kind: string; speaker: string | null }[] };
    const text = ((await cli('extract', A)) as { text: string }).text;
    expect(out.quotes.map((q) => [q.kind, q.speaker])).toEqual([['reported', 'Kremlin'], ['scare', null], ['reported', 'Kremlin']]);
    for (const q of out.quotes) expect(text.slice(q.start, q.end)).toBe(q.text);
  });

  it('compare adds quotes of both articles and the shared quotations with relation and diff', async () => {
    const out = (await cli('compare', A, B)) as { a: { text: string }; b: { text: string }; quotes: { a: unknown[]; b: unknown[] }; sharedQuotes: { a: { start: number; end: number }; b: { start: number; end: number }; relation: string; speaker: string; diff: unknown[] }[] };
    expect(out.quotes.a).toHaveLength(3);
    expect(out.quotes.b).toHaveLength(7);
    expect(out.sharedQuotes.map((s) => [s.relation, s.speaker])).toEqual([['exact', 'Kremlin'], ['exact', 'Kremlin']]);
    const s = out.sharedQuotes[0]!;
    expect(out.a.text.slice(s.a.start, s.a.end)).toMatch(/^Les deux parties/);
    expect(out.b.text.slice(s.b.start, s.b.end)).toMatch(/^Les deux parties/);
  });
});
