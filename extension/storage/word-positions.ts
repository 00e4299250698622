/**
 * Where the pairs of words of the word index (word-index.ts) start in their articles: their
 * encoding in a part (`WordPart.positions`), and where a pair starts in the articles a search
 * wants (`positionsIn`), from which a phrase of three words or more is found without reading a
 * text (corpus.ts `phraseAt`).
 *
 * @module
 */
import type { Postings } from './word-index';

/*
 * Positions are kept as variable-length numbers (seven bits a byte, low bits first, the high bit
 * set on every byte but the last: LEB128), each the gap from the one before (the first from 0)
 * times two, plus one when another position of the same posting follows: a pair found once at
 * word 300 of an article is two bytes.
 */

/** A growing buffer of bytes. */
export class Bytes {
  bytes = new Uint8Array(256);
  length = 0;

  push(value: number): void {
    if (this.length + 6 > this.bytes.length) {
      const grown = new Uint8Array(2 * this.bytes.length + 6);
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    // Bit operations below 2³¹ (positions: a text of a billion words), arithmetic past.
    while (value >= 0x80) {
      if (value < 0x80000000) {
        this.bytes[this.length++] = (value & 0x7f) | 0x80;
        value >>>= 7;
      } else {
        this.bytes[this.length++] = (value % 0x80) | 0x80;
        value = Math.floor(value / 0x80);
      }
    }
    this.bytes[this.length++] = value;
  }

  /** Appends `from[start…end)`. */
  append(from: Uint8Array, start: number, end: number): void {
    if (this.length + end - start > this.bytes.length) {
      const grown = new Uint8Array(Math.max(2 * this.bytes.length, this.length + end - start));
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    // Byte by byte when short (most pairs' positions are a few bytes): no view made.
    if (end - start < 64) for (let k = start; k < end; k++) this.bytes[this.length++] = from[k]!;
    else {
      this.bytes.set(from.subarray(start, end), this.length);
      this.length += end - start;
    }
  }
}

/** Appends one posting's positions (ascending, at least one) to `out`. */
export function encodePositions(out: Bytes, positions: ArrayLike<number>): void {
  let previous = 0;
  for (let i = 0; i < positions.length; i++) {
    const p = positions[i]!;
    out.push((p - previous) * 2 + (i < positions.length - 1 ? 1 : 0));
    previous = p;
  }
}

/** Where the positions of the posting `n` postings after the one at `at` begin. */
export function skipPositions(bytes: Uint8Array, at: number, n: number): number {
  while (n > 0) {
    // The first byte of a number holds its "more follow" bit; its last byte is below 0x80.
    const more = bytes[at]! & 1;
    while (bytes[at++]! >= 0x80);
    if (more === 0) n--;
  }
  return at;
}

/** Calls `visit` on each position of the posting at `at`; returns where the next posting's begin. */
export function readPositions(bytes: Uint8Array, at: number, visit: (position: number) => void): number {
  let position = 0;
  for (;;) {
    let value = 0;
    let scale = 1;
    let b: number;
    do {
      b = bytes[at++]!;
      value += (b & 0x7f) * scale;
      scale *= 0x80;
    } while (b >= 0x80);
    position += Math.floor(value / 2);
    visit(position);
    if (value % 2 === 0) return at;
  }
}

/**
 * Where a pair of words starts in some articles, by id: `count(id)` positions, ascending, from
 * `values[start(id)]` (typed arrays: a common pair is in tens of thousands of articles, an array
 * each was most of a phrase's search).
 */
export class PositionTable {
  values = new Int32Array(1024);
  length = 0;
  private readonly starts: Int32Array;
  private readonly counts: Int32Array;

  constructor(top: number) {
    this.starts = new Int32Array(top);
    this.counts = new Int32Array(top);
  }

  has(id: number): boolean {
    return id < this.counts.length && this.counts[id]! > 0;
  }

  start(id: number): number {
    return this.starts[id]!;
  }

  count(id: number): number {
    return id < this.counts.length ? this.counts[id]! : 0;
  }

  /** Appends a position of `id`, whose positions are appended one after the other, ascending. */
  push(id: number, position: number): void {
    if (this.length === this.values.length) {
      const grown = new Int32Array(2 * this.values.length);
      grown.set(this.values);
      this.values = grown;
    }
    if (this.counts[id] === 0) this.starts[id] = this.length;
    this.counts[id]!++;
    this.values[this.length++] = position;
  }

  /** The id `read` is appending positions of, and the one callback it decodes with (made once per table). */
  private reading = 0;
  private readonly append = (position: number) => this.push(this.reading, position);

  /**
   * Appends the positions of the posting at `at` in `bytes` (`encodePositions`) as `id`'s; returns
   * where the next posting's begin. One callback for the whole table: a closure made per posting
   * was half of a phrase's garbage (tens of thousands of postings a search).
   */
  read(id: number, bytes: Uint8Array, at: number): number {
    this.reading = id;
    return readPositions(bytes, at, this.append);
  }

  /** Puts `id`'s positions (given in any order, e.g. those of several pairs a begun word finds) in order, at the end. */
  reorder(id: number, positions: number[]): void {
    this.counts[id] = 0;
    for (const p of positions.sort((x, y) => x - y)) this.push(id, p);
  }
}

/**
 * Where the pair of words (or pairs a begun one finds) of `list` starts in each article `wanted`
 * marks (by id), for the articles of runs with positions; the others have none here.
 */
export function positionsIn(list: Postings, wanted: Uint8Array): PositionTable {
  const out = new PositionTable(wanted.length);
  const removedBy = list.removedBy ?? null;
  // Articles found in several of the range's words (a begun pair): their positions, gathered.
  let several: Map<number, number[]> | null = null;
  const seen = new Uint8Array(wanted.length);
  for (const { part, run, term, from, to } of list.found ?? []) {
    if (run.positions !== true || !part.positions) continue;
    const bytes = part.positions;
    // Pairs come first in a part: the postings before this word's are all pairs'.
    let at = skipPositions(bytes, 0, part.starts[term]!);
    for (let k = from; k < to; k++) {
      const id = part.ids[k]!;
      if (id >= wanted.length || wanted[id] === 0 || (removedBy !== null && id < removedBy.length && removedBy[id]! > part.run)) {
        at = skipPositions(bytes, at, 1);
        continue;
      }
      if (seen[id] === 0) {
        seen[id] = 1;
        at = out.read(id, bytes, at);
        continue;
      }
      several ??= new Map();
      let gathered = several.get(id);
      if (!gathered) {
        gathered = Array.from(out.values.subarray(out.start(id), out.start(id) + out.count(id)));
        several.set(id, gathered);
      }
      at = readPositions(bytes, at, (p) => gathered.push(p));
    }
  }
  if (several) for (const [id, positions] of several) out.reorder(id, positions);
  return out;
}
