/**
 * Reading an export file in parts and cutting its articles into messages, for the corpus page's
 * import (`import-files.ts`). No browser extension API: the benchmark runs it in Node.
 */
import type { ImportCandidate } from '../../lib/corpus-io';
import { MAX_IMPORT_PART_ARTICLES } from '../../extension/protocol';

/** The lines of a file (split at `\n`), read in parts through a streaming decoder: no string of the whole file is made. */
export async function readLines(file: Blob): Promise<string[]> {
  const lines: string[] = [];
  let pending: string[] = [];
  const reader = file.stream().pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    let from = 0;
    for (let nl = value.indexOf('\n'); nl !== -1; nl = value.indexOf('\n', from)) {
      pending.push(value.slice(from, nl));
      lines.push(pending.join(''));
      pending = [];
      from = nl + 1;
    }
    if (from < value.length) pending.push(value.slice(from));
  }
  lines.push(pending.join(''));
  return lines;
}

const encoder = new TextEncoder();
/** Bytes of a value sent in a message, as the JSON the browser writes (escapes included), in UTF-8. */
export const messageBytes = (value: unknown) => encoder.encode(JSON.stringify(value)).byteLength;

/**
 * The articles in parts whose message stays under `maxBytes`, of at most `maxArticles` articles
 * (what the background stores in one transaction): each part as many articles as fit, an article
 * too large for one part alone in its own (the format's limits keep it under the browser's 64 MiB,
 * see `MAX_IMPORT_MESSAGE_BYTES`).
 */
export function* messageParts(candidates: readonly ImportCandidate[], maxBytes: number, envelope = 1_000, maxArticles = MAX_IMPORT_PART_ARTICLES): Generator<ImportCandidate[]> {
  let part: ImportCandidate[] = [];
  let size = envelope;
  for (const c of candidates) {
    const bytes = messageBytes(c) + 1;
    if (part.length > 0 && (size + bytes > maxBytes || part.length >= maxArticles)) {
      yield part;
      part = [];
      size = envelope;
    }
    part.push(c);
    size += bytes;
  }
  if (part.length > 0) yield part;
}
