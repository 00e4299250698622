/**
 * Pairing quotation marks into quoted spans, in one left-to-right pass with a stack.
 *
 * Why a stack per mark family and not a regex: quotes nest with another family inside
 * (`«… une opposition "normale" à côté»`, English “… ‘…’ …”), straight `"` is both opener and
 * closer, `’` is far more often an apostrophe than a closing quote, and a stray mark must never
 * swallow the rest of the article. The rules:
 * - a closer closes the nearest open mark of its family; openers above it are dropped (unclosed);
 * - at a paragraph break every open mark is dropped, unless the next paragraph starts with an
 *   opening mark (or `»`, the older French style): the French and English convention for a
 *   quotation that runs over several paragraphs is to reopen it at the start of each one and
 *   close it only at the end of the last (Chicago Manual of Style 13.30; Grevisse §1063);
 * - straight `"` and `'` open when they follow a space or an opening bracket and precede a
 *   letter, and close in the mirror case (the "flanking" rule CommonMark uses for emphasis);
 * - `’` and `'` after a letter and before a letter are apostrophes, never marks;
 * - a straight `"` and a curly `“ ”` pair with each other when no mark of their own family is
 *   open (`"We will win,” he said`): copy typed over several tools mixes them (issue 13). So do
 *   a curly mark set the wrong way round by a typing tool, read by the flanking rule: `“` with a
 *   word or punctuation before it and a space after it closes an open double quotation (`“Who
 *   can?“ he asked`), `”` with a space before and a letter after opens one when none is open
 *   (`”We will win,” he said`; Swedish and Finnish write ” at both ends); and `'`, `’` close the
 *   other single family after punctuation only (`‘We will win,' he said`), never after a letter,
 *   where they are apostrophes or plural possessives (`the Joneses' house`);
 * - a straight `"` between punctuation and a letter (no space typed: `said:"We`, `wall,"said`)
 *   closes an open double quotation, else opens one after `:` or `,`;
 * Cost: one pass over the text, O(n) with a stack bounded by the number of marks per paragraph.
 */
import type { Span } from './types';

/** Mark families: a closer only closes an opener of its own family. */
type Family = 'guillemet' | 'single-guillemet' | 'reversed-guillemet' | 'reversed-single-guillemet' | 'double' | 'low-double' | 'straight-double' | 'single' | 'straight-single';

interface Open {
  family: Family;
  mark: Span;
  depthAtOpen: number;
  multiParagraph: boolean;
}

