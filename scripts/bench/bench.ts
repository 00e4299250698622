import { memoryUsage } from 'node:process';
import { GCProfiler, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Options of `npm run bench` (`--articles N`: the research pipeline's corpus size). */
export interface BenchOptions {
  articles?: string;
}

/** What a benchmark module exports (default) for `npm run bench`. */
export interface Benchmark<R = unknown> {
  /** Key of its figures in `npm run bench -- --json`. */
  name: string;
  /** Measures; every target is a ratio against a baseline measured in the same run. */
  run(options: BenchOptions): Promise<R>;
  /** Prints the figures for a person. */
  print(result: R): void;
}

/** Median and 95th percentile of timings in milliseconds. */
export function percentiles(ms: number[]): { median: number; p95: number } {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { median: at(0.5), p95: at(0.95) };
}

/** Times `fn` `repeat` times, in milliseconds each. */
export function time(fn: () => unknown, repeat: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    fn();
    out.push(performance.now() - start);
  }
  return out;
}

/**
 * CPU time (user + system, all of the process's threads) of each of `repeat` calls of `fn`, in
 * milliseconds: on a shared, loaded machine the wall time measures the other processes too.
 */
export function cpuTime(fn: () => unknown, repeat: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const start = process.cpuUsage();
    fn();
    const used = process.cpuUsage(start);
    out.push((used.user + used.system) / 1000);
  }
  return out;
}

/** A full collection before a measured phase, with or without node's `--expose-gc`. */
export function collectGarbage(): void {
  let gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}

/**
 * Runs `fn` and returns its result with the peak heap it reached, in MB: the heap is sampled just
 * before every collection V8 makes during `fn` (where it peaks; V8's `GCProfiler`) and at the end,
 * so synchronous work that starves a timer is still seen. `withBuffers` adds the memory of typed
 * arrays (outside the JS heap), which the word arrays of long texts live in.
 */
export function peakHeap<T>(fn: () => T): { result: T; heapMB: number; withBuffersMB: number } {
  collectGarbage();
  const profiler = new GCProfiler();
  profiler.start();
  const result = fn();
  const end = memoryUsage();
  const samples = profiler.stop()?.statistics.map((s) => s.beforeGC.heapStatistics) ?? [];
  const heap = Math.max(end.heapUsed, ...samples.map((h) => h.usedHeapSize));
  const withBuffers = Math.max(end.heapUsed + end.arrayBuffers, ...samples.map((h) => h.usedHeapSize + h.externalMemory));
  return { result, heapMB: heap / 2 ** 20, withBuffersMB: withBuffers / 2 ** 20 };
}
