/**
 * Issue 19 item 1: the worker pool. Best subsets rank exactly as the single-worker run; the cluster
 * bootstrap's replicates do not depend on the number of workers (per-block seeded streams); progress
 * reaches 1; cancel stops; a crashed block is re-run once and a block that fails twice is an error.
 * The pool logic runs on in-process ports (fast, deterministic); one test uses real worker_threads.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { syntheticPanel } from '../../bench/importance.bench';
import { buildCommonSample, isProblem, type CommonSample } from '../../src/engine/importance/sample';
import { partialOut, type Reduced } from '../../src/engine/importance/partialOut';
import { searchSubsets, subsetJobInput, subsetsJob, SUBSET_BLOCK } from '../../src/engine/importance/search';
import { BOOTSTRAP_BLOCK, bootstrapJob, bootstrapJobInput, clusterBootstrap, clusterBootstrapAsync, solveReplicate, type BootstrapJobInput } from '../../src/engine/stability/bootstrap';
import { keyBootstrap, keyBootstrapJob, keyBootstrapPoolJob, type WeightRule } from '../../src/engine/costkey/keyBootstrap';
import { keyData } from '../../src/engine/costkey/keyData';
import { makeKeyBase } from '../../src/engine/costkey/keyView';
import { BASIC } from '../../src/engine/costkey/types';
import { makeTable, numericColumn, stringColumn } from '../../src/engine/table';
import { blockSeed, Prng } from '../../src/engine/importance/prng';
import { hasPoolFailure, runJob, setPoolProvider } from '../../src/pool/runner';
import { browserPoolSize } from '../../src/pool/browserPool';
import { BlockFailedError, WorkerPool, type PoolPort } from '../../src/pool/pool';
import { fakeWorker } from './fakeWorker';
import { runInline } from '../../src/engine/parallel/job';
import { nodePool } from '../../cli/pool/nodePool';
import { relativeImportance, relativeImportanceAsync } from '../../src/engine/importance/relimp';
import { LMG_BLOCK, sampledLmgJob } from '../../src/engine/importance/sampledLmg';
import { leaveOneYearOut, leaveOneYearOutAsync, leaveOneYearOutJob } from '../../src/engine/stability/leaveOneYearOut';
import type { ModelSpec } from '../../src/engine/model/types';

function sample(p: number): CommonSample {
  const { table, criteria } = syntheticPanel(p);
  const s = buildCommonSample(table, { dependent: 'y', criteria });
  if (isProblem(s)) throw new Error(s.messageEn);
  return s;
}

function reduced(p: number): Reduced {
  const red = partialOut(sample(p));
  if (isProblem(red)) throw new Error(red.messageEn);
  return red;
}

/** A worker in this process (fakeWorker.ts); `crash(block)` kills it when that block is posted. */
function inProcess(crash: (block: number) => boolean = () => false): () => PoolPort {
  return () =>
    fakeWorker((m, w) => (m.kind === 'block' && crash(m.block) ? w.crash(new Error(`worker crashed on block ${m.block}`)) : w.handle(m))).port;
}

const red = reduced(18); // 2^18 subsets = 4 blocks
const input = subsetJobInput(red, { top: 5 });
const single = searchSubsets(red, { top: 5 });

describe('best subsets on the pool', () => {
  it('is cut into blocks that do not depend on the workers', () => {
    expect(subsetsJob.blockCount(input)).toBe(2 ** 18 / SUBSET_BLOCK);
  });

  it.each([1, 2, 3])('%i worker(s): the same ranking and numbers as the single-worker run', async (workers) => {
    const pool = new WorkerPool(inProcess(), workers);
    const got = await pool.run(subsetsJob, input);
    pool.close();
    expect(got).toEqual(single);
    if (isProblem(single)) throw new Error('search failed');
    expect(single.evaluated).toBe(2 ** 18);
    // Top 5 of every size (the one full model at size 18).
    expect(single.bySize.map((s) => s.models.length)).toEqual([...Array.from({ length: 17 }, () => 5), 1]);
  });

  it('the blocks rank as one pass over all subsets would (the merge is exact)', () => {
    // Merge by hand over blocks of a quarter: any split order gives the same ranking.
    const parts = Array.from({ length: subsetsJob.blockCount(input) }, (_, b) => subsetsJob.runBlock(input, b));
    expect(subsetsJob.merge(input, parts, parts.length)).toEqual(single);
  });
});

