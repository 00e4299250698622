/**
 * Reading an export file back: strict validation of every article, a reason for every article
 * left out, and one clear error (and no articles) for a file that is not a whole corpus export.
 * Never throws, whatever the input: the file may come from anywhere.
 *
 * Only the fields of the format are read, and only as own properties of the parsed objects, so
 * keys such as `__proto__`, `constructor` or `prototype` are ignored and no object built here
 * inherits from anything the file says.
 */
import type { Span } from '../extract/types';
import { ARTICLE_ORIGINS, FORMAT, LIMITS, VERSION, type ArticleOrigin, type KeptApartPairs, type PortableArticle } from './format';

/** An article that passed validation, with where it was in the file (`article 3`, `line 12`, `a.txt`). */
export interface ImportCandidate {
  item: string;
  article: PortableArticle;
}

export interface SkippedItem {
  item: string;
  reason: string;
}

export type ParsedCorpus =
  | {
      ok: true; kind: 'json' | 'jsonl' | 'folder'; articles: ImportCandidate[]; skipped: SkippedItem[];
      /** Pairs of the file's articles (by URL) judged not the same event (empty when the file has none). */
      keptApart: KeptApartPairs;
    }
  | { ok: false; error: string };

type Rec = Record<string, unknown>;

// The helpers exported below (not from the module's index) are shared with the line-by-line reader, stream.ts.

export const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
/** An own property only: nothing inherited, whatever its name. */
export const own = (o: Rec, key: string): unknown => (Object.hasOwn(o, key) ? o[key] : undefined);

/** A validation failure of one article: its reason is reported, the article skipped. */
class Invalid extends Error {}

const URL_SCHEMES = new Set(['http:', 'https:', 'sample:', 'file:']);

function checkUrl(value: unknown, name: string): string {
  if (typeof value !== 'string') throw new Invalid(`${name} is not a string`);
  if (value.length === 0) throw new Invalid(`${name} is empty`);
  if (value.length > LIMITS.urlChars) throw new Invalid(`${name} is longer than ${LIMITS.urlChars} characters`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Invalid(`${name} is not a valid address`);
  }
  if (!URL_SCHEMES.has(url.protocol)) throw new Invalid(`${name} has the scheme ${url.protocol.slice(0, 20)} (only http, https, sample and file are accepted)`);
  const hash = value.indexOf('#');
  return hash === -1 ? value : value.slice(0, hash);
}

