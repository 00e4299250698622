/**
 * The export format and its reader: round trips of the seed articles through JSON and JSONL, a
 * folder of captures with sidecars, and a table of hostile, corrupt and truncated inputs, each
 * with the one error or the per-article reason it must give.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitToLimits, LIMITS, parseCorpusFile, parseCorpusLines, serializeCorpus, serializeCorpusLines, type PortableArticle } from '..';
import { articlesFromFolder, type FolderFile } from '../folder';
import { jsonFile, jsonlFile, NOW, parseHtml, REPO, seedArticles, valid } from './corpora';
import { captureStem, readSidecar, SIDECAR_FILE, sidecarNameOf } from '../sidecar';

describe('the seed articles', () => {
  const seeds = seedArticles();

  it('come out of a folder of captures with their sidecar metadata', () => {
    expect(seeds).toHaveLength(5);
    expect(seeds[0]).toMatchObject({
      url: 'file:///000_492f0f67598950be.txt', site: 'RT France', publishedTime: '2016-07-07', language: 'fr', origin: 'import',
      title: 'Poutine et Obama se sont accordés pour intensifier leur coordination militaire en Syrie',
    });
    for (const a of seeds) for (const p of a.paragraphs) expect(p.end).toBeLessThanOrEqual(a.text.length);
  });

  it('survive JSON and JSONL exports unchanged', () => {
    const json = serializeCorpus(seeds, { now: NOW });
    expect(JSON.parse(json)).toMatchObject({ format: 'recoupe-corpus', version: 1, exportedAt: NOW.toISOString(), count: 5 });
    const lines = [...serializeCorpusLines(seeds, { now: NOW })];
    expect(lines).toHaveLength(7);
    for (const [text, name, kind] of [[json, 'corpus.json', 'json'], [lines.join('\n'), 'corpus.jsonl', 'jsonl'], [`${lines.join('\r\n')}\r\n`, 'export', 'jsonl']] as const) {
      const parsed = parseCorpusFile(text, name);
      expect(parsed).toMatchObject({ ok: true, kind, skipped: [] });
      expect(parsed.ok && parsed.articles.map((c) => c.article)).toEqual(seeds);
    }
  });

  it('leave out the fields that are not the format’s (ids, analysis, word counts)', () => {
    const stored = { ...seeds[0]!, id: 7, wordCount: 12, analysis: { match: { stems: ['x'] } } };
    const record = JSON.parse(serializeCorpus([stored], { now: NOW })).articles[0];
    expect(Object.keys(record)).toEqual(['url', 'canonicalUrl', 'title', 'byline', 'site', 'language', 'publishedTime', 'savedAt', 'updatedAt', 'origin', 'text', 'paragraphs']);
  });
});

describe('a folder of captures', () => {
  const page = readFileSync(join(REPO, 'corpus/pages/000_492f0f67598950be.html'), 'utf8');

  it.each<[string, FolderFile[], { titles?: (string | null)[]; skipped?: { item: string; reason: string | RegExp }[] }]>([
    ['an HTML page, extracted without its markup', [{ name: 'page.html', text: page }], {
      titles: ['Poutine et Obama se sont accordés pour intensifier leur coordination militaire en Syrie'], skipped: [],
    }],
    ['a sidecar with a URL gives the article its address', [{ name: 'a.txt', text: 'Titre\n\nUn paragraphe assez long pour être un article de presse.' }, { name: 'a.meta.json', text: '{"url": "https://x.org/a", "title": "Le titre"}' }], {
      titles: ['Le titre'], skipped: [],
    }],
    ['a sidecar without its article', [{ name: 'lost.meta.json', text: '{}' }], { titles: [], skipped: [{ item: 'lost.meta.json', reason: 'no lost.txt or lost.html beside it' }] }],
    ['a sidecar that is not JSON', [{ name: 'a.txt', text: 'Un texte.' }, { name: 'a.meta.json', text: '{"url":' }], { titles: [], skipped: [{ item: 'a.txt', reason: 'a.meta.json: not valid JSON' }] }],
    ['a sidecar with a javascript: URL', [{ name: 'a.txt', text: 'Un texte.' }, { name: 'a.meta.json', text: '{"url": "javascript:alert(1)"}' }], {
      titles: [], skipped: [{ item: 'a.txt', reason: /^url has the scheme javascript:/ }],
    }],
    ['a sidecar with a date that is not one', [{ name: 'a.txt', text: 'Un texte.' }, { name: 'a.meta.json', text: '{"published": "2016-02-30"}' }], {
      titles: [], skipped: [{ item: 'a.txt', reason: 'a.meta.json: published is not an ISO 8601 date' }],
    }],
    ['a sidecar with a number for a title', [{ name: 'a.txt', text: 'Un texte.' }, { name: 'a.meta.json', text: '{"title": 3}' }], { titles: [], skipped: [{ item: 'a.txt', reason: 'a.meta.json: title is not a string' }] }],
    ['an empty capture', [{ name: 'empty.txt', text: '   \n' }], { titles: [], skipped: [{ item: 'empty.txt', reason: 'no article text found' }] }],
    ['a binary file named .txt', [{ name: 'x.txt', text: 'PK\u0003\u0004\u0000\u0000' }], { titles: [], skipped: [{ item: 'x.txt', reason: 'a binary file, not text or HTML' }] }],
    ['another kind of file', [{ name: 'photo.png', text: '' }], { titles: [], skipped: [{ item: 'photo.png', reason: 'not a .txt, .html or .meta.json file' }] }],
    ['a script in a page never runs and never reaches the text', [{ name: 's.html', text: '<html><head><title>Titre</title></head><body><article><h1>Titre</h1><p>Un paragraphe de texte assez long pour compter dans un article de presse ordinaire.</p><script>globalThis.ran = 1; document.write("INJECTED")</script></article></body></html>' }], {
      titles: ['Titre'], skipped: [],
    }],
  ])('%s', (_name, files, expected) => {
    const parsed = articlesFromFolder(files, parseHtml);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    if (expected.titles) expect(parsed.articles.map((c) => c.article.title)).toEqual(expected.titles);
    if (expected.skipped) expect(parsed.skipped).toEqual(expected.skipped.map((s) => ({ item: s.item, reason: typeof s.reason === 'string' ? s.reason : expect.stringMatching(s.reason) })));
    for (const c of parsed.articles) expect(c.article.text).not.toMatch(/INJECTED|<script|ran = 1/);
    expect((globalThis as { ran?: number }).ran).toBeUndefined();
  });
});

describe('a sidecar, read strictly (an import) or leniently (a corpus folder, the samples)', () => {
  it.each<[string, string, ReturnType<typeof readSidecar>, ReturnType<typeof readSidecar>]>([
    ['every field', '{"url": "https://x.org/a", "site": "X", "title": "T", "published": "2016-07-07"}',
      { ok: true, sidecar: { url: 'https://x.org/a', site: 'X', title: 'T', published: '2016-07-07' }, unknown: [] },
      { ok: true, sidecar: { url: 'https://x.org/a', site: 'X', title: 'T', published: '2016-07-07' }, unknown: [] }],
    ['a byte-order mark, nulls and unknown fields', '\uFEFF{"title": "T", "site": null, "author": "A"}', { ok: true, sidecar: { title: 'T' }, unknown: ['author'] }, { ok: true, sidecar: { title: 'T' }, unknown: ['author'] }],
    ['a misspelt field, said (its date would be lost in silence)', '{"publishedTime": "2016-07-07"}', { ok: true, sidecar: {}, unknown: ['publishedTime'] }, { ok: true, sidecar: {}, unknown: ['publishedTime'] }],
    ['a number for a title', '{"title": 3, "site": "X"}', { ok: false, problem: 'title is not a string' }, { ok: true, sidecar: { site: 'X' }, unknown: [] }],
    ['a date that is not one', '{"published": "7 juillet 2016"}', { ok: false, problem: 'published is not an ISO 8601 date' }, { ok: true, sidecar: { published: '7 juillet 2016' }, unknown: [] }],
    ['inherited keys', '{"__proto__": {"title": "T"}}', { ok: true, sidecar: {}, unknown: ['__proto__'] }, { ok: true, sidecar: {}, unknown: ['__proto__'] }],
    ['not JSON', '{"url":', { ok: false, problem: 'not valid JSON' }, { ok: false, problem: 'not valid JSON' }],
    ['a JSON list', '["T"]', { ok: false, problem: 'not a JSON object' }, { ok: false, problem: 'not a JSON object' }],
  ])('%s', (_name, text, strict, lenient) => {
    expect(readSidecar(text, { strict: true })).toEqual(strict);
    expect(readSidecar(text, { strict: false })).toEqual(lenient);
  });

  it('pairs a capture with its sidecar by name, whatever the folder', () => {
    expect(['a/b/000_x.txt', 'c:\\d\\000_x.html', '000_x.meta.json', 'x.y.meta.json', 'x.y.txt'].map(captureStem)).toEqual(['000_x', '000_x', '000_x', 'x.y', 'x.y']);
    expect(sidecarNameOf('corpus/000_x.txt')).toBe('000_x.meta.json');
  });

  it('the sidecars shipped in corpus/ read strictly', () => {
    const names = readdirSync(join(REPO, 'corpus')).filter((n) => SIDECAR_FILE.test(n));
    expect(names.length).toBeGreaterThanOrEqual(5);
    for (const n of names) expect([n, readSidecar(readFileSync(join(REPO, 'corpus', n), 'utf8'), { strict: true }).ok]).toEqual([n, true]);
  });
});

describe('a file that is not a whole export of this version: one error, no articles', () => {
  const good = serializeCorpus([valid()] as never, { now: NOW });
  const goodLines = [...serializeCorpusLines([valid(), valid({ url: 'https://news.example.org/b' })] as never, { now: NOW })];
  it.each<[string, string, string, RegExp]>([
    ['truncated JSON', good.slice(0, good.length / 2), 'c.json', /not complete JSON, it may be truncated/],
    ['JSON cut before its last brace', good.trimEnd().slice(0, -1), 'c.json', /not complete JSON/],
    ['an empty file', '', 'c.json', /empty/],
    ['only a byte-order mark and spaces', '\uFEFF  \n', 'c.json', /empty/],
    ['a JSON list', '[1, 2]', 'c.json', /not a Recoupe corpus export/],
    ['another program’s JSON', '{"items": []}', 'c.json', /not a Recoupe corpus export/],
    ['a newer version', jsonFile([valid()], { version: 2 }), 'c.json', /newer Recoupe \(format version 2\)/],
    ['a version that is a string', jsonFile([valid()], { version: '1' }), 'c.json', /version is missing or not a whole number/],
    ['version 0', jsonFile([valid()], { version: 0 }), 'c.json', /not a whole number|not supported/],
    ['no articles list', JSON.stringify({ format: 'recoupe-corpus', version: 1, articles: { 0: valid() } }), 'c.json', /no list of articles/],
    ['a JSONL stream without its end line', goodLines.slice(0, -1).join('\n'), 'c.jsonl', /cut short \(truncated\)/],
    ['a JSONL stream cut inside its last article', goodLines.join('\n').slice(0, -60), 'c.jsonl', /cut short/],
    ['a JSONL stream with a line removed', [goodLines[0], goodLines[1], goodLines[3]].join('\n'), 'c.jsonl', /announces 2 articles but it holds 1 lines/],
    ['a JSONL stream of another format', goodLines.join('\n').replace('recoupe-corpus', 'other'), 'c.jsonl', /not a Recoupe corpus export/],
    ['a JSONL header that is not JSON', `{format\n${goodLines.slice(1).join('\n')}`, 'c.jsonl', /first line is not a Recoupe corpus header/],
    ['binary garbage', '\u0000\u0001PK\u0003\u0004\uFFFD', 'c.json', /not complete JSON/],
    ['deeply nested arrays', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, 'c.json', /not a Recoupe corpus export|not complete JSON/],
  ])('%s', (_name, text, fileName, error) => {
    const parsed = parseCorpusFile(text, fileName);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toMatch(error);
  });

  it('a file over the size cap', () => {
    const parsed = parseCorpusFile(' '.repeat(LIMITS.fileChars + 1), 'big.json');
    expect(parsed).toEqual({ ok: false, error: 'the file is larger than 50 million characters' });
  });
});

describe('articles that are not valid are skipped with their reason; the others are imported', () => {
  it.each<[string, unknown, string]>([
    ['not an object', 'just a string', 'not an object'],
    ['null', null, 'not an object'],
    ['no text', valid({ text: undefined }), 'text is missing'],
    ['a text that is not a string', valid({ text: 42 }), 'text is not a string'],
    ['an empty text', valid({ text: '  ', paragraphs: [] }), 'text is empty'],
    ['a text over the cap', valid({ text: 'x'.repeat(LIMITS.textChars + 1), paragraphs: [] }), 'text is longer than 5,000,000 characters'],
    ['no URL', valid({ url: undefined }), 'url is missing'],
    ['a URL that is not one', valid({ url: 'not a url' }), 'url is not a valid address'],
    ['a javascript: URL', valid({ url: 'javascript:alert(document.cookie)' }), 'url has the scheme javascript: (only http, https, sample and file are accepted)'],
    ['a data: URL', valid({ url: 'data:text/html,<script>alert(1)</script>' }), 'url has the scheme data: (only http, https, sample and file are accepted)'],
    ['a chrome: canonical URL', valid({ canonicalUrl: 'chrome://settings' }), 'canonicalUrl has the scheme chrome: (only http, https, sample and file are accepted)'],
    ['a URL over the cap', valid({ url: `https://a.org/${'x'.repeat(LIMITS.urlChars)}` }), 'url is longer than 4096 characters'],
    ['a title that is an object', valid({ title: { toString: 'x' } }), 'title is not a string'],
    ['a title over the cap', valid({ title: 't'.repeat(LIMITS.titleChars + 1) }), 'title is longer than 2000 characters'],
    ['a language that is not a tag', valid({ language: '<img src=x>' }), 'language is not a language tag such as "fr" or "en-GB"'],
    ['a date that is not ISO', valid({ publishedTime: '7 juillet 2016' }), 'publishedTime is not an ISO 8601 date'],
    ['a date off the calendar', valid({ savedAt: '2016-13-01T00:00:00Z' }), 'savedAt is not an ISO 8601 date'],
    ['a date that is a number', valid({ updatedAt: 1467878400000 }), 'updatedAt is not a string'],
    ['an unknown origin', valid({ origin: 'admin' }), 'origin is not page, sample, import or followed'],
    ['paragraphs that are not a list', valid({ paragraphs: 'all' }), 'paragraphs is not a list'],
    ['a paragraph beyond the text', valid({ paragraphs: [{ start: 0, end: 999 }] }), 'paragraph 1 ends beyond the text (999 > 39 characters)'],
    ['a paragraph with a negative start', valid({ paragraphs: [{ start: -1, end: 5 }] }), 'paragraph 1: the span -1–5 is not a range'],
    ['a paragraph with fractional offsets', valid({ paragraphs: [{ start: 0.5, end: 5 }] }), 'paragraph 1: start and end are not whole numbers'],
    ['paragraphs out of order', valid({ paragraphs: [{ start: 21, end: 39 }, { start: 0, end: 19 }] }), 'paragraph 2 overlaps the one before it or is out of order'],
    ['a paragraph that is a number', valid({ paragraphs: [3] }), 'paragraph 1 is not a {start, end} object'],
  ])('%s', (_name, bad, reason) => {
    for (const [text, fileName, item] of [
      [jsonFile([valid({ url: 'https://ok.org/1' }), bad]), 'c.json', 'article 2'],
      [jsonlFile([JSON.stringify(valid({ url: 'https://ok.org/1' })), JSON.stringify(bad)]), 'c.jsonl', 'line 3'],
    ] as const) {
      const parsed = parseCorpusFile(text, fileName);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.articles.map((c) => c.article.url)).toEqual(['https://ok.org/1']);
      expect(parsed.skipped).toEqual([{ item, reason }]);
    }
  });

  it('a line of a JSONL stream that is not JSON', () => {
    const parsed = parseCorpusFile(jsonlFile([JSON.stringify(valid()), '{"url": "https://b.org", "text": ']), 'c.jsonl');
    expect(parsed).toMatchObject({ ok: true, skipped: [{ item: 'line 3', reason: 'not valid JSON' }] });
    expect(parsed.ok && parsed.articles).toHaveLength(1);
  });

  it('the same URL twice: the first is kept', () => {
    const parsed = parseCorpusFile(jsonFile([valid({ title: 'un' }), valid({ url: 'https://news.example.org/a#again', title: 'deux' })]), 'c.json');
    expect(parsed.ok && parsed.articles.map((c) => c.article.title)).toEqual(['un']);
    expect(parsed.ok && parsed.skipped).toEqual([{ item: 'article 2', reason: 'the same URL as article 1' }]);
  });
});

describe('the reader\'s "not the same event" judgements between exported articles', () => {
  const [a, b, c] = ['https://a.org/1', 'https://b.org/2', 'https://c.org/3'];
  const three = [valid({ url: a }), valid({ url: b }), valid({ url: c })];

  it.each(['json', 'jsonl'] as const)('go through a %s export and back', (format) => {
    const articles = three.map((x) => x as unknown as PortableArticle);
    const text = format === 'json'
      ? serializeCorpus(articles, { now: NOW, keptApart: [[a, b]] })
      : [...serializeCorpusLines(articles, { now: NOW, keptApart: [[a, b]] })].join('\n');
    expect(parseCorpusFile(text, `c.${format}`)).toMatchObject({ ok: true, keptApart: [[a, b]], skipped: [] });
  });

  it('are left out of the header when there are none, so an export without them reads as before', () => {
    expect(JSON.parse(serializeCorpus([], { now: NOW, keptApart: [] }))).toEqual({ format: 'recoupe-corpus', version: 1, exportedAt: NOW.toISOString(), count: 0, articles: [] });
    expect(parseCorpusFile(jsonFile(three), 'c.json')).toMatchObject({ ok: true, keptApart: [] });
  });

  it('are skipped with their reason when they are not a pair of two articles of the file', () => {
    const parsed = parseCorpusFile(jsonFile(three, { keptApart: [[a, c], [a, 'https://elsewhere.org/'], [a, a], [a], 'x', [b, 3]] }), 'c.json');
    expect(parsed).toMatchObject({ ok: true, keptApart: [[a, c]] });
    const reason = 'not a pair of two articles of the file';
    expect(parsed.ok && parsed.skipped).toEqual([2, 3, 4, 5, 6].map((n) => ({ item: `"not the same event" judgement ${n}`, reason })));
    expect(parseCorpusFile(jsonFile(three, { keptApart: { a: b } }), 'c.json')).toMatchObject({
      ok: true, keptApart: [], skipped: [{ item: '"not the same event" judgements', reason: 'not a list of pairs of addresses' }],
    });
  });
});

describe('what is read of a valid article', () => {
  it('drops unknown fields, and ignores __proto__, constructor and prototype keys', () => {
    const hostile = `{"format":"recoupe-corpus","version":1,"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"articles":[
      {"url":"https://a.org/x","text":"Un texte.","__proto__":{"polluted":"yes","title":"from the prototype"},"constructor":{"prototype":{"polluted":"yes"}},"admin":true,"analysis":{"match":"forged"},"id":1,"wordCount":-1,
       "paragraphs":[{"start":0,"end":9,"__proto__":{"polluted":"yes"}}]}]}`;
    const parsed = parseCorpusFile(hostile, 'c.json');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const article = parsed.articles[0]!.article;
    expect(article).toEqual({
      url: 'https://a.org/x', canonicalUrl: null, title: null, byline: null, site: null, language: null, publishedTime: null,
      savedAt: null, updatedAt: null, origin: 'import', text: 'Un texte.', paragraphs: [{ start: 0, end: 9 }],
    });
    expect(Object.getPrototypeOf(article)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(article.paragraphs[0])).toBe(Object.prototype);
    expect(({} as { polluted?: string }).polluted).toBeUndefined();
    expect((Object.prototype as { polluted?: string }).polluted).toBeUndefined();
  });

  it('an inherited field is not read as the article’s own', () => {
    const parsed = parseCorpusFile('{"format":"recoupe-corpus","version":1,"articles":[{"url":"https://a.org/x","text":"T","__proto__":{"text":"x"}}]}', 'c.json');
    expect(parsed.ok && parsed.articles[0]!.article.text).toBe('T');
    const inherited = parseCorpusFile('{"format":"recoupe-corpus","version":1,"articles":[{"url":"https://a.org/x","__proto__":{"text":"x"}}]}', 'c.json');
    expect(inherited.ok && inherited.skipped).toEqual([{ item: 'article 1', reason: 'text is missing' }]);
  });

  it('paragraphs left out are found between blank lines; a fragment is dropped from the URL; empty strings are null', () => {
    const parsed = parseCorpusFile(jsonFile([{ url: 'https://a.org/x#top', text: 'Un.\n\nDeux\ntrois.\n\n\nQuatre.', title: '  ', canonicalUrl: '' }]), 'c.json');
    expect(parsed.ok && parsed.articles[0]!.article).toMatchObject({
      url: 'https://a.org/x', title: null, canonicalUrl: null,
      paragraphs: [{ start: 0, end: 3 }, { start: 5, end: 16 }, { start: 19, end: 26 }],
    });
  });

  it.each(['2016-07-07', '2016-07-07T08:00Z', '2016-07-07T08:00:00+02:00', '2016-07-07T08:00:00.123Z', '2016-02-29'])('accepts the ISO date %s', (date) => {
    expect(parseCorpusFile(jsonFile([valid({ publishedTime: date })]), 'c.json')).toMatchObject({ ok: true, skipped: [] });
  });

  it('tells JSONL from JSON by the first line when the name says neither', () => {
    const lines = [...serializeCorpusLines([valid()] as never, { now: NOW })].join('\n');
    expect(parseCorpusFile(lines, 'export.txt')).toMatchObject({ ok: true, kind: 'jsonl' });
    expect(parseCorpusFile(serializeCorpus([valid()] as never), 'export')).toMatchObject({ ok: true, kind: 'json' });
  });

  it('never throws on random bytes', () => {
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const good = serializeCorpus([valid()] as never, { now: NOW });
    for (let i = 0; i < 300; i++) {
      const chars = [...good];
      for (let k = 0; k < 5; k++) chars[next() % chars.length] = String.fromCharCode(next() % 128);
      const mutated = chars.join('');
      expect(() => parseCorpusFile(mutated, i % 2 ? 'c.json' : 'c.jsonl')).not.toThrow();
    }
  });
});

describe('a file read as lines (the corpus page reads it in parts)', () => {
  const seeds = seedArticles();
  const json = serializeCorpus(seeds, { now: NOW });
  const jsonl = [...serializeCorpusLines(seeds, { now: NOW })].join('\n');
  const lines = (text: string) => text.split('\n');

  it.each([
    ['a JSON export', json, 'c.json'],
    ['a JSONL export', jsonl, 'c.jsonl'],
    ['a JSONL export without its extension', jsonl, 'c.txt'],
    ['a JSON export with a byte order mark and Windows line ends', `\uFEFF${json.replace(/\n/g, '\r\n')}`, 'c.json'],
    ['pretty-printed JSON (read whole)', JSON.stringify(JSON.parse(json), null, 2), 'c.json'],
    ['a JSON export with a hostile article', serializeCorpus([...seeds, { ...seeds[0]!, url: 'javascript:alert(1)' }], { now: NOW }), 'c.json'],
    ['an empty JSON export', serializeCorpus([], { now: NOW }), 'c.json'],
  ])('gives what the whole file gives: %s', (_name, text, name) => {
    const whole = parseCorpusFile(text, name);
    expect(parseCorpusLines(lines(text), name)).toEqual(whole);
  });

  it.each([
    ['cut in the middle of an article', json.slice(0, Math.floor(json.length / 2)), /^the file is not complete JSON/],
    ['cut after a whole article line', json.split('\n').slice(0, 3).join('\n'), /^the file is not complete JSON/],
    ['an article line without its comma', json.replace('},\n{', '}\n{'), /^the file is not complete JSON.*line 2/],
    ['a comma after the last article', json.replace(/}\n]}/, '},\n]}'), /^the file is not complete JSON.*line 6/],
    ['a newer format version', json.replace('"version":1', '"version":9'), /newer Recoupe/],
  ])('refuses the whole file, as whole reading does: %s', (_name, text, error) => {
    const parsed = parseCorpusLines(lines(text), 'c.json');
    expect(parsed).toEqual({ ok: false, error: expect.stringMatching(error) });
    expect(parseCorpusFile(text, 'c.json').ok).toBe(false);
  });

  it('reads an export in Recoupe’s layout beyond the size a whole file is read at', () => {
    // The lines of one article repeated past LIMITS.fileChars (without building the string).
    const [head, first] = lines(json);
    const article = first!.slice(0, -1);
    const count = Math.ceil(LIMITS.fileChars / article.length) + 1;
    const big = [head!, ...Array.from({ length: count }, (_, i) => article.replace(seeds[0]!.url, `https://a.org/${i}`) + (i < count - 1 ? ',' : '')), ']}', ''];
    const parsed = parseCorpusLines(big, 'big.json');
    expect(parsed.ok && parsed.articles.length).toBe(count);
  });
});

describe('fitting a record to the import limits (saving does)', () => {
  it.each([
    ['a title too long', { title: 'é'.repeat(LIMITS.titleChars + 867) }, { title: 'é'.repeat(LIMITS.titleChars) }],
    ['a title cut inside a surrogate pair', { title: `${'a'.repeat(LIMITS.titleChars - 1)}😀` }, { title: 'a'.repeat(LIMITS.titleChars - 1) }],
    ['a byline and a site too long', { byline: 'b'.repeat(5_000), site: 's'.repeat(501) }, { byline: 'b'.repeat(LIMITS.bylineChars), site: 's'.repeat(LIMITS.siteChars) }],
    ['a date out of the calendar', { publishedTime: '+275760-09-13T00:00:00.000Z' }, { publishedTime: null }],
    ['a language that is no tag', { language: 'français' }, { language: null }],
    ['a canonical address the format refuses', { canonicalUrl: `https://a.org/${'x'.repeat(LIMITS.urlChars)}` }, { canonicalUrl: null }],
    ['blank fields', { title: '  ', byline: '' }, { title: null, byline: null }],
  ])('%s: then imports back', (_name, fields, expected) => {
    const fitted = fitToLimits({ ...valid(), ...fields } as PortableArticle);
    expect(fitted).toMatchObject(expected);
    const parsed = parseCorpusFile(jsonFile([fitted]), 'c.json');
    expect(parsed.ok && parsed.skipped).toEqual([]);
  });
});
