/**
 * One entry for parallel jobs: runs a PoolJob on the pool the host registered (the analysis worker
 * registers Web Workers, the bench and CLI worker_threads), else in this thread block by block.
 * Both give the same result (src/engine/parallel/job.ts), so callers need not care which ran. A block that
 * fails twice on the pool comes back as a Problem (errors are values), naming the job and block.
 */
import { problem, type Problem } from '../engine/problem';
import { runInlineAsync, type PoolHooks, type PoolJob } from '../engine/parallel/job';
import { BlockFailedError, type WorkerPool } from './pool';

let provider: (() => WorkerPool | null) | null = null;
let pool: WorkerPool | null = null;

/** Registers how to make the pool; it is made on the first job (no workers until one is needed). */
export function setPoolProvider(make: (() => WorkerPool | null) | null): void {
  pool?.close();
  pool = null;
  provider = make;
}

/** Workers of the registered pool (0 when jobs run in this thread). */
export function poolWorkers(): number {
  return pool?.size ?? 0;
}

export async function runJob<I, P, R>(job: PoolJob<I, P, R>, input: I, hooks: PoolHooks = {}): Promise<R | Problem> {
  // One block (e.g. ≤ 16 subset candidates) or a small job gains nothing from a worker: it runs here.
  if (job.blockCount(input) < 2 || job.small?.(input)) return runInlineAsync(job, input, hooks);
  if (!pool && provider) pool = provider();
  if (!pool) return runInlineAsync(job, input, hooks);
  try {
    return await pool.run(job, input, hooks);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const block = e instanceof BlockFailedError ? e.block + 1 : 0;
    return problem(
      'pool-block-failed',
      `Beregningen stoppet: del ${block} av ${job.blockCount(input)} feilet to ganger i en hjelpetråd (${msg}). Prøv igjen; feiler den igjen, last siden på nytt.`,
      `The computation stopped: part ${block} of ${job.blockCount(input)} failed twice in a helper thread (${msg}). Try again; if it fails again, reload the page.`,
    );
  }
}
