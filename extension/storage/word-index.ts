/**
 * The corpus's stored word index: for each word of the stored articles (title, site, address and
 * text), the articles holding it and how often, so that a search reads a few index rows instead
 * of every text. Words are runs of letters and digits folded the way comparison and search fold
 * them (`lib/search`'s `foldedWords`: case, accents and typography ignored), so `États` is found
 * by `etats`; beside them, each two words side by side (`pairTerm`), so that a phrase is found
 * without reading texts.
 *
 * Since schema 5 the index is log-structured (O'Neil, Cheng, Gawlick & O'Neil, *The
 * Log-Structured Merge-Tree*, Acta Informatica 33, 1996; tiered merging as in Bigtable's and
 * Cassandra's compactions): every write of articles appends one *run*, the inverted index of that
 * write alone (its words in order, each with its articles' ids and counts), cut into *parts* of a
 * few thousand postings; nothing stored is read to write it. A run also lists the ids it
 * *removes*: the articles the write deleted or rewrote, whose postings in older runs no longer
 * count (tombstones), so an update or a delete reads no earlier postings either. A search reads,
 * in each run, the parts whose words may hold the query's (the first word of every part is in the
 * run's row, `firsts`), and drops the postings a newer run removed. So that runs stay few, four
 * runs side by side are merged into one when they are of one size class (size-tiered compaction:
 * each posting is rewritten once per class it goes through, about log₄ of the corpus's size over
 * a write's), up to a size past which runs are left as they are (`RUN_POLICY`); merges are jobs
 * of their own after the writes, in small transactions (word-merge.ts).
 *
 * @module
 */
import { eachFoldedWord, PAIR_MARK, pairTerm } from '../../lib/search';
import { Bytes, encodePositions, skipPositions } from './word-positions';

/** A run of the word index: what one write of articles (or one merge) gave it. */
export interface WordRun {
  /** Newer runs have larger numbers. */
  run: number;
  /** Postings in its parts. */
  postings: number;
  /** Ids whose postings in older runs no longer count (deleted or rewritten articles), ascending. */
  removed: Uint32Array;
  /** The first word of each of its parts, in order (a part may begin with the rest of the word before). */
  firsts: string[];
  /**
   * Whether it holds its articles' pairs of words (`pairTerm`): every run written since they were
   * added. The run made of the schema-4 index has none (its texts were not read), nor has a merge
   * of it; a phrase is looked for there by its words, and checked against the texts.
   */
  pairs?: boolean;
  /**
   * Whether its pairs of words carry their positions (`WordPart.positions`): every run written
   * since they were added. In a run without them, a phrase of three words or more is proven from
   * the counts or checked in the texts (corpus.ts), until the rewrite (pair-rewrite.ts) has been there.
   */
  positions?: boolean;
}

/** A part of a run: some of its words, in order, each with its postings. */
export interface WordPart {
  run: number;
  part: number;
  /** The words, joined by `\n` (a word holds letters and digits only): one string clones faster than an array. */
  terms: string;
  /** Where each word's postings start in `ids` and `counts`, and one more: the end. */
  starts: Uint32Array;
  /** Article ids, ascending within a word. */
  ids: Uint32Array;
  /** Occurrences of the word in each article (title words counted `TITLE_WEIGHT` times), capped at 255. */
  counts: Uint8Array;
  /**
   * In a run with positions (`WordRun.positions`): for each posting of a pair of words, in order
   * (pairs come first in a part), where the pair starts in the article (`encodePositions`); words
   * have none. Read from a part's start (`skipPositions`): no offset per posting, which would
   * weigh as much as the positions themselves (most pairs are in an article once).
   */
  positions?: Uint8Array;
}

/** A row of the word index of schema 4 (one per word and block of 1,024 ids), read by the upgrade to schema 5. */
export interface BlockPostings {
  term: string;
  block: number;
  ids: Uint32Array;
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

/**
 * An article's words and pairs of words with their weighted counts, and where each pair starts
 * (`positions`): words are numbered in the order search reads them, the title, site and address
 * one after the other, then, one number left out, the text. The number left out keeps a phrase
 * from being found across the address and the text (no pair spans them): a phrase w₁ … wₙ is at
 * p when the pairs w₁w₂, w₃w₄, … (and wₙ₋₁wₙ) start at p, p + 2, … (and p + n − 2), since no
 * pair starts on the number left out (Williams, Zobel & Bahle 2004 keep such positions in their
 * "next-word index").
 */
export class ArticleTerms extends Map<string, number> {
  /** Per pair of words (`pairTerm`), where it starts, ascending. */
  readonly positions = new Map<string, number[]>();
}

/**
 * The words of an article and their weighted counts, and each two words side by side (`pairTerm`)
 * in the text, or in the title, site and address read one after the other as search reads them,
 * weighted as the first of the two, with their positions (`ArticleTerms`).
 */
export function articleTerms(a: IndexedArticle): ArticleTerms {
  const counts = new ArticleTerms();
  const add = (term: string, weight: number) => counts.set(term, (counts.get(term) ?? 0) + weight);
  let previous: string | null = null;
  let weight = 1;
  let position = 0;
  const visit = (w: string) => {
    add(w, weight);
    if (previous !== null) {
      const pair = pairTerm(previous, w);
      add(pair, weight);
      const list = counts.positions.get(pair);
      if (list) list.push(position - 1);
      else counts.positions.set(pair, [position - 1]);
    }
    previous = w;
    position++;
  };
  const stream = (s: string | null, w: number) => {
    if (!s) return;
    weight = w;
    eachFoldedWord(s, visit);
  };
  stream(a.title, TITLE_WEIGHT);
  stream(a.site, 1);
  stream(a.url, 1);
  previous = null;
  position++;
  stream(a.text, 1);
  return counts;
}

/** How runs are cut into parts and merged (tests take small ones to reach every case with a few articles). */
export interface RunPolicy {
  /** A part holds at most this many postings… */
  partPostings: number;
  /** …and words of at most this many characters in all. */
  partChars: number;
  /** Runs merged at once. */
  fanout: number;
  /** Postings of the smallest size class; class k holds runs of `unit × fanout^k` postings and more. */
  unit: number;
  /** A merge that would give a run of more postings is not made: one write never rewrites more than this. */
  maxMerged: number;
}

/**
 * A part stays under the 64 KB past which Chromium stores a value as a file of its own (12,288
 * characters of words, of 2 bytes at most; 4,096 postings of 5 bytes and as many starts of 4). An article
 * gives about 680 postings (250 words, 430 pairs of words): saved one by one, four runs of a few
 * articles are merged into a few parts; an import's write of 200 articles (about 135,000
 * postings) is of class 3, and merges go on to about 2,200,000 postings (3,200 articles, so that
 * 100,000 articles are about 31 runs); four of those would pass `maxMerged` and stay apart, so
 * that no merge rewrites more than about 30 MB (in steps of a few parts: word-merge.ts). An
 * import's backlog of runs (one per chunk) is merged sixteen at a time, each posting rewritten once
 * (word-merge.ts `plannedMerge`).
 */
export const RUN_POLICY: RunPolicy = { partPostings: 4096, partChars: 12_288, fanout: 4, unit: 1024, maxMerged: 4_000_000 };

export const sizeClass = (postings: number, p: RunPolicy) => Math.floor(Math.log(Math.max(postings, p.unit) / p.unit) / Math.log(p.fanout));

/** Writes the postings of one run, word after word in order, into parts. */
export class RunWriter {
  /** Parts written and not yet taken. */
  parts: WordPart[] = [];
  readonly firsts: string[] = [];
  postings = 0;
  private terms: string[] = [];
  private chars = 0;
  private starts: number[] = [];
  private n = 0;
  private readonly ids: Uint32Array;
  private readonly counts: Uint8Array;
  private readonly positions = new Bytes();