describe('cluster bootstrap on the pool', () => {
  const s = sample(6);
  const boot = bootstrapJobInput(s, { B: 999, seed: 7 }) as BootstrapJobInput;
  const reference = clusterBootstrap(s, { B: 999, seed: 7 });

  it.each([1, 2, 3])('%i worker(s): the same replicates as one worker (per-block seeded streams)', async (workers) => {
    const pool = new WorkerPool(inProcess(), workers);
    const got = await pool.run(bootstrapJob, boot);
    pool.close();
    expect(got).toEqual(reference);
    if (isProblem(reference)) throw new Error('bootstrap failed');
    expect(reference.valid + reference.failed).toBe(999);
  });

  it('a block sums its replicates together, to the same bits as solving them one at a time', () => {
    // The reference: each replicate's draws, summed cluster by cluster and solved alone.
    const { k, G } = boot.cb;
    for (const b of [0, 15]) {
      const rng = new Prng(blockSeed(boot.seed, b));
      const m = Math.min(999, (b + 1) * BOOTSTRAP_BLOCK) - b * BOOTSTRAP_BLOCK;
      const want: number[] = [];
      const beta = new Float64Array(k);
      const work = new Float64Array((k * (k + 1)) / 2 + k);
      for (let r = 0; r < m; r++) {
        const counts = new Int32Array(G);
        for (let d = 0; d < G; d++) counts[rng.nextInt(G)]++;
        if (solveReplicate(boot.cb, counts, beta, work)) want.push(...beta);
      }
      const got = bootstrapJob.runBlock(boot, b);
      expect(got.good).toBe(want.length / k);
      // Exact: toEqual compares numbers with Object.is.
      expect(Array.from(got.beta)).toEqual(want);
    }
  });

  it('another seed gives other replicates', () => {
    const other = runInline(bootstrapJob, { ...boot, seed: 8 });
    if (isProblem(reference)) throw new Error('bootstrap failed');
    expect(other.se).not.toEqual(reference.se);
  });
});

/** A key from a model on G municipalities × 3 years (the shape of keyBootstrap.test.ts's panel). */
function keyJob(G: number, B: number, seed: number) {
  const rng = new Prng(5);
  const kommune: string[] = [];
  const aar: number[] = [];
  const c = { y: [] as number[], a: [] as number[], b: [] as number[], pop: [] as number[] };
  for (let g = 0; g < G; g++) {
    const pop = 500 + Math.floor(50000 * rng.nextFloat() ** 3);
    const a0 = 0.1 + 0.2 * rng.nextFloat();
    for (const t of [2020, 2021, 2022]) {
      const a = a0 + 0.01 * rng.nextFloat();
      const b = 0.2 + 0.3 * rng.nextFloat();
      kommune.push(String(1000 + g));
      aar.push(t);
      c.a.push(a);
      c.b.push(b);
      c.pop.push(pop);
      c.y.push(2 + 6 * a + 3 * b + 2 * (rng.nextFloat() - 0.5));
    }
  }
  const table = makeTable([stringColumn('kommune', kommune), numericColumn('aar', aar), ...Object.entries(c).map(([k, v]) => numericColumn(k, v))], { unit: 'kommune', year: 'aar' });
  const criteria = ['a', 'b'];
  const s = buildCommonSample(table, { dependent: 'y', criteria, intercept: true, yearEffects: true });
  if (isProblem(s)) throw new Error(s.messageEn);
  const data = keyData(table, { unit: 'kommune', population: 'pop', yearColumn: 'aar', year: 2022, criteria, controls: [], dependent: 'y' });
  if (!('prep' in data)) throw new Error('key data');
  const base = makeKeyBase(data.prep, data.names, data.yObsNational * 1000, { [BASIC]: 0.7, a: 0.2, b: 0.1 });
  const rule: WeightRule = { method: 'coefficient', criteria, controls: [], national: data.national, remainder: 'population', dropped: [] };
  const job = keyBootstrapJob(s, rule, base, { B, seed });
  if (isProblem(job)) throw new Error(job.messageEn);
  return job;
}

describe('key bootstrap on the pool', () => {
  const job = keyJob(40, 300, 9); // 3 blocks of 128
  it.each([1, 2, 3])('%i worker(s): the same intervals as the loop in one thread', async (workers) => {
    const reference = await keyBootstrap(job);
    const pool = new WorkerPool(inProcess(), workers);
    const got = await pool.run(keyBootstrapPoolJob, job);
    pool.close();
    expect(got).toEqual(reference);
    if (isProblem(reference)) throw new Error('key bootstrap failed');
    expect(reference.valid).toBe(300);
  });
});

