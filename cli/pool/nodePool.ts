/**
 * The worker pool in Node: worker_threads sized by os.availableParallelism() (bench, CLI, tests).
 * Workers run nodeWorker.ts through tsx's loader (the repo runs TypeScript directly).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { WorkerPool, type FromWorker, type PoolPort } from '../../src/pool/pool';

export function nodePort(): PoolPort {
  // Node 20 does not run --import hooks in workers: register tsx inside the worker, then load it.
  const entry = new URL('./nodeWorker.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(entry)}); })`;
  const w = new Worker(boot, { eval: true });
  let failure: ((e: Error) => void) | null = null;
  let terminated = false;
  w.on('error', (e) => failure?.(e));
  w.on('exit', (code) => {
    if (!terminated) failure?.(new Error(`worker exited with code ${code}`));
  });
  return {
    post: (msg) => w.postMessage(msg),
    onMessage: (cb) => w.on('message', (m: FromWorker) => cb(m)),
    onFailure: (cb) => (failure = cb),
    terminate: () => {
      terminated = true;
      void w.terminate();
    },
  };
}

/** A pool of `size` workers (default: one per available core). Close it when done. */
export function nodePool(size = availableParallelism(), spawn: () => PoolPort = nodePort): WorkerPool {
  return new WorkerPool(spawn, Math.max(1, size));
}
