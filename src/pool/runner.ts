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

/** What a failed job is called in its message (by registry name), so it reads in plain words where it is shown. */
const JOB_TITLES: Record<string, { nb: string; en: string }> = {
  subsets: { nb: 'Delmengdesøket', en: 'The subset search' },
  'cluster-bootstrap': { nb: 'Klyngebootstrapen', en: 'The cluster bootstrap' },
  'key-bootstrap': { nb: 'Bootstrapen av nøkkelen', en: 'The bootstrap of the key' },
  'sampled-lmg': { nb: 'LMG-dekomponeringen', en: 'The LMG decomposition' },
  'leave-one-year-out': { nb: 'Beregningen med ett år utelatt', en: 'The leave-one-year-out refits' },
};

export const POOL_FAILED = 'pool-block-failed';

/** True when a stage's value holds a pool failure (then it is not cached: a retry runs it again). */
export function hasPoolFailure(value: unknown): boolean {
  const problems = (value as { problems?: unknown } | null)?.problems;
  return Array.isArray(problems) && problems.some((p: Problem) => p?.code === POOL_FAILED);
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
    // A block that hung twice has no error text of its own: say how long its last try waited.
    const hungS = e instanceof BlockFailedError && e.hungMs !== undefined ? Math.max(1, Math.round(e.hungMs / 1000)) : null;
    const why = hungS === null ? { nb: msg, en: msg } : { nb: `ingen svar etter ${hungS}\u00a0s`, en: `no answer after ${hungS}\u00a0s` };
    const n = job.blockCount(input);
    const title = JOB_TITLES[job.name] ?? { nb: 'Beregningen', en: 'The computation' };
    // `where.job` lets the view that asked for the job show the failure there (features/kit/JobFailure).
    return problem(
      POOL_FAILED,
      `${title.nb} stoppet: del ${block} av ${n} feilet to ganger i en hjelpetråd. Prøv igjen; feiler den igjen, last siden på nytt. (Feilen: ${why.nb})`,
      `${title.en} stopped: part ${block} of ${n} failed twice in a helper thread. Try again; if it fails again, reload the page. (The error: ${why.en})`,
      { job: job.name },
    );
  }
}
