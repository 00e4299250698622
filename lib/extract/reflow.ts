/**
 * Hard-wrapped text back into paragraphs. An OCR capture, an e-mail or a text wrapped at ~70
 * characters has one line per printed line, not per paragraph: each fragment would look like a
 * short label to the removal steps (`section-labels` takes short lines outside the prose) and the
 * body would be lost. A wrapped text is recognised by its line lengths: most lines are "full",
 * close to one width, and that width is a printed line's (`MIN_WIDTH`–`MAX_WIDTH` characters).
 * In it, a full line continues on the next; a short line, a line the next word would have fitted
 * on, a blank line or the end ends a paragraph (the rule of `fmt` and of RFC 3676's format=flowed,
 * without its trailing-space mark).
 *
 * @module
 */

/** Widths of printed lines: narrow columns to wide e-mail. A capture's paragraph lines are longer. */
export const MIN_WIDTH = 40;
export const MAX_WIDTH = 100;
/** A line at least this share of the width is full: the wrap, not the writer, ended it. */
export const FULL_LINE = 0.75;
/** Share of non-empty lines that must be full, and how many, for a text to be wrapped. */
const MIN_FULL_SHARE = 0.5;
const MIN_FULL_LINES = 5;

/** The wrap width of `lines` (the 95th percentile of their lengths), or null when not wrapped. */
export function wrapWidth(lines: readonly string[]): number | null {
  const lengths = lines.map((l) => l.trim().length).filter((n) => n > 0).sort((a, b) => a - b);
  if (lengths.length < MIN_FULL_LINES) return null;
  const width = lengths[Math.min(lengths.length - 1, Math.floor(lengths.length * 0.95))]!;
  if (width < MIN_WIDTH || width > MAX_WIDTH) return null;
  const full = lengths.filter((n) => n >= FULL_LINE * width).length;
  return full >= MIN_FULL_LINES && full / lengths.length >= MIN_FULL_SHARE ? width : null;
}

/** Lines of a hard-wrapped text joined into paragraphs; any other text is returned as it is. */
export function reflow(lines: { text: string }[]): { text: string }[] {
  const width = wrapWidth(lines.map((l) => l.text));
  if (width === null) return lines;
  // The widest line is the wrap's limit: a line the next word would have fitted on was ended by
  // its writer, not by the wrap (the greedy wrapping of editors and mail clients).
  const limit = Math.max(...lines.map((l) => l.text.trim().length).filter((n) => n <= MAX_WIDTH));
  const out: { text: string }[] = [];
  let paragraph = '';
  const flush = () => {
    if (paragraph) out.push({ text: paragraph });
    paragraph = '';
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.text.trim();
    if (!line) {
      flush();
      continue;
    }
    // A line ending in a hyphen joins without a space, the hyphen kept (`peut-`/`être`: a compound).
    paragraph = !paragraph ? line : /\p{L}-$/u.test(paragraph) ? paragraph + line : `${paragraph} ${line}`;
    const nextWord = lines[i + 1]?.text.trim().split(/\s/, 1)[0] ?? '';
    if (line.length < FULL_LINE * width || line.length + 1 + nextWord.length <= limit) flush();
  }
  flush();
  return out;
}
