/** The `framing` of `recoupe compare`: the rows the panel shows beside the closest version (in-process). */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compare, type CompareOutput } from '../../cli/commands/compare';
import { readArticleFile } from '../../cli/corpus-folder';
import { SEEDS_DIR } from '../support/shared-fixtures';

const A = join(SEEDS_DIR, '000_492f0f67598950be.txt');
const B = join(SEEDS_DIR, '003_0bb6bc6989cf1c52.txt');

describe('recoupe compare: framing', () => {
  it('prints the framing rows as the panel shows them: actors, word choice, scare quotes, sources, omissions, headlines', async () => {
    const out = (await compare.run([A, B], {})) as CompareOutput;
    const [textA, textB] = await Promise.all([A, B].map(async (f) => (await readArticleFile(f)).article.text));
    const f = out.report.framing!;
    expect(f.articleId).toBe(1);
    // Every label is words of its own text.
    for (const row of [...f.actors.shown, ...f.actors.more]) {
      for (const l of row.page) expect(textA).toContain(l.text);
      for (const l of row.other) expect(textB).toContain(l.text);
    }
    // The contested label is the first row shown, for the qualifier the page puts on it.
    const rebels = f.actors.shown[0]!;
    expect(rebels).toMatchObject({ lexiconId: 'rebels', reason: 'qualifier' });
    // Named by the page's own words; the panel names the lexicon actor in the reader's language.
    expect(textA).toContain(rebels.actor);
    expect(rebels.page.map((l) => l.text)).toContain('prétendue «opposition modérée»');
    expect(rebels.other.map((l) => l.text)).toContain('groupes rebelles supportés par Washington');
    expect(f.omissions.onlyPage.length).toBeGreaterThan(0);
    expect(f.headlines.page).toMatch(/^Poutine et Obama/);
    expect(f.sources.onlyOther).toEqual(['Josh Rogin']);
  });
});
