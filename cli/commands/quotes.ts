import type { Command } from './command';
import { UsageError } from './command';
import { extractFile } from './extract';
import { alignQuotes, extractQuotes } from '../../lib/quotes';
import type { Quote, SharedQuote } from '../../lib/quotes';

/** The JSON shape of one quotation: offsets index into the `text` that `recoupe extract` prints. */
export function quoteJson(q: Quote): { text: string; start: number; end: number; kind: Quote['kind']; speaker: string | null; speakerSpan: Quote['speakerSpan']; depth: number } {
  return { text: q.text, start: q.start, end: q.end, kind: q.kind, speaker: q.speaker, speakerSpan: q.speakerSpan, depth: q.depth };
}

/** The quotes of two extracted articles and the quotations they share (used by `compare`). */
export function quotesOfPair(a: { text: string; language: string | null }, b: { text: string; language: string | null }): { quotes: { a: ReturnType<typeof quoteJson>[]; b: ReturnType<typeof quoteJson>[] }; sharedQuotes: SharedQuote[] } {
  const qa = extractQuotes(a.text, a.language ?? 'en');
  const qb = extractQuotes(b.text, b.language ?? 'en');
  return {
    quotes: { a: qa.map(quoteJson), b: qb.map(quoteJson) },
    sharedQuotes: alignQuotes(a.text, qa, b.text, qb, a.language ?? b.language ?? 'en'),
  };
}

/** `recoupe quotes <file>`: the quotations of one article, with kind and speaker. */
export const quotes: Command = {
  usage: ['recoupe quotes <file.html|file.txt>   Quotations of an article, reported or scare, with speakers (offsets index into its extracted text).'],
  async run(args) {
    if (args.length !== 1) throw new UsageError('quotes takes one file');
    const a = await extractFile(args[0]!);
    return { quotes: extractQuotes(a.text, a.language ?? 'en').map(quoteJson) };
  },
};
