/**
 * The word index's tables in memory, for word-index.test.ts and word-merge.test.ts: what a write
 * appends through (`store`), what merges read and write through (`merges`, each call a
 * transaction of its own), what a search reads through (`reader`), and the parts merges read.
 */
import type { WordPart, WordRun, WordStore } from '../word-index';
import type { MergeMark, MergeStore } from '../word-merge';

export function memoryStore() {
  const runs = new Map<number, WordRun>();
  const parts = new Map<string, WordPart>();
  const counts = { partsRead: 0 };
  const state = { mark: null as MergeMark | null };
  const key = (run: number, part: number) => `${run}:${part}`;
  const store: WordStore = {
    runs: async () => [...runs.values()],
    async write(written, writtenParts, drop) {
      for (const run of drop) {
        runs.delete(run);
        for (const [k, p] of parts) if (p.run === run) parts.delete(k);
      }
      for (const r of written) runs.set(r.run, r);
      for (const p of writtenParts) parts.set(key(p.run, p.part), p);
    },
  };
  const merges: MergeStore = {
    runs: async () => [...runs.values()],
    parts: async (run, from, count) => {
      const found: WordPart[] = [];
      for (let p = from; p < from + count; p++) {
        const part = parts.get(key(run, p));
        if (part) found.push(part);
      }
      counts.partsRead += found.length;
      return found;
    },
    mark: async () => state.mark,
    async stage(written, mark) {
      for (const p of written) parts.set(key(p.run, p.part), p);
      state.mark = mark;
    },
    async commit(group, merged, mark) {
      if (!group.every((g) => runs.get(g.run) === g)) return false;
      for (const g of group) runs.delete(g.run);
      runs.set(merged.run, merged);
      state.mark = mark;
      return true;
    },
    async drop(run, from, count, mark) {
      for (let p = from; p < from + count; p++) parts.delete(key(run, p));
      state.mark = mark;
    },
  };
  const reader = { runs: store.runs, parts: async (keys: [number, number][]) => keys.map(([run, part]) => parts.get(key(run, part))) };
  return { store, merges, reader, runs, parts, counts, state };
}
