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
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    resolve();
  };
  channel.port2.postMessage(null);
});

/**
 * For a loop of steps: call the returned function after each step; once a slice has run
 * `sliceMs` (`SLICE_MS` unless said) it gives way (a promise to await), otherwise it returns undefined (nothing to await:
 * a hot loop pays no promise per step).
 */
export function sliceTurns(sliceMs = SLICE_MS): () => Promise<void> | undefined {
  let sliceStart = performance.now();
  return () => {
    if (performance.now() - sliceStart <= sliceMs) return undefined;
    return giveWay().then(() => {
      sliceStart = performance.now();
    });
  };
}

/** Runs `steps` to their end, giving way to the event loop every `SLICE_MS`. */
export async function inSlices<T>(steps: Generator<void, T>): Promise<T> {
  const turn = sliceTurns();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    const wait = turn();
    if (wait) await wait;
  }
}
