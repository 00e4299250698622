/**
 * The background's comparison of a page (compare-page.ts) against the sample corpus: the page's
 * match features are asked of the analysis once per page — the same text read again (the panel
 * opened again, the page in another tab) is matched with the features computed the first time,
 * and gives the same comparison.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { CorpusDb } from '../../extension/storage/corpus-db';
import { loadSamples, type SampleFile } from '../../extension/storage/samples';
import { extractFromText } from '../../lib/extract';
import type { AnalysisHost } from '../../extension/analysis/host';
import { comparePage, inlineHost, knownPageFeatures } from '../background/compare-page';
import { toNewArticle } from '../../extension/storage/article-record';
import { computeFeatures, type ArticleFeatures } from '../../lib/match';
import { StoryIndex } from '../background/story-index';

const samples: SampleFile[] = readdirSync('corpus').filter((f) => f.endsWith('.txt')).map((f) => {
  const name = f.slice(0, -4);
  return { name, text: readFileSync(`corpus/${f}`, 'utf8'), sidecar: readFileSync(`corpus/${name}.meta.json`, 'utf8') };
});

let db: CorpusDb;
beforeEach(async () => {
  // A story index is written back a moment after it is built: by then this test's database is closed.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  await Dexie.delete('recoupe-compare-page-test');
  db = new CorpusDb('recoupe-compare-page-test');
  await loadSamples(db, samples);
});
afterEach(() => {
  vi.useRealTimers();
  db.close();
});

describe('comparing a page', () => {
  it('keeps its features for a save of it: a record of the same title, text, language and date gets those computed anew would give, another none', async () => {
    const text = `${readFileSync('corpus/000_492f0f67598950be.txt', 'utf8')}\n\nUne phrase que seul ce test enregistre.`;
    const page = extractFromText(text);
    const record = toNewArticle(page, 'https://example.org/page', 'page', new Date());
    // Not compared yet: computed at the save.
    expect(knownPageFeatures(record)).toBeUndefined();
    await comparePage(db, new StoryIndex(db), page, null, { analysis: inlineHost(db) });
    const rows: [typeof record, ArticleFeatures | undefined][] = [
      [record, computeFeatures(record)],
      [{ ...record, title: 'Un autre titre' }, undefined],
      [{ ...record, language: 'en' }, undefined],
      [{ ...record, publishedTime: '2020-01-01T00:00:00Z' }, undefined],
      [{ ...record, text: `${text} Et une autre.` }, undefined],
    ];
    for (const [r, expected] of rows) expect(knownPageFeatures(r)).toEqual(expected);
  });

  it('asks the analysis for the features of a page once, again only when its text, title, language or date differ', async () => {
    const host = inlineHost(db);
    const asked: string[] = [];
    const counting: AnalysisHost = { ...host, features: (page, withinMs) => (asked.push(page.article.title ?? ''), host.features(page, withinMs)) };
    const stories = new StoryIndex(db);
    // Seed 000 with a sentence of its own: no other test's page shares its text.
    const text = `${readFileSync('corpus/000_492f0f67598950be.txt', 'utf8')}\n\nUne phrase propre à ce test.`;
    const read = (title?: string) => ({ ...extractFromText(text), ...(title ? { title } : {}) });
    const lists = (c: { same: { id: number }[]; related: { id: number }[] }) => [c.same.map((a) => a.id), c.related.map((a) => a.id)];

    const first = await comparePage(db, stories, read(), null, { analysis: counting });
    expect(first.same.length).toBeGreaterThan(0);
    const title = read().title;
    // Each row: the page as read again (a new extraction), the titles the analysis was asked about by then.
    for (const [again, expected] of [
      [read(), [title]],
      [read(), [title]],
      [read('Un autre titre'), [title, 'Un autre titre']],
      [{ ...read(), language: 'en' }, [title, 'Un autre titre', title]],
    ] as const) {
      const c = await comparePage(db, stories, again, null, { analysis: counting });
      expect(asked).toEqual(expected);
      // Matched with the kept features: the same lists.
      if (expected.length === 1) expect(lists(c)).toEqual(lists(first));
    }
  });
});
