/**
 * The streaming reader (`LineSplitter` + `CorpusLineChecker`, what the corpus page runs on a file
 * read in slices) against the whole-file reader (`parseCorpusLines`, what it ran on all the lines
 * at once): on every corpus of the table — the seed articles exported both ways, the hostile,
 * corrupt and truncated files of corpus-io.test.ts — the same articles, the same skips with the
 * same reasons and the same error, whatever the boundaries of the slices: inside a multi-byte
 * UTF-8 character, inside an escape, between `\r` and `\n`, one byte at a time.
 */
import { describe, expect, it } from 'vitest';
import { CorpusLineChecker, LIMITS, LineSplitter, parseCorpusLines, serializeCorpus, serializeCorpusLines, type ParsedCorpus, type PortableArticle } from '..';
import { jsonFile, jsonlFile, NOW, seedArticles, valid } from './corpora';

const utf8 = new TextEncoder();

/** The streaming reader's result for a file given as these byte slices. */
function streamed(slices: Uint8Array[], name: string): ParsedCorpus {
  const splitter = new LineSplitter();
  const checker = new CorpusLineChecker(name);
  const articles: ParsedCorpus & { ok: true } extends { articles: infer A } ? A : never = [];
  const skipped: { item: string; reason: string }[] = [];
  const onLine = (line: string) => {
    const step = checker.push(line);
    articles.push(...step.articles);
    skipped.push(...step.skipped);
  };
  for (const slice of slices) splitter.push(slice, onLine);
  splitter.end(onLine);
  const end = checker.finish();
  if (!end.ok) return end;
  return { ok: true, kind: end.kind, articles: [...articles, ...end.articles], skipped: [...skipped, ...end.skipped], keptApart: end.keptApart };
}

/** The bytes cut at these offsets. */
const cutAt = (bytes: Uint8Array, offsets: number[]) =>
  [0, ...offsets, bytes.length].slice(1).map((end, i, ends) => bytes.subarray(i === 0 ? 0 : ends[i - 1]!, end));

/**
 * The awkward offsets of a file's bytes: inside a multi-byte character (after its first byte),
 * inside an escape (after its backslash, and inside a `\uXXXX`), between `\r` and `\n`; at most
 * `max` of each kind, spread over the file.
 */
function awkwardOffsets(bytes: Uint8Array, max = 40): Record<string, number[]> {
  const kinds: Record<string, number[]> = { 'inside a multi-byte character': [], 'inside an escape': [], 'between \\r and \\n': [] };
  for (let i = 1; i < bytes.length; i++) {
    const [prev, at] = [bytes[i - 1]!, bytes[i]!];
    if ((at & 0xc0) === 0x80) kinds['inside a multi-byte character']!.push(i);
    if (prev === 0x5c || (prev === 0x75 && bytes[i - 2] === 0x5c)) kinds['inside an escape']!.push(i);
    if (prev === 0x0d && at === 0x0a) kinds['between \\r and \\n']!.push(i);
  }
  for (const [kind, offsets] of Object.entries(kinds)) {
    const step = Math.max(1, Math.ceil(offsets.length / max));
    kinds[kind] = offsets.filter((_, k) => k % step === 0);
  }
  return kinds;
}