describe('sampled LMG on the pool', () => {
  const red6 = reduced(6);
  const opts = { exactMax: 0, samples: 3000, seed: 5 }; // 3 blocks of 1 024 orderings
  const reference = relativeImportance(red6, opts);

  it('is cut into blocks of orderings that do not depend on the workers', () => {
    expect(sampledLmgJob.blockCount({ red: red6, samples: 3000, seed: 5 })).toBe(Math.ceil(3000 / LMG_BLOCK));
  });

  it.each([1, 2, 3])('%i worker(s): the same LMG values and Monte-Carlo errors as one thread', async (workers) => {
    const pool = new WorkerPool(inProcess(), workers);
    const got = await relativeImportanceAsync(red6, opts, {}, (job, input, hooks) => pool.run(job, input, hooks));
    pool.close();
    expect(got).toEqual(reference);
    if (isProblem(reference)) throw new Error('decomposition failed');
    expect(reference.lmgMethod).toBe('sampled');
    expect(reference.orderings).toBe(3000);
    expect(reference.cancelled).toBe(false);
  });

  it('agrees with the exact LMG within a few Monte-Carlo errors, and another seed draws other orderings', () => {
    const exact = relativeImportance(red6, { exactMax: 15 });
    const other = relativeImportance(red6, { ...opts, seed: 6 });
    if (isProblem(exact) || isProblem(reference) || isProblem(other)) throw new Error('decomposition failed');
    reference.lmg.forEach((v, j) => expect(Math.abs(v - exact.lmg[j])).toBeLessThan(5 * reference.lmgSe[j] + 1e-12));
    expect(other.lmg).not.toEqual(reference.lmg);
  });

  it('cancel keeps the whole blocks drawn and says so', () => {
    let blocks = 0;
    const got = relativeImportance(red6, opts, { progress: () => blocks++, cancelled: () => blocks >= 1 });
    if (isProblem(got)) throw new Error('decomposition failed');
    expect(got.cancelled).toBe(true);
    expect(got.orderings).toBe(LMG_BLOCK);
  });
});

describe('leave-one-year-out on the pool', () => {
  const { table, criteria } = syntheticPanel(3);
  const spec: ModelSpec = { dependent: 'y', regressors: criteria, design: 'pooled', intercept: true, yearEffects: true, se: 'cluster' };
  const reference = leaveOneYearOut(table, spec);

  it.each([1, 2, 3])('%i worker(s): the same refits as one thread, one per year', async (workers) => {
    const pool = new WorkerPool(inProcess(), workers);
    const got = await leaveOneYearOutAsync(table, spec, {}, (job, input, hooks) => pool.run(job, input, hooks));
    pool.close();
    expect(got).toEqual(reference);
    expect(reference.fits.map((f) => f.year)).toEqual(Array.from({ length: 10 }, (_, i) => 2013 + i));
    expect(reference.fits.every((f) => f.ok && f.n === 357 * 9)).toBe(true);
    expect(reference.maxShift.every((v) => v > 0)).toBe(true);
  });

  it('a small panel stays in the host thread (no pool made); a large one goes to the pool', async () => {
    let made = 0;
    setPoolProvider(() => (made++, new WorkerPool(inProcess(), 2)));
    try {
      expect(await leaveOneYearOutAsync(table, spec, {}, runJob)).toEqual(reference);
      expect(made).toBe(0);
      const input = { table: { ...table, nRows: 1_000_000 }, spec, years: [2013, 2014] };
      expect(leaveOneYearOutJob.small?.(input)).toBe(false);
    } finally {
      setPoolProvider(null);
    }
  });
});