function optionalString(o: Rec, key: string, max: number): string | null {
  const v = own(o, key);
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') throw new Invalid(`${key} is not a string`);
  if (v.length > max) throw new Invalid(`${key} is longer than ${max} characters`);
  return v.trim() === '' ? null : v;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** An ISO 8601 date (`2016-07-07`) or date-time whose parts exist on the calendar. */
export function isIsoDate(value: string): boolean {
  const m = ISO.exec(value);
  if (!m) return false;
  const [y, mo, d, h = '0', mi = '0', s = '0'] = m.slice(1).map((x) => x ?? '0') as string[];
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  return day.getUTCFullYear() === Number(y) && day.getUTCMonth() === Number(mo) - 1 && day.getUTCDate() === Number(d)
    && Number(h) < 24 && Number(mi) < 60 && Number(s) < 60 && !Number.isNaN(Date.parse(value));
}

function optionalDate(o: Rec, key: string): string | null {
  const v = own(o, key);
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') throw new Invalid(`${key} is not a string`);
  if (v.length > LIMITS.dateChars || !isIsoDate(v)) throw new Invalid(`${key} is not an ISO 8601 date`);
  return v;
}

const LANGUAGE = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i;

/** Paragraphs of a text without given ones: its blocks between blank lines. */
export function paragraphsOf(text: string): Span[] {
  const out: Span[] = [];
  const re = /[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

function checkParagraphs(value: unknown, text: string): Span[] {
  if (value === undefined || value === null) return paragraphsOf(text);
  if (!Array.isArray(value)) throw new Invalid('paragraphs is not a list');
  if (value.length > LIMITS.paragraphs) throw new Invalid(`more than ${LIMITS.paragraphs} paragraphs`);
  const out: Span[] = [];
  let previousEnd = 0;
  for (let i = 0; i < value.length; i++) {
    const p: unknown = value[i];
    const n = i + 1;
    if (!isRecord(p)) throw new Invalid(`paragraph ${n} is not a {start, end} object`);
    const start = own(p, 'start');
    const end = own(p, 'end');
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) throw new Invalid(`paragraph ${n}: start and end are not whole numbers`);
    const [s, e] = [start as number, end as number];
    if (s < 0 || e < s) throw new Invalid(`paragraph ${n}: the span ${s}–${e} is not a range`);
    if (e > text.length) throw new Invalid(`paragraph ${n} ends beyond the text (${e} > ${text.length} characters)`);
    if (s < previousEnd) throw new Invalid(`paragraph ${n} overlaps the one before it or is out of order`);
    previousEnd = e;
    out.push({ start: s, end: e });
  }
  return out;
}

/** Validates one article record; throws {@link Invalid} with the reason. */
function checkArticle(value: unknown): PortableArticle {
  if (!isRecord(value)) throw new Invalid('not an object');
  if (own(value, 'url') === undefined) throw new Invalid('url is missing');
  const url = checkUrl(own(value, 'url'), 'url');
  const canonical = own(value, 'canonicalUrl');
  const canonicalUrl = canonical === undefined || canonical === null || canonical === '' ? null : checkUrl(canonical, 'canonicalUrl');
  const copyOf = own(value, 'declaredCopyOf');
  const declaredCopyOf = copyOf === undefined || copyOf === null || copyOf === '' ? null : checkUrl(copyOf, 'declaredCopyOf');
  const text = own(value, 'text');
  if (text === undefined) throw new Invalid('text is missing');
  if (typeof text !== 'string') throw new Invalid('text is not a string');
  if (text.length > LIMITS.textChars) throw new Invalid(`text is longer than ${LIMITS.textChars.toLocaleString('en')} characters`);
  if (text.trim() === '') throw new Invalid('text is empty');
  const language = optionalString(value, 'language', LIMITS.languageChars);
  if (language !== null && !LANGUAGE.test(language)) throw new Invalid('language is not a language tag such as "fr" or "en-GB"');
  const origin = own(value, 'origin');
  if (origin !== undefined && origin !== null && !ARTICLE_ORIGINS.includes(origin as ArticleOrigin)) throw new Invalid('origin is not page, sample, import or followed');
  return {
    url,
    canonicalUrl,
    ...(declaredCopyOf ? { declaredCopyOf } : {}),
    title: optionalString(value, 'title', LIMITS.titleChars),
    byline: optionalString(value, 'byline', LIMITS.bylineChars),
    site: optionalString(value, 'site', LIMITS.siteChars),
    language,
    publishedTime: optionalDate(value, 'publishedTime'),
    savedAt: optionalDate(value, 'savedAt'),
    updatedAt: optionalDate(value, 'updatedAt'),
    origin: (origin as ArticleOrigin | null | undefined) ?? 'import',
    text,
    paragraphs: checkParagraphs(own(value, 'paragraphs'), text),
  };
}

/** A string cut to `max` characters, never between the two halves of a surrogate pair. */
function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  const end = /[\uD800-\uDBFF]/.test(s.charAt(max - 1)) ? max - 1 : max;
  return s.slice(0, end);
}

/** A URL the format takes (see `checkUrl`), or null. */
function fittingUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    return checkUrl(value, 'url');
  } catch {
    return null;
  }
}

type Fittable = Pick<PortableArticle, 'canonicalUrl' | 'declaredCopyOf' | 'title' | 'byline' | 'site' | 'language' | 'publishedTime'>;

/**
 * A record fitted to what an import takes (the same `LIMITS`, the same checks), for saving and
 * exporting: titles, bylines and sites cut at their lengths, and a declared address, language or
 * date the format would refuse left out. What is stored then exports and imports back.
 */
