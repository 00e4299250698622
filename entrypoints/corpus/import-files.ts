/**
 * Importing files chosen on the corpus page. An export file (`.json`, `.jsonl`) is read here in
 * parts (never as one string, whatever its size), checked whole (`parseCorpusLines`: a cut or
 * damaged file is refused before anything is stored), then sent to the background a part at a
 * time, each message well under the browser's limit whatever the escaping (its size measured as
 * the JSON the browser sends), with progress and a way to stop. The `.txt`/`.html` captures (with
 * their `.meta.json` sidecars) are extracted here together (HTML parsed by DOMParser, which runs
 * no script and is never put in the page) and sent the same way. Exporting asks the background
 * for the file part by part and saves the parts as one file.
 */
import { i18n } from '#i18n';
import { MAX_IMPORT_CHARS, MAX_IMPORT_MESSAGE_BYTES, request, type ImportReport } from '../../extension/protocol';
import { CAPTURE_FILE, parseCorpusLines, SIDECAR_FILE, type ImportCandidate, type KeptApartPairs } from '../../lib/corpus-io';
import { counted, localNumber } from '../../extension/ui/format';
import { messageBytes, messageParts, readLines } from './import-parts';

/** What an import of one or more files did, line by line, to show as text. */
export interface ImportSummary {
  lines: { text: string; error?: boolean }[];
  skipped: string[];
}

export interface ImportOptions {
  /** Told as each file is read and as its articles are stored. */
  onProgress?: (text: string) => void;
  /** Stops the import between two parts (what was stored stays, and the summary says so). */
  signal?: AbortSignal;
  /** The most bytes of one message (tests make it small). */
  messageBytes?: number;
}

const EXPORT_FILE = /\.(jsonl?|ndjson)$/i;
const MAX_MB = localNumber(MAX_IMPORT_CHARS / 1_000_000);

const outcome = (label: string, added: number, updated: number, skipped: number) =>
  i18n.t('corpus.importFileLine', [label, counted('corpus.importOutcome', added, localNumber(updated), localNumber(skipped))]);

/**
 * Sends checked articles a part at a time, the next sent before the previous is stored (the
 * background stores the parts of one `importId` in order and stops at the first failure, see
 * `corpus/import-part`): it checks and analyses the next while the database writes the previous.
 * The summary line says what was stored if it stops or fails midway.
 */
async function sendInParts(label: string, candidates: ImportCandidate[], skippedBefore: number, options: ImportOptions, keptApart: KeptApartPairs = []): Promise<{ line: ImportSummary['lines'][number]; report: ImportReport }> {
  const report: ImportReport = { added: 0, updated: 0, skipped: [] };
  const total = candidates.length;
  const importId = crypto.randomUUID();
  /** Articles of the parts stored (replied), and of those sent. */
  let done = 0;
  let sent = 0;
  /** The part sent and not yet replied, if any. */
  let previous: { articles: number; reply: Promise<ImportReport> } | null = null;
  const settle = async (part: { articles: number; reply: Promise<ImportReport> }) => {
    const reply = await part.reply;
    report.added += reply.added;
    report.updated += reply.updated;
    report.skipped.push(...reply.skipped);
    done += part.articles;
  };
  const envelope = messageBytes({ type: 'corpus/import-part', fileName: label, articles: [], importId });
  try {
    for (const part of messageParts(candidates, options.messageBytes ?? MAX_IMPORT_MESSAGE_BYTES, envelope)) {
      if (options.signal?.aborted) {
        if (previous) await settle(previous);
        const text = done === 0 ? i18n.t('corpus.importStoppedNone', [label]) : i18n.t('corpus.importStopped', [label, localNumber(done), localNumber(total)]);
        return { line: { text, error: true }, report };
      }
      options.onProgress?.(i18n.t('corpus.importProgress', [label, localNumber(done), localNumber(total)]));
      // The file's "not the same event" pairs go with its first part.
      const pairs = sent === 0 && keptApart.length > 0 ? { keptApart: keptApart.map(([a, b]): [string, string] => [a, b]) } : {};
      const reply = request('corpus/import-part', { fileName: label, articles: part.map((c) => ({ item: c.item, article: c.article })), importId, ...pairs });
      // Its failure, if the previous part's comes first, is only that one's consequence.
      reply.catch(() => undefined);
      sent += part.length;
      if (previous) await settle(previous);
      previous = { articles: part.length, reply };
    }
    if (previous) await settle(previous);
  } catch (error) {
    const problem = (error as Error).message;
    const text = done === 0
      ? i18n.t('background.importFailed', [label, problem])
      : i18n.t('corpus.importPartFailed', [label, localNumber(done), localNumber(total), problem]);
    return { line: { text, error: true }, report };
  }
  return { line: { text: outcome(label, report.added, report.updated, skippedBefore + report.skipped.length) }, report };
}

export async function importFiles(files: File[], options: ImportOptions = {}): Promise<ImportSummary> {
  const summary: ImportSummary = { lines: [], skipped: [] };
  const tooLarge = (f: File) => f.size > MAX_IMPORT_CHARS;
  const captures = files.filter((f) => SIDECAR_FILE.test(f.name) || CAPTURE_FILE.test(f.name));
  const exports = files.filter((f) => !captures.includes(f) && EXPORT_FILE.test(f.name));
  for (const f of files) {
    if (!captures.includes(f) && !exports.includes(f)) summary.skipped.push(i18n.t('corpus.importNotAFile', [f.name]));
  }
  for (const file of exports) {
    if (options.signal?.aborted) break;
    options.onProgress?.(i18n.t('corpus.importReading', [file.name]));
    // A file the browser cannot read (moved, changed or unreadable since it was chosen) is said so and skipped.
    const lines = await readLines(file).catch((error: unknown) => error as Error);
    if (lines instanceof Error) {
      summary.lines.push({ text: i18n.t('corpus.importFileUnreadable', [file.name, lines.message]), error: true });
      continue;
    }
    const parsed = parseCorpusLines(lines, file.name);
    if (!parsed.ok) {
      summary.lines.push({ text: i18n.t('background.importUnreadable', [file.name, parsed.error]), error: true });
      continue;
    }
    const { line, report } = await sendInParts(file.name, parsed.articles, parsed.skipped.length, options, parsed.keptApart);
    summary.lines.push(line);
    summary.skipped.push(...[...parsed.skipped, ...report.skipped].map((s) => i18n.t('corpus.skippedInFile', [file.name, s.item, s.reason])));
  }
  if (captures.length > 0 && !options.signal?.aborted) {
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
        const { line, report } = await sendInParts(label, candidates, folder.ok ? folder.skipped.length : 0, options);
        // Items are the files' names, as the folder reader named them.
        summary.skipped.push(...report.skipped.map((s) => i18n.t('corpus.skippedItem', [s.item, s.reason])));
        summary.lines.push(line);
      } else {
        summary.lines.push({ text: i18n.t('corpus.importNothingRead', [label]), error: true });
      }
    } catch (error) {
      // Reading or extracting the files failed before anything was sent (sendInParts says its own failures).
      summary.lines.push({ text: i18n.t('corpus.importFileUnreadable', [label, (error as Error).message]), error: true });
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
