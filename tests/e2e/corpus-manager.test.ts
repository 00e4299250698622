/**
 * End to end: the corpus manager with the sample corpus (the five seeds, put in place on install)
 * and one English article imported beside it. Full-text search with snippets, filters, order,
 * stories, two articles side by side, selection (export, delete), and a whole round trip through
 * an export. Screenshots of the list, the stories and the side-by-side view (light and dark) land
 * in tests/artifacts/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium-extension';
import { fold } from '../../lib/text';

const ARTIFACTS = resolve('tests/artifacts');

/** The seeds' texts by their number (`000`). */
const seeds = new Map(readdirSync('corpus').filter((f) => f.endsWith('.txt')).map((f) => [f.slice(0, 3), readFileSync(join('corpus', f), 'utf8')]));

/**
 * A word found in one seed only, and there only deep in the body (past its first 500 characters,
 * so not in a title or lead): what a researcher remembers of an article's text.
 */
function bodyOnlyWord(): { seed: string; word: string } {
  const words = new Map([...seeds].map(([n, text]) => [n, new Set(fold(text).match(/\p{L}{9,}/gu))]));
  for (const [n, text] of seeds) {
    const folded = fold(text);
    const word = [...words.get(n)!].find((w) => folded.indexOf(w) > 500 && [...words].every(([m, set]) => m === n || !set.has(w)));
    if (word) return { seed: n, word };
  }
  throw new Error('no seed has a word of its own');
}

const english = {
  format: 'recoupe-corpus', version: 1, articles: [{
    url: 'https://example.org/world/aleppo-truce', title: 'Aleppo truce holds for a second day', site: 'Example Wire', language: 'en',
    publishedTime: '2016-09-13T10:00:00Z', text: 'The truce around Aleppo held for a second day on Tuesday, monitors said.\n\nAid convoys were still waiting at the border.',
  }],
};

let browser: ExtensionBrowser;
let corpus: Page;
const dialogs: string[] = [];

const rows = () => corpus.getByTestId('article-row');
const rowCount = () => rows().count();
const titles = async () => (await corpus.getByTestId('row-title').allTextContents()).sort();
/** The stored id of a seed, from the list (a sample is stored under `sample:<file name>`). */
async function idOf(seed: string): Promise<number> {
  const row = corpus.locator(`[data-testid="article-row"][data-url^="sample:${seed}_"]`);
  await row.waitFor();
  return Number(await row.getAttribute('data-id'));
}
async function search(text: string) {
  await corpus.getByTestId('search').fill(text);
}

beforeAll(async () => {
  browser = await launchWithExtension();
  corpus = await browser.openExtensionPage('corpus.html');
  await corpus.setViewportSize({ width: 1280, height: 900 });
  corpus.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.accept();
  });
  await rows().nth(4).waitFor({ timeout: 30_000 });
  await corpus.getByTestId('import-input').setInputFiles({ name: 'english.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(english)) });
  await rows().nth(5).waitFor();
  await corpus.getByTestId('import-report').getByRole('button').click();
});

afterAll(async () => {
  await browser?.close();
});

