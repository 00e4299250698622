/**
 * Reading an export file line by line, with flat memory: the checks of `parseCorpusLines` made as
 * the lines arrive, giving each article as soon as it is known to be one (so the corpus page can
 * send it on) and, at the end, the one result the whole-file reader gives — the same articles,
 * the same skips with the same reasons, the same error for a file that is not a whole export.
 *
 * What is held between lines is bounded: for JSONL the last non-blank line (the end line is the
 * last one, known only at the end), for JSON in Recoupe's layout the last two (the last article
 * has no comma, the line after it closes the list), plus the URLs seen (duplicates) and the
 * header's "not the same event" pairs, which the format bounds (`LIMITS.articles`). JSON in
 * another layout (pretty-printed by another program) is read whole, as `parseCorpusLines` does,
 * up to `LIMITS.fileChars`.
 *
 * A file found not to be a whole export only at its end (a JSONL stream without its end line, a
 * JSON list never closed) has given its earlier articles already: the caller, which may have
 * stored them, says so. `failing` tells it as soon as the file is known to fail, so it sends no
 * more; the error itself is the one the whole-file reader gives, decided at `finish` in the
 * whole-file reader's order (a cut file is reported as cut even if a line before the cut was bad).
 */
import { FORMAT, LIMITS } from './format';
import { ARRAY_OPENING, Collector, headerError, isJsonl, isRecord, keptApartOf, own, parseJson, tryJson, type ImportCandidate, type ParsedCorpus, type SkippedItem } from './parse';

/** What one line decided: articles to take, and articles skipped with their reasons. */
export interface StreamStep {
  articles: ImportCandidate[];
  skipped: SkippedItem[];
}

type Rec = Record<string, unknown>;
type Numbered = { n: number; line: string };

const tooMany = (count: number) => `it holds ${count.toLocaleString('en')} articles; an import takes at most ${LIMITS.articles.toLocaleString('en')}`;
const notComplete = (detail: string) => `the file is not complete JSON, it may be truncated or damaged (${detail})`;
const unreadable = (error: unknown) => `the file could not be read (${error instanceof Error ? error.message.slice(0, 200) : 'unknown error'})`;

/**
 * The checker of one file, fed its lines (split at `\n`, as `String.split` gives them: the last
 * is what follows the last `\n`) by `push`, then `finish`. The articles of every step and of
 * `finish`, in order, with its skips and "not the same event" pairs, are what `parseCorpusLines`
 * gives for the same lines; or `finish` gives its error.
 */
export class CorpusLineChecker {
  private readonly name: string;
  private readonly collector = new Collector();
  /** Lines pushed so far (the 1-based number of the last). */
  private count = 0;
  private mode: 'start' | 'undecided' | 'jsonl' | 'layout' | 'whole' | 'done' = 'start';
  /** The first line, held while the kind is undecided (a name that says neither, see `isJsonl`). */
  private first: string | null = null;
  private anyText = false;
  /** The first error found; in `finish`, reported after the whole-file reader's earlier checks. */
  private failure: string | null = null;
  /** An error the whole-file reader gives before anything else (the header's). */
  private fatal: string | null = null;
  private header: Rec | null = null;
  /** JSONL: the last non-blank line. Layout JSON: the last two non-blank lines after the first. */
  private held: Numbered[] = [];
  /** Body lines known (JSONL: between header and end line; layout: article lines). */
  private body = 0;
  /** Whole mode: the lines, and their characters with their `\n`. */
  private whole: string[] = [];
  private wholeChars = 0;

  constructor(fileName: string) {
    this.name = String(fileName);
  }

  /** Lines held now (the memory test counts them). */
  get heldLines(): number {
    return this.held.length + this.whole.length + (this.first === null ? 0 : 1);
  }

  /** Whether the file is known to fail already: nothing more will be given, `finish` says why. */
  get failing(): boolean {
    return this.fatal !== null || this.failure !== null || this.body > LIMITS.articles;
  }

