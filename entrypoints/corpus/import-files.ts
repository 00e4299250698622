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
import { CAPTURE_FILE, SIDECAR_FILE, type ImportCandidate, type KeptApartPairs, type SkippedItem } from '../../lib/corpus-io';
import { counted, localNumber } from '../../extension/ui/format';
import { ExportFileReader, UnreadableFile, messageBytes, messageParts, messagePartsOf } from './import-parts';

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
  /** Bytes of an export file read at a time (tests make it small). */
  sliceBytes?: number;
}

const EXPORT_FILE = /\.(jsonl?|ndjson)$/i;
const MAX_MB = localNumber(MAX_IMPORT_CHARS / 1_000_000);

const outcome = (label: string, added: number, updated: number, skipped: number) =>
  i18n.t('corpus.importFileLine', [label, counted('corpus.importOutcome', added, localNumber(updated), localNumber(skipped))]);

/**
 * Sends checked articles a part at a time, the next sent before the previous is stored (the
 * background stores the parts of one `importId` in order and stops at the first failure, see
 * `corpus/import-part`): it checks and analyses the next while the database writes the previous.
 * `done` counts the articles of the parts stored (replied); a failure is thrown by `send` or
 * `flush`, once the part before it is settled.
 */
class PartSender {
  readonly report: ImportReport = { added: 0, updated: 0, skipped: [] };
  done = 0;
  private sent = 0;
  private readonly importId = crypto.randomUUID();
  /** The part sent and not yet replied, if any. */
  private previous: { articles: number; reply: Promise<ImportReport> } | null = null;
  readonly envelope: number;

  constructor(private readonly label: string) {
    this.envelope = messageBytes({ type: 'corpus/import-part', fileName: label, articles: [], importId: this.importId });
  }

  async send(part: ImportCandidate[], keptApart: KeptApartPairs = []): Promise<void> {
    const pairs = keptApart.length > 0 ? { keptApart: keptApart.map(([a, b]): [string, string] => [a, b]) } : {};
    const reply = request('corpus/import-part', { fileName: this.label, articles: part.map((c) => ({ item: c.item, article: c.article })), importId: this.importId, ...pairs });
    // Its failure, if the previous part's comes first, is only that one's consequence.
    reply.catch(() => undefined);
    this.sent += part.length;
    await this.flush();
    this.previous = { articles: part.length, reply };
  }

  /** Waits for the part in flight. */
  async flush(): Promise<void> {
    const part = this.previous;
    if (!part) return;
    this.previous = null;
    const reply = await part.reply;
    this.report.added += reply.added;
    this.report.updated += reply.updated;
    this.report.skipped.push(...reply.skipped);
    this.done += part.articles;
  }
}

/** The summary line of an import that failed: nothing stored, or what was before the failure. */
const failedLine = (label: string, done: number, total: number, problem: string) => ({
  text: done === 0 ? i18n.t('background.importFailed', [label, problem]) : i18n.t('corpus.importPartFailed', [label, localNumber(done), localNumber(total), problem]),
  error: true,
});

/** Sends the checked articles of a folder of captures (their number known) in parts. */
async function sendInParts(label: string, candidates: ImportCandidate[], skippedBefore: number, options: ImportOptions): Promise<{ line: ImportSummary['lines'][number]; report: ImportReport }> {
  const sender = new PartSender(label);
  const total = candidates.length;
  try {
    for (const part of messageParts(candidates, options.messageBytes ?? MAX_IMPORT_MESSAGE_BYTES, sender.envelope)) {
      if (options.signal?.aborted) {
        await sender.flush();
        const text = sender.done === 0 ? i18n.t('corpus.importStoppedNone', [label]) : i18n.t('corpus.importStopped', [label, localNumber(sender.done), localNumber(total)]);
        return { line: { text, error: true }, report: sender.report };
      }
      options.onProgress?.(i18n.t('corpus.importProgress', [label, localNumber(sender.done), localNumber(total)]));
      await sender.send(part);
    }
    await sender.flush();
  } catch (error) {
    return { line: failedLine(label, sender.done, total, (error as Error).message), report: sender.report };
  }
  return { line: { text: outcome(label, sender.report.added, sender.report.updated, skippedBefore + sender.report.skipped.length) }, report: sender.report };
}

