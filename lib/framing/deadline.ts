/**
 * When a framing must stop (the comparison's time budget, issue 20, "Bounded analysis"): past
 * `at` on `now`, it throws `FramingCut` and nothing of it is kept (`withinDeadline`). Checked
 * between its parts and inside the loops of the longest (the stemming of each text, the
 * omissions' quotations, actors, stance, word choice): on a page of 5,000 quotations one part
 * ran ~0.4 s alone, and checked only between parts, a comparison overran its budget by that much.
 */
export interface FramingDeadline {
  at: number;
  now: () => number;
}

/** Thrown when a framing passes its deadline: half a framing could show rows the whole would not. */
export class FramingCut extends Error {
  constructor() {
    super('framing stopped at its deadline');
  }
}

/** Throws `FramingCut` once `deadline` has passed (none: never). */
export function checkDeadline(deadline?: FramingDeadline): void {
  if (deadline && deadline.at !== Infinity && deadline.now() >= deadline.at) throw new FramingCut();
}

/** Calls between two reads of the clock in a loop: a few microseconds of work each, so the clock is read every ~0.1 ms at most. */
export const TICKS_PER_READ = 64;

/**
 * For a loop: a function to call once per item, which checks `deadline` on its first call and
 * every `TICKS_PER_READ` calls after (reading the clock on every word would cost more than the
 * word). Without a deadline, it does nothing.
 */
export function deadlineTicker(deadline?: FramingDeadline): () => void {
  if (!deadline || deadline.at === Infinity) return () => {};
  let n = 0;
  return () => {
    if (n++ % TICKS_PER_READ === 0) checkDeadline(deadline);
  };
}

/** What `compute` returns, or null when it passed its deadline (`FramingCut`): all of a framing or none. */
export function withinDeadline<T>(compute: () => T): T | null {
  try {
    return compute();
  } catch (error) {
    if (error instanceof FramingCut) return null;
    throw error;
  }
}
