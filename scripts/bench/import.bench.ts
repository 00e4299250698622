/**
 * Importing an export larger than a browser message (issue 20, item 3), the corpus page's side in
 * Node: a JSONL and a JSON export of over 64 MB whose texts are quotation marks and backslashes
 * (each written as two characters in the file, and doubled again in a message that carried the
 * file as one string) are read in parts (`readLines`), checked (`parseCorpusLines`) and cut into
 * messages (`messageParts`). Figures: the file's size, what one message of the whole file would
 * weigh (the import before: refused by Chrome over 64 MiB), the parts and the largest part's bytes
 * as the JSON the browser sends (target: under `MAX_IMPORT_MESSAGE_BYTES`, 8 MiB), and the time.
 * Storing is measured by the unit round trip and the e2e test, not here.
 */
import { parseCorpusLines, serializeCorpus, serializeCorpusLines, paragraphsOf, type PortableArticle } from '../../lib/corpus-io';
import { MAX_IMPORT_MESSAGE_BYTES } from '../../extension/protocol';
import { messageBytes, messageParts, readLines } from '../../entrypoints/corpus/import-parts';
import type { Benchmark } from './bench';

const ARTICLES = 500;

function article(i: number): PortableArticle {
  const text = `Le ministre n°${i} a écrit « ${'"\\'.repeat(35_000)} » puis "C:\\dossier\\${i}".\n\nFin de l'article ${i}.`;
  return {
    url: `https://quotes.example.org/${i}`, canonicalUrl: null, title: `Titre "${i}" \\`, byline: null, site: 'Quotes', language: 'fr',
    publishedTime: null, savedAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', origin: 'page', text, paragraphs: paragraphsOf(text),
  };
}

interface Figures { format: string; fileMB: number; wholeMessageMiB: number; parts: number; largestPartMiB: number; articles: number; ms: number }

async function measure(format: 'json' | 'jsonl'): Promise<Figures> {
  const articles = Array.from({ length: ARTICLES }, (_, i) => article(i));
  const file = new Blob(format === 'json' ? [serializeCorpus(articles)] : [...serializeCorpusLines(articles)].map((l) => `${l}\n`));
  // One message with the file as a string (the import before), as the browser would send it.
  const wholeMessage = messageBytes({ type: 'corpus/import', fileName: `corpus.${format}`, text: await file.text() });
  const start = performance.now();
  const parsed = parseCorpusLines(await readLines(file), `corpus.${format}`);
  if (!parsed.ok) throw new Error(parsed.error);
  let parts = 0;
  let largest = 0;
  for (const part of messageParts(parsed.articles, MAX_IMPORT_MESSAGE_BYTES)) {
    parts++;
    largest = Math.max(largest, messageBytes({ type: 'corpus/import-part', fileName: `corpus.${format}`, articles: part }));
  }
  const ms = performance.now() - start;
  const MiB = 1024 * 1024;
  return { format, fileMB: file.size / 1e6, wholeMessageMiB: wholeMessage / MiB, parts, largestPartMiB: largest / MiB, articles: parsed.articles.length, ms };
}

const bench: Benchmark<Figures[]> = {
  name: 'import',
  run: async () => [await measure('jsonl'), await measure('json')],
  print(results) {
    for (const r of results) {
      console.log(`${r.format}: ${r.fileMB.toFixed(1)} MB file, ${r.articles} articles; as one message ${r.wholeMessageMiB.toFixed(1)} MiB (limit 64); `
        + `${r.parts} parts, largest ${r.largestPartMiB.toFixed(2)} MiB (target under ${MAX_IMPORT_MESSAGE_BYTES / 1024 / 1024}); read, checked and cut in ${Math.round(r.ms)} ms`);
    }
  },
};
export default bench;
