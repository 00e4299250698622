import { extractFromText } from '../../lib/extract';
import type { CorpusDb } from './corpus-db';
import { saveArticle } from './corpus';
import { toNewArticle } from './article-record';
import type { ImportOutcome } from '../protocol';

/** A sample article shipped with the extension: a plain-text capture from `corpus/`. */
export interface SampleFile {
  /** File name without `.txt`, e.g. `000_492f0f67598950be`. */
  name: string;
  text: string;
}

/** The URL a sample is stored under: samples have no page of their own. */
export const sampleUrl = (name: string) => `sample:${name}`;

/** Key in the meta table: set once the samples were loaded, so that deleting them is final. */
export const SAMPLES_OFFERED = 'samplesOffered';

/**
 * Stores the samples, extracted like any plain-text capture. Loading twice updates them in place.
 */
export async function loadSamples(db: CorpusDb, samples: SampleFile[], now = new Date()): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { added: 0, updated: 0 };
  for (const sample of samples) {
    const article = extractFromText(sample.text);
    const { created } = await saveArticle(db, toNewArticle(article, sampleUrl(sample.name), 'sample', now));
    if (created) outcome.added++;
    else outcome.updated++;
  }
  await db.meta.put({ key: SAMPLES_OFFERED, value: true });
  return outcome;
}
