import type { Command } from './command';
import { UsageError } from './command';
import { extractFile } from './extract';
import { extractQuotes, type Quote } from '../../lib/quotes';

/** The JSON shape of one quotation: offsets index into the `text` that `recoupe extract` prints. */
export function quoteJson(q: Quote): { text: string; start: number; end: number; kind: Quote['kind']; speaker: string | null; speakerSpan: Quote['speakerSpan']; depth: number } {
  return { text: q.text, start: q.start, end: q.end, kind: q.kind, speaker: q.speaker, speakerSpan: q.speakerSpan, depth: q.depth };
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