  /** `withPositions`: every pair of words added comes with its positions (`add`), and the run says so. */
  constructor(readonly run: number, private readonly policy: RunPolicy, readonly withPositions = false) {
    this.ids = new Uint32Array(policy.partPostings);
    this.counts = new Uint8Array(policy.partPostings);
  }

  /**
   * Adds a word's postings `from`…`to` (ids ascending; the word after any added before); for a
   * pair of words in a run with positions, their positions are in `positions` from `at` on (to
   * `end`, if known), one posting after the other.
   */
  add(term: string, ids: ArrayLike<number>, counts: ArrayLike<number>, from = 0, to = ids.length, positions?: Uint8Array, at = 0, end = -1): void {
    const positioned = this.withPositions && term.startsWith(PAIR_MARK);
    if (positioned && !positions) throw new Error(`RunWriter: no positions for ${term}`);
    for (let i = from; i < to;) {
      if (this.terms.length === 0 || this.terms[this.terms.length - 1] !== term) {
        if (this.chars + term.length > this.policy.partChars) this.flush();
        this.terms.push(term);
        this.chars += term.length + 1;
        this.starts.push(this.n);
      }
      const take = Math.min(to - i, this.policy.partPostings - this.n);
      for (let k = 0; k < take; k++) {
        this.ids[this.n + k] = ids[i + k]!;
        this.counts[this.n + k] = counts[i + k]!;
      }
      if (positioned) {
        // `end`, when given, is where the last posting's positions end: no scan for a word written whole.
        const upTo = end >= 0 && i + take === to ? end : skipPositions(positions!, at, take);
        this.positions.append(positions!, at, upTo);
        at = upTo;
      }
      i += take;
      this.n += take;
      this.postings += take;
      if (this.n >= this.policy.partPostings) this.flush();
    }
  }

  flush(): void {
    if (this.terms.length === 0) return;
    this.starts.push(this.n);
    this.firsts.push(this.terms[0]!);
    const part: WordPart = {
      run: this.run, part: this.firsts.length - 1, terms: this.terms.join('\n'),
      starts: Uint32Array.from(this.starts), ids: this.ids.slice(0, this.n), counts: this.counts.slice(0, this.n),
    };
    if (this.withPositions) {
      part.positions = this.positions.bytes.slice(0, this.positions.length);
      this.positions.length = 0;
    }
    this.parts.push(part);
    this.terms = [];
    this.chars = 0;
    this.starts = [];
    this.n = 0;
  }

  done(removed: Iterable<number>, pairs: boolean): { run: WordRun; parts: WordPart[] } {
    this.flush();
    const run: WordRun = { run: this.run, postings: this.postings, removed: Uint32Array.from(new Set(removed)).sort(), firsts: this.firsts, pairs };
    if (this.withPositions && pairs) run.positions = true;
    return { run, parts: this.parts };
  }
}

/** Whether words written can make a run with positions: each article's comes with them (`ArticleTerms`), or has no pair of words. */
const positioned = (written: readonly [number, Map<string, number>][]) =>
  written.every(([, terms]) => terms instanceof ArticleTerms || ![...terms.keys()].some((t) => t.startsWith(PAIR_MARK)));

/** The run of one write: the articles written (id, words) and the ids it removes. */
export function runOf(run: number, written: [number, Map<string, number>][], removed: Iterable<number>, policy = RUN_POLICY): { run: WordRun; parts: WordPart[] } {
  // An article written twice in one write: its last words only.
  const articles = [...new Map(written)].sort((a, b) => a[0] - b[0]);
  let total = 0;
  for (const [, terms] of articles) total += terms.size;
  // The postings in flat arrays, each with its word's number, then put in word order by a counting
  // sort, which keeps each word's ids ascending.
  const number = new Map<string, number>();
  const words: string[] = [];
  const wordOf = new Uint32Array(total);
  const ids = new Uint32Array(total);
  const counts = new Uint8Array(total);
  const withPositions = positioned(articles);
  // Per posting of a pair of words, its positions (a run with positions only).
  const where: (number[] | undefined)[] = withPositions ? new Array<number[] | undefined>(total) : [];
  let n = 0;
  for (const [id, terms] of articles) {
    const positions = withPositions && terms instanceof ArticleTerms ? terms.positions : null;
    for (const [term, count] of terms) {
      let w = number.get(term);
      if (w === undefined) {
        w = words.length;
        number.set(term, w);
        words.push(term);
      }
      if (positions) where[n] = positions.get(term);
      wordOf[n] = w;
      ids[n] = id;
      counts[n++] = Math.min(255, count);
    }
  }
  // The default sort (by UTF-16 code units, as `<` compares) runs no callback: several times faster on the pairs' many words.
  const order = [...words].sort().map((w) => number.get(w)!);
  const size = new Uint32Array(words.length);
  for (let i = 0; i < n; i++) size[wordOf[i]!]!++;
  const at = new Uint32Array(words.length);
  let acc = 0;
  for (const w of order) {
    at[w] = acc;
    acc += size[w]!;
  }
  const sortedIds = new Uint32Array(n);
  const sortedCounts = new Uint8Array(n);
  const source = new Uint32Array(withPositions ? n : 0);
  const fill = at.slice();
  for (let i = 0; i < n; i++) {
    const k = fill[wordOf[i]!]!++;
    sortedIds[k] = ids[i]!;
    sortedCounts[k] = counts[i]!;
    if (withPositions) source[k] = i;
  }
  const writer = new RunWriter(run, policy, withPositions);
  const bytes = new Bytes();
  for (const w of order) {
    const from = at[w]!;
    const to = from + size[w]!;
    if (withPositions && words[w]!.startsWith(PAIR_MARK)) {
      bytes.length = 0;
      for (let k = from; k < to; k++) encodePositions(bytes, where[source[k]!]!);
      writer.add(words[w]!, sortedIds, sortedCounts, from, to, bytes.bytes, 0, bytes.length);
    } else writer.add(words[w]!, sortedIds, sortedCounts, from, to);
  }
  return writer.done(removed, true);
}

/** What a write of articles appends to the word index through: its tables, in the write's transaction. */
export interface WordStore {
  /** Every run, in any order. */
  runs(): Promise<WordRun[]>;
  /**
   * The stored runs' numbers alone (their keys), when the store can read them without the runs: all
   * a write needs to number its run. A save's transaction read every run with the first word of
   * each of its parts (35 rows at 100,000 articles) only for their numbers.
   */
  runNumbers?(): Promise<number[]>;
  /** Removes the runs `drop` (their row and parts), then writes `runs` and `parts`. */
  write(runs: WordRun[], parts: WordPart[], drop: number[]): Promise<void>;
}

/** Per id, the newest run that removed it. */
export function removals(runs: readonly WordRun[]): Map<number, number> {
  const by = new Map<number, number>();
  for (const r of runs) for (const id of r.removed) if ((by.get(id) ?? -1) < r.run) by.set(id, r.run);
  return by;
}

/** Whether the posting of `id` in run `run` counts, given the removals of the runs read. */
export const alive = (removedBy: Map<number, number>, id: number, run: number) => removedBy.size === 0 || (removedBy.get(id) ?? -1) <= run;

/**
 * The number of a new run: the next whole number after the newest run's. A merge numbers its run
 * between the newest it merges and the next (word-merge.ts), so runs written meanwhile stay newer.
 */
export const nextRunNumber = (runs: readonly WordRun[]) => nextAfter(runs.map((r) => r.run));
const nextAfter = (numbers: readonly number[]) => Math.floor(numbers.reduce((a, b) => Math.max(a, b), 0)) + 1;

/** The stored runs' numbers, read as keys when the store can (`WordStore.runNumbers`). */
const runNumbersOf = async (store: WordStore) => (store.runNumbers ? store.runNumbers() : (await store.runs()).map((r) => r.run));

/**
 * Adds the run of one write of articles (`written`: id and words; `removed`: ids deleted or
 * rewritten) to the word index, reading no posting and merging nothing: merges are jobs of their
 * own, after the write (word-merge.ts), so that a write's transaction stays as short as its own
 * run. A run without postings is left out when it removes nothing, or when no older run is left
 * for its removals to hide.
 */
export async function writeWordIndex(store: WordStore, written: [number, Map<string, number>][], removed: number[], policy = RUN_POLICY): Promise<void> {
  if (written.length === 0 && removed.length === 0) return;
  const runs = await runNumbersOf(store);
  const fresh = runOf(nextAfter(runs), written, removed, policy);
  if (fresh.run.postings === 0 && (fresh.run.removed.length === 0 || runs.length === 0)) return;
  await store.write([fresh.run], fresh.parts, []);
}

/** Grows a typed array to at least `size` (doubling). */
function grown<T extends Uint32Array | Int32Array>(a: T, size: number, make: (n: number) => T): T {
  if (size <= a.length) return a;
  const b = make(Math.max(size, 2 * a.length));
  b.set(a);
  return b;
}

/**
 * The pairs of words of a batch: (first, second) word numbers → the pair's word number, in an
 * open-addressing table of typed arrays (linear probing; Knuth, *The Art of Computer Programming*
 * vol. 3, §6.4, algorithm L): a `Map` keyed by first × 2^26 + second boxed every key past 2^31,
 * an allocation per pair of words read.
 */
class PairTable {
  private firsts: Int32Array;
  private seconds: Int32Array;
  private values: Int32Array;
  size = 0;