describe('runJob: the host pool behind the engine entries', () => {
  afterEach(() => setPoolProvider(null));
  const s = sample(4);

  it('runs the cluster bootstrap on the registered pool with the inline numbers', async () => {
    let made = 0;
    setPoolProvider(() => (made++, new WorkerPool(inProcess(), 3)));
    const got = await clusterBootstrapAsync(s, { B: 500, seed: 2 }, {}, runJob);
    expect(made).toBe(1);
    expect(got).toEqual(clusterBootstrap(s, { B: 500, seed: 2 }));
  });

  it('a block that fails twice comes back as an error value naming the part, not a throw', async () => {
    setPoolProvider(() => new WorkerPool(inProcess((b) => b === 1), 2));
    const got = await clusterBootstrapAsync(s, { B: 500, seed: 2 }, {}, runJob);
    expect(isProblem(got)).toBe(true);
    if (!isProblem(got)) return;
    expect(got.code).toBe('pool-block-failed');
    expect(got.message).toContain('del 2 av 8');
    expect(got.messageEn).toContain('part 2 of 8');
    // Named in plain words and tied to its job, so the view that asked for it shows it there.
    expect(got.message).toMatch(/^Klyngebootstrapen stoppet: del 2 av 8 feilet to ganger i en hjelpetråd\./);
    expect(got.messageEn).toMatch(/^The cluster bootstrap stopped: part 2 of 8 failed twice in a helper thread\./);
    expect(got.where?.job).toBe(bootstrapJob.name);
    // A stage value holding it is not cached by the pipeline (a retry computes it again).
    expect(hasPoolFailure({ problems: [got] })).toBe(true);
    expect(hasPoolFailure({ problems: [{ ...got, code: 'collinear' }] })).toBe(false);
    expect(hasPoolFailure(null)).toBe(false);
  });

  it('two jobs on one pool take turns (a superseded run and the next one do not mix blocks)', async () => {
    const pool = new WorkerPool(inProcess(), 2);
    const input = bootstrapJobInput(s, { B: 400, seed: 4 }) as BootstrapJobInput;
    const [a, b] = await Promise.all([pool.run(bootstrapJob, input), pool.run(subsetsJob, subsetJobInput(reduced(17)))]);
    pool.close();
    expect(a).toEqual(runInline(bootstrapJob, input));
    expect(b).toEqual(searchSubsets(reduced(17)));
  });
});

describe('browser pool size', () => {
  it('leaves one core to the page, at least one worker, at most eight', () => {
    expect(browserPoolSize(undefined)).toBe(1);
    expect(browserPoolSize(1)).toBe(1);
    expect(browserPoolSize(2)).toBe(1);
    expect(browserPoolSize(4)).toBe(3);
    expect(browserPoolSize(64)).toBe(8);
  });
});

describe('progress, cancel and crashes', () => {
  const boot = bootstrapJobInput(sample(4), { B: 640, seed: 3 }) as BootstrapJobInput; // 10 blocks
  const reference = runInline(bootstrapJob, boot);

  it('reports progress up to 1', async () => {
    const seen: number[] = [];
    const pool = new WorkerPool(inProcess(), 2);
    await pool.run(bootstrapJob, boot, { progress: (f) => seen.push(f) });
    pool.close();
    expect(seen).toHaveLength(10);
    expect(seen.at(-1)).toBe(1);
  });

  it('cancel stops the job; the result says so and covers the blocks done in order', async () => {
    let blocks = 0;
    const pool = new WorkerPool(inProcess(), 2);
    const got = await pool.run(bootstrapJob, boot, { progress: () => blocks++, cancelled: () => blocks >= 3 });
    pool.close();
    expect(got.cancelled).toBe(true);
    expect(got.valid + got.failed).toBeLessThan(640);
    expect((got.valid + got.failed) % 64).toBe(0);
  });

  it('a worker that crashes on a block is replaced and the block re-run once: same result', async () => {
    const crashed = new Set<number>();
    const pool = new WorkerPool(
      inProcess((b) => {
        if (b !== 4 || crashed.has(b)) return false;
        crashed.add(b);
        return true;
      }),
      2,
    );
    const got = await pool.run(bootstrapJob, boot);
    pool.close();
    expect(crashed.has(4)).toBe(true);
    expect(got).toEqual(reference);
  });

  it('a block that fails twice is an error naming the block', async () => {
    const pool = new WorkerPool(
      inProcess((b) => b === 2),
      2,
    );
    await expect(pool.run(bootstrapJob, boot)).rejects.toBeInstanceOf(BlockFailedError);
    pool.close();
  });
});

describe('Node worker_threads', () => {
  const pool = nodePool(2);
  afterAll(() => pool.close());
  it('real workers give the single-worker result', async () => {
    const boot = bootstrapJobInput(sample(4), { B: 300, seed: 11 }) as BootstrapJobInput;
    expect(await pool.run(bootstrapJob, boot)).toEqual(runInline(bootstrapJob, boot));
    expect(await pool.run(subsetsJob, input)).toEqual(single);
  }, 300_000);
});