export function fitToLimits<T extends Fittable>(record: T): T {
  const optional = (v: string | null | undefined, max: number) => (typeof v === 'string' && v.trim() !== '' ? cut(v, max) : null);
  return {
    ...record,
    canonicalUrl: fittingUrl(record.canonicalUrl),
    ...(record.declaredCopyOf !== undefined ? { declaredCopyOf: fittingUrl(record.declaredCopyOf) } : {}),
    title: optional(record.title, LIMITS.titleChars),
    byline: optional(record.byline, LIMITS.bylineChars),
    site: optional(record.site, LIMITS.siteChars),
    language: typeof record.language === 'string' && record.language.length <= LIMITS.languageChars && LANGUAGE.test(record.language) ? record.language : null,
    publishedTime: typeof record.publishedTime === 'string' && record.publishedTime.length <= LIMITS.dateChars && isIsoDate(record.publishedTime) ? record.publishedTime : null,
  };
}

/** Collects candidates and skips, leaving out a second article with the same URL. */
export class Collector {
  readonly articles: ImportCandidate[] = [];
  readonly skipped: SkippedItem[] = [];
  private readonly seen = new Map<string, string>();

  /** Whether an article of this URL was taken. */
  holds(url: string): boolean {
    return this.seen.has(url);
  }

  take(item: string, value: unknown): void {
    try {
      const article = checkArticle(value);
      const first = this.seen.get(article.url);
      if (first !== undefined) throw new Invalid(`the same URL as ${first}`);
      this.seen.set(article.url, item);
      this.articles.push({ item, article });
    } catch (error) {
      this.skip(item, error instanceof Invalid ? error.message : 'could not be read');
    }
  }

  skip(item: string, reason: string): void {
    this.skipped.push({ item, reason });
  }
}

/**
 * The header's "not the same event" pairs: pairs of two different URLs of articles the file
 * holds. Any other entry is reported as skipped.
 */
export function keptApartOf(header: Rec, collector: Collector): KeptApartPairs {
  const list = own(header, 'keptApart');
  if (list === undefined) return [];
  if (!Array.isArray(list) || list.length > LIMITS.articles) {
    collector.skip('"not the same event" judgements', 'not a list of pairs of addresses');
    return [];
  }
  const pairs: [string, string][] = [];
  list.forEach((p: unknown, i) => {
    const ok = Array.isArray(p) && p.length === 2 && p.every((u) => typeof u === 'string' && collector.holds(u)) && p[0] !== p[1];
    if (ok) pairs.push([p[0] as string, p[1] as string]);
    else collector.skip(`"not the same event" judgement ${i + 1}`, 'not a pair of two articles of the file');
  });
  return pairs;
}

/** Checks `{format, version}` of a header; returns the error, or null when it is ours. */
export function headerError(header: Rec): string | null {
  const format = own(header, 'format');
  const version = own(header, 'version');
  if (format !== FORMAT) return `it is not a Recoupe corpus export (no "format": "${FORMAT}")`;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return 'its format version is missing or not a whole number';
  if (version > VERSION) return `it was written by a newer Recoupe (format version ${version}); this one reads version ${VERSION}. Update Recoupe and import it again`;
  if (version !== VERSION) return `format version ${version} is not supported`;
  return null;
}

export function tryJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message.slice(0, 200) : 'unreadable' };
  }
}

export function parseJson(text: string): ParsedCorpus {
  const parsed = tryJson(text);
  if (!parsed.ok) return { ok: false, error: `the file is not complete JSON, it may be truncated or damaged (${parsed.message})` };
  if (!isRecord(parsed.value)) return { ok: false, error: 'it is not a Recoupe corpus export (the file is not a JSON object)' };
  const problem = headerError(parsed.value);
  if (problem) return { ok: false, error: problem };
  const articles = own(parsed.value, 'articles');
  if (!Array.isArray(articles)) return { ok: false, error: 'it has no list of articles' };
  if (articles.length > LIMITS.articles) return { ok: false, error: `it holds ${articles.length.toLocaleString('en')} articles; an import takes at most ${LIMITS.articles.toLocaleString('en')}` };
  const collector = new Collector();
  articles.forEach((a, i) => collector.take(`article ${i + 1}`, a));
  const keptApart = keptApartOf(parsed.value, collector);
  return { ok: true, kind: 'json', articles: collector.articles, skipped: collector.skipped, keptApart };
}