  /** Room for `expected` pairs without growing (a power of two, at most half full). */
  constructor(expected = 0) {
    let size = 1 << 14;
    while (size < 2 * expected) size *= 2;
    this.firsts = new Int32Array(size).fill(-1);
    this.seconds = new Int32Array(size);
    this.values = new Int32Array(size);
  }

  private slot(first: number, second: number): number {
    const mask = this.firsts.length - 1;
    // Multiplicative hashing of the two numbers (Knuth's golden-ratio constant), its high bits
    // mixed down (MurmurHash3's finaliser): the low bits of a product depend on the low bits of
    // the numbers only, and words numbered in order then filled runs of slots (long probes).
    let h = Math.imul(first, 0x9e3779b1) ^ second;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    let i = (h ^ (h >>> 13)) & mask;
    while (this.firsts[i] !== -1 && (this.firsts[i] !== first || this.seconds[i] !== second)) i = (i + 1) & mask;
    return i;
  }

  get(first: number, second: number): number | undefined {
    const i = this.slot(first, second);
    return this.firsts[i] === -1 ? undefined : this.values[i];
  }

  set(first: number, second: number, value: number): void {
    if (2 * (this.size + 1) > this.firsts.length) this.grow();
    const i = this.slot(first, second);
    if (this.firsts[i] === -1) this.size++;
    this.firsts[i] = first;
    this.seconds[i] = second;
    this.values[i] = value;
  }

  private grow(): void {
    const [firsts, seconds, values] = [this.firsts, this.seconds, this.values];
    const size = 2 * firsts.length;
    this.firsts = new Int32Array(size).fill(-1);
    this.seconds = new Int32Array(size);
    this.values = new Int32Array(size);
    this.size = 0;
    for (let i = 0; i < firsts.length; i++) if (firsts[i] !== -1) this.set(firsts[i]!, seconds[i]!, values[i]!);
  }
}

/**
 * The run of a batch of articles (an import's chunk), built article by article before its write
 * (`add`, then `prepare`, both in slices that give way), so that the write's transaction only gives
 * the postings their ids (`build`). The same run as `runOf` of the articles' `articleTerms`, cheaper:
 * each word of an article is looked up once in the batch's table of words (rather than in the
 * article's, then in the run's), a pair of words is numbered by its two words' numbers (its string
 * made once per batch), and pairs are put in order as numbers.
 */
/** Above the postings of a word in a batch (ranks in `BatchRun`'s sort by id). */
const RANKS = 2 ** 21;

/** Words sorted natively at a time, and moved between two steps of a merge, in `sortedInSteps`. */
const SORT_STEP = 4096;

/**
 * `strings` sorted as `Array.prototype.sort` sorts them with no comparator (by UTF-16 code units,
 * as `<` compares), in steps: runs of `SORT_STEP` sorted natively, then merged pairwise, pass by
 * pass (a bottom-up merge sort: Knuth vol. 3 §5.2.4), a step every `SORT_STEP` strings moved.
 * Sorts in place when it takes one run; returns the sorted array.
 */
export function* sortedInSteps(strings: string[], step = SORT_STEP): Generator<void, string[]> {
  const n = strings.length;
  let from = strings;
  for (let lo = 0; lo < n; lo += step) {
    if (lo === 0 && n <= step) return strings.sort();
    const run = from.slice(lo, lo + step).sort();
    for (let k = 0; k < run.length; k++) from[lo + k] = run[k]!;
    yield;
  }
  let to: string[] = new Array<string>(n);
  let moved = 0;
  for (let width = step; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let a = lo;
      let b = mid;
      for (let k = lo; k < hi; k++) {
        to[k] = b >= hi || (a < mid && !(from[b]! < from[a]!)) ? from[a++]! : from[b++]!;
        if (++moved % step === 0) yield;
      }
    }
    [from, to] = [to, from];
  }
  return from;
}

/** Postings of a batch per character of its articles, to size its tables (`BatchRun`'s constructor). */
const POSTINGS_PER_CHAR = 0.3;