  /**
   * Whether `finish` would give its error whatever follows (a header that is not ours): the
   * caller may stop reading. Later failures are not final, as the whole-file reader would report
   * a cut file as cut before a bad line.
   */
  get decided(): boolean {
    return this.fatal !== null;
  }

  push(raw: string): StreamStep {
    try {
      this.count++;
      const line = this.count === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
      if (line.trim() !== '') this.anyText = true;
      switch (this.mode) {
        case 'start': this.start(line); break;
        case 'undecided': {
          const first = this.first!;
          this.first = null;
          if (isJsonl(`${first}\n`, this.name)) {
            this.mode = 'jsonl';
            this.jsonl(first, 1);
          } else this.decideJson(first);
          this.push2(line);
          break;
        }
        default: this.push2(line);
      }
    } catch (error) {
      this.failure ??= unreadable(error);
    }
    return this.step();
  }

  /** The rest of the articles and skips, the file's pairs, or its error. */
  finish(): ParsedCorpus {
    try {
      const result = this.end();
      this.mode = 'done';
      return result;
    } catch (error) {
      return { ok: false, error: unreadable(error) };
    }
  }

  private push2(line: string): void {
    if (this.mode === 'jsonl') this.jsonl(line, this.count);
    else if (this.mode === 'layout') this.layout(line, this.count);
    else if (this.mode === 'whole') this.keep(line);
  }

  private start(line: string): void {
    if (/\.(jsonl|ndjson)$/i.test(this.name)) {
      this.mode = 'jsonl';
      this.jsonl(line, 1);
    } else if (/\.json$/i.test(this.name)) this.decideJson(line);
    else {
      // As `parseCorpusLines`: a JSONL stream by its first line alone, when there is a second.
      this.mode = 'undecided';
      this.first = line;
    }
  }

  /** JSON: Recoupe's layout when the first line opens the list (see `parseJsonExportLines`), else read whole. */
  private decideJson(first: string): void {
    const line = first.replace(/\r$/, '');
    const header = line.endsWith(ARRAY_OPENING) ? tryJson(`${line}]}`) : null;
    if (header?.ok && isRecord(header.value)) {
      this.mode = 'layout';
      this.header = header.value;
      this.fatal = headerError(header.value);
    } else {
      this.mode = 'whole';
      this.keep(first);
    }
  }

  private keep(line: string): void {
    this.wholeChars += line.length + 1;
    // Past the cap the file is refused; its lines are not kept.
    if (this.wholeChars <= LIMITS.fileChars) this.whole.push(line);
    else this.whole = [];
  }

  private jsonl(raw: string, n: number): void {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') return;
    if (this.header === null && this.fatal === null) {
      const header = tryJson(line);
      if (!header.ok || !isRecord(header.value)) this.fatal = 'its first line is not a Recoupe corpus header';
      else {
        this.header = header.value;
        this.fatal = headerError(header.value);
      }
      return;
    }
    const previous = this.held.pop();
    this.held.push({ n, line });
    if (previous) this.article(previous, false);
  }

  private layout(raw: string, n: number): void {
    if (raw.trim() === '') return;
    this.held.push({ n, line: raw.replace(/\r$/, '') });
    // With two lines after it, a line is an article line and not the last one.
    if (this.held.length === 3) this.article(this.held.shift()!, false);
  }

  /** One body line: taken or skipped, unless the file already fails. */
  private article({ n, line }: Numbered, isLast: boolean): void {
    this.body++;
    if (this.failing) return;
    if (this.mode === 'jsonl') {
      const value = tryJson(line);
      if (value.ok) this.collector.take(`line ${n}`, value.value);
      else this.collector.skip(`line ${n}`, 'not valid JSON');
      return;
    }
    const separated = line.trimEnd().endsWith(',');
    // A separator missing or one too many makes the whole document invalid JSON: refuse it as such.
    if (separated === isLast) {
      this.failure = notComplete(`line ${n}`);
      return;
    }
    const value = tryJson(isLast ? line : line.trimEnd().slice(0, -1));
    if (!value.ok) this.failure = notComplete(`line ${n}: ${value.message}`);
    else this.collector.take(`article ${this.body}`, value.value);
  }