const megabytes = (bytes: number) => localNumber(Math.round(bytes / 100_000) / 10);

/**
 * Imports one export file read in parts (`ExportFileReader`): each part of checked articles sent
 * once the next one is full (so the last goes with what only the end says), the reading paused
 * while the part before is stored (so the page holds a few lines, the articles of one slice and
 * three parts, whatever the file's size), progress in bytes read. A file found not to be a whole
 * export is refused: before anything was sent when that is known before two parts are full (a
 * small file, a wrong header), else after the parts already sent, and the line says how many
 * articles they stored. Its "not the same event" pairs, known at its end, go with its last part.
 */
async function importExport(file: File, options: ImportOptions): Promise<{ line: ImportSummary['lines'][number]; skipped: SkippedItem[] }> {
  const label = file.name;
  const reader = new ExportFileReader(file, file.name, options.sliceBytes);
  const sender = new PartSender(label);
  const progress = () => options.onProgress?.(i18n.t('corpus.importProgressBytes', [label, megabytes(reader.bytesRead), megabytes(file.size), localNumber(sender.done)]));
  const skipped = () => [...reader.skipped, ...sender.report.skipped];
  const batches = reader.articles(options.signal, progress);
  let held: ImportCandidate[] | null = null;
  try {
    for await (const part of messagePartsOf(batches, options.messageBytes ?? MAX_IMPORT_MESSAGE_BYTES, sender.envelope)) {
      // A part is sent once the next is full, or the file's end known: its last part goes with the file's pairs, and none once it fails.
      if (held && !reader.failing && !options.signal?.aborted) {
        await sender.send(held);
        progress();
      }
      held = part;
    }
    if (options.signal?.aborted || reader.result === null) {
      await sender.flush();
      const text = sender.done === 0 ? i18n.t('corpus.importStoppedNone', [label]) : i18n.t('corpus.importStoppedAt', [label, localNumber(sender.done)]);
      return { line: { text, error: true }, skipped: skipped() };
    }
    const result = reader.result;
    if (!result.ok) {
      await sender.flush();
      const text = sender.done === 0
        ? i18n.t('background.importUnreadable', [label, result.error])
        : i18n.t('corpus.importRefusedAfter', [label, localNumber(sender.done), result.error]);
      return { line: { text, error: true }, skipped: skipped() };
    }
    if (held || result.keptApart.length > 0) await sender.send(held ?? [], result.keptApart);
    await sender.flush();
  } catch (error) {
    const problem = (error as Error).message;
    // Reading failed: the part on its way is stored or not before the line says which (its own failure is the one said then).
    if (error instanceof UnreadableFile) await sender.flush().catch(() => undefined);
    // A file the browser cannot read (moved, changed or unreadable since it was chosen) is said so.
    if (error instanceof UnreadableFile && sender.done === 0) return { line: { text: i18n.t('corpus.importFileUnreadable', [label, problem]), error: true }, skipped: [] };
    const text = sender.done === 0 ? i18n.t('background.importFailed', [label, problem]) : i18n.t('corpus.importFailedAt', [label, localNumber(sender.done), problem]);
    return { line: { text, error: true }, skipped: skipped() };
  }
  return { line: { text: outcome(label, sender.report.added, sender.report.updated, skipped().length) }, skipped: skipped() };
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
    const { line, skipped } = await importExport(file, options);
    summary.lines.push(line);
    summary.skipped.push(...skipped.map((s) => i18n.t('corpus.skippedInFile', [file.name, s.item, s.reason])));
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
