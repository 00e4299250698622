/**
 * Runs an ordered list of removal steps over a page's lines and assembles the article text.
 * Shared by the plain-text path (`from-text.ts`, which owns the step order) and the DOM path
 * (`from-document.ts`, which feeds it the library's blocks), so both remove debris the same way.
 *
 * @module
 */
import { isKept, makeLine, type Line, type LineKind, type PageLines, type Step } from './lines';
import type { Removal, Span } from './types';

export function newPage(blocks: { text: string; kind?: LineKind }[], mode: 'text' | 'dom', title: string | null = null): PageLines {
  const lines: Line[] = [];
  for (const b of blocks) {
    const line = makeLine(b.text, lines.length, b.kind ?? 'text');
    if (line.text) lines.push(line);
  }
  return { lines, removed: lines.map(() => null), titleIndex: null, title, mode };
}

/** Apply each step in order; a line removed by an earlier step is never seen by a later one. */
export function runSteps(page: PageLines, steps: readonly Step[]): PageLines {
  for (const step of steps) {
    for (const v of step.run(page)) {
      if (!isKept(page, v.index)) continue;
      const line = page.lines[v.index]!;
      if (v.title) {
        page.titleIndex = v.index;
        page.title = line.text;
      } else {
        page.removed[v.index] = { step: step.name, reason: v.reason, text: line.text };
      }
    }
  }
  return page;
}

export interface Assembled {
  text: string;
  paragraphs: Span[];
  boilerplate: string[];
  removals: Removal[];
  /** Word count of the body. */
  words: number;
  /** Paragraphs that read as prose (≥ 12 words). */
  proseParagraphs: number;
  /** Words in those paragraphs. */
  proseWords: number;
}

/** Join kept lines with "\n\n" and record their offsets. */
export function assemble(page: PageLines): Assembled {
  const parts: string[] = [];
  const paragraphs: Span[] = [];
  let offset = 0;
  let words = 0;
  let proseParagraphs = 0;
  let proseWords = 0;
  for (const line of page.lines) {
    if (!isKept(page, line.index)) continue;
    if (parts.length > 0) offset += 2;
    paragraphs.push({ start: offset, end: offset + line.text.length });
    parts.push(line.text);
    offset += line.text.length;
    words += line.words;
    if (line.words >= 12) {
      proseParagraphs++;
      proseWords += line.words;
    }
  }
  const removals = page.removed.filter((r): r is Removal => r != null);
  return {
    text: parts.join('\n\n'),
    paragraphs,
    boilerplate: removals.map((r) => r.text),
    removals,
    words,
    proseParagraphs,
    proseWords,
  };
}
