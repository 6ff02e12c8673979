/**
 * A pool worker in this process for the pool's tests: the real serve() behind a message hop each way
 * (setTimeout 0), as a Web Worker or worker_thread would be. The test decides what the worker does with
 * each message the pool posts (answer, hang, answer late, crash) in `receive`.
 */
import type { FromWorker, PoolPort, ToWorker } from '../../src/pool/pool';
import { serve } from '../../src/pool/serve';

export interface FakeWorker {
  port: PoolPort;
  /** Hands a message to serve() as the worker would receive it (nothing once the worker is dead). */
  handle(m: ToWorker): void;
  /** The worker dies now with an error the pool sees (once; nothing if it is already dead). */
  crash(error: Error): void;
}

export function fakeWorker(receive: (m: ToWorker, w: FakeWorker) => void, onTerminate: () => void = () => undefined): FakeWorker {
  let onMsg: ((m: FromWorker) => void) | null = null;
  let onFail: ((e: Error) => void) | null = null;
  let handler: ((m: ToWorker) => void) | null = null;
  let dead = false;
  serve(
    (cb) => (handler = cb),
    (m) => setTimeout(() => !dead && onMsg?.(m), 0),
  );
  const w: FakeWorker = {
    handle: (m) => {
      if (!dead) handler?.(m);
    },
    crash: (error) => {
      if (dead) return;
      dead = true;
      onFail?.(error);
    },
    port: {
      post: (m) =>
        setTimeout(() => {
          if (!dead) receive(m, w);
        }, 0),
      onMessage: (cb) => (onMsg = cb),
      onFailure: (cb) => (onFail = cb),
      terminate: () => {
        dead = true;
        onTerminate();
      },
    },
  };
  return w;
}
