/**
 * Time of the quotation alignment on pages of many quotations too short to compare (issue 13's
 * pass 4, `shortInLong`), this checkout against --old (default /work/main), alternating, medians
 * of 5, at 2,500, 5,000 and 10,000 quotations: linear means the time doubles with the count.
 * - `distinct`: each short quotation of a (`« décisionN politiqueN »`, Jean Dupont) inside its own
 *   long quotation of b: every one paired;
 * - `repeated`: the same two words in every short quotation of a and every long one of b: too
 *   common to say which (SHORT_PLACES_MOST), none paired, each read a bounded number of times;
 * - `marks`: the adversarial pages' 10,000 marks in one paragraph against a copy made of long ones;
 * - `copy`: those marks against a copy of themselves (the adversarial bench's case). `--only <case>`.
 *   node --import tsx scripts/probe/short-in-long-scale.ts
 */
import { resolve } from 'node:path';
import { loadavg } from 'node:os';
import { manyMarks, prose } from '../../tests/support/adversarial-pages';

const arg = (name: string) => { const k = process.argv.indexOf(name); return k >= 0 ? process.argv[k + 1] : undefined; };
type Q = typeof import('../../lib/quotes');
const now = await import(`${resolve(new URL('../..', import.meta.url).pathname)}/lib/quotes/index.ts`) as Q;
const old = await import(`${resolve(arg('--old') ?? '/work/main')}/lib/quotes/index.ts`) as Q;

const cases: Record<string, (n: number) => [string, string]> = {
  distinct: (n) => [
    Array.from({ length: n }, (_, i) => `Il a dénoncé « une décision${i} politique${i} », a dit Jean Dupont.`).join(' '),
    Array.from({ length: n }, (_, i) => `« C'est une décision${i} politique${i}, nous allons faire appel », a dit Jean Dupont.`).join(' '),
  ],
  repeated: (n) => [
    Array.from({ length: n }, () => `Il a dénoncé « une décision politique », a dit Jean Dupont.`).join(' '),
    Array.from({ length: n }, (_, i) => `« ${prose(4, i)} une décision politique ${prose(4, i + 1)} », a dit Jean Dupont.`).join(' '),
  ],
  marks: (n) => [manyMarks(n / 2), Array.from({ length: n / 2 }, (_, i) => `« ${prose(12, i + 1)} », a déclaré Jean Dupont.`).join(' ')],
  // The adversarial bench's page with a copy of itself.
  copy: (n) => [manyMarks(n / 2), `${manyMarks(n / 2)} `],
};
const only = arg('--only');
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[xs.length >> 1]!;
console.log(`load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
for (const [name, make] of Object.entries(cases).filter(([name]) => !only || name === only)) {
  for (const n of [2_500, 5_000, 10_000]) {
    const [a, b] = make(n);
    const qa = now.extractQuotes(a, 'fr');
    const qb = now.extractQuotes(b, 'fr');
    const oa = old.extractQuotes(a, 'fr');
    const ob = old.extractQuotes(b, 'fr');
    const t = { old: [] as number[], now: [] as number[] };
    let pairs = { old: 0, now: 0 };
    for (let r = 0; r < 5; r++) {
      let s = performance.now();
      pairs.old = old.alignQuotes(a, oa, b, ob, 'fr').length;
      t.old.push(performance.now() - s);
      s = performance.now();
      pairs.now = now.alignQuotes(a, qa, b, qb, 'fr').length;
      t.now.push(performance.now() - s);
    }
    console.log(`${name.padEnd(8)} ${String(n).padStart(6)} quotations: old ${median(t.old).toFixed(0)} ms (${pairs.old} pairs), new ${median(t.now).toFixed(0)} ms (${pairs.now} pairs)`);
  }
}
console.log(`load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
