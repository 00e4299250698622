/**
 * The corpus's stored word index: for each word of the stored articles (title, site, address and
 * text), the articles holding it and how often, so that a search reads a few index rows instead
 * of every text. Words are runs of letters and digits folded the way comparison and search fold
 * them (`lib/search`'s `foldedWords`: case, accents and typography ignored), so `États` is found
 * by `etats`.
 *
 * Rows are keyed by word and block of article ids (`BLOCK` ids a row): an article saved adds its
 * id to one row per word, and an import of many articles writes each word's row of a block once.
 * A row's postings are two typed arrays (ids ascending, counts capped at 255), cheap to clone.
 * This is an inverted index with postings split in blocks (Manning, Raghavan & Schütze,
 * *Introduction to Information Retrieval*, ch. 4–5).
 *
 * @module
 */
import { foldedWords } from '../../lib/search';

/** Article ids per index row. */
export const BLOCK = 1024;

/** One row of the word index. */
export interface WordPostings {
  term: string;
  /** `Math.floor(id / BLOCK)` of the articles of this row. */
  block: number;
  ids: Uint32Array;
  /** Occurrences of the word in each article (title words counted `TITLE_WEIGHT` times), capped at 255. */
  counts: Uint8Array;
}

/** A title word weighs as much as this many words of the text. */
const TITLE_WEIGHT = 3;

/** What an article gives the word index. */
export interface IndexedArticle {
  title: string | null;
  site: string | null;
  url: string;
  text: string;
}

/** The words of an article and their weighted counts. */
export function articleTerms(a: IndexedArticle): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (s: string | null, weight: number) => {
    if (!s) return;
    for (const w of foldedWords(s)) counts.set(w, (counts.get(w) ?? 0) + weight);
  };
  add(a.title, TITLE_WEIGHT);
  add(a.site, 1);
  add(a.url, 1);
  add(a.text, 1);
  return counts;
}

const rowKey = (term: string, block: number) => `${block}\u0000${term}`;

/** Changes to the word index gathered over a batch of writes, applied with one read and one write. */
export class PostingsChange {
  /** Per row key: ids to add (with counts) and ids to remove. */
  private rows = new Map<string, { term: string; block: number; add: Map<number, number>; remove: Set<number> }>();

  private row(term: string, id: number) {
    const block = Math.floor(id / BLOCK);
    const key = rowKey(term, block);
    let row = this.rows.get(key);
    if (!row) this.rows.set(key, (row = { term, block, add: new Map(), remove: new Set() }));
    return row;
  }

  add(id: number, terms: Map<string, number>): void {
    for (const [term, count] of terms) this.row(term, id).add.set(id, Math.min(255, count));
  }

  remove(id: number, terms: Iterable<string>): void {
    for (const term of terms) {
      const row = this.row(term, id);
      row.remove.add(id);
      row.add.delete(id);
    }
  }

  get keys(): [string, number][] {
    return [...this.rows.values()].map((r) => [r.term, r.block]);
  }

  /** The rows to write, given the stored ones (same order as `keys`); null for a row left empty (to delete). */
  apply(stored: (WordPostings | undefined)[]): { put: WordPostings[]; remove: [string, number][] } {
    const put: WordPostings[] = [];
    const remove: [string, number][] = [];
    [...this.rows.values()].forEach((change, i) => {
      const merged = new Map<number, number>();
      const old = stored[i];
      if (old) old.ids.forEach((id, j) => { if (!change.remove.has(id)) merged.set(id, old.counts[j]!); });
      for (const [id, count] of change.add) merged.set(id, count);
      if (merged.size === 0) {
        if (old) remove.push([change.term, change.block]);
        return;
      }
      const ids = Uint32Array.from(merged.keys()).sort();
      put.push({ term: change.term, block: change.block, ids, counts: Uint8Array.from(ids, (id) => merged.get(id)!) });
    });
    return { put, remove };
  }
}
