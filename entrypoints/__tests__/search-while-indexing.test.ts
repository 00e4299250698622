/**
 * A search from the corpus page while an import's words are still being indexed
 * (extension/storage/words-later.ts; issue 16, every view instant; issue 20, no request waits more
 * than 200 ms): the background answers at once from the words indexed and says how many imported
 * articles it did not look in, then, once every word is indexed, tells the page to list again
 * (`notice/corpus-changed`), and the same search finds them. It used to wait up to 5 s for the
 * words, then answer the same thing: every search took 5–6 s for minutes after a large import.
 * The indexing is held, as a slow machine or a large import holds it, by the hook the end-to-end
 * test uses (`recoupeTestHoldWords`, entrypoints/background/preparation.ts).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { send, startBackground } from '../../tests/support/fake-background';
import { articleOf } from './import-round-trip';
import { PREPARE_AFTER_IMPORT_MS, PreparationQueue } from '../background/preparation';

const IMPORTED = 30;
/** The test's bound on an answer: the old wait was 5,000 ms; in Node with fake-indexeddb the search takes tens of ms. */
const AT_ONCE_MS = 1_000;
const hold = (on: boolean) => ((globalThis as { recoupeTestHoldWords?: boolean }).recoupeTestHoldWords = on);

let notices: string[];
beforeEach(async () => {
  await startBackground();
  notices = [];
  // The background's notices to the pages.
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (m: { type: string }) => void notices.push(m.type)) as never);
  hold(true);
  const articles = Array.from({ length: IMPORTED }, (_, i) => ({ item: `article ${i + 1}`, article: articleOf(i) }));
  expect(await send({ type: 'corpus/import-part', fileName: 'a.jsonl', articles })).toMatchObject({ ok: true, value: { added: IMPORTED } });
  notices = []; // The import's own.
});
afterEach(() => {
  hold(false);
  vi.restoreAllMocks();
});

// Searches of each kind, and how many of the imported articles each finds once their words are indexed (textOf: every text says "ministre" and "a dit").
const SEARCHES: [string, string, number][] = [
  ['one word', 'ministre', IMPORTED],
  ['a phrase', '"a dit"', IMPORTED],
  ['three words', 'ministre dit réponses', IMPORTED],
  ['a word no article has', 'zorglubien', 0],
];

describe('a search while an import\'s words are being indexed', () => {
  it.each(SEARCHES)('%s: answers at once, saying how many articles it did not look in; lists them once told they are indexed', async (_, query, found) => {
    const started = performance.now();
    const before = await send({ type: 'corpus/search', query, limit: 50 });
    const ms = performance.now() - started;
    expect(before).toMatchObject({ ok: true, value: { ids: [], unindexed: IMPORTED } });
    expect(ms).toBeLessThan(AT_ONCE_MS);
    expect(notices).not.toContain('notice/corpus-changed');

    hold(false);
    await vi.waitFor(() => expect(notices).toContain('notice/corpus-changed'), { timeout: 20_000, interval: 50 });
    const after = await send({ type: 'corpus/search', query, limit: 50 });
    expect(after?.ok && after.value.ids).toHaveLength(found);
    expect(after?.ok && after.value).not.toHaveProperty('unindexed');
  });
});

describe('a search the corpus page made itself (page-search.ts) that did not look in some', () => {
  it('has the background index them now (corpus/index-words), not a second after the import, without waiting for them', async () => {
    const start = vi.spyOn(PreparationQueue.prototype, 'start');
    const asked = performance.now();
    expect(await send({ type: 'corpus/index-words' })).toEqual({ ok: true, value: null });
    expect(performance.now() - asked).toBeLessThan(PREPARE_AFTER_IMPORT_MS);
    expect(start).toHaveBeenCalledTimes(1);
    hold(false);
    await vi.waitFor(() => expect(notices).toContain('notice/corpus-changed'), { timeout: 20_000, interval: 50 });
    const after = await send({ type: 'corpus/search', query: 'ministre', limit: 0 });
    expect(after?.ok && after.value.ids).toHaveLength(IMPORTED);
  });
});
