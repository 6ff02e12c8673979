/**
 * The contract of a pool job: a pure function over numbered index blocks plus an exact merge.
 * The number of blocks depends only on the input (never on the number of workers), each block is
 * computed from the input and its index alone, and `merge` takes the parts in block order — so a
 * job gives bit-identical results on 1 or N workers, inline or in a pool (tests: test/pool/).
 * Inputs and parts must be structured-cloneable (plain objects, arrays, typed arrays).
 * The engine defines jobs and runs them inline; the pool that runs them on workers is the host's
 * (src/pool), handed to the engine's async entries as a JobRunner.
 */
import type { Problem } from '../problem';

export interface PoolJob<I, P, R> {
  /** Registry name (src/pool/registry.ts): workers look the job up by it. */
  name: string;
  blockCount(input: I): number;
  runBlock(input: I, block: number): P;
  /** `parts[b]` is block b's part; `done` says how many blocks from 0 are complete (fewer when
   *  cancelled: the result then covers blocks 0..done−1 only). */
  merge(input: I, parts: P[], done: number): R;
  /** True when the job is too small to gain from the pool (starting workers and cloning the input
   *  to them costs more than the work): the host then runs it in its own thread. Never changes the
   *  result, only where it is computed. */
  small?(input: I): boolean;
}

/**
 * What a pool says about a running job besides its blocks done. `backups`: blocks now run a second
 * time on another worker because their first try hung (src/pool/straggler.ts); meanwhile the job's
 * fraction stands still, and the view says why (features/kit/JobProgress). Inline runs have none.
 */
export interface JobState {
  backups: number;
}

export interface PoolHooks {
  /** Fraction of blocks done, 0..1; `state` from a pool (also when only the state changed). */
  progress?(fraction: number, state?: JobState): void;
  /** Polled between blocks; true stops the job (the result covers the blocks completed in order). */
  cancelled?(): boolean;
  /** Inline runs await this between blocks so a worker's message loop can take a cancel. */
  pause?(): Promise<void>;
}

/** Runs every block in this thread, in order (the single-worker reference and the fallback). */
export function runInline<I, P, R>(job: PoolJob<I, P, R>, input: I, hooks: PoolHooks = {}): R {
  const n = job.blockCount(input);
  const parts: P[] = [];
  for (let b = 0; b < n; b++) {
    if (hooks.cancelled?.()) return job.merge(input, parts, b);
    parts.push(job.runBlock(input, b));
    hooks.progress?.((b + 1) / n);
  }
  return job.merge(input, parts, n);
}

/** As runInline, awaiting `pause` between blocks. */
export async function runInlineAsync<I, P, R>(job: PoolJob<I, P, R>, input: I, hooks: PoolHooks = {}): Promise<R> {
  const n = job.blockCount(input);
  const parts: P[] = [];
  for (let b = 0; b < n; b++) {
    await hooks.pause?.();
    if (hooks.cancelled?.()) return job.merge(input, parts, b);
    parts.push(job.runBlock(input, b));
    hooks.progress?.((b + 1) / n);
  }
  return job.merge(input, parts, n);
}

/** Runs a job somewhere (inline, or on a worker pool: src/pool/runner.ts `runJob`); a pool that
 *  cannot finish the job answers with a Problem. */
export type JobRunner = <I, P, R>(job: PoolJob<I, P, R>, input: I, hooks?: PoolHooks) => Promise<R | Problem>;
