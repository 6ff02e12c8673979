/**
 * A pool of workers that runs PoolJobs block by block. Transport-agnostic: `spawn` makes a worker
 * (Node worker_threads in nodePool.ts, Web Workers in browserPool.ts) that runs src/pool/serve.ts.
 *
 * * Blocks are handed out one at a time (a slow worker simply takes fewer); parts are merged in
 *   block order by the job, so the result does not depend on the number of workers.
 * * A worker that crashes (error, exit) is replaced and its block re-run once; a block that fails
 *   twice rejects the job with the error (the caller shows it).
 * * A worker that hangs without an error (its block runs far longer than the job's finished blocks,
 *   src/pool/straggler.ts) gets a backup: the same block on an idle worker, or on one more worker
 *   while all are busy. Blocks are pure, so the first answer wins with the same bits; the other copy
 *   is terminated and replaced (or dropped, so the pool returns to `size`). The hung try counts as a
 *   failure: a backup that hangs or fails too stops the job as a block that failed twice.
 * * Jobs queue: one job at a time has the workers.
 * * Cancel: polled while blocks are in flight; busy workers are terminated and replaced, and the
 *   result covers the blocks completed in order from block 0.
 */
import type { JobState, PoolHooks, PoolJob } from '../engine/parallel/job';
import { BlockTimes, DEFAULT_STRAGGLER, type StragglerPolicy } from './straggler';

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
    /** Set when the block's last try gave no answer (hung) rather than an error: how long it ran (ms). */
    readonly hungMs?: number,
  ) {
    super(message);
  }
}

export interface PoolOptions {
  /** When a running block counts as hung (src/pool/straggler.ts). */
  straggler?: Partial<StragglerPolicy>;
  /** The clock block times are measured with (ms); tests drive it with fake timers. */
  now?: () => number;
}

interface Slot {
  port: PoolPort;
  /** Job whose input this worker holds. */
  jobId: number;
  /** The block it runs, or null when idle. */
  busy: number | null;
  /** When that block was sent (the pool's clock). */
  started: number;
  /** That try has been counted as hung (once; it keeps running, and may still answer first). */
  hung: boolean;
  listener: ((msg: FromWorker) => void) | null;
  failure: ((err: Error) => void) | null;
}

let nextJobId = 1;

/** How often the pool looks at cancel and at blocks that run too long (ms). */
const POLL_MS = 20;

export class WorkerPool {
  private slots: Slot[] = [];
  private closed = false;
  /** Jobs run one at a time (a superseded run's job is cancelled, so the next waits ~one poll). */
  private tail: Promise<unknown> = Promise.resolve();
  private readonly policy: StragglerPolicy;
  private readonly now: () => number;

  constructor(
    private readonly spawn: () => PoolPort,
    readonly size: number,
    options: PoolOptions = {},
  ) {
    this.policy = { ...DEFAULT_STRAGGLER, ...options.straggler };
    this.now = options.now ?? (() => performance.now());
    for (let i = 0; i < size; i++) this.slots.push(this.make());
  }

  /** Workers alive now: `size`, plus any backup started for a hung block while the job runs. */
  get workers(): number {
    return this.slots.length;
  }

  private make(): Slot {
    const slot: Slot = { port: this.spawn(), jobId: 0, busy: null, started: 0, hung: false, listener: null, failure: null };
    slot.port.onMessage((m) => slot.listener?.(m));
    slot.port.onFailure((e) => slot.failure?.(e));
    return slot;
  }

