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
