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

interface PostTaskScheduler {
  postTask(callback: () => void, options: { priority: 'user-blocking' | 'user-visible' | 'background' }): Promise<void>;
}

export function answerTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<PostTaskScheduler> }).scheduler;
  if (typeof scheduler?.postTask !== 'function') return nextTask();
  return scheduler.postTask(() => undefined, { priority: 'user-blocking' });
}
