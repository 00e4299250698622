/**
 * Where IndexedDB's own time goes during an import of N articles (default 10,000) in Chromium
 * (the build of `RECOUPE_OUT_DIR`), sent as the import bench sends them (two parts in flight): the
 * import's time, the CPU seconds of the browser's processes and of its two busiest threads
 * (`browserCpu`: IndexedDB's in the browser process, the service worker's) and the background's
 * summed timings; then a browser-wide trace (`CATS`, IndexedDB's categories by default) summed by
 * event and thread (self time), and the profile's IndexedDB files. `CATS=__none`: no trace, the
 * figures only (to alternate builds: `for b in old new; do RECOUPE_OUT_DIR=$b CATS=__none …`).
 * Probe, not a benchmark.
 */
import { launchWithExtension } from '../../tests/support/chromium-extension';
import { generatePanelCorpus } from '../bench/panel-corpus';
import { messageParts, messageBytes } from '../../entrypoints/corpus/import-parts';
import { MAX_IMPORT_MESSAGE_BYTES, MAX_IMPORT_PART_ARTICLES } from '../../extension/protocol';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { browserCpu, cpuBetween } from '../bench/import.bench';
import { join } from 'node:path';

const N = Number(process.argv[2] ?? 10_000);
const CATS = (process.env.CATS ?? 'IndexedDB,leveldb,sql,toplevel,disabled-by-default-lock_manager').split(',');
const { articles } = generatePanelCorpus({ size: N, sameEvent: 10 });
const profileDir = mkdtempSync(join(tmpdir(), 'imp10k-prof-'));
const browser = await launchWithExtension({ profileDir });
try {
  const page = await browser.openExtensionPage('options.html');
  const send = async (m: unknown) => page.evaluate((x) => (globalThis as any).chrome.runtime.sendMessage(x), m) as Promise<any>;
  let ids: number[] = [];
  for (let i = 0; i < 300 && ids.length < 5; i++) {
    ids = (await send({ type: 'corpus/search' })).value.ids;
    if (ids.length < 5) await page.waitForTimeout(100);
  }
  await send({ type: 'corpus/delete', ids });
  await page.evaluate(() => { (globalThis as any).q = []; });
  const envelope = messageBytes({ type: 'corpus/import-part', fileName: 'b.jsonl', articles: [] });
  for (const part of messageParts(articles.map((article, i) => ({ item: `article ${i + 1}`, article })), MAX_IMPORT_MESSAGE_BYTES, envelope, MAX_IMPORT_PART_ARTICLES)) {
    await page.evaluate((m) => { (globalThis as any).q.push(m); }, { type: 'corpus/import-part', fileName: 'b.jsonl', articles: part, importId: 'p' });
  }
  const session = await browser.context.browser()!.newBrowserCDPSession();
  type Ev = { name: string; ph: string; ts: number; dur?: number; tdur?: number; tid: number; pid: number; args?: { name?: string } };
  const events: Ev[] = [];
  session.on('Tracing.dataCollected', ({ value }) => { for (const e of value as unknown as Ev[]) if (e.ph === 'X' || e.ph === 'M') events.push(e); });
  const complete = new Promise<void>((r) => session.once('Tracing.tracingComplete', () => r()));
  await session.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: CATS, excludedCategories: ['*'] } });
  const cpu0 = browserCpu();
  const t0 = performance.now();
  const replies = await page.evaluate(async () => {
    const g = globalThis as any;
    const out: Promise<any>[] = [];
    for (let k = 0; k < g.q.length; k++) {
      out.push(g.chrome.runtime.sendMessage(g.q[k]));
      if (k >= 1) await out[k - 1];
    }
    return (await Promise.all(out)).map((r) => (r?.ok ? r.value.timings : r));
  });
  const ms = performance.now() - t0;
  const cpu = cpuBetween(cpu0, browserCpu());
  await session.send('Tracing.end');
  await complete;
  const sum: Record<string, number> = {};
  for (const r of replies) for (const [k, v] of Object.entries(r as Record<string, number>)) sum[k] = (sum[k] ?? 0) + v;
  console.log(`import ${N}: ${(ms / 1000).toFixed(1)} s; CPU s: all ${Object.entries(cpu).filter(([k]) => !k.includes('/')).reduce((n, [, s]) => n + s, 0).toFixed(1)}, ${['browser/ThreadPoolForeg', 'extension/ServiceWorker t'].map((k) => `${k} ${(cpu[k] ?? 0).toFixed(1)}`).join(', ')};`, Object.entries(sum).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join(', '));
  if (process.env.CATS !== '__none') {
  const threads = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
  // Self time per event name and thread (nested events subtracted), wall (dur) and thread time (tdur).
  const byThread = new Map<string, Ev[]>();
  for (const e of events) if (e.ph === 'X' && e.dur !== undefined) {
    const k = `${e.pid}:${e.tid}`;
    if (!byThread.has(k)) byThread.set(k, []);
    byThread.get(k)!.push(e);
  }
  const rows: [string, number, number, number][] = [];
  for (const [k, evs] of byThread) {
    evs.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const self = new Map<string, [number, number, number]>();
    const stack: { e: Ev; child: number }[] = [];
    const close = (until: number) => {
      while (stack.length && stack[stack.length - 1]!.e.ts + stack[stack.length - 1]!.e.dur! <= until) {
        const { e, child } = stack.pop()!;
        const s = self.get(e.name) ?? [0, 0, 0];
        s[0] += e.dur! - child; s[1] += e.dur!; s[2]++;
        self.set(e.name, s);
        if (stack.length) stack[stack.length - 1]!.child += e.dur!;
      }
    };
    for (const e of evs) { close(e.ts); stack.push({ e, child: 0 }); }
    close(Infinity);
    for (const [name, [s, t, n]] of self) rows.push([`${threads.get(k) ?? k} | ${name}`, s / 1000, t / 1000, n]);
  }
  rows.sort((a, b) => b[1] - a[1]);
  console.log('self ms / total ms / count  thread | event');
  for (const [name, s, t, n] of rows.slice(0, 60)) console.log(s.toFixed(0).padStart(7), t.toFixed(0).padStart(7), String(n).padStart(7), ' ', name);
  }
} finally {
  await browser.close();
  const walk = (d: string): void => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (process.env.CATS !== '__none' && /IndexedDB/.test(p) && st.size > 100_000) console.log((st.size / 1e6).toFixed(1).padStart(8), 'MB', p.slice(profileDir.length));
    }
  };
  walk(profileDir);
  rmSync(profileDir, { recursive: true, force: true });
}