export class BatchRun {
  private readonly number = new Map<string, number>();
  private readonly pairs: PairTable;
  /** Per word number, the word; '' for a pair of words, whose string is made only as the run is written (`term`). */
  private readonly words: string[] = [];
  /** Per word number: for a pair of words, its first word's number plus one, and its second's; 0 for a word. */
  private pairFirst: Uint32Array;
  private pairSecond: Uint32Array;
  /** Per word: the last article that holds it, and where its posting is. */
  private last: Int32Array;
  private slot: Uint32Array;
  /** Per posting: its word, article (index in the batch) and weighted count. */
  private wordOf: Uint32Array;
  private articleOf: Uint32Array;
  private countOf: Uint32Array;
  private n = 0;
  /**
   * The positions of the pairs of words (`ArticleTerms`), as chains: per posting, its first and
   * last link (-1: none, a word's); per link, a position and the next link (-1: the last).
   */
  private firstLink: Int32Array;
  private lastLink: Int32Array;
  private linkPosition: Int32Array;
  private linkNext: Int32Array;
  private links = 0;
  /** Articles added. */
  size = 0;
  /** The words' numbers in word order, once sealed. */
  private order: Uint32Array | null = null;
  /** The run of every article, ids their index in the batch, made by `prepare` (`policy` its policy). */
  private prepared: { run: WordRun; parts: WordPart[]; policy: RunPolicy } | null = null;

  /**
   * `chars`: the characters the batch's articles will hold, if known, to size its tables once
   * (`POSTINGS_PER_CHAR` postings a character: an article's distinct words and pairs are fewer than
   * a third of its characters in the corpora measured) rather than grow them by doubling, each
   * growth a copy and garbage of typed arrays the size of the batch.
   */
  constructor(chars = 0) {
    const postings = Math.max(16_384, Math.ceil(chars * POSTINGS_PER_CHAR));
    const words = Math.max(1024, postings >> 1);
    this.pairs = new PairTable(words);
    this.pairFirst = new Uint32Array(words);
    this.pairSecond = new Uint32Array(words);
    this.last = new Int32Array(words).fill(-1);
    this.slot = new Uint32Array(words);
    this.wordOf = new Uint32Array(postings);
    this.articleOf = new Uint32Array(postings);
    this.countOf = new Uint32Array(postings);
    this.firstLink = new Int32Array(postings);
    this.lastLink = new Int32Array(postings);
    this.linkPosition = new Int32Array(postings);
    this.linkNext = new Int32Array(postings);
  }

  /** Adds `position` to the chain of posting `k`. */
  private link(k: number, position: number, fresh: boolean): void {
    const l = this.links++;
    if (l >= this.linkPosition.length) {
      this.linkPosition = grown(this.linkPosition, l + 1, (n) => new Int32Array(n));
      this.linkNext = grown(this.linkNext, l + 1, (n) => new Int32Array(n));
    }
    this.linkPosition[l] = position;
    this.linkNext[l] = -1;
    if (fresh) this.firstLink[k] = l;
    else this.linkNext[this.lastLink[k]!] = l;
    this.lastLink[k] = l;
  }

  private word(term: string): number {
    let w = this.number.get(term);
    if (w === undefined) {
      w = this.words.length;
      this.number.set(term, w);
      this.words.push(term);
    }
    return w;
  }

  /** A pair of words' number; its string is not made here (most of a batch's words are pairs: a string and a map entry each, for nothing until the run is written). */
  private pair(first: number, second: number): number {
    let w = this.pairs.get(first, second);
    if (w === undefined) {
      w = this.words.length;
      this.words.push('');
      if (w >= this.pairFirst.length) {
        this.pairFirst = grown(this.pairFirst, w + 1, (k) => new Uint32Array(k));
        this.pairSecond = grown(this.pairSecond, w + 1, (k) => new Uint32Array(k));
      }
      this.pairFirst[w] = first + 1;
      this.pairSecond[w] = second;
      this.pairs.set(first, second, w);
    }
    return w;
  }

  /** The word of number `w` as the run keeps it (a pair's string made now). */
  private term(w: number): string {
    const first = this.pairFirst[w] ?? 0;
    return first === 0 ? this.words[w]! : pairTerm(this.words[first - 1]!, this.words[this.pairSecond[w]!]!);
  }

  /** Counts word `w` in `article`; a pair of words at `position` (-1: a word). */
  private post(w: number, article: number, weight: number, position = -1): void {
    if (w >= this.last.length) {
      const size = Math.max(w + 1, 2 * this.last.length);
      const last = new Int32Array(size).fill(-1);
      last.set(this.last);
      this.last = last;
      this.slot = grown(this.slot, size, (k) => new Uint32Array(k));
    }
    if (this.last[w] === article) {
      this.countOf[this.slot[w]!]! += weight;
      if (position >= 0) this.link(this.slot[w]!, position, false);
      return;
    }
    if (this.n >= this.wordOf.length) {
      this.wordOf = grown(this.wordOf, this.n + 1, (k) => new Uint32Array(k));
      this.articleOf = grown(this.articleOf, this.n + 1, (k) => new Uint32Array(k));
      this.countOf = grown(this.countOf, this.n + 1, (k) => new Uint32Array(k));
      this.firstLink = grown(this.firstLink, this.n + 1, (k) => new Int32Array(k));
      this.lastLink = grown(this.lastLink, this.n + 1, (k) => new Int32Array(k));
    }
    this.last[w] = article;
    this.slot[w] = this.n;
    this.wordOf[this.n] = w;
    this.articleOf[this.n] = article;
    this.firstLink[this.n] = -1;
    if (position >= 0) this.link(this.n, position, true);
    this.countOf[this.n++] = weight;
  }

  /** Adds an article's words and pairs of words (as `articleTerms` reads them); returns its index in the batch. */
  add(a: IndexedArticle): number {
    if (this.order) throw new Error('BatchRun: sealed');
    const article = this.size++;
    let previous = -1;
    let weight = 1;
    // Numbered as `articleTerms` numbers them.
    let position = 0;
    const visit = (term: string) => {
      const w = this.word(term);
      this.post(w, article, weight);
      if (previous >= 0) this.post(this.pair(previous, w), article, weight, position - 1);
      previous = w;
      position++;
    };
    const stream = (s: string | null, w: number) => {
      if (!s) return;
      weight = w;
      eachFoldedWord(s, visit);
    };
    stream(a.title, TITLE_WEIGHT);
    stream(a.site, 1);
    stream(a.url, 1);
    previous = -1;
    position++;
    stream(a.text, 1);
    return article;
  }

  /** Appends the positions of the chain from link `l` (`encodePositions`). */
  private encodeChain(out: Bytes, l: number): void {
    let previous = 0;
    for (; l >= 0;) {
      const p = this.linkPosition[l]!;
      const next = this.linkNext[l]!;
      out.push((p - previous) * 2 + (next >= 0 ? 1 : 0));
      previous = p;
      l = next;
    }
  }

  /** Puts the words in order: no article is added after. */
  private seal(): Uint32Array {
    if (this.order) return this.order;
    const steps = this.sealSteps();
    while (!steps.next().done);
    return this.order!;
  }