const seeds = seedArticles();
const seedJson = serializeCorpus(seeds, { now: NOW });
const seedJsonl = [...serializeCorpusLines(seeds, { now: NOW })].join('\n');
const goodLines = [...serializeCorpusLines([valid(), valid({ url: 'https://news.example.org/b' })] as never, { now: NOW })];
const [a, b, c] = ['https://a.org/1', 'https://b.org/2', 'https://c.org/3'];
const three = [valid({ url: a }), valid({ url: b }), valid({ url: c })];
/** Titles and texts with what the slices must not break: accents, a 4-byte emoji, quotes, backslashes, control characters. */
const awkward = [
  valid({ url: 'https://a.org/é', title: 'Déjà « vu » — 😀 €', text: 'Il a dit : « \\"non\\" » 😀\n\nC:\\\\dossier\u0001\u001f fin.', paragraphs: null }),
  valid({ url: 'https://b.org/ü', title: 'Ünïcödé \u2028 \\u00e9', text: '日本語のテキスト。\n\n𝄞 musique', paragraphs: null }),
] as unknown as PortableArticle[];
const awkwardJson = serializeCorpus(awkward, { now: NOW, keptApart: [['https://a.org/é', 'https://b.org/ü']] }).replace(/\n/g, '\r\n');
const awkwardJsonl = `\uFEFF${[...serializeCorpusLines(awkward, { now: NOW })].join('\r\n')}\r\n`;

/** [name, file, file name]: every corpus the whole-file reader's tests use, valid or not. */
const corpora: [string, string, string][] = [
  ['the seed articles as JSON', seedJson, 'c.json'],
  ['the seed articles as JSONL', seedJsonl, 'c.jsonl'],
  ['a JSONL export without its extension', seedJsonl, 'c.txt'],
  ['a JSON export without its extension', seedJson, 'export'],
  ['a JSON export with a byte order mark and Windows line ends', `\uFEFF${seedJson.replace(/\n/g, '\r\n')}`, 'c.json'],
  ['pretty-printed JSON (read whole)', JSON.stringify(JSON.parse(seedJson), null, 2), 'c.json'],
  ['a JSON export with a hostile article', serializeCorpus([...seeds, { ...seeds[0]!, url: 'javascript:alert(1)' }], { now: NOW }), 'c.json'],
  ['an empty JSON export', serializeCorpus([], { now: NOW }), 'c.json'],
  ['an empty JSONL export', [...serializeCorpusLines([], { now: NOW })].join('\n'), 'c.jsonl'],
  ['awkward characters as JSON, Windows line ends', awkwardJson, 'c.json'],
  ['awkward characters as JSONL, a byte order mark and Windows line ends', awkwardJsonl, 'c.jsonl'],
  ['JSON cut in the middle of an article', seedJson.slice(0, Math.floor(seedJson.length / 2)), 'c.json'],
  ['JSON cut after a whole article line', seedJson.split('\n').slice(0, 3).join('\n'), 'c.json'],
  ['JSON with an article line without its comma', seedJson.replace('},\n{', '}\n{'), 'c.json'],
  ['JSON with a comma after the last article', seedJson.replace(/}\n]}/, '},\n]}'), 'c.json'],
  ['JSON with a bad line and cut', seedJson.replace('},\n{', '}\n{').slice(0, -10), 'c.json'],
  ['JSON of a newer format version', seedJson.replace('"version":1', '"version":9'), 'c.json'],
  ['an empty file', '', 'c.json'],
  ['only a byte-order mark and spaces', '\uFEFF  \n', 'c.json'],
  ['blank lines only, as JSONL', '\n\n \r\n', 'c.jsonl'],
  ['a JSON list', '[1, 2]', 'c.json'],
  ['another program’s JSON', '{"items": []}', 'c.json'],
  ['a version that is a string', jsonFile([valid()], { version: '1' }), 'c.json'],
  ['no articles list', JSON.stringify({ format: 'recoupe-corpus', version: 1, articles: { 0: valid() } }), 'c.json'],
  ['a JSONL stream without its end line', goodLines.slice(0, -1).join('\n'), 'c.jsonl'],
  ['a JSONL stream cut inside its last article', goodLines.join('\n').slice(0, -60), 'c.jsonl'],
  ['a JSONL stream with a line removed', [goodLines[0], goodLines[1], goodLines[3]].join('\n'), 'c.jsonl'],
  ['a JSONL stream of another format', goodLines.join('\n').replace('recoupe-corpus', 'other'), 'c.jsonl'],
  ['a JSONL header that is not JSON', `{format\n${goodLines.slice(1).join('\n')}`, 'c.jsonl'],
  ['a JSONL stream with blank lines before its header and after its end', `\n\n${goodLines.join('\n')}\n\n`, 'c.jsonl'],
  ['binary garbage', '\u0000\u0001PK\u0003\u0004\uFFFD', 'c.json'],
  ['invalid UTF-8 bytes are read as U+FFFD, as Blob.text() does', `${goodLines[0]}\n\uFFFD\n${goodLines.slice(1).join('\n')}`, 'c.jsonl'],
  ['articles skipped with their reasons (JSON)', jsonFile([valid({ url: 'https://ok.org/1' }), valid({ url: 'javascript:x' }), valid({ text: 42 }), 'str', valid({ title: 't'.repeat(LIMITS.titleChars + 1) })]), 'c.json'],
  ['articles skipped with their reasons (JSONL)', jsonlFile([JSON.stringify(valid()), '{"url": "https://b.org", "text": ', JSON.stringify(valid({ paragraphs: [{ start: 0, end: 999 }] })), 'null']), 'c.jsonl'],
  ['the same URL twice', jsonFile([valid({ title: 'un' }), valid({ url: 'https://news.example.org/a#again', title: 'deux' })]), 'c.json'],
  ['"not the same event" pairs (JSON)', serializeCorpus(three as never, { now: NOW, keptApart: [[a, b]] }), 'c.json'],
  ['"not the same event" pairs (JSONL)', [...serializeCorpusLines(three as never, { now: NOW, keptApart: [[a, b]] })].join('\n'), 'c.jsonl'],
  ['"not the same event" pairs that are not pairs of the file', serializeCorpus(three as never, { now: NOW, keptApart: [[a, c], [a, 'https://elsewhere.org/'], [a, a], [a], 'x', [b, 3]] as never }), 'c.json'],
];

