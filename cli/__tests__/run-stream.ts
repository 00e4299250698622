/** Runs a streaming command's transform over lines in-process, as `recoupe <command>` runs it over stdin and stdout. */
import { PassThrough, Readable } from 'node:stream';
import { streamJsonl, type RecordTransform } from '../stream/jsonl';

export async function runStream(lines: string[], transform: RecordTransform) {
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks: string[] = [];
  const errors: string[] = [];
  out.on('data', (c) => chunks.push(String(c)));
  err.on('data', (c) => errors.push(String(c)));
  const counts = await streamJsonl(Readable.from(lines.map((l) => `${l}\n`)), out, err, transform);
  const records = chunks.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l) as unknown);
  return { records, stderr: errors.join(''), counts };
}