function parseJsonl(lines: readonly string[]): ParsedCorpus {
  const numbered = lines.map((line, i) => ({ n: i + 1, line: line.replace(/\r$/, '') })).filter((l) => l.line.trim() !== '');
  const first = numbered[0];
  if (!first) return { ok: false, error: 'the file is empty' };
  const header = tryJson(first.line);
  if (!header.ok || !isRecord(header.value)) return { ok: false, error: 'its first line is not a Recoupe corpus header' };
  const problem = headerError(header.value);
  if (problem) return { ok: false, error: problem };
  const last = numbered.length > 1 ? numbered[numbered.length - 1]! : null;
  const end = last ? tryJson(last.line) : null;
  if (!last || !end?.ok || !isRecord(end.value) || own(end.value, 'end') !== FORMAT) {
    return { ok: false, error: 'it ends before its end line: the file was cut short (truncated)' };
  }
  const body = numbered.slice(1, -1);
  const count = own(end.value, 'count');
  if (count !== body.length) return { ok: false, error: `its end line announces ${String(count).slice(0, 20)} articles but it holds ${body.length} lines: the file was altered or cut` };
  if (body.length > LIMITS.articles) return { ok: false, error: `it holds ${body.length.toLocaleString('en')} articles; an import takes at most ${LIMITS.articles.toLocaleString('en')}` };
  const collector = new Collector();
  for (const { n, line } of body) {
    const value = tryJson(line);
    if (value.ok) collector.take(`line ${n}`, value.value);
    else collector.skip(`line ${n}`, 'not valid JSON');
  }
  const keptApart = keptApartOf(header.value, collector);
  return { ok: true, kind: 'jsonl', articles: collector.articles, skipped: collector.skipped, keptApart };
}

/** Whether a file is a JSONL stream: by its name, or by a first line that is a header on its own. */
export function isJsonl(text: string, fileName: string): boolean {
  if (/\.(jsonl|ndjson)$/i.test(fileName)) return true;
  if (/\.json$/i.test(fileName)) return false;
  const newline = text.indexOf('\n');
  if (newline === -1) return false;
  const first = tryJson(text.slice(0, newline));
  return first.ok && isRecord(first.value) && own(first.value, 'format') !== undefined && own(first.value, 'articles') === undefined;
}

/**
 * Reads a corpus export (JSON or JSONL, told apart by the name `.json`/`.jsonl` or, failing
 * that, by its first line). Returns the valid articles with their place in the file and the
 * skipped ones with their reasons, or one error and no articles when the file as a whole is not
 * a complete export of a format version this code reads.
 */
export function parseCorpusFile(text: string, fileName: string): ParsedCorpus {
  try {
    if (typeof text !== 'string') return { ok: false, error: 'the file is not text' };
    if (text.length > LIMITS.fileChars) return { ok: false, error: `the file is larger than ${LIMITS.fileChars / 1_000_000} million characters` };
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    if (body.trim() === '') return { ok: false, error: 'the file is empty' };
    return isJsonl(body, String(fileName)) ? parseJsonl(body.split('\n')) : parseJson(body);
  } catch (error) {
    // Nothing above should throw; if it does, say so rather than fail the caller.
    return { ok: false, error: `the file could not be read (${error instanceof Error ? error.message.slice(0, 200) : 'unknown error'})` };
  }
}

export const ARRAY_OPENING = '"articles":[';

