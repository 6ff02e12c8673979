/** The worker pool in the browser: Web Workers sized by navigator.hardwareConcurrency. */
import { WorkerPool, type PoolPort } from './pool';

export function webPort(): PoolPort {
  // A same-origin module worker (CSP worker-src falls back to script-src 'self'); vite bundles
  // pool.worker.ts as its own chunk.
  const w = new Worker(new URL('./pool.worker.ts', import.meta.url), { type: 'module', name: 'knl-pool' });
  return {
    post: (msg) => w.postMessage(msg),
    onMessage: (cb) => w.addEventListener('message', (e) => cb(e.data)),
    onFailure: (cb) => {
      // The pool handles a crash (the block is re-run, or the job answers with an error value), so the
      // error is not reported on up to the analysis worker and the page as an uncaught one.
      w.addEventListener('error', (e) => {
        e.preventDefault();
        cb(new Error(e.message || 'worker error'));
      });
      w.addEventListener('messageerror', () => cb(new Error('worker message error')));
    },
    terminate: () => w.terminate(),
  };
}

/** Most pool workers in a page (each holds a copy of the job's input). */
export const MAX_BROWSER_WORKERS = 8;

/**
 * Workers for a machine with `cores` logical cores: one core is left to the page and the analysis
 * worker (which waits while the pool runs, but keeps answering the page), at least one, at most
 * MAX_BROWSER_WORKERS.
 */
export function browserPoolSize(cores: number | undefined): number {
  const c = Number.isFinite(cores) && (cores ?? 0) > 0 ? Math.floor(cores as number) : 1;
  return Math.max(1, Math.min(MAX_BROWSER_WORKERS, c - 1));
}

/** The pool, or null where workers cannot be started. */
export function browserPool(size = browserPoolSize(globalThis.navigator?.hardwareConcurrency)): WorkerPool | null {
  if (typeof Worker === 'undefined') return null;
  return new WorkerPool(webPort, Math.max(1, size));
}