  /**
   * `seal` in steps (for `prepare`): the words sorted a few thousand at a time, then merged, a
   * step each `SORT_STEP` words moved (issue 20, item 5: sorting a part's words in one go was a
   * task of ~190 ms in Chromium at 10,000 articles).
   */
  private *sealSteps(): Generator<void> {
    if (this.order) return;
    // Pairs (`\u0001first second`) come before every word, in the order of their first word, then
    // of their second: words hold no character below the space, so a word that begins another
    // sorts first either way. Only the words are sorted as strings (by the default sort, by UTF-16
    // code units as `<` compares, which runs no callback), the pairs by their words' ranks, in two
    // stable counting sorts (second word, then first: a radix sort, Knuth vol. 3 §5.2.5), with no
    // string, boxed number or map entry per pair.
    const total = this.words.length;
    const singles: string[] = [];
    for (let w = 0; w < total; w++) if ((this.pairFirst[w] ?? 0) === 0) singles.push(this.words[w]!);
    const sorted = yield* sortedInSteps(singles);
    const rank = new Uint32Array(total);
    for (let r = 0; r < sorted.length; r++) rank[this.number.get(sorted[r]!)!] = r;
    yield;
    const pairCount = total - singles.length;
    const byRank = (from: Uint32Array, key: (w: number) => number): Uint32Array => {
      const starts = new Uint32Array(singles.length + 1);
      for (let k = 0; k < pairCount; k++) starts[key(from[k]!) + 1]!++;
      for (let r = 0; r < singles.length; r++) starts[r + 1]! += starts[r]!;
      const to = new Uint32Array(pairCount);
      for (let k = 0; k < pairCount; k++) to[starts[key(from[k]!)]!++] = from[k]!;
      return to;
    };
    const pairs = new Uint32Array(pairCount);
    let k = 0;
    for (let w = 0; w < total; w++) if ((this.pairFirst[w] ?? 0) !== 0) pairs[k++] = w;
    const bySecond = byRank(pairs, (w) => rank[this.pairSecond[w]!]!);
    yield;
    const order = new Uint32Array(total);
    order.set(byRank(bySecond, (w) => rank[this.pairFirst[w]! - 1]!));
    k = pairCount;
    for (const term of sorted) order[k++] = this.number.get(term)!;
    this.order = order;
    this.last = new Int32Array(0);
    this.slot = new Uint32Array(0);
  }

  /**
   * The run of every article of the batch, its ids their indexes, made ahead of the write in
   * slices (`turn`: after each step, a promise to await when the slice is over) so that the
   * write only renumbers it (`build`).
   */
  async prepare(turn: () => Promise<void> | undefined = () => undefined, policy = RUN_POLICY): Promise<void> {
    for (const step of this.sealSteps()) {
      void step;
      const wait = turn();
      if (wait) await wait;
    }
    const order = this.order!;
    let done: { run: WordRun; parts: WordPart[] } | null = null;
    for (const step of this.steps(order, (k) => k, policy, (run) => (done = run))) {
      void step;
      const later = turn();
      if (later) await later;
    }
    this.prepared = { ...done!, policy };
  }

  /**
   * The run numbered `run` of the articles whose `idOf` (by index in the batch) is an id (null:
   * left out), removing `removed`. Postings are in id order within each word, as `runOf`'s. When
   * every article is written, in the batch's order, the run `prepare`d is only renumbered.
   */
  build(run: number, idOf: (article: number) => number | null, removed: Iterable<number> = [], policy = RUN_POLICY): { run: WordRun; parts: WordPart[] } {
    const ids = new Int32Array(this.size);
    let ascending = true;
    let every = true;
    let previous = -1;
    for (let k = 0; k < this.size; k++) {
      const id = idOf(k);
      ids[k] = id ?? -1;
      if (id === null) {
        every = false;
        continue;
      }
      if (id <= previous) ascending = false;
      previous = id;
    }
    const prepared = this.prepared;
    if (prepared && prepared.policy === policy && every && ascending) {
      this.prepared = null;
      for (const part of prepared.parts) {
        part.run = run;
        for (let k = 0; k < part.ids.length; k++) part.ids[k] = ids[part.ids[k]!]!;
      }
      return { run: { ...prepared.run, run, removed: Uint32Array.from(new Set(removed)).sort() }, parts: prepared.parts };
    }
    let result: { run: WordRun; parts: WordPart[] } | null = null;
    for (const _ of this.steps(this.seal(), (k) => ids[k]!, policy, (r) => (result = r), run, removed, ascending));
    return result!;
  }

  /** The steps of making a run (see `build`): a word at a time, a thousand to a step. */
  private *steps(order: Uint32Array, idAt: (article: number) => number, policy: RunPolicy, done: (run: { run: WordRun; parts: WordPart[] }) => void,
    run = 0, removed: Iterable<number> = [], ascending = true): Generator<void> {
    const words = this.words.length;
    const size = new Uint32Array(words);
    for (let i = 0; i < this.n; i++) if (idAt(this.articleOf[i]!) >= 0) size[this.wordOf[i]!]!++;
    const at = new Uint32Array(words);
    let total = 0;
    for (let o = 0; o < order.length; o++) {
      at[order[o]!] = total;
      total += size[order[o]!]!;
    }
    yield;
    const sortedIds = new Uint32Array(total);
    const sortedCounts = new Uint8Array(total);
    // Each sorted posting's own number (its chain of positions).
    const source = new Uint32Array(total);
    const fill = at.slice();
    for (let i = 0; i < this.n; i++) {
      const id = idAt(this.articleOf[i]!);
      if (id < 0) continue;
      const k = fill[this.wordOf[i]!]!++;
      sortedIds[k] = id;
      sortedCounts[k] = Math.min(255, this.countOf[i]!);
      source[k] = i;
    }
    yield;
    const writer = new RunWriter(run, policy, true);
    const bytes = new Bytes();
    let keyed = new Float64Array(0);
    let step = 0;
    // Indexed loops: an iterator over a typed array inside a generator allocates a result per word.
    for (let o = 0; o < order.length; o++) {
      const w = order[o]!;
      const from = at[w]!;
      const to = from + size[w]!;
      if (to === from) continue;
      // Ids given out of the batch's order (updated articles among new ones): the word's postings
      // put in id order, as id × 2²¹ + rank in the word (a batch's word has fewer postings).
      if (!ascending && to - from > 1) {
        if (keyed.length < to - from) keyed = new Float64Array(Math.max(to - from, 2 * keyed.length));
        const word = keyed.subarray(0, to - from);
        for (let k = from; k < to; k++) word[k - from] = sortedIds[k]! * RANKS + (k - from);
        word.sort();
        const [ids, counts, sources] = [sortedIds.slice(from, to), sortedCounts.slice(from, to), source.slice(from, to)];
        for (let k = from; k < to; k++) {
          const r = word[k - from]! % RANKS;
          sortedIds[k] = ids[r]!;
          sortedCounts[k] = counts[r]!;
          source[k] = sources[r]!;
        }
      }
      if ((this.pairFirst[w] ?? 0) !== 0) {
        bytes.length = 0;
        for (let k = from; k < to; k++) this.encodeChain(bytes, this.firstLink[source[k]!]!);
        writer.add(this.term(w), sortedIds, sortedCounts, from, to, bytes.bytes, 0, bytes.length);
      } else writer.add(this.term(w), sortedIds, sortedCounts, from, to);
      if (++step % 1000 === 0) yield;
    }
    done(writer.done(removed, true));
  }
}

/**
 * Appends the run of the articles of `batch` written in this transaction (`idOf`: their ids, null
 * for those not written here), as `writeWordIndex` appends one; nothing when none has a word. Their
 * replaced words are removed by the run of their write (`writeWordIndex`, which leaves their own
 * words to this one: corpus-db.ts `termsInBatch`), numbered before this. `removed`: ids whose
 * postings in older runs no longer count (words-later.ts: articles indexed after their write).
 */
