/**
 * The task in which the store applies a worker's answer (the demo's load, a run's results): a task of
 * its own, after the one that unpacked the message (structured clone; speed budget: no main-thread
 * task over 50 ms), but ahead of the page's other waiting work. At start-up the queue holds the shell's
 * first render in time slices (React's scheduler posts them as ordinary tasks) and the start-up chain's
 * stages; a plain next task (`nextTask`) waited behind all of them before the first results could be
 * shown (README «Performance»: demo_interactive_ms). Chromium's `scheduler.postTask` with priority
 * «user-blocking» runs before ordinary tasks; elsewhere (Node, older browsers) it is `nextTask`.
 */
import { nextTask } from '../ingest/nextTask';
import { drawingSettled } from './drawHold';

interface PostTaskScheduler {
  postTask(callback: () => void, options: { priority: 'user-blocking' | 'user-visible' | 'background' }): Promise<void>;
}

export function answerTask(): Promise<void> {
  return postTask('user-blocking');
}

/**
 * The task in which the store asks for the rest of a first load's results, after the first results
 * (the open view's sections) have been applied: at «background» priority, so it waits until the
 * page's queued work is done — the open view's render with the first results (React's time slices
 * are ordinary tasks). Asked at once, the worker computed the rest on the second core while the
 * view drew: on a 2-core machine the main thread then shares a core with the browser's own threads,
 * and the view's style and layout tasks took 3–6 × their CPU time in wall time (trace, load 9:
 * 218–402 ms wall for 53–65 ms CPU, against 64–75 ms wall for 43–52 ms CPU with the worker idle).
 */
export async function restTask(): Promise<void> {
  await postTask('background');
  // A view drawing its parts a frame apart (useDeferredMount) holds the rest until its last part is
  // drawn; at most a few seconds, so a view that never lets go cannot hold back the results.
  await drawingSettled(REST_WAIT_MAX_MS);
}

/** How long the rest of a first load waits at most for the open view's staged drawing. */
export const REST_WAIT_MAX_MS = 3000;

function postTask(priority: 'user-blocking' | 'background'): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<PostTaskScheduler> }).scheduler;
  if (typeof scheduler?.postTask !== 'function') return nextTask();
  return scheduler.postTask(() => undefined, { priority });
}
