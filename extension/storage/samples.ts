import { extractFromText } from '../../lib/extract';
import { readSidecar, withSidecar } from '../../lib/corpus-io';
import type { CorpusDb } from './corpus-db';
import { corpusTables, saveArticle } from './corpus';
import { toNewArticle, type NewArticle } from './article-record';
import { withFeatures } from './analysis';
import type { ImportOutcome } from '../protocol';

/**
 * A sample article shipped with the extension: a plain-text capture from `corpus/` and the text of
 * its sidecar `<name>.meta.json`, read as the CLI reads a corpus folder (`lib/corpus-io/sidecar.ts`),
 * standing for what the extension would have read from the page.
 */
export interface SampleFile {
  /** File name without `.txt`, e.g. `000_492f0f67598950be`. */
  name: string;
  text: string;
  sidecar?: string;
}

/** The URL a sample is stored under: samples have no page of their own. */
export const sampleUrl = (name: string) => `sample:${name}`;

/** Key in the meta table: set once the samples were loaded, so that deleting them is final. */
export const SAMPLES_OFFERED = 'samplesOffered';

/**
 * Stores the samples, extracted like any plain-text capture, with their features, all or none.
 * Loading twice updates them in place. Returns what was stored, for the story index.
 */
export async function loadSamples(db: CorpusDb, samples: SampleFile[], now = new Date()): Promise<ImportOutcome & { saved: { id: number; record: NewArticle }[] }> {
  // Features first (`featuresOf` gives them back for the story index), then store every sample and the flag in one transaction: all or nothing.
  const records = samples.map((sample) => {
    const read = sample.sidecar === undefined ? null : readSidecar(sample.sidecar, { strict: false });
    if (read && !read.ok) console.warn(`Recoupe: the sidecar of sample ${sample.name} is ${read.problem}; the sample is stored without it`);
    const article = read?.ok ? withSidecar(extractFromText(sample.text), read.sidecar) : extractFromText(sample.text);
    return withFeatures(toNewArticle(article, sampleUrl(sample.name), 'sample', now));
  });
  const outcome = { added: 0, updated: 0, saved: [] as { id: number; record: (typeof records)[number] }[] };
  await db.transaction('rw', [...corpusTables(db), db.meta], async () => {
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