export async function writeBatchRun(store: WordStore, batch: BatchRun, idOf: (article: number) => number | null, policy = RUN_POLICY, removed: Iterable<number> = []): Promise<void> {
  const fresh = batch.build(nextAfter(await runNumbersOf(store)), idOf, removed, policy);
  if (fresh.run.postings > 0) await store.write([fresh.run], fresh.parts, []);
}

/** What a search reads the word index through. */
export interface WordReader {
  runs(): Promise<WordRun[]>;
  /** Parts by [run, part]. */
  parts(keys: [number, number][]): Promise<(WordPart | undefined)[]>;
}

/** The articles holding a word (or words it begins): per id, its count (the largest of the words'). */
export interface Postings {
  /** Indexed by article id; 0 where the word is not. */
  counts: Uint8Array;
  /** Ids of the articles holding it (once each). */
  ids: number[];
  /** Where they were read (`positionsIn`), and the removals then. */
  found?: { part: WordPart; run: WordRun; term: number; from: number; to: number }[];
  removedBy?: Float64Array | null;
}

/** The index of the first of `sorted` not less than `s`. */
function lowerBound<T extends string | number>(sorted: ArrayLike<T>, s: T): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < s) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Where each word of a part's `terms` starts, and where one more would (the end + 1): the words
 * are `terms.slice(at[t], at[t + 1] - 1)`. A search looks up a few words per part by bisection
 * (`termBound`), and with hundreds of runs (an import's, before their merges: 422 at 100,000
 * articles) it reads hundreds of parts per word: splitting each part's 12,288 characters into its
 * words (an array of a thousand strings) was most of the decoding, and of what the cache held.
 */
export function termStarts(terms: string): Uint32Array {
  let n = 1;
  for (let i = terms.indexOf('\n'); i >= 0; i = terms.indexOf('\n', i + 1)) n++;
  const at = new Uint32Array(n + 1);
  let k = 0;
  for (let i = terms.indexOf('\n'); i >= 0; i = terms.indexOf('\n', i + 1)) at[++k] = i + 1;
  at[n] = terms.length + 1;
  return at;
}

/** Word `t` of a part (`termStarts`). */
const termAt = (terms: string, at: Uint32Array, t: number) => terms.slice(at[t]!, at[t + 1]! - 1);

