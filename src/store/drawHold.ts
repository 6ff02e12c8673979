/**
 * Staged drawing in progress: a view that mounts its heavy parts a frame apart (useDeferredMount,
 * useRevealAfterFrame) holds this until its last part has been drawn. On a first load the store asks
 * the worker for the rest of the results only once nothing holds it (answerTask.ts, restTask): on a
 * 2-core machine the worker's work on the second core made each staged part's style and layout
 * take several times its CPU time in wall time, over the 50 ms budget.
 */
let holds = 0;
let waiting: (() => void)[] = [];

/** Holds until the returned release is called (once; later calls do nothing). */
export function holdDrawing(): () => void {
  holds++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holds--;
    // Looked at again in a later task: a commit that unmounts one part (a view's loading note) and
    // mounts the next releases and holds in one go, and must not let the waiters through between.
    if (holds === 0) setTimeout(() => {
      if (holds === 0) for (const go of waiting.splice(0)) go();
    });
  };
}

/** Resolves when nothing holds the drawing (at once when nothing does), or after `maxMs` at most. */
export function drawingSettled(maxMs: number): Promise<void> {
  if (holds === 0) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const timer = setTimeout(done, maxMs);
    function done() {
      clearTimeout(timer);
      waiting = waiting.filter((w) => w !== done);
      resolve();
    }
    waiting.push(done);
  });
}