describe('the streaming reader gives what the whole-file reader gives', () => {
  it.each(corpora)('%s, read in one slice', (_name, text, name) => {
    expect(streamed([utf8.encode(text)], name)).toEqual(parseCorpusLines(text.split('\n'), name));
  });

  it.each(corpora)('%s, read one byte at a time', (_name, text, name) => {
    const bytes = utf8.encode(text);
    expect(streamed(Array.from(bytes, (_, i) => bytes.subarray(i, i + 1)), name)).toEqual(parseCorpusLines(text.split('\n'), name));
  });

  it.each(corpora)('%s, cut at each awkward boundary', (_name, text, name) => {
    const bytes = utf8.encode(text);
    const whole = parseCorpusLines(text.split('\n'), name);
    for (const [kind, offsets] of Object.entries(awkwardOffsets(bytes))) {
      for (const at of offsets) expect([kind, at, streamed(cutAt(bytes, [at]), name)]).toEqual([kind, at, whole]);
    }
  });

  it('the awkward corpora have every kind of awkward boundary, and give their articles', () => {
    for (const text of [awkwardJson, awkwardJsonl]) {
      const offsets = awkwardOffsets(utf8.encode(text), Infinity);
      for (const kind of Object.keys(offsets)) expect([kind, offsets[kind]!.length > 0]).toEqual([kind, true]);
    }
    expect(streamed([utf8.encode(awkwardJsonl)], 'c.jsonl')).toMatchObject({ ok: true, skipped: [], articles: awkward.map((x) => ({ article: { url: x.url, title: x.title, text: x.text } })) });
  });

  it('cut at every byte of the awkward JSON', () => {
    const bytes = utf8.encode(awkwardJson);
    const whole = parseCorpusLines(awkwardJson.split('\n'), 'c.json');
    expect(whole).toMatchObject({ ok: true, keptApart: [['https://a.org/é', 'https://b.org/ü']] });
    for (let at = 1; at < bytes.length; at++) expect([at, streamed(cutAt(bytes, [at]), 'c.json')]).toEqual([at, whole]);
  });
});