/** A pair of marks and what lies between them (not yet trimmed). */
export interface MarkPair {
  open: Span;
  close: Span;
  depth: number;
  multiParagraph: boolean;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const SPACE = /\s/u;
/** Characters after which a straight quote opens: space, brackets, dashes, other opening marks. */
const OPENING_CONTEXT = /[\s([{\u2014\u2013\-/«‹“„‘]/u;
/** Characters before which a straight quote closes: space, punctuation, closing brackets and marks. */
const CLOSING_CONTEXT = /[\s.,;:!?)\]}\u2014\u2013\-/»›”’…]/u;

/** Marks that reopen a continued quotation at the start of a paragraph. */
const REOPENERS: ReadonlyMap<string, readonly Family[]> = new Map<string, Family[]>([
  ['«', ['guillemet']], ['»', ['guillemet']], ['“', ['double', 'low-double']], ['„', ['low-double']],
  ['"', ['straight-double']], ['‘', ['single']], ['‹', ['single-guillemet']],
]);

/** Each guillemet's family, French (`«…»`, `‹…›`), and that of the same marks set the other way round. */
const GUILLEMETS: Readonly<Record<string, { french: Family; reversed: Family }>> = {
  '«': { french: 'guillemet', reversed: 'reversed-guillemet' }, '»': { french: 'guillemet', reversed: 'reversed-guillemet' },
  '‹': { french: 'single-guillemet', reversed: 'reversed-single-guillemet' }, '›': { french: 'single-guillemet', reversed: 'reversed-single-guillemet' },
};

/** Punctuation a closing mark follows inside a quotation (`win,'`, `happiness?“`). */
const PUNCTUATION_BEFORE_CLOSE = /[.,;:!?…]/u;

/** Whether a double quotation (curly, low or straight) is open. */
function doubleOpen(open: OpenMarks): boolean {
  return open.has('double') || open.has('low-double') || open.has('straight-double');
}

function isLetterOrDigit(c: string | undefined): boolean {
  return c !== undefined && LETTER_OR_DIGIT.test(c);
}

/**
 * What the mark at `i` can do: open a family, close a family, or nothing. `open` lists the
 * families currently open (innermost last), to settle the ambiguous straight marks.
 */
function classify(text: string, i: number, open: OpenMarks): { opens?: Family; closes?: Family[]; orCloses?: Family[] } | null {
  const c = text[i];
  const prev = i > 0 ? text[i - 1] : undefined;
  const next = text[i + 1];
  const leftOpen = prev === undefined || OPENING_CONTEXT.test(prev);
  const rightClose = next === undefined || CLOSING_CONTEXT.test(next);
  const top = open.top();
  switch (c) {
    // German, Danish and Swedish set guillemets the other way round (`»Wir schaffen das«`): with
    // none of the French family open, `»` before a letter after a space opens, and `«` after a
    // letter or punctuation before a space closes what it opened.
    case '«':
    case '‹': {
      const { french, reversed } = GUILLEMETS[c]!;
      return open.has(reversed) && !leftOpen && rightClose ? { closes: [reversed] } : { opens: french };
    }
    case '»':
    case '›': {
      const { french, reversed } = GUILLEMETS[c]!;
      return !open.has(french) && leftOpen && isLetterOrDigit(next) ? { opens: reversed } : { closes: [french] };
    }
    case '„': return { opens: 'low-double' };
    case '“':
      // German „…“: the “ closes a low opener; elsewhere it opens.
      if (open.has('low-double') && !(leftOpen && !rightClose)) return { closes: ['low-double'] };
      // Set the wrong way round as a closer (`happiness?“ he asked`): it closes an open double
      // quotation; with none open it opens nothing (no quotation starts on a space).
      if (!leftOpen && rightClose) return doubleOpen(open) ? { closes: ['double'], orCloses: ['straight-double'] } : null;
      return { opens: 'double' };
    case '”':
      // Set the wrong way round as an opener (`”We will`): it opens when no double quotation is
      // open; an open one it closes, as ever.
      if (leftOpen && !rightClose && !doubleOpen(open)) return { opens: 'double' };
      return { closes: ['double', 'low-double'], orCloses: ['straight-double'] };
    case '‘':
      return { opens: 'single' };
    case '’':
      // Between two letters it is an apostrophe (l’opposition, Clinton’s); after a letter and
      // before a space it closes an open ‘ (but is an elision or plural possessive otherwise).
      if (isLetterOrDigit(prev) && isLetterOrDigit(next)) return null;
      if (open.has('single')) return { closes: ['single'] };
      // A straight ' opened it (`'We will win,’ he said`): after punctuation only.
      if (prev !== undefined && PUNCTUATION_BEFORE_CLOSE.test(prev) && rightClose && open.has('straight-single')) return { closes: ['straight-single'] };
      return null;
    case '"': {
      if (leftOpen && !rightClose) return { opens: 'straight-double' };
      if (!leftOpen && rightClose) return { closes: ['straight-double'], orCloses: ['double'] };
      if (leftOpen && rightClose) {
        // Between spaces (a lone mark): close if one is open, else ignore.
        return top === 'straight-double' || open.has('straight-double') ? { closes: ['straight-double'] } : null;
      }
      // No space typed between punctuation and a letter (`wall,"said Trump`, `said:"We`): close
      // an open double quotation, else open after `:` or `,`, which introduce a quotation.
      if (prev !== undefined && PUNCTUATION_BEFORE_CLOSE.test(prev) && isLetterOrDigit(next)) {
        if (doubleOpen(open)) return { closes: ['straight-double'], orCloses: ['double'] };
        return prev === ':' || prev === ',' ? { opens: 'straight-double' } : null;
      }
      // Inside a word (5"4, a"b): ignore.
      return null;
    }
    case "'": {
      if (isLetterOrDigit(prev) && isLetterOrDigit(next)) return null; // apostrophe
      if (leftOpen && isLetterOrDigit(next)) return { opens: 'straight-single' };
      if (!leftOpen && rightClose && open.has('straight-single')) return { closes: ['straight-single'] };
      // A curly ‘ opened it (`‘We will win,' he said`): after punctuation only (`Joneses' house`
      // is a possessive).
      if (prev !== undefined && PUNCTUATION_BEFORE_CLOSE.test(prev) && rightClose && open.has('single')) return { closes: ['single'] };
      return null;
    }
    default:
      return null;
  }
}

/**
 * The open marks, innermost last, with the positions of each family's marks in the stack, so that
 * "is one of this family open" and "the nearest of these families" cost no walk down the stack
 * (a page of thousands of unclosed marks would make each mark's walk long).
 */
class OpenMarks {
  readonly stack: Open[] = [];
  private readonly byFamily = new Map<Family, number[]>();