  private step(): StreamStep {
    // What is given is not kept: only the URLs stay, for duplicates.
    const articles = this.collector.articles.splice(0);
    const skipped = this.collector.skipped.splice(0);
    return { articles, skipped };
  }

  private end(): ParsedCorpus {
    if (this.mode === 'undecided') {
      const first = this.first!;
      this.first = null;
      this.decideJson(first);
    }
    if (!this.anyText) return { ok: false, error: 'the file is empty' };
    if (this.mode === 'whole') {
      if (this.wholeChars > LIMITS.fileChars) return { ok: false, error: `the file is larger than ${LIMITS.fileChars / 1_000_000} million characters and not in the layout of a Recoupe export` };
      const parsed = parseJson(this.whole.join('\n'));
      this.whole = [];
      return parsed;
    }
    if (this.fatal) return { ok: false, error: this.fatal };
    if (this.mode === 'jsonl') {
      if (this.header === null) return { ok: false, error: 'the file is empty' };
      const last = this.held.pop();
      const end = last ? tryJson(last.line) : null;
      if (!last || !end?.ok || !isRecord(end.value) || own(end.value, 'end') !== FORMAT) {
        return { ok: false, error: 'it ends before its end line: the file was cut short (truncated)' };
      }
      const count = own(end.value, 'count');
      if (count !== this.body) return { ok: false, error: `its end line announces ${String(count).slice(0, 20)} articles but it holds ${this.body} lines: the file was altered or cut` };
      if (this.body > LIMITS.articles) return { ok: false, error: tooMany(this.body) };
    } else {
      const closing = this.held.pop();
      if (!closing || closing.line.trim() !== ']}') return { ok: false, error: notComplete('it does not end with its list of articles closed') };
      const lastArticle = this.held.pop();
      const total = this.body + (lastArticle ? 1 : 0);
      if (total > LIMITS.articles) return { ok: false, error: tooMany(total) };
      if (lastArticle) this.article(lastArticle, true);
    }
    if (this.failure) return { ok: false, error: this.failure };
    const keptApart = keptApartOf(this.header!, this.collector);
    const { articles, skipped } = this.step();
    return { ok: true, kind: this.mode === 'jsonl' ? 'jsonl' : 'json', articles, skipped, keptApart };
  }
}

/**
 * Lines of a byte stream given in parts (a file read by slices): decoded as UTF-8 in streaming
 * mode (a character whose bytes are split between two parts is decoded whole, as `TextDecoder`
 * does with `{stream: true}`; a byte-order mark at the start is dropped, as `Blob.text()` does),
 * split at `\n` and handed on one at a time. Holds only the pieces of the line not yet ended.
 */
export class LineSplitter {
  private readonly decoder = new TextDecoder('utf-8');
  private pending: string[] = [];

  /** Pieces of the unfinished line held now (the memory test counts them). */
  get heldParts(): number {
    return this.pending.length;
  }

  /** Gives `onLine` each line ended in this part of the bytes. */
  push(bytes: Uint8Array, onLine: (line: string) => void): void {
    this.split(this.decoder.decode(bytes, { stream: true }), onLine);
  }

  /** Gives the lines left: what the decoder held, and the last line (possibly empty, as `String.split` gives it). */
  end(onLine: (line: string) => void): void {
    this.split(this.decoder.decode(), onLine);
    const last = this.pending.join('');
    this.pending = [];
    onLine(last);
  }

  private split(text: string, onLine: (line: string) => void): void {
    let from = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', from)) {
      this.pending.push(text.slice(from, nl));
      const line = this.pending.join('');
      this.pending = [];
      from = nl + 1;
      onLine(line);
    }
    if (from < text.length) this.pending.push(text.slice(from));
  }
}
