/**
 * The framing view's figures before and after (issues 16 and 20), in one run: the passages bench
 * (its detailed comparison by part), the adversarial bench (the framing beside a copy) and the
 * framing-deadline bench, each run in turn in two checkouts, alternating which goes first, `--runs`
 * times; the medians of each figure, with the load (`uptime`) before each run. Chromium's part of the
 * adversarial bench is left out (no build: `RECOUPE_OUT_DIR` set to a missing directory).
 *   node --import tsx scripts/probe/framing-view-bench.ts --old /work/wt-framingview-base --new . [--runs 3] [--benches passages,adversarial,framing-deadline]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const argv = process.argv;
const arg = (name: string) => { const k = argv.indexOf(name); return k >= 0 ? argv[k + 1] : undefined; };
const roots = { old: resolve(arg('--old') ?? '/work/wt-framingview-base'), new: resolve(arg('--new') ?? '.') };
const runs = Number(arg('--runs') ?? 3);
const benches = (arg('--benches') ?? 'passages,adversarial,framing-deadline').split(',');

type Figures = Record<string, number>;
/** The figures this probe compares, from one bench's JSON. */
function figures(name: string, r: any): Figures {
  const out: Figures = {};
  if (name === 'passages') {
    for (const d of r.detail) {
      const total = d.quotesFound + d.passageWords + d.passages + d.quotesAligned + d.pageFraming + d.framingView;
      Object.assign(out, { [`${d.chars} total s`]: total / 1000, [`${d.chars} page framing s`]: d.pageFraming / 1000, [`${d.chars} framing view s`]: d.framingView / 1000, [`${d.chars} framing view %`]: (100 * d.framingView) / total });
    }
  } else if (name === 'adversarial') {
    for (const x of r.node.rows) Object.assign(out, { [`${x.page}: framing beside the copy ms`]: x.framingMs, [`${x.page}: framing features of both ms`]: x.framingPrepMs });
  } else if (name === 'framing-deadline') {
    for (const x of r) Object.assign(out, { [`${x.page}: framing ms`]: x.framingMs, [`${x.page}: longest stretch ms`]: x.longestStretchMs, [`${x.page}: worst overrun ms`]: x.worstOverrunMs });
  }
  return out;
}

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2; };
for (const bench of benches) {
  const seen: Record<'old' | 'new', Figures[]> = { old: [], new: [] };
  for (let run = 0; run < runs; run++) {
    for (const side of (run % 2 ? ['new', 'old'] : ['old', 'new']) as ('old' | 'new')[]) {
      console.log(`${bench} run ${run + 1} ${side}: ${execFileSync('uptime', { encoding: 'utf8' }).trim()}`);
      const r = spawnSync('npm', ['run', '--silent', 'bench', '--', '--json', bench], { cwd: roots[side], encoding: 'utf8', env: { ...process.env, RECOUPE_OUT_DIR: '/nonexistent-recoupe-build' }, maxBuffer: 1 << 28 });
      if (r.status !== 0) { console.log(`  failed: ${r.stderr.slice(-500)}`); continue; }
      const json = JSON.parse(r.stdout.slice(r.stdout.indexOf('{')));
      seen[side].push(figures(bench, json[bench]));
    }
  }
  console.log(`== ${bench}: medians of ${runs} runs, old (${roots.old}) → new (${roots.new})`);
  for (const key of Object.keys(seen.old[0] ?? {})) {
    const o = median(seen.old.map((f) => f[key]!));
    const n = median(seen.new.map((f) => f[key]!));
    console.log(`  ${key}: ${o.toFixed(2)} → ${n.toFixed(2)}  (runs old ${seen.old.map((f) => f[key]!.toFixed(2)).join(' ')}; new ${seen.new.map((f) => f[key]!.toFixed(2)).join(' ')})`);
  }
}
