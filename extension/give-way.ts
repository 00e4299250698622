/**
 * Long work in the background, the import's analysis and the analysis worker gives way to other
 * requests in slices (issue 20, item 5: no request waits more than 200 ms).
 */

/** The longest stretch of work between two turns of the event loop. */
export const SLICE_MS = 50;

/**
 * Lets the event loop run (messages, other requests) for a moment: a task queued through a
 * message channel, like `setTimeout(0)` but not held back 4 ms once nested (HTML's timer clamping).
 */
export const giveWay = () => new Promise<void>((resolve) => {
  // Where the browser has a scheduler (Chrome, in workers too), the loop goes on as a task of
  // background priority: after every task waiting, a request's message included — a message
  // channel's task is of the same priority as those, and a train of them held a request for
  // hundreds of milliseconds while the worker's timers ran on time (issue 20, item 5).
  // https://developer.mozilla.org/docs/Web/API/Scheduler/postTask
  const scheduler = (globalThis as { scheduler?: { postTask?: (task: () => void, options: { priority: string }) => Promise<unknown> } }).scheduler;
  if (scheduler?.postTask) {
    void scheduler.postTask(resolve, { priority: 'background' });
    return;
  }
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    resolve();
  };
  channel.port2.postMessage(null);
});

/** Requests being answered ahead of background work (`foremost`), and the background loops waiting for them. */
let foreground = 0;
const held: (() => void)[] = [];

/**
 * Runs a request's answer ahead of the background loops that give way with `backgroundTurn`: they
 * stop at their next turn until it is done, so the few reads of an answer each wait for no slice of
 * theirs (a Stories view opened while the story index is rebuilt waited for one slice per read).
 * `answer` must not wait for such a loop itself.
 */
export async function foremost<T>(answer: () => Promise<T>): Promise<T> {
  foreground++;
  try {
    return await answer();
  } finally {
    if (--foreground === 0) for (const resume of held.splice(0)) resume();
  }
}

/** A background loop's turn: gives way, then waits while a request is answered (`foremost`). */
export async function backgroundTurn(): Promise<void> {
  await giveWay();
  while (foreground > 0) await new Promise<void>((resolve) => held.push(resolve));
}

/**
 * For a loop of steps: call the returned function after each step; once a slice has run
 * `sliceMs` (`SLICE_MS` unless said) it gives way (a promise to await), otherwise it returns undefined (nothing to await:
 * a hot loop pays no promise per step). `turn`: how it gives way (`backgroundTurn` for work that yields to requests).
 */
export function sliceTurns(sliceMs = SLICE_MS, turn: () => Promise<void> = giveWay): () => Promise<void> | undefined {
  let sliceStart = performance.now();
  return () => {
    if (performance.now() - sliceStart <= sliceMs) return undefined;
    return turn().then(() => {
      sliceStart = performance.now();
    });
  };
}

/** Runs `steps` to their end, giving way to the event loop every `SLICE_MS` (with `turn`: see `sliceTurns`). */
export async function inSlices<T>(steps: Generator<void, T>, turn: () => Promise<void> = giveWay): Promise<T> {
  const next = sliceTurns(SLICE_MS, turn);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    const wait = next();
    if (wait) await wait;
  }
}
