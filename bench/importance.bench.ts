/**
 * Speed of the importance and stability engines on a synthetic panel shaped like the real one:
 * 357 municipalities × 10 years = 3 570 rows (9 year dummies), correlated criteria.
 * Budgets (README «Speed budgets»): subsets_2p15_s ≤ 0.25 s, subsets_2p20_s ≤ 5 s, bootstrap_999_s ≤ 0.5 s.
 * Issue 19: the worker pool (one worker_thread per core, os.availableParallelism()): subsets_2p25_s
 * ≤ 10 s, subsets_2p20_s ≤ 0.4 s, bootstrap_999_s ≤ 0.08 s, each beside its single-worker figure
 * `*_1w` (the same blocks in one thread). Year effects and one control are always in; the pool is
 * started before timing (its start-up is `pool_start_s`).
 */
import { makeTable, numericColumn, stringColumn, type Table } from '../src/engine/table';
import { buildCommonSample, isProblem, type CommonSample } from '../src/engine/importance/sample';
import { partialOut } from '../src/engine/importance/partialOut';
import { searchSubsets, subsetJobInput, subsetsJob } from '../src/engine/importance/search';
import { bootstrapJob, bootstrapJobInput, clusterBootstrap } from '../src/engine/stability/bootstrap';
import { nodePool } from '../cli/pool/nodePool';
import type { WorkerPool } from '../src/pool/pool';
import { availableParallelism } from 'node:os';
import { Prng } from '../src/engine/importance/prng';

export const BENCH_UNITS = 357;
export const BENCH_YEARS = 10;

/** Panel with `p` criteria that share a common factor (pairwise correlation about 0.3–0.5). */
export function syntheticPanel(p: number, seed = 1): { table: Table; criteria: string[] } {
  const rng = new Prng(seed);
  const normal = () => {
    const u = Math.max(rng.nextFloat(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextFloat());
  };
  const n = BENCH_UNITS * BENCH_YEARS;
  const unit: string[] = [];
  const year = new Float64Array(n);
  const xs = Array.from({ length: p }, () => new Float64Array(n));
  const y = new Float64Array(n);
  const unitEffect = Float64Array.from({ length: BENCH_UNITS }, normal);
  let i = 0;
  for (let u = 0; u < BENCH_UNITS; u++) {
    for (let t = 0; t < BENCH_YEARS; t++, i++) {
      unit.push(String(1000 + u).padStart(4, '0'));
      year[i] = 2013 + t;
      const common = normal() + unitEffect[u];
      let yi = 0.1 * t + unitEffect[u];
      for (let j = 0; j < p; j++) {
        xs[j][i] = 0.6 * common + normal();
        yi += (j % 3 === 0 ? 0.5 : 0.1) * xs[j][i];
      }
      y[i] = yi + normal();
    }
  }
  const criteria = xs.map((_, j) => `x${j + 1}`);
  const table = makeTable(
    [stringColumn('kommune', unit), numericColumn('aar', year), numericColumn('y', y), ...xs.map((v, j) => numericColumn(criteria[j], v))],
    { unit: 'kommune', year: 'aar' },
  );
  return { table, criteria };
}

/** p candidates plus one control (always in, with the year effects). */
function sample(p: number): CommonSample {
  const { table, criteria } = syntheticPanel(p + 1);
  const s = buildCommonSample(table, { dependent: 'y', criteria: criteria.slice(0, p), controls: [criteria[p]], yearEffects: true });
  if (isProblem(s)) throw new Error(s.messageEn);
  return s;
}

function reduced(p: number) {
  const red = partialOut(sample(p));
  if (isProblem(red)) throw new Error(red.messageEn);
  return red;
}

function timeSubsets(p: number): number {
  const s = sample(p);
  const t0 = performance.now();
  const red = partialOut(s);
  if (isProblem(red)) throw new Error(red.messageEn);
  const r = searchSubsets(red, { top: 5 });
  if (isProblem(r) || r.evaluated !== 2 ** p) throw new Error('subset search failed');
  return (performance.now() - t0) / 1000;
}

async function timeSubsetsPool(pool: WorkerPool, p: number): Promise<number> {
  const s = sample(p);
  const t0 = performance.now();
  const red = partialOut(s);
  if (isProblem(red)) throw new Error(red.messageEn);
  const r = await pool.run(subsetsJob, subsetJobInput(red, { top: 5 }));
  if (r.evaluated !== 2 ** p) throw new Error('subset search failed');
  return (performance.now() - t0) / 1000;
}

function timeBootstrap(): number {
  const s = sample(12);
  const t0 = performance.now();
  const r = clusterBootstrap(s, { B: 999, seed: 1 });
  if (isProblem(r) || r.valid !== 999) throw new Error('bootstrap failed');
  return (performance.now() - t0) / 1000;
}

async function timeBootstrapPool(pool: WorkerPool): Promise<number> {
  const s = sample(12);
  const t0 = performance.now();
  const input = bootstrapJobInput(s, { B: 999, seed: 1 });
  if (isProblem(input)) throw new Error(input.messageEn);
  const r = await pool.run(bootstrapJob, input);
  if (r.valid !== 999) throw new Error('bootstrap failed');
  return (performance.now() - t0) / 1000;
}

/** Best of a few runs: the first run includes JIT warm-up. */
function best(runs: number, f: () => number): number {
  let m = Infinity;
  for (let i = 0; i < runs; i++) m = Math.min(m, f());
  return m;
}

async function bestAsync(runs: number, f: () => Promise<number>): Promise<number> {
  let m = Infinity;
  for (let i = 0; i < runs; i++) m = Math.min(m, await f());
  return m;
}

export const importanceBench = {
  name: 'importance',
  async run(): Promise<Record<string, number>> {
    const t0 = performance.now();
    const pool = nodePool();
    // Start every worker (load the engine) before timing: one small job per worker.
    const warm = reduced(17);
    await pool.run(subsetsJob, subsetJobInput(warm, { top: 5 }));
    const poolStart = (performance.now() - t0) / 1000;
    try {
      return {
        pool_workers: availableParallelism(),
        pool_start_s: poolStart,
        subsets_2p15_s: best(5, () => timeSubsets(15)),
        subsets_2p20_s: await bestAsync(3, () => timeSubsetsPool(pool, 20)),
        subsets_2p20_s_1w: best(2, () => timeSubsets(20)),
        subsets_2p25_s: await bestAsync(1, () => timeSubsetsPool(pool, 25)),
        subsets_2p25_s_1w: best(1, () => timeSubsets(25)),
        bootstrap_999_s: await bestAsync(5, () => timeBootstrapPool(pool)),
        bootstrap_999_s_1w: best(5, timeBootstrap),
      };
    } finally {
      pool.close();
    }
  },
};