describe('the streaming reader on damaged files', () => {
  it.each([
    ['the seed articles as JSON', seedJson, 'c.json'],
    ['the seed articles as JSONL', seedJsonl, 'c.jsonl'],
    ['awkward characters as JSON', awkwardJson, 'c.json'],
    ['awkward characters as JSONL', awkwardJsonl, 'c.jsonl'],
    ['JSON read whole', JSON.stringify(JSON.parse(awkwardJson), null, 1), 'c.json'],
  ])('gives what the whole-file reader gives, and never throws, on 300 random damages of %s', (_name, good, name) => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 300; i++) {
      const chars = [...good];
      // Characters replaced by ASCII ones (newlines, quotes, commas, braces included), and some lines cut.
      for (let k = 0; k <= i % 4; k++) chars[next() % chars.length] = String.fromCharCode(next() % 128);
      const damaged = chars.join('').slice(0, i % 3 === 0 ? next() % good.length : undefined);
      const bytes = utf8.encode(damaged);
      expect([i, streamed(cutAt(bytes, [next() % Math.max(1, bytes.length)]), name)]).toEqual([i, parseCorpusLines(damaged.split('\n'), name)]);
    }
  });
});

describe('what the streaming reader holds', () => {
  /** The most lines the checker and the splitter hold at once over a file of `count` articles read in 4 KiB slices. */
  function mostHeld(format: 'json' | 'jsonl', count: number): number {
    const articles = Array.from({ length: count }, (_, i) => valid({ url: `https://a.org/${i}`, text: `Texte ${i} — « citation ».\n\nSuite.`, paragraphs: null })) as unknown as PortableArticle[];
    const text = format === 'json' ? serializeCorpus(articles, { now: NOW }) : [...serializeCorpusLines(articles, { now: NOW })].join('\n');
    const bytes = utf8.encode(text);
    const splitter = new LineSplitter();
    const checker = new CorpusLineChecker(`c.${format}`);
    let most = 0;
    let given = 0;
    const onLine = (line: string) => {
      given += checker.push(line).articles.length;
      most = Math.max(most, checker.heldLines + splitter.heldParts);
    };
    for (let at = 0; at < bytes.length; at += 4096) splitter.push(bytes.subarray(at, at + 4096), onLine);
    splitter.end(onLine);
    const end = checker.finish();
    expect(end.ok && given + end.articles.length).toBe(count);
    return most;
  }

  it.each(['json', 'jsonl'] as const)('a few lines at most (%s), whatever the number of articles', (format) => {
    const small = mostHeld(format, 100);
    const large = mostHeld(format, 5_000);
    expect(large).toBeLessThanOrEqual(format === 'json' ? 2 : 1);
    expect(large).toBe(small);
  });

  it('gives each article as soon as the line after it is read', () => {
    const checker = new CorpusLineChecker('c.jsonl');
    const lines = [...serializeCorpusLines(three as never, { now: NOW })];
    expect(lines.map((line) => checker.push(line).articles.map((x) => x.item))).toEqual([[], [], ['line 2'], ['line 3'], ['line 4']]);
    expect(checker.finish()).toMatchObject({ ok: true, articles: [] });
  });

  it('says it is failing as soon as the file is known to fail, and gives nothing after', () => {
    const checker = new CorpusLineChecker('c.json');
    const lines = seedJson.replace('},\n{', '}\n{').split('\n');
    // Line 2 lacks its comma: known once two more lines are read (the line after it could have closed the list).
    const given = lines.map((line) => [checker.push(line).articles.length, checker.failing]);
    expect(given.slice(0, 4)).toEqual([[0, false], [0, false], [0, false], [0, true]]);
    expect(given.slice(4).every(([n, failing]) => n === 0 && failing)).toBe(true);
    expect(checker.finish()).toEqual({ ok: false, error: expect.stringMatching(/^the file is not complete JSON.*line 2/) });
  });
});
