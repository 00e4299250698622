import { extractFromText } from '../../lib/extract';
import type { CorpusDb } from './corpus-db';
import { corpusTables, saveArticle } from './corpus';
import { toNewArticle, type NewArticle } from './article-record';
import { withAnalysis } from './analysis';
import type { ArticleFeatures } from '../../lib/match';
import type { ImportOutcome } from '../protocol';

/**
 * A sample article shipped with the extension: a plain-text capture from `corpus/` and its
 * sidecar `<name>.meta.json` (`{"url", "site", "title", "published"}`, the format the CLI reads
 * in a corpus folder), standing for what the extension would have read from the page.
 */
export interface SampleFile {
  /** File name without `.txt`, e.g. `000_492f0f67598950be`. */
  name: string;
  text: string;
  meta?: { url?: string; site?: string; title?: string; published?: string };
}

/** The URL a sample is stored under: samples have no page of their own. */
export const sampleUrl = (name: string) => `sample:${name}`;

/** Key in the meta table: set once the samples were loaded, so that deleting them is final. */
export const SAMPLES_OFFERED = 'samplesOffered';

/**
 * Stores the samples, extracted like any plain-text capture, with their analysis, all or none.
 * Loading twice updates them in place. Returns what was stored, for the story index.
 */
export async function loadSamples(db: CorpusDb, samples: SampleFile[], now = new Date()): Promise<ImportOutcome & { saved: { id: number; record: NewArticle & { analysis: { match: ArticleFeatures } } }[] }> {
  // Analyse first, then store every sample and the flag in one transaction: all or nothing.
  const records = samples.map((sample) => {
    const { meta } = sample;
    return withAnalysis({
      ...toNewArticle(extractFromText(sample.text), sampleUrl(sample.name), 'sample', now),
      ...(meta?.title ? { title: meta.title } : {}),
      ...(meta?.site ? { site: meta.site } : {}),
      ...(meta?.published ? { publishedTime: meta.published } : {}),
    });
  });
  const outcome = { added: 0, updated: 0, saved: [] as { id: number; record: (typeof records)[number] }[] };
  await db.transaction('rw', corpusTables(db), async () => {
    for (const record of records) {
      const { id, created } = await saveArticle(db, record);
      outcome.saved.push({ id, record });
      if (created) outcome.added++;
      else outcome.updated++;
    }
    await db.meta.put({ key: SAMPLES_OFFERED, value: true });
  });
  return outcome;
}