/**
 * A JSON export in the layout Recoupe writes (`serializeCorpus`, `exportPart`): the header and
 * `"articles":[` on the first line, one article per line (each but the last followed by a comma),
 * `]}` on the last. Read line by line, with the result the whole document would give; null when
 * the lines are not in that layout (the caller then reads them as one document).
 */
function parseJsonExportLines(lines: readonly string[]): ParsedCorpus | null {
  const first = lines[0]?.replace(/\r$/, '') ?? '';
  if (!first.endsWith(ARRAY_OPENING)) return null;
  const header = tryJson(`${first}]}`);
  if (!header.ok || !isRecord(header.value)) return null;
  const problem = headerError(header.value);
  if (problem) return { ok: false, error: problem };
  let last = lines.length - 1;
  while (last > 0 && lines[last]!.trim() === '') last--;
  if (last === 0 || lines[last]!.trim() !== ']}') return { ok: false, error: 'the file is not complete JSON, it may be truncated or damaged (it does not end with its list of articles closed)' };
  const body: { n: number; line: string }[] = [];
  for (let i = 1; i < last; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (line.trim() !== '') body.push({ n: i + 1, line });
  }
  if (body.length > LIMITS.articles) return { ok: false, error: `it holds ${body.length.toLocaleString('en')} articles; an import takes at most ${LIMITS.articles.toLocaleString('en')}` };
  const collector = new Collector();
  for (const [i, { n, line }] of body.entries()) {
    const isLast = i === body.length - 1;
    const separated = line.trimEnd().endsWith(',');
    // A separator missing or one too many makes the whole document invalid JSON: refuse it as such.
    if (separated === isLast) return { ok: false, error: `the file is not complete JSON, it may be truncated or damaged (line ${n})` };
    const value = tryJson(isLast ? line : line.trimEnd().slice(0, -1));
    if (!value.ok) return { ok: false, error: `the file is not complete JSON, it may be truncated or damaged (line ${n}: ${value.message})` };
    collector.take(`article ${i + 1}`, value.value);
  }
  const keptApart = keptApartOf(header.value, collector);
  return { ok: true, kind: 'json', articles: collector.articles, skipped: collector.skipped, keptApart };
}

/**
 * Reads a corpus export given as its lines (split at `\n`), as the corpus page reads a file in
 * parts rather than as one string: the result `parseCorpusFile` gives for the lines joined. JSONL
 * and JSON in Recoupe's layout are read line by line, whatever their size; other JSON is joined
 * and read whole, up to `LIMITS.fileChars`.
 */
export function parseCorpusLines(lines: readonly string[], fileName: string): ParsedCorpus {
  try {
    const input = lines[0]?.charCodeAt(0) === 0xfeff ? [lines[0].slice(1), ...lines.slice(1)] : lines;
    if (input.every((l) => l.trim() === '')) return { ok: false, error: 'the file is empty' };
    const name = String(fileName);
    const jsonl = /\.(jsonl|ndjson)$/i.test(name) || (!/\.json$/i.test(name) && input.length > 1 && isJsonl(`${input[0]}\n`, name));
    if (jsonl) return parseJsonl(input);
    const exported = parseJsonExportLines(input);
    if (exported) return exported;
    let chars = 0;
    for (const l of input) chars += l.length + 1;
    if (chars > LIMITS.fileChars) return { ok: false, error: `the file is larger than ${LIMITS.fileChars / 1_000_000} million characters and not in the layout of a Recoupe export` };
    return parseJson(input.join('\n'));
  } catch (error) {
    return { ok: false, error: `the file could not be read (${error instanceof Error ? error.message.slice(0, 200) : 'unknown error'})` };
  }
}

/** Validates articles built elsewhere (a folder of captures) with the same rules. */
export function collectArticles(items: { item: string; value: unknown }[], skipped: SkippedItem[] = []): { articles: ImportCandidate[]; skipped: SkippedItem[] } {
  const collector = new Collector();
  for (const s of skipped) collector.skip(s.item, s.reason);
  for (const { item, value } of items) collector.take(item, value);
  return { articles: collector.articles, skipped: collector.skipped };
}
