/**
 * A pool of workers that runs PoolJobs block by block. Transport-agnostic: `spawn` makes a worker
 * (Node worker_threads in nodePool.ts, Web Workers in browserPool.ts) that runs src/pool/serve.ts.
 *
 * * Blocks are handed out one at a time (a slow worker simply takes fewer); parts are merged in
 *   block order by the job, so the result does not depend on the number of workers.
 * * A worker that crashes (error, exit) is replaced and its block re-run once; a block that fails
 *   twice rejects the job with the error (the caller shows it).
 * * Jobs queue: one job at a time has the workers.
 * * Cancel: polled while blocks are in flight; busy workers are terminated and replaced, and the
 *   result covers the blocks completed in order from block 0.
 */
import type { PoolHooks, PoolJob } from '../engine/parallel/job';

/** The part of a Worker the pool uses (both worker_threads and Web Workers fit). */
export interface PoolPort {
  post(msg: ToWorker): void;
  onMessage(cb: (msg: FromWorker) => void): void;
  /** A crash: an uncaught error or the worker's exit. */
  onFailure(cb: (err: Error) => void): void;
  terminate(): void;
}

export type ToWorker = { kind: 'input'; jobId: number; name: string; input: unknown } | { kind: 'block'; jobId: number; block: number };
export type FromWorker = { kind: 'part'; jobId: number; block: number; part: unknown } | { kind: 'error'; jobId: number; block: number; message: string };

export class BlockFailedError extends Error {
  constructor(
    readonly block: number,
    message: string,
  ) {
    super(message);
  }
}

interface Slot {
  port: PoolPort;
  /** Job whose input this worker holds. */
  jobId: number;
  busy: number | null;
  listener: ((msg: FromWorker) => void) | null;
  failure: ((err: Error) => void) | null;
}

let nextJobId = 1;

export class WorkerPool {
  private slots: Slot[] = [];
  private closed = false;
  /** Jobs run one at a time (a superseded run's job is cancelled, so the next waits ~one poll). */
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly spawn: () => PoolPort,
    readonly size: number,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.make());
  }

  private make(): Slot {
    const slot: Slot = { port: this.spawn(), jobId: 0, busy: null, listener: null, failure: null };
    slot.port.onMessage((m) => slot.listener?.(m));
    slot.port.onFailure((e) => slot.failure?.(e));
    return slot;
  }

  private replace(i: number): void {
    try {
      this.slots[i].port.terminate();
    } catch {
      // already gone
    }
    this.slots[i] = this.make();
  }

  run<I, P, R>(job: PoolJob<I, P, R>, input: I, hooks: PoolHooks = {}): Promise<R> {
    const mine = this.tail.then(() => this.runNow(job, input, hooks));
    this.tail = mine.catch(() => undefined);
    return mine;
  }

  private async runNow<I, P, R>(job: PoolJob<I, P, R>, input: I, hooks: PoolHooks): Promise<R> {
    if (this.closed) throw new Error('pool closed');
    const jobId = nextJobId++;
    const n = job.blockCount(input);
    const parts: P[] = new Array(n);
    const have = new Uint8Array(n);
    const tries = new Uint8Array(n);
    const queue: number[] = Array.from({ length: n }, (_, b) => b);
    let done = 0;
    return new Promise<R>((resolve, reject) => {
      let finished = false;
      const prefix = (): number => {
        let d = 0;
        while (d < n && have[d]) d++;
        return d;
      };
      const finish = (err: Error | null): void => {
        if (finished) return;
        finished = true;
        clearInterval(poll);
        this.slots.forEach((s, i) => {
          s.listener = null;
          s.failure = null;
          // A worker still busy on this job is stopped (its block is not needed any more).
          if (s.busy !== null) this.replace(i);
        });
        if (err) reject(err);
        else resolve(job.merge(input, parts, err ? 0 : prefix()));
      };
      const dispatch = (i: number): void => {
        const s = this.slots[i];
        const b = queue.shift();
        if (b === undefined) {
          s.busy = null;
          if (done === n) finish(null);
          return;
        }
        if (s.jobId !== jobId) {
          s.port.post({ kind: 'input', jobId, name: job.name, input });
          s.jobId = jobId;
        }
        s.busy = b;
        s.port.post({ kind: 'block', jobId, block: b });
      };
      const failed = (i: number, b: number, message: string): void => {
        if (++tries[b] >= 2) {
          finish(new BlockFailedError(b, message));
          return;
        }
        queue.unshift(b); // re-run it next, on a fresh worker
        this.replace(i);
        attach(i);
        dispatch(i);
      };
      const attach = (i: number): void => {
        const s = this.slots[i];
        s.listener = (m) => {
          if (finished || m.jobId !== jobId || s.busy !== m.block) return;
          if (m.kind === 'error') {
            failed(i, m.block, m.message);
            return;
          }
          parts[m.block] = m.part as P;
          have[m.block] = 1;
          done++;
          s.busy = null;
          hooks.progress?.(done / n);
          dispatch(i);
        };
        s.failure = (e) => {
          if (finished) return;
          const b = s.busy;
          if (b === null) {
            this.replace(i);
            attach(i);
            return;
          }
          failed(i, b, e.message);
        };
      };
      const poll = setInterval(() => {
        if (hooks.cancelled?.()) finish(null);
      }, 20);
      if (n === 0) {
        finish(null);
        return;
      }
      this.slots.forEach((_, i) => {
        attach(i);
        dispatch(i);
      });
    });
  }

  close(): void {
    this.closed = true;
    for (const s of this.slots) s.port.terminate();
    this.slots = [];
  }
}
