/**
 * Importing files chosen on the corpus page: each export file (`.json`, `.jsonl`) on its own, all
 * or nothing; the `.txt`/`.html` captures (with their `.meta.json` sidecars) together, extracted
 * here (HTML parsed by DOMParser, which runs no script and is never put in the page) and sent as
 * one export. Exporting asks the background for the file part by part (a large corpus does not
 * fit in one message) and saves the parts as one file.
 */
import { i18n } from '#i18n';
import { MAX_IMPORT_CHARS, request } from '../../extension/protocol';
import { serializeCorpus, type ImportCandidate } from '../../lib/corpus-io';
import { counted, localNumber } from '../../extension/ui/format';

/** What an import of one or more files did, line by line, to show as text. */
export interface ImportSummary {
  lines: { text: string; error?: boolean }[];
  skipped: string[];
}

const EXPORT_FILE = /\.(jsonl?|ndjson)$/i;
const SIDECAR_FILE = /\.meta\.json$/i;
const CAPTURE_FILE = /\.(txt|html?|xhtml)$/i;
const MAX_MB = localNumber(MAX_IMPORT_CHARS / 1_000_000);

const outcome = (label: string, added: number, updated: number, skipped: number) =>
  i18n.t('corpus.importFileLine', [label, counted('corpus.importOutcome', added, localNumber(updated), localNumber(skipped))]);

export async function importFiles(files: File[]): Promise<ImportSummary> {
  const summary: ImportSummary = { lines: [], skipped: [] };
  const tooLarge = (f: File) => f.size > MAX_IMPORT_CHARS;
  const captures = files.filter((f) => SIDECAR_FILE.test(f.name) || CAPTURE_FILE.test(f.name));
  const exports = files.filter((f) => !captures.includes(f) && EXPORT_FILE.test(f.name));
  for (const f of files) {
    if (!captures.includes(f) && !exports.includes(f)) summary.skipped.push(i18n.t('corpus.importNotAFile', [f.name]));
  }
  for (const file of exports) {
    if (tooLarge(file)) {
      summary.lines.push({ text: i18n.t('corpus.importTooLarge', [file.name, MAX_MB]), error: true });
      continue;
    }
    try {
      const report = await request('corpus/import', { fileName: file.name, text: await file.text() });
      summary.lines.push({ text: outcome(file.name, report.added, report.updated, report.skipped.length) });
      summary.skipped.push(...report.skipped.map((s) => i18n.t('corpus.skippedInFile', [file.name, s.item, s.reason])));
    } catch (error) {
      summary.lines.push({ text: (error as Error).message, error: true });
    }
  }
  if (captures.length > 0) {
    const readable = captures.filter((f) => !tooLarge(f));
    for (const f of captures.filter(tooLarge)) summary.skipped.push(i18n.t('corpus.skippedTooLarge', [f.name, MAX_MB]));
    const count = readable.filter((f) => !SIDECAR_FILE.test(f.name)).length;
    const label = counted('corpus.captureFiles', count);
    try {
      // Extraction (and its language models) is loaded only when captures are imported.
      const { articlesFromFolder } = await import('../../lib/corpus-io/folder');
      const parser = new DOMParser();
      const folder = articlesFromFolder(
        await Promise.all(readable.map(async (f) => ({ name: f.name, text: await f.text() }))),
        (html) => parser.parseFromString(html, 'text/html'),
      );
      const candidates: ImportCandidate[] = folder.ok ? folder.articles : [];
      if (folder.ok) summary.skipped.push(...folder.skipped.map((s) => i18n.t('corpus.skippedItem', [s.item, s.reason])));
      if (candidates.length > 0) {
        const report = await request('corpus/import', { fileName: label, text: serializeCorpus(candidates.map((c) => c.article)) });
        // The background numbers the articles of the export it was sent; name them by their files again.
        const fileOf = (item: string) => candidates[Number(/\d+/.exec(item)?.[0] ?? 0) - 1]?.item ?? item;
        summary.skipped.push(...report.skipped.map((s) => i18n.t('corpus.skippedItem', [fileOf(s.item), s.reason])));
        summary.lines.push({ text: outcome(label, report.added, report.updated, report.skipped.length + (folder.ok ? folder.skipped.length : 0)) });
      } else {
        summary.lines.push({ text: i18n.t('corpus.importNothingRead', [label]), error: true });
      }
    } catch (error) {
      summary.lines.push({ text: (error as Error).message, error: true });
    }
  }
  return summary;
}

/** Saves text chunks as a file: a Blob URL on an `<a download>`, revoked once the download started. */
function download(chunks: string[], fileName: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob(chunks, { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Exports all the corpus, or the articles of `ids`, as one file: asks for the parts in turn
 * (`onPart` says how far it got) and saves their chunks together. Returns the file's name and
 * article count.
 */
export async function exportCorpus(format: 'json' | 'jsonl', ids: number[] | undefined, onPart?: (done: number, count: number) => void): Promise<{ fileName: string; count: number }> {
  const chunks: string[] = [];
  let part = await request('corpus/export', { format, ids, from: 0 });
  const { fileName, mimeType, count } = part;
  for (;;) {
    chunks.push(...part.chunks);
    if (part.next === null) break;
    onPart?.(part.next, count);
    part = await request('corpus/export', { format, ids, from: part.next });
  }
  download(chunks, fileName, mimeType);
  return { fileName, count };
}
