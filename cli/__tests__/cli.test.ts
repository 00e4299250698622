/**
 * The command line as researchers script it: real files in, JSON out, one-line errors. Run
 * in-process through the command registry (cli/main.ts); one test spawns the process, for its
 * exit codes and stdout.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, spawnCli } from '../../tests/support/run-cli';
import { READABILITY_PAGES_DIR, SEEDS_DIR } from '../../tests/support/shared-fixtures';

const SEEDS = SEEDS_DIR;
const PAGES = READABILITY_PAGES_DIR;

const cli = (...args: string[]) => runCli(args);

describe('recoupe extract', () => {
  it('prints the article of a plain-text capture with offsets into its text', async () => {
    const { code, stdout } = await cli('extract', join(SEEDS, '000_492f0f67598950be.txt'));
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(expect.arrayContaining(['title', 'language', 'isArticle', 'text', 'paragraphs', 'boilerplate']));
    expect(out).toMatchObject({ title: 'Poutine et Obama se sont accordés pour intensifier leur coordination militaire en Syrie', language: 'fr', isArticle: true });
    expect(out.text).not.toContain(out.title);
    expect(out.boilerplate).toContain('International');
    for (const p of out.paragraphs) {
      expect(p.start).toBeLessThan(p.end);
      expect(out.text.slice(p.start, p.end).trim()).toBe(out.text.slice(p.start, p.end));
    }
    expect(out.text.slice(out.paragraphs[0].start, out.paragraphs[0].end)).toMatch(/^A l’issue d’une conversation téléphonique/);
  });

  it('prints an HTML page’s article, with the URL given', async () => {
    const { code, stdout } = await cli('extract', join(PAGES, 'lemonde-1/source.html'), '--url', 'https://www.lemonde.fr/article.html');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({ language: 'fr', isArticle: true, title: "Le projet de loi sur le renseignement massivement approuvé à l'Assemblée" });
  });

  it('still prints JSON for a page that is not an article, saying so', async () => {
    const { code, stdout } = await cli('extract', join(PAGES, 'mozilla-1/source.html'));
    expect(code).toBe(0);
    expect(JSON.parse(stdout).isArticle).toBe(false);
    // Why, as codes: nothing on a product page (mozilla-1) says article.
    expect(JSON.parse(stdout).notArticle.map((r: { code: string }) => r.code)).toContain('no-article-signs');
  });

  it.each([
    ['a missing file', ['extract', 'no/such/file.html'], 1, /^recoupe: cannot read no\/such\/file\.html: no such file\n$/],
    ['a directory', ['extract', 'corpus'], 1, /^recoupe: cannot read corpus: it is a directory\n$/],
    ['no command', [], 2, /no command given/],
    ['an unknown command', ['frobnicate', 'x'], 2, /unknown command: frobnicate/],
    ['a bad --url', ['extract', join(SEEDS, '000_492f0f67598950be.txt'), '--url', 'not a url'], 2, /--url is not a URL/],
    ['compare with one file', ['compare', join(SEEDS, '000_492f0f67598950be.txt')], 2, /compare takes two files/],
  ])('exits non-zero with a one-line message for %s', async (_name, args, code, message) => {
    const result = await cli(...args);
    expect(result.code).toBe(code);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });

  it('refuses a binary file in one line', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'recoupe-cli-')), 'image.html');
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0x00]));
    const result = await cli('extract', file);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/binary file/);
  });

  it('as a process: the same JSON on stdout with exit 0, and exit 2 with the message on stderr for wrong usage', { timeout: 120_000 }, async () => {
    const file = join(SEEDS, '000_492f0f67598950be.txt');
    const [spawned, wrong, inProcess] = await Promise.all([spawnCli('extract', file), spawnCli('extract', file, file), cli('extract', file)]);
    expect(spawned).toEqual({ code: 0, stdout: inProcess.stdout, stderr: '' });
    expect(wrong.code).toBe(2);
    expect(wrong.stdout).toBe('');
    expect(wrong.stderr).toMatch(/^recoupe: extract takes one file/);
  });
});
