/**
 * `recoupe match` and `recoupe stories` as researchers script them: a folder in, JSON out,
 * one-line errors. Run in-process through the command registry (cli/main.ts); one test spawns
 * each command, for the process's exit code and stdout.
 */
import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, spawnCli } from '../support/run-cli';
import { SEEDS_DIR } from '../support/shared-fixtures';
import { SEED_PUBLISHED } from '../../lib/match/__tests__/helpers';
import type { MatchOutput } from '../../cli/commands/match';

const cli = (...args: string[]) => runCli(args);

/** The seeds as a corpus folder, with sidecars giving the pages' publication dates. */
function seedFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'recoupe-seeds-'));
  for (const f of readdirSync(SEEDS_DIR).filter((n) => n.endsWith('.txt'))) {
    copyFileSync(join(SEEDS_DIR, f), join(dir, f));
    const id = f.replace(/\.txt$/, '');
    writeFileSync(join(dir, `${id}.meta.json`), JSON.stringify({ published: SEED_PUBLISHED[id], site: 'seed' }));
  }
  return dir;
}

describe('recoupe match', () => {
  it('grades every other article of the folder, best first, the query itself left out', async () => {
    const dir = seedFolder();
    const { code, stdout } = await cli('match', join(dir, '000_492f0f67598950be.txt'), '--corpus', dir);
    expect(code).toBe(0);
    const { matches } = JSON.parse(stdout) as MatchOutput;
    expect(matches.map((m) => m.id)).not.toContain('000_492f0f67598950be');
    expect(matches).toHaveLength(4);
    expect(matches[0]).toMatchObject({ id: '001_efc4fda914ae2fdd', relation: 'same' });
    expect(matches.slice(1).map((m) => m.relation)).toEqual(['related', 'related', 'related']);
    expect(matches.map((m) => m.score)).toEqual([...matches.map((m) => m.score)].sort((a, b) => b - a));
    expect(matches[0]!.reasons.length).toBeGreaterThan(0);
    // Each reason as a code with its values, and an English sentence.
    expect(matches[0]!.reasons).toContainEqual({ code: 'same-date', date: '2016-07-06', text: 'both give the date 6 Jul 2016' });
  });

  it.each([
    ['a missing corpus folder', ['match', join(SEEDS_DIR, '000_492f0f67598950be.txt'), '--corpus', 'no/such/dir'], 1, /^recoupe: cannot read corpus no\/such\/dir: no such folder\n$/],
    ['no --corpus', ['match', join(SEEDS_DIR, '000_492f0f67598950be.txt')], 2, /match needs --corpus/],
    ['two files', ['match', 'a.txt', 'b.txt', '--corpus', '.'], 2, /match takes one file/],
    ['stories without a folder', ['stories'], 2, /stories takes one folder/],
    ['stories on a missing folder', ['stories', 'no/such/dir'], 1, /^recoupe: cannot read corpus no\/such\/dir: no such folder\n$/],
  ])('exits non-zero with a one-line message for %s', async (_name, args, code, message) => {
    const r = await cli(...args);
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });
});

describe('a sidecar field the folder format does not have', () => {
  // `publishedTime` for `published`: the date would be dropped in silence and the grades change.
  it.each([['match'], ['stories']])('%s says which sidecar and which field it ignored, and still answers', async (command) => {
    const dir = seedFolder();
    writeFileSync(join(dir, '002_b5629d95adcdafa8.meta.json'), JSON.stringify({ publishedTime: '2016-04-18', site: 'seed' }));
    const r = command === 'match' ? await cli('match', join(dir, '000_492f0f67598950be.txt'), '--corpus', dir) : await cli('stories', dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`recoupe: ${join(dir, '002_b5629d95adcdafa8.meta.json')}: ignored "publishedTime" (a sidecar's fields are url, site, title, published)\n`);
    expect(JSON.parse(r.stdout)).toBeTruthy();
  });
});

describe('recoupe stories', () => {
  it('groups 000 and 001 into one story and leaves the others alone', async () => {
    const { code, stdout } = await cli('stories', seedFolder());
    expect(code).toBe(0);
    const { stories } = JSON.parse(stdout) as { stories: { ids: string[]; label: string }[] };
    expect(stories).toEqual([{ ids: ['000_492f0f67598950be', '001_efc4fda914ae2fdd'], label: expect.any(String), lead: expect.any(String) }]);
  });
});

describe('recoupe match and stories as processes', () => {
  it('print on stdout what they print in-process and exit 0', { timeout: 120_000 }, async () => {
    const dir = seedFolder();
    const query = join(dir, '000_492f0f67598950be.txt');
    const [match, stories, matchIn, storiesIn] = await Promise.all([
      spawnCli('match', query, '--corpus', dir), spawnCli('stories', dir), cli('match', query, '--corpus', dir), cli('stories', dir),
    ]);
    expect(match).toEqual({ code: 0, stdout: matchIn.stdout, stderr: '' });
    expect(stories).toEqual({ code: 0, stdout: storiesIn.stdout, stderr: '' });
  });
});