  /**
   * Stops a slot's worker (crashed, hung, lost a race or no longer needed). It is replaced by a fresh
   * worker — unless the pool has more than `size` (a backup was added), then it is just dropped.
   * Returns the fresh slot, if any.
   */
  private retire(slot: Slot): Slot | null {
    try {
      slot.port.terminate();
    } catch {
      // already gone
    }
    slot.listener = null;
    slot.failure = null;
    const i = this.slots.indexOf(slot);
    if (i < 0) return null;
    if (this.slots.length > this.size) {
      this.slots.splice(i, 1);
      return null;
    }
    const fresh = this.make();
    this.slots[i] = fresh;
    return fresh;
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
    /** Failed tries per block: an error, a crash, or a try counted as hung. Two stop the job. */
    const failures = new Uint8Array(n);
    const times = new BlockTimes();
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
        for (const s of [...this.slots]) {
          s.listener = null;
          s.failure = null;
          // A worker still busy on this job (a hung one, a backup, or any when cancelled) is stopped.
          if (s.busy !== null) this.retire(s);
        }
        // Backups added for hung blocks go; the pool is back to `size`.
        for (const s of this.slots.splice(this.size)) s.port.terminate();
        if (err) reject(err);
        else resolve(job.merge(input, parts, prefix()));
      };
      const send = (s: Slot, b: number): void => {
        if (s.jobId !== jobId) {
          s.port.post({ kind: 'input', jobId, name: job.name, input });
          s.jobId = jobId;
        }
        s.busy = b;
        s.started = this.now();
        s.hung = false;
        s.port.post({ kind: 'block', jobId, block: b });
      };
      const dispatch = (s: Slot): void => {
        if (finished) return;
        let b = queue.shift();
        while (b !== undefined && have[b]) b = queue.shift();
        if (b === undefined) {
          s.busy = null;
          if (done === n) finish(null);
          return;
        }
        send(s, b);
      };
      /** A fresh slot in place of a retired one joins the job. */
      const rejoin = (fresh: Slot | null): void => {
        if (!fresh) return;
        attach(fresh);
        dispatch(fresh);
      };
      const racing = (b: number, except: Slot): Slot[] => this.slots.filter((o) => o !== except && o.busy === b);
      /** Blocks whose hung try still runs beside its backup (the progress says so: JobState). */
      const state = (): JobState => ({ backups: new Set(this.slots.filter((o) => o.hung && o.busy !== null).map((o) => o.busy)).size });
      const failed = (s: Slot, b: number, message: string): void => {
        // A try already counted as hung is not counted again when it then crashes.
        if (!s.hung) failures[b]++;
        if (failures[b] >= 2) {
          finish(new BlockFailedError(b, message));
          return;
        }
        // Re-run it next, on a fresh worker — unless a backup copy is already running it.
        if (racing(b, s).length === 0) queue.unshift(b);
        s.busy = null;
        rejoin(this.retire(s));
        // Where the failed slot was dropped (the pool had a backup), an idle one takes the re-run.
        const idle = this.slots.find((o) => o.busy === null && o.listener !== null);
        if (idle && queue.length > 0) dispatch(idle);
      };
      const attach = (s: Slot): void => {
        s.listener = (m) => {
          if (finished || m.jobId !== jobId || s.busy !== m.block) return;
          if (m.kind === 'error') {
            failed(s, m.block, m.message);
            return;
          }
          const b = m.block;
          parts[b] = m.part as P;
          have[b] = 1;
          done++;
          times.add(this.now() - s.started);
          s.busy = null;
          // The first answer wins; the other copy of the block (if a backup ran) is stopped.
          for (const loser of racing(b, s)) {
            loser.busy = null;
            rejoin(this.retire(loser));
          }
          hooks.progress?.(done / n, state());
          dispatch(s);
        };
        s.failure = (e) => {
          if (finished) return;
          const b = s.busy;
          if (b === null) {
            rejoin(this.retire(s));
            return;
          }
          failed(s, b, e.message);
        };
      };
      /** Starts a copy of block b on an idle worker, or on one more worker if all are busy. */
      const backup = (b: number): void => {
        let s = this.slots.find((o) => o.busy === null && o.listener !== null);
        if (!s) {
          s = this.make();
          this.slots.push(s);
          attach(s);
        }
        send(s, b);
      };
      const watch = (): void => {
        const t = this.now();
        const limit = times.hungAfter(this.policy);
        for (const s of [...this.slots]) {
          const b = s.busy;
          if (finished || b === null || s.hung || t - s.started <= limit) continue;
          s.hung = true;
          if (++failures[b] >= 2) {
            const secs = Math.round((t - s.started) / 1000);
            finish(new BlockFailedError(b, `no answer after ${secs} s`, t - s.started));
            return;
          }
          if (racing(b, s).length === 0) backup(b);
          // The fraction stands still until a copy answers: the view says a backup runs.
          hooks.progress?.(done / n, state());
        }
      };
      const poll = setInterval(() => {
        if (hooks.cancelled?.()) finish(null);
        else watch();
      }, POLL_MS);
      if (n === 0) {
        finish(null);
        return;
      }
      for (const s of [...this.slots]) {
        attach(s);
        dispatch(s);
      }
    });
  }

  close(): void {
    this.closed = true;
    for (const s of this.slots) s.port.terminate();
    this.slots = [];
  }
}