  get length(): number { return this.stack.length; }
  top(): Family | undefined { return this.stack[this.stack.length - 1]?.family; }
  has(family: Family): boolean { return (this.byFamily.get(family)?.length ?? 0) > 0; }

  push(o: Open): void {
    const at = this.byFamily.get(o.family);
    if (at) at.push(this.stack.length);
    else this.byFamily.set(o.family, [this.stack.length]);
    this.stack.push(o);
  }

  /** Stack index of the innermost open mark of one of `families`, or -1. */
  nearest(families: readonly Family[]): number {
    let k = -1;
    for (const f of families) k = Math.max(k, this.byFamily.get(f)?.at(-1) ?? -1);
    return k;
  }

  /** Drops the marks from stack index `k` up. */
  truncate(k: number): void {
    while (this.stack.length > k) this.byFamily.get(this.stack.pop()!.family)!.pop();
  }
}

const MARK_CHARS = /[«»‹›„“”‘’"'\n]/gu;

/**
 * Every pair of quotation marks of `text`, in order of their closing mark. Unpaired marks are
 * dropped. Paragraphs are separated by line breaks (`extract` joins paragraphs with "\n\n").
 */
export function pairMarks(text: string): MarkPair[] {
  const pairs: MarkPair[] = [];
  const open = new OpenMarks();
  MARK_CHARS.lastIndex = 0;
  // (`test`, not `exec`: no match object made for each mark and apostrophe, 150,000 in a French
  // text of 5 MB, issue 16; the mark is the unit before `lastIndex`, all of them in the BMP.)
  while (MARK_CHARS.test(text)) {
    const i = MARK_CHARS.lastIndex - 1;
    if (text.charCodeAt(i) === 0x0a) {
      // Skip the whole break (blank lines, indentation) and look at the next paragraph's start.
      let j = i;
      while (j < text.length && SPACE.test(text[j] ?? '')) j++;
      MARK_CHARS.lastIndex = j;
      if (open.length === 0) continue;
      const first = text[j];
      // The previous paragraph must end like a sentence (the quotation ran to its end), and the
      // reopening mark must belong to the open family: a stray opener followed by a paragraph
      // that happens to start with a quotation must not pair with that quotation's closer.
      let e = i;
      while (e > 0 && SPACE.test(text[e - 1] ?? '')) e--;
      const endsSentence = /[.!?…:]/u.test(text[e - 1] ?? '');
      const family = open.stack[0]!.family;
      if (first !== undefined && endsSentence && open.length === 1 && REOPENERS.get(first)?.includes(family)) {
        // The quotation continues: the reopening mark is consumed as part of it.
        for (const o of open.stack) o.multiParagraph = true;
        MARK_CHARS.lastIndex = j + 1;
      } else {
        open.truncate(0);
      }
      continue;
    }
    const kind = classify(text, i, open);
    if (!kind) continue;
    if (kind.closes) {
      let k = open.nearest(kind.closes);
      if (k < 0 && kind.orCloses) k = open.nearest(kind.orCloses);
      if (k >= 0) {
        const o = open.stack[k]!;
        pairs.push({ open: o.mark, close: { start: i, end: i + 1 }, depth: k, multiParagraph: o.multiParagraph });
        open.truncate(k);
        continue;
      }
      // A closer with nothing to close: a straight or guillemet closer may still open (typo'd
      // direction, e.g. »Zitat« in German); we ignore it, which never creates a runaway span.
      continue;
    }
    if (kind.opens) open.push({ family: kind.opens, mark: { start: i, end: i + 1 }, depthAtOpen: open.length, multiParagraph: false });
  }
  pairs.sort((a, b) => a.open.start - b.open.start);
  // A pair's depth is the number of pairs around it. The stack counted openers that were later
  // dropped unclosed (`ne pas être «un représentant des «gilets jaunes». «Les samedis…»`: a
  // guillemet never closed): every quotation after such a mark would stay nested in nothing, and
  // unattributed. Pairs nest or follow each other (a closer drops every opener above its own), so
  // one pass in order of their openers, with a stack of the pairs still around, counts them.
  const around: MarkPair[] = [];
  for (const p of pairs) {
    while (around.length > 0 && around[around.length - 1]!.close.end <= p.open.start) around.pop();
    p.depth = around.length;
    around.push(p);
  }
  return pairs;
}
