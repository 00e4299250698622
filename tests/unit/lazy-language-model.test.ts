/**
 * The build's lazily evaluated language model (scripts/build/lazy-language-model.ts) must answer
 * exactly as eld's own: same model (values and key order), same language and scores on every
 * fixture text, whole articles and their titles.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { eld } from 'eld/extrasmall';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lazyEntrySource, lazyNgramsSource, ngramsDataOf } from '../../scripts/build/lazy-language-model';
import { readReadabilityPages, readSeeds } from '../../lib/text/__tests__/fixtures';
import { readBasil, readGiletsJaunes } from '../support/corpora';

const ELD_SRC = join(dirname(fileURLToPath(import.meta.resolve('eld/extrasmall'))), '..');
type Eld = typeof eld;

describe('lazy language model', () => {
  let dir = '';
  let lazy: { eld: Eld; ngramsData: () => unknown };
  beforeAll(async () => {
    // eld's sources, with the two files the build plugin rewrites rewritten as it does.
    dir = mkdtempSync(join(tmpdir(), 'recoupe-lazy-eld-'));
    cpSync(ELD_SRC, dir, { recursive: true });
    writeFileSync(join(dir, 'ngrams/extrasmall.js'), lazyNgramsSource(await ngramsDataOf(join(ELD_SRC, 'ngrams/extrasmall.js'))));
    const entry = join(dir, 'entries/static.extrasmall.js');
    writeFileSync(entry, lazyEntrySource(readFileSync(entry, 'utf8')));
    const model = (await import(pathToFileURL(join(dir, 'ngrams/extrasmall.js')).href)) as { ngramsData: () => unknown };
    const entryModule = (await import(pathToFileURL(entry).href)) as { eld: Eld };
    lazy = { eld: entryModule.eld, ngramsData: model.ngramsData };
  });
  afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('parses to the same model, keys in the same order, once', async () => {
    const original = await ngramsDataOf(join(ELD_SRC, 'ngrams/extrasmall.js'));
    expect(JSON.stringify(lazy.ngramsData())).toBe(JSON.stringify(original));
    expect(lazy.ngramsData()).toBe(lazy.ngramsData());
  });

  it('refuses an eld entry it does not recognise', () => {
    expect(() => lazyEntrySource('export const eld = make()')).toThrow(/expected/);
  });

  const texts = [
    ...readSeeds().map((s) => [`seed ${s.id}`, s.text] as const),
    ...readReadabilityPages().map((p) => [`Readability ${p.name}`, p.text] as const),
    ...readBasil().flatMap((a) => [[`BASIL ${a.id}`, a.text], [`BASIL ${a.id} title`, a.title]] as const),
    ...readGiletsJaunes().map((d) => [`gilets_jaunes ${d.url}`, d.text] as const),
  ];

  it(`gives eld's language and scores on all ${texts.length} fixture texts`, () => {
    const before = eld.newInstance();
    const after = lazy.eld.newInstance();
    const differ = texts.filter(([, text]) => {
      const [a, b] = [before.detect(text), after.detect(text)];
      return a.language !== b.language || a.isReliable() !== b.isReliable() || JSON.stringify(a.getScores()) !== JSON.stringify(b.getScores());
    });
    expect(texts.length).toBeGreaterThan(300);
    expect(differ.map(([name]) => name)).toEqual([]);
    // The default instance, built on first use through the proxy, answers too.
    expect(lazy.eld.detect(texts[0]![1]).language).toBe(before.detect(texts[0]![1]).language);
  });
});
