import { readdirSync, readFileSync } from 'node:fs';
import { extractQuotes } from '../lib/quotes';
const dir = '/work/shared/fixtures/polnear/test/text/';
const pats = process.argv.slice(2);
for (const f of readdirSync(dir)) {
  const t = readFileSync(dir + f, 'utf8');
  for (const q of extractQuotes(t, 'en')) {
    if (q.depth) continue;
    if (pats.some((p) => q.text.includes(p))) console.log(f.slice(0, 40), q.kind, '|', q.speaker, '|', JSON.stringify(t.slice(Math.max(0, q.start - 150), q.end + 100)));
  }
}