describe('the corpus manager', () => {
  it('finds a word of one article’s body, with a snippet around it, accents and case ignored', async () => {
    const { word } = bodyOnlyWord();
    await search(word.toUpperCase());
    await expect.poll(rowCount).toBe(1);
    const snippet = rows().first().getByTestId('snippet');
    expect(fold(await snippet.locator('mark').textContent() ?? '')).toBe(word);
    expect((await snippet.textContent())!.length).toBeGreaterThan(word.length + 40);
    await expect.poll(() => corpus.getByTestId('matching').textContent()).toBe('1 matching');
    await search('');
    await expect.poll(rowCount).toBe(6);
  });

  it('shows what a search finds in the texts (screenshot)', async () => {
    await search('Syrie');
    await expect.poll(async () => (await corpus.getByTestId('snippet').count()) > 0).toBe(true);
    // The imported article's words, indexed a moment after the import: the page lists again by itself.
    await expect.poll(() => corpus.getByTestId('unindexed').count()).toBe(0);
    await corpus.screenshot({ path: join(ARTIFACTS, 'corpus-manager.png'), fullPage: true });
    await search('');
  });

  it('filters by site and by language, with counts, and combines them with the search', async () => {
    const site = corpus.getByTestId('filter-site');
    expect(await site.locator('option').allTextContents()).toContain('RT France (2)');
    await site.selectOption('RT France');
    await expect.poll(rowCount).toBe(2);
    expect(await corpus.getByTestId('row-site').allTextContents()).toEqual(['RT France', 'RT France']);
    await site.selectOption({ index: 0 });
    await expect.poll(rowCount).toBe(6);

    const language = corpus.getByTestId('filter-language');
    expect(await language.locator('option').allTextContents()).toEqual(['All languages', 'French (5)', 'English (1)']);
    await language.selectOption('en');
    await expect.poll(titles).toEqual(['Aleppo truce holds for a second day']);
    await language.selectOption('fr');
    await expect.poll(rowCount).toBe(5);
    // A word of the English article's text, searched among the French ones: nothing.
    await search('convoys');
    await expect.poll(() => corpus.getByTestId('no-match').isVisible()).toBe(true);
    await corpus.getByTestId('clear-filters').click();
    await expect.poll(rowCount).toBe(6);
  });

  it('filters by a published-date range', async () => {
    await corpus.getByTestId('filter-from').fill('2016-07-01');
    await corpus.getByTestId('filter-to').fill('2016-07-31');
    const dates = async () => (await corpus.getByTestId('row-published').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-value') ?? '')));
    await expect.poll(async () => (await dates()).length).toBe(3);
    expect((await dates()).every((d) => d >= '2016-07-01' && d <= '2016-07-31')).toBe(true);
    await corpus.getByTestId('clear-filters').click();
    await expect.poll(rowCount).toBe(6);
  });

  it('sorts by published date, both ways', async () => {
    const dates = () => corpus.getByTestId('row-published').evaluateAll((cells) => cells.map((c) => Date.parse(c.getAttribute('data-value') ?? '')));
    await corpus.getByTestId('sort').selectOption('published');
    await expect.poll(async () => { const d = await dates(); return d.every((x, i) => i === 0 || d[i - 1]! >= x); }).toBe(true);
    await corpus.getByTestId('sort-direction').click();
    await expect.poll(async () => { const d = await dates(); return d.length === 6 && d.every((x, i) => i === 0 || d[i - 1]! <= x); }).toBe(true);
    await corpus.getByTestId('sort').selectOption('saved');
    await corpus.getByTestId('sort-direction').click();
  });

  it('groups by story: seeds 000 and 001 together, 002 apart', async () => {
    const [a, b, c] = [await idOf('000'), await idOf('001'), await idOf('002')];
    await corpus.getByTestId('view-stories').click();
    const story = corpus.getByTestId('story').filter({ has: corpus.locator(`[data-testid="story-article"][data-id="${a}"]`) });
    await story.waitFor();
    const ids = (await story.getByTestId('story-article').evaluateAll((items) => items.map((i) => Number(i.getAttribute('data-id'))))).sort();
    expect(ids).toContain(b);
    expect(ids).not.toContain(c);
    // Each article but the one the story is named after says what it shares with that one.
    const reasons = await story.getByTestId('story-reasons').allTextContents();
    expect(reasons).toHaveLength(ids.length - 1);
    for (const r of reasons) expect(r).toMatch(/\d+ words in common \(term similarity [01]\.\d\d\)/);
    await corpus.screenshot({ path: join(ARTIFACTS, 'corpus-stories.png'), fullPage: true });
    await corpus.getByTestId('view-list').click();
  });

  it('shows 000 and 001 side by side with their shared quotations marked in both', async () => {
    const [a, b] = [await idOf('000'), await idOf('001')];
    await corpus.locator(`[data-testid="article-row"][data-id="${a}"] [data-testid="row-compare"]`).click();
    await corpus.getByTestId('compare-choice').selectOption(String(b));
    const quotesIn = (col: string) => corpus.getByTestId(col).locator('mark.shared-quote');
    await expect.poll(() => quotesIn('column-a').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    // Every shared quotation is marked in both columns, under the same pair numbers.
    const pairs = async (col: string) => new Set((await quotesIn(col).evaluateAll((m) => m.map((x) => x.getAttribute('data-pairs') ?? ''))).flatMap((p) => p.split(' ')));
    const [pa, pb] = [await pairs('column-a'), await pairs('column-b')];
    expect(pa.size).toBeGreaterThanOrEqual(2);
    expect([...pa].filter((p) => pb.has(p)).length).toBeGreaterThanOrEqual(2);
    expect(await corpus.getByTestId('sbs-summary').textContent()).toMatch(/^\d+ shared quotations · \d+ shared passages?/);
    // Texts are text: no element but marks inside the paragraphs.
    expect(await corpus.getByTestId('side-by-side').locator('.column p > :not(mark)').count()).toBe(0);
    await corpus.screenshot({ path: join(ARTIFACTS, 'corpus-side-by-side.png'), fullPage: false });
    await corpus.emulateMedia({ colorScheme: 'dark' });
    await corpus.screenshot({ path: join(ARTIFACTS, 'corpus-side-by-side-dark.png'), fullPage: false });
    await corpus.emulateMedia({ colorScheme: 'light' });
    await corpus.getByTestId('sbs-close').click();
  });

  it('offers the article\'s story first in a side by side, without the Stories view having been opened', async () => {
    const [a, b, c] = [await idOf('000'), await idOf('001'), await idOf('002')];
    await corpus.reload();
    await corpus.locator(`[data-testid="article-row"][data-id="${a}"] [data-testid="row-compare"]`).click();
    const mates = corpus.locator('[data-testid="compare-choice"] optgroup[label="Same story"] option');
    await expect.poll(() => mates.evaluateAll((o) => o.map((x) => Number((x as HTMLOptionElement).value))), { timeout: 30_000 }).toContain(b);
    const offered = await mates.evaluateAll((o) => o.map((x) => Number((x as HTMLOptionElement).value)));
    expect(offered).not.toContain(a);
    expect(offered).not.toContain(c);
    await corpus.getByTestId('sbs-close').click();
  });

  it('exports the selection, deletes two selected articles and the counts follow', async () => {
    await expect.poll(rowCount).toBe(6);
    await rows().nth(0).getByTestId('select-row').check();
    await rows().nth(1).getByTestId('select-row').check();
    expect(await corpus.getByTestId('selected-count').textContent()).toBe('2 selected');
    const chosen = (await rows().locator('input:checked').evaluateAll((c) => c.map((x) => x.closest('tr')!.querySelector('[data-testid="row-title"]')!.textContent))).sort();

    const [download] = await Promise.all([corpus.waitForEvent('download'), corpus.getByTestId('export-selected').click()]);
    const file = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(file.count).toBe(2);
    expect(file.articles.map((a: { title: string }) => a.title).sort()).toEqual(chosen);

    await corpus.getByTestId('delete-selected').click();
    await expect.poll(rowCount).toBe(4);
    expect(dialogs.at(-1)).toBe('Delete 2 articles from your corpus? This cannot be undone.');
    expect(await corpus.getByTestId('counts').textContent()).toMatch(/^4 articles · .* of browser storage used$/);
    expect(await corpus.getByTestId('selected-count').textContent()).toBe('0 selected');
    expect((await titles()).filter((t) => chosen.includes(t))).toEqual([]);
  });

  it('deletes everything (select all), imports the export and finds every article again', async () => {
    const before = await titles();
    await corpus.getByTestId('select-shown').check();
    const [download] = await Promise.all([corpus.waitForEvent('download'), corpus.getByTestId('export-selected-jsonl').click()]);
    const exported = readFileSync((await download.path())!, 'utf8');
    expect(exported.trimEnd().split('\n')).toHaveLength(4 + 2);

    await corpus.getByTestId('delete-selected').click();
    await corpus.getByTestId('empty').waitFor();
    expect(dialogs.at(-1)).toBe('Delete 4 articles from your corpus? This cannot be undone.');

    await corpus.getByTestId('import-input').setInputFiles({ name: 'back.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(exported) });
    await expect.poll(() => corpus.getByTestId('import-line').allTextContents()).toEqual(['back.jsonl: 4 articles added, 0 updated, 0 skipped.']);
    await expect.poll(titles).toEqual(before);
  });
});
