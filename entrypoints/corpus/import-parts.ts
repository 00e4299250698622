/**
 * Reading an export file in parts and cutting its articles into messages, for the corpus page's
 * import (`import-files.ts`). No browser extension API: the benchmark runs it in Node.
 */
import { CorpusLineChecker, LineSplitter, type ImportCandidate, type ParsedCorpus, type SkippedItem } from '../../lib/corpus-io';
import { MAX_IMPORT_PART_ARTICLES } from '../../extension/protocol';

/** Bytes read from the file at a time: a few lines of a typical export, far under any memory concern. */
export const SLICE_BYTES = 1 << 20;

/** The browser could not read the file (moved, changed or unreadable since it was chosen). */
export class UnreadableFile extends Error {}

/**
 * An export file read slice by slice (`Blob.slice`, decoded as UTF-8 in streaming mode, split into
 * lines, each checked as it comes by `CorpusLineChecker`): its articles are given in batches as
 * they are read, so the page holds a few lines and the articles not yet sent, never the file.
 * After `articles()` ends, `result` is the file's outcome (its last articles, its "not the same
 * event" pairs, or the error the whole-file reader gives), or null if it was stopped.
 */
export class ExportFileReader {
  private readonly checker: CorpusLineChecker;
  private readonly splitter = new LineSplitter();
  /** Bytes read so far. */
  bytesRead = 0;
  /** Articles skipped by the checks, with their reasons, in the file's order. */
  readonly skipped: SkippedItem[] = [];
  result: ParsedCorpus | null = null;

  /**
   * `probe`, if given, is called after each line is checked with the articles of the slice not
   * yet given (the memory test reads `heldLines` there).
   */
  constructor(private readonly file: Blob, fileName: string, private readonly sliceBytes = SLICE_BYTES, private readonly probe?: (batch: number) => void) {
    this.checker = new CorpusLineChecker(fileName);
  }

  /** Lines (or pieces of one) held now: the memory test counts them. */
  get heldLines(): number {
    return this.checker.heldLines + this.splitter.heldParts;
  }

  /** Whether the file is known not to be a whole export already (nothing more is given). */
  get failing(): boolean {
    return this.checker.failing;
  }

  /**
   * The checked articles, in batches as read; `onRead` after each slice. Ends early, with `result`
   * null, when `signal` is aborted. A file that fails is read to its end all the same (without
   * giving anything more), so that its error is the one the whole-file reader gives, unless its
   * header already decided it.
   */
  async *articles(signal?: AbortSignal, onRead?: (bytes: number, total: number) => void): AsyncGenerator<ImportCandidate[]> {
    const size = this.file.size;
    for (let at = 0; ; at += this.sliceBytes) {
      if (signal?.aborted) return;
      const last = at + this.sliceBytes >= size;
      const bytes = new Uint8Array(await this.file.slice(at, Math.min(size, at + this.sliceBytes)).arrayBuffer().catch((error: unknown) => {
        throw new UnreadableFile((error as Error)?.message ?? String(error));
      }));
      this.bytesRead = Math.min(size, at + bytes.byteLength);
      const batch: ImportCandidate[] = [];
      const onLine = (line: string) => {
        const step = this.checker.push(line);
        batch.push(...step.articles);
        this.skipped.push(...step.skipped);
        this.probe?.(batch.length);
      };
      this.splitter.push(bytes, onLine);
      if (last) this.splitter.end(onLine);
      onRead?.(this.bytesRead, size);
      if (batch.length > 0) yield batch;
      // A file whose header is not ours is refused whatever follows: not read further.
      if (last || this.checker.decided) break;
    }
    const result = this.checker.finish();
    if (result.ok) {
      this.skipped.push(...result.skipped);
      if (result.articles.length > 0) yield result.articles;
    }
    this.result = result;
  }
}

const encoder = new TextEncoder();
/** Bytes of a value sent in a message, as the JSON the browser writes (escapes included), in UTF-8. */
export const messageBytes = (value: unknown) => encoder.encode(JSON.stringify(value)).byteLength;

/** The lines of a file (split at `\n`) as one list: for the import benchmark, which measures reading a whole file. */
export async function readLines(file: Blob): Promise<string[]> {
  const splitter = new LineSplitter();
  const lines: string[] = [];
  const onLine = (line: string) => lines.push(line);
  for (let at = 0; at < file.size; at += SLICE_BYTES) splitter.push(new Uint8Array(await file.slice(at, at + SLICE_BYTES).arrayBuffer()), onLine);
  splitter.end(onLine);
  return lines;
}

/**
 * The articles in parts whose message stays under `maxBytes`, of at most `maxArticles` articles
 * (what the background stores in one transaction): each part as many articles as fit, an article
 * too large for one part alone in its own (the format's limits keep it under the browser's 64 MiB,
 * see `MAX_IMPORT_MESSAGE_BYTES`).
 */
export function* messageParts(candidates: readonly ImportCandidate[], maxBytes: number, envelope = 1_000, maxArticles = MAX_IMPORT_PART_ARTICLES): Generator<ImportCandidate[]> {
  const parts = new PartBuilder(maxBytes, envelope, maxArticles);
  for (const c of candidates) {
    const full = parts.add(c);
    if (full) yield full;
  }
  const rest = parts.rest();
  if (rest) yield rest;
}

/** `messageParts` of articles that come in batches (`ExportFileReader.articles`): each part as soon as it is full. */
export async function* messagePartsOf(batches: AsyncIterable<ImportCandidate[]>, maxBytes: number, envelope = 1_000, maxArticles = MAX_IMPORT_PART_ARTICLES): AsyncGenerator<ImportCandidate[]> {
  const parts = new PartBuilder(maxBytes, envelope, maxArticles);
  for await (const batch of batches) {
    for (const c of batch) {
      const full = parts.add(c);
      if (full) yield full;
    }
  }
  const rest = parts.rest();
  if (rest) yield rest;
}

/** Fills one part at a time; `add` gives the part it completed, if the article did not fit in it. */
class PartBuilder {
  private part: ImportCandidate[] = [];
  private size: number;

  constructor(private readonly maxBytes: number, private readonly envelope: number, private readonly maxArticles: number) {
    this.size = envelope;
  }

  /** Articles held in the part being filled. */
  get held(): number {
    return this.part.length;
  }

  add(c: ImportCandidate): ImportCandidate[] | null {
    const bytes = messageBytes(c) + 1;
    let full: ImportCandidate[] | null = null;
    if (this.part.length > 0 && (this.size + bytes > this.maxBytes || this.part.length >= this.maxArticles)) {
      full = this.part;
      this.part = [];
      this.size = this.envelope;
    }
    this.part.push(c);
    this.size += bytes;
    return full;
  }

  rest(): ImportCandidate[] | null {
    const rest = this.part.length > 0 ? this.part : null;
    this.part = [];
    return rest;
  }
}