/** The index of the first word of a part (`termStarts`) not less than `s`: `lowerBound` without the words as an array. */
function termBound(terms: string, at: Uint32Array, s: string): number {
  let lo = 0;
  let hi = at.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (termAt(terms, at, mid) < s) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A range of words `[from, to]` (one word: `from` = `to`; the words a prefix begins: `to` = prefix + `\uffff`), in the runs `only` keeps (all by default). */
export type WordRange = [from: string, to: string, only?: (run: WordRun) => boolean];

/**
 * Per article id, the newest run that removed it (-1: none), or null when no run removes any: for
 * a search, a typed array rather than `removals`' map (a corpus upgraded then rewritten with pairs
 * has runs that remove every article; a map of 100,000 ids per search was most of a search's time).
 */
function removedById(runs: readonly WordRun[]): Float64Array | null {
  let top = -1;
  for (const r of runs) if (r.removed.length > 0) top = Math.max(top, r.removed[r.removed.length - 1]!);
  if (top < 0) return null;
  // Run numbers are not whole once merged (word-merge.ts numbers a merge half way between two runs).
  const by = new Float64Array(top + 1).fill(-1);
  for (const r of runs) {
    for (let k = 0; k < r.removed.length; k++) {
      const id = r.removed[k]!;
      if (by[id]! < r.run) by[id] = r.run;
    }
  }
  return by;
}

/** What tells runs apart (`sameRun`'s fields), for all of `runs`: equal for the same runs. */
const runsKey = (runs: readonly WordRun[]) =>
  runs.map((r) => `${r.run} ${r.postings} ${r.removed.length} ${r.firsts.length} ${r.pairs} ${r.positions} ${r.firsts[0] ?? ''}`).join('\n');

/** Numbers for the `only` filters of ranges (functions), to key their decoded postings. */
const filterNumbers = new WeakMap<(run: WordRun) => boolean, number>();
const rangeKey = ([from, to, only]: WordRange) => {
  let n = 0;
  if (only) {
    n = filterNumbers.get(only) ?? 0;
    if (n === 0) filterNumbers.set(only, (n = nextFilter++));
  }
  return `${from}\u0000${to}\u0000${n}`;
};
let nextFilter = 1;
const runSliceKey = (run: WordRun, range: WordRange) => `${run.run}\u0001${rangeKey(range)}`;

/** Where a range's postings were read: word `term` of `part`, its postings `from`…`to`. */
export type Found = NonNullable<Postings['found']>[number];

/**
 * A word's postings as read from a part (`Found`), on a part of their own holding only them (its
 * ids, counts and, in a run with positions, the bytes of their positions): what a search keeps of
 * a run for a range of words (`PartCache.runSlices`), a few bytes per posting rather than the part.
 */
function sliceOf({ part, run, term, from, to }: Found): Found {
  let positions: Uint8Array | undefined;
  if (run.positions === true && part.positions) {
    const start = skipPositions(part.positions, 0, part.starts[term]!);
    positions = part.positions.slice(start, skipPositions(part.positions, start, to - from));
  }
  const own: WordPart = { run: part.run, part: part.part, terms: '', starts: Uint32Array.of(0, to - from), ids: part.ids.slice(from, to), counts: part.counts.slice(from, to), ...(positions ? { positions } : {}) };
  return { part: own, run, term: 0, from: 0, to: to - from };
}

/**
 * Parts read by earlier searches, with where their words start (`termStarts`), kept for the next ones up to `limit`
 * characters of words plus bytes of postings, the least recently used dropped first (the parts of
 * a frequent word: one per run, read by every search of it). A part never changes while its run
 * is there (a write adds runs, a merge or the pairs' rewrite drops them): the cache drops a run's
 * parts when the run is gone or is no longer the same (`sameRun`). A run's number is given again
 * only once the index was left empty (every article deleted, its runs merged away), possibly to a
 * run that looks the same (the same article saved again under a new id): the cache is also
 * emptied whenever the version its caller gives is not the one it was filled at (corpus.ts: the
 * search columns' change list, moved by every save, delete and import).
 *
 * Beside the parts, the postings of the ranges of words searches asked for, decoded (`Postings`:
 * per id its count, the ids, where they were read), up to `limit` / 2 bytes, the least recently
 * used dropped first: a frequent word's postings are tens of thousands of ids gathered from every
 * run's parts and filtered by the runs' removals, most of a search's time and garbage, the same
 * for every search of that word until the runs change. They are dropped whenever the runs read are
 * not exactly those they were decoded from (a write adds a run, a merge or the rewrite replaces
 * some: `runsKey`), or that version changed. Under them, what each run held for each range
 * (`runSlices`), up to `limit` / 2 bytes: kept as long as that run is, so that the runs a change
 * leaves are not read again.
 */
export class PartCache {
  private readonly parts = new Map<string, { part: WordPart; at: Uint32Array; size: number }>();
  private readonly runs = new Map<number, WordRun>();
  private size = 0;
  private version: unknown = undefined;
  private readonly decoded = new Map<string, { postings: Postings; size: number }>();
  private decodedSize = 0;
  /** The runs the decoded postings were read from (`runsKey`). */
  private decodedFrom = '';
  /** Per run and range (`runSliceKey`), the postings found there (`sliceOf`): kept while that run stays, whatever the other runs do. */
  private readonly slices = new Map<string, { run: number; found: Found[]; size: number }>();
  private slicesSize = 0;

  constructor(readonly limit = 16_000_000) {}

  /** Forgets the parts of runs no longer among `runs`, and every part when `version` changed; the decoded postings when the runs are not those they were read from. */
  keep(runs: readonly WordRun[], version?: unknown): void {
    const from = runsKey(runs);
    if (from !== this.decodedFrom || version !== this.version) {
      this.decoded.clear();
      this.decodedSize = 0;
      this.decodedFrom = from;
    }
    if (version !== this.version) {
      this.parts.clear();
      this.runs.clear();
      this.slices.clear();
      this.size = 0;
      this.slicesSize = 0;
      this.version = version;
      return;
    }
    const now = new Map(runs.map((r) => [r.run, r]));
    const stale = new Set<number>();
    for (const [number, run] of this.runs) if (!sameRun(now.get(number), run)) stale.add(number);
    if (stale.size === 0) return;
    for (const [key, entry] of this.parts) {
      if (stale.has(entry.part.run)) {
        this.parts.delete(key);
        this.size -= entry.size;
      }
    }
    for (const [key, entry] of this.slices) {
      if (stale.has(entry.run)) {
        this.slices.delete(key);
        this.slicesSize -= entry.size;
      }
    }
    for (const number of stale) this.runs.delete(number);
  }

  /** The postings of `range` in `run` kept by an earlier search (`sliceOf`), if the run is still the one they were read from (`keep`). */
  runSlices(run: WordRun, range: WordRange): Found[] | undefined {
    const key = runSliceKey(run, range);
    const entry = this.slices.get(key);
    if (!entry) return undefined;
    this.slices.delete(key);
    this.slices.set(key, entry);
    return entry.found;
  }

  /** Keeps the postings of `range` in `run` (`sliceOf`), up to `limit` / 2 bytes of them, the least recently used dropped first. */
  setRunSlices(run: WordRun, range: WordRange, found: Found[]): void {
    let size = 64;
    for (const f of found) size += 64 + 5 * f.to + (f.part.positions?.byteLength ?? 0);
    if (size > this.limit / 2) return;
    const key = runSliceKey(run, range);
    const old = this.slices.get(key);
    if (old) this.slicesSize -= old.size;
    this.runs.set(run.run, run);
    this.slices.set(key, { run: run.run, found, size });
    this.slicesSize += size;
    for (const [k, entry] of this.slices) {
      if (this.slicesSize <= this.limit / 2) break;
      this.slices.delete(k);
      this.slicesSize -= entry.size;
    }
  }

  get(run: number, part: number): { part: WordPart; at: Uint32Array } | undefined {
    const key = `${run}:${part}`;
    const entry = this.parts.get(key);
    if (entry) {
      // Most recently used last.
      this.parts.delete(key);
      this.parts.set(key, entry);
    }
    return entry;
  }

  /** The postings of a range decoded from the runs last given to `keep`, if kept. Shared: never to change. */
  postings(range: WordRange): Postings | undefined {
    const key = rangeKey(range);
    const entry = this.decoded.get(key);
    if (entry) {
      this.decoded.delete(key);
      this.decoded.set(key, entry);
    }
    return entry?.postings;
  }

  /** Forgets every decoded postings, whole or per run (the corpus bench's measure of a search that decodes them). */
  forgetPostings(): void {
    this.decoded.clear();
    this.decodedSize = 0;
    // And those kept per run, decoded from the parts the same way.
    this.slices.clear();
    this.slicesSize = 0;
  }

  /** Keeps the postings of a range decoded from the runs last given to `keep`. */
  setPostings(range: WordRange, postings: Postings): void {
    const size = postings.counts.byteLength + 8 * postings.ids.length + 64 * (postings.found?.length ?? 0);
    if (size > this.limit / 2) return;
    const key = rangeKey(range);
    const old = this.decoded.get(key);
    if (old) this.decodedSize -= old.size;
    this.decoded.set(key, { postings, size });
    this.decodedSize += size;
    for (const [k, entry] of this.decoded) {
      if (this.decodedSize <= this.limit / 2) break;
      this.decoded.delete(k);
      this.decodedSize -= entry.size;
    }
  }

  set(run: WordRun, part: WordPart, at: Uint32Array): void {
    const size = part.terms.length * 2 + at.byteLength + part.ids.byteLength + part.counts.byteLength + part.starts.byteLength + (part.positions?.byteLength ?? 0);
    if (size > this.limit) return;
    this.runs.set(run.run, run);
    this.parts.set(`${part.run}:${part.part}`, { part, at, size });
    this.size += size;
    for (const [key, entry] of this.parts) {
      if (this.size <= this.limit) break;
      this.parts.delete(key);
      this.size -= entry.size;
    }
  }
}

/**
 * The postings of each range of words: kept decoded in `cache` from an earlier search of the same
 * runs, or read in one request for the parts that may hold them (those not in `cache`). Postings
 * may be shared with other searches: never to change.
 */
export async function readPostings(reader: WordReader, ranges: WordRange[], cache?: { parts: PartCache; version: unknown }): Promise<Postings[]> {
  const runs = await reader.runs();
  cache?.parts.keep(runs, cache.version);
  const kept = ranges.map((range) => cache?.parts.postings(range));
  const todo = ranges.filter((_, i) => kept[i] === undefined);
  const read = todo.length > 0 ? await decodePostings(reader, runs, todo, cache?.parts) : [];
  let next = 0;
  return ranges.map((range, i) => {
    const known = kept[i];
    if (known) return known;
    const postings = read[next++]!;
    cache?.parts.setPostings(range, postings);
    return postings;
  });
}

/**
 * The postings of each range in `runs`: per run, kept from an earlier search (`PartCache.runSlices`:
 * a merge or a write replaces a few runs, the others' postings stay), else read in one request for
 * the parts that may hold them (those not in `cache`). With an import's runs not yet merged (422 at
 * 100,000 articles), every merge emptied what the searches kept and the parts of three words did
 * not fit in the cache: each search after a merge read some 1,300 parts again, 300–600 ms in Chromium.
 */
async function decodePostings(reader: WordReader, runs: WordRun[], ranges: WordRange[], cache?: PartCache): Promise<Postings[]> {
  const removedBy = removedById(runs);
  const byNumber = new Map(runs.map((r) => [r.run, r]));
  // Per range, per run (in the order of `runs`): its postings kept, or null: to read from its parts.
  const kept = ranges.map((range) => runs.map((r) => (r.firsts.length === 0 || (range[2] && !range[2](r)) ? [] : (cache?.runSlices(r, range) ?? null))));
  const keys: [number, number][] = [];
  const wanted = new Set<string>();
  runs.forEach((r, ri) => {
    ranges.forEach(([from, to], i) => {
      if (kept[i]![ri] !== null) return;
      // The part before the first one starting at or after `from` may hold it; the last is the last starting at or before `to`.
      const first = Math.max(0, lowerBound(r.firsts, from) - 1);
      const last = lowerBound(r.firsts, `${to}\u0000`) - 1;
      for (let p = first; p <= Math.max(first, last); p++) {
        const key = `${r.run}:${p}`;
        if (!wanted.has(key)) {
          wanted.add(key);
          keys.push([r.run, p]);
        }
      }
    });
  });
  const cached = keys.map(([run, part]) => cache?.get(run, part));
  const missing = keys.filter((_, i) => cached[i] === undefined);
  const read = missing.length > 0 ? await reader.parts(missing) : [];
  // Per run, its parts cached or read, in their order.
  const partsOf = new Map<number, { part: WordPart; at: Uint32Array }[]>();
  let next = 0;
  for (const entry of cached) {
    let e = entry;
    if (!e) {
      const part = read[next++];
      if (!part) continue;
      e = { part, at: termStarts(part.terms) };
      cache?.set(byNumber.get(part.run)!, part, e.at);
    }
    let list = partsOf.get(e.part.run);
    if (!list) partsOf.set(e.part.run, (list = []));
    list.push(e);
  }
  for (const list of partsOf.values()) list.sort((a, b) => a.part.part - b.part.part);
  return ranges.map((range, i) => {
    const [from, to] = range;
    const found: Found[] = [];
    let top = 0;
    runs.forEach((run, ri) => {
      let own = kept[i]![ri];
      if (own === null || own === undefined) {
        own = [];
        for (const { part, at } of partsOf.get(run.run) ?? []) {
          const words = at.length - 1;
          for (let t = termBound(part.terms, at, from); t < words && termAt(part.terms, at, t) <= to; t++) {
            own.push(sliceOf({ part, run, term: t, from: part.starts[t]!, to: part.starts[t + 1]! }));
          }
        }
        cache?.setRunSlices(run, range, own);
      }
      for (const f of own) {
        found.push(f);
        for (let k = f.from; k < f.to; k++) top = Math.max(top, f.part.ids[k]!);
      }
    });
    // A typed array by id rather than a map: a common word is in most of 100,000 articles.
    const counts = new Uint8Array(top + 1);
    const ids: number[] = [];
    for (const { part, from: start, to: end } of found) {
      for (let k = start; k < end; k++) {
        const id = part.ids[k]!;
        if (removedBy !== null && id < removedBy.length && removedBy[id]! > part.run) continue;
        const count = part.counts[k]!;
        if (counts[id] === 0) ids.push(id);
        if (count > counts[id]!) counts[id] = count;
      }
    }
    return { counts, ids, found, removedBy };
  });
}

/**
 * The run of the schema-4 index's rows (read in their key order: word, then block of ids, so
 * every word's ids come ascending): the whole index as one run, built without reading a text.
 */
export function runOfBlocks(run: number): { add(row: BlockPostings): void; take(): WordPart[]; done(): { run: WordRun; parts: WordPart[] } } {
  const writer = new RunWriter(run, RUN_POLICY);
  return {
    add: (row) => writer.add(row.term, row.ids, row.counts),
    // The parts made so far, to write before reading on: the whole index is never in memory.
    take: () => writer.parts.splice(0),
    done: () => writer.done([], false),
  };
}

/*
 * Runs without pairs (`WordRun.pairs`) or without their positions (`WordRun.positions`: every
 * run stored before they were kept), rewritten with them. The articles such a run holds are
 * written again (their words, pairs and positions read from their texts, a run of the newest
 * number that removes their older postings, as a save of them would), a few at a time; the run is
 * then left with no article of its own and dropped (or kept for its removals alone). Which
 * articles it holds is read from its own postings (`PairScan`). A merge never puts runs with and
 * without positions together (word-merge.ts, `plannedMerge`), so every article of a run without
 * positions is to rewrite, and none of a run with them. Nothing is stored about the job: what is
 * left to do is what the runs say, so a job stopped anywhere goes on from where it was at the next start.
 */

/** Whether a run is to rewrite (`PairScan`): it lacks pairs of words or their positions. */
export const lacksPositions = (run: WordRun) => run.pairs !== true || run.positions !== true;

/** What a run holds, per article id: 1 for its words, 2 for its pairs of words. */
export class PairScan {
  marks = new Uint8Array(1024);

  constructor(readonly run: WordRun) {}

  /** Marks the ids of one of the run's parts. */
  add(part: WordPart): void {
    const terms = part.terms.split('\n');
    let top = 0;
    for (let k = 0; k < part.ids.length; k++) top = Math.max(top, part.ids[k]!);
    if (top >= this.marks.length) {
      const grown = new Uint8Array(Math.max(top + 1, this.marks.length * 2));
      grown.set(this.marks);
      this.marks = grown;
    }
    for (let t = 0; t < terms.length; t++) {
      const mark = terms[t]!.startsWith(PAIR_MARK) ? 2 : 1;
      for (let k = part.starts[t]!; k < part.starts[t + 1]!; k++) this.marks[part.ids[k]!]! |= mark;
    }
  }

  /** Whether the posting of `id` here still counts: no newer run of `runs` removed it (their removals are sorted). */
  private counts(id: number, newer: readonly WordRun[]): boolean {
    return newer.every((r) => r.removed[lowerBound(r.removed, id)] !== id);
  }

  /**
   * Given every run stored now, up to `n` of its articles after `after`, in id order, whose
   * postings here still count: the next to rewrite (the run lacks pairs or positions, `lacksPositions`).
   */
  next(runs: readonly WordRun[], after: number, n: number): number[] {
    const newer = runs.filter((r) => r.run > this.run.run && r.removed.length > 0);
    const out: number[] = [];
    for (let id = Math.max(0, after + 1); id < this.marks.length && out.length < n; id++) {
      if (this.marks[id] !== 0 && this.counts(id, newer)) out.push(id);
    }
    return out;
  }

  /**
   * Given every run stored now, how many of its articles still count here, without pairs and with
   * them (all without positions: to rewrite either way).
   */
  left(runs: readonly WordRun[]): { unpaired: number; paired: number } {
    const newer = runs.filter((r) => r.run > this.run.run && r.removed.length > 0);
    const out = { unpaired: 0, paired: 0 };
    for (let id = 0; id < this.marks.length; id++) {
      const mark = this.marks[id]!;
      if (mark === 0 || !this.counts(id, newer)) continue;
      if (mark & 2) out.paired++;
      else out.unpaired++;
    }
    return out;
  }
}

/** Whether `stored` is still the run `seen` (runs are never changed, only dropped, and a number may come again after a drop). */
export const sameRun = (stored: WordRun | undefined, seen: WordRun) => stored !== undefined && stored.postings === seen.postings
  && stored.firsts.length === seen.firsts.length && stored.removed.length === seen.removed.length && stored.pairs === seen.pairs && stored.positions === seen.positions
  && stored.firsts[0] === seen.firsts[0];

/**
 * What becomes of a run to rewrite once none of its articles is left (`PairScan.left`): dropped
 * with its parts, or, when older runs are left for its removals to hide, kept for them alone
 * (no parts), marked as done.
 */
export function pairedRun(run: WordRun, runs: readonly WordRun[]): { keep: WordRun | null; dropParts: boolean } {
  const older = runs.some((r) => r.run < run.run);
  return { keep: older && run.removed.length > 0 ? { run: run.run, postings: 0, removed: run.removed, firsts: [], pairs: true, positions: true } : null, dropParts: true };
}
