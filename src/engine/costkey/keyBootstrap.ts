/**
 * How sure are the weights of a key computed from a model (methods A and C), and each municipality's
 * gain or loss? A cluster bootstrap over municipalities: draw G municipalities with replacement, refit
 * the model behind the key, recompute the weights by the same rule (`coefficientWeights` /
 * `subFunctionWeights`), the need index and every municipality's change in kroner per inhabitant
 * against the current key. The national values x̄, ē and U are population figures, not estimates, so
 * they stay fixed; only the coefficients carry sampling noise.
 *
 * The refit reuses the stability bootstrap's per-cluster cross-product blocks (`clusterBlocks`,
 * `solveReplicate`): a replication costs O(G·k²) + O(k³) + O(k·n).
 *
 * Reproducible and independent of how the work is split: replication b draws from its own stream
 * seeded by (seed, b), so `runReplications(job, from, to)` over any partition of 0..B−1 — one loop in
 * the analysis worker, or blocks spread over a worker pool — gives identical replications, and
 * `summariseKeyBootstrap` of the blocks in any order gives identical intervals. The job is plain data
 * (structured-cloneable) and both functions are pure.
 */
import { quantileSorted } from '../describe/quantile';
import { problem, type Problem } from '../problem';
import { Prng } from '../importance/prng';
import { buildCommonSample, type CommonSample } from '../importance/sample';
import type { ModelSpec } from '../model/types';
import type { Table } from '../table';
import { clusterBlocks, solveReplicate, type ClusterBlocks } from '../stability/bootstrap';
import type { KeyBase } from './keyView';
import { keyVector, needIndex } from './needIndex';
import { redistribute, type Redistribution } from './redistribution';
import { BASIC, type KeyRecord, type WeightsResult } from './types';
import { coefficientWeights } from './weights/coefficient';
import { subFunctionWeights } from './weights/subFunction';
import { toKeyRecord } from './weights/checks';
import type { YearEffectUse } from './fromFit';
import { runInlineAsync, type JobRunner, type JobState, type PoolJob } from '../parallel/job';

/** The weight rule a replication re-applies to its coefficients (the key's method and settings). */
export type WeightRule =
  | {
      method: 'coefficient';
      criteria: string[];
      controls: string[];
      national: Record<string, number>;
      remainder: 'population' | 'rescale';
      dropped: string[];
      /** A pooled model with year effects: the year whose effect ŷ holds, as in the cost key
       *  (`CostKeyResults.computed.yearEffect`); each replication takes that year's own δ. */
      yearEffect?: YearEffectUse | null;
    }
  | {
      method: 'sub-function';
      criteria: string[];
      national: Record<string, number>;
      totalPerCapita: number;
      dropped: string[];
    };

export interface KeyBootstrapJob {
  blocks: ClusterBlocks;
  rule: WeightRule;
  /** Ratios, population, U and the current key's index (fixed in every replication). */
  base: Pick<KeyBase, 'prep' | 'perCapitaNok' | 'indexCurrent'>;
  B: number;
  seed: number;
  /** Rows of the model's sample. */
  n: number;
}

/** Replications from..to−1: weights (row-major, BASIC then the rule's criteria) and changes per inhabitant. */
export interface ReplicationBlock {
  from: number;
  to: number;
  /** 1 when the replication's system was solvable and its key finite. */
  ok: Uint8Array;
  /** count × (1 + criteria). */
  weights: Float64Array;
  /** count × n: change per inhabitant of each unit, kroner. */
  change: Float64Array;
  /** Largest |population-weighted mean index − 1| and largest |Σ ΔT| / tolerance over the good replications. */
  maxMeanIndexDeviation: number;
  maxSumChangeRatio: number;
  /** Good replications whose identities failed (should stay 0). */
  identityFailures: number;
}

export interface WeightInterval {
  /** BASIC for the basic criterion (population). */
  name: string;
  estimate: number;
  low90: number;
  high90: number;
  low95: number;
  high95: number;
  /** Share of replications whose weight has the estimate's sign. */
  sameSign: number;
}

export interface KeyBootstrapResult {
  method: WeightRule['method'];
  B: number;
  valid: number;
  failed: number;
  seed: number;
  nClusters: number;
  /** Rows of the model's sample. */
  n: number;
  weights: WeightInterval[];
  /** Per unit of base.prep (same order): point change per inhabitant and its intervals, kroner. */
  change: Float64Array;
  low90: Float64Array;
  high90: Float64Array;
  low95: Float64Array;
  high95: Float64Array;
  /** Share of replications in which the unit loses (change < 0) / gains (> 0). */
  shareLoss: Float64Array;
  shareGain: Float64Array;
  /** 1 when the 95 % interval contains zero (the sign of the change is not settled). */
  signUncertain: Uint8Array;
  identities: { maxMeanIndexDeviation: number; maxSumChangeRatio: number; failures: number; ok: boolean };
  cancelled: boolean;
}

/** Seed of replication b's own stream: a 32-bit mix of (seed, b), so streams do not overlap by shifting. */
export function replicationSeed(seed: number, b: number): number {
  let h = (seed >>> 0) ^ Math.imul(b + 1, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The model's estimation sample as the bootstrap resamples it (municipalities, the table's unit, are
 * the clusters whatever the model's SE clustering), or why the model cannot be bootstrapped: only
 * least squares without unit effects and without interactions has the additive cross-product blocks
 * the fast refit needs. `fitYears`: the years of the fit the key came from (a per-year model's key
 * year), so that cross-section is the one resampled.
 */
export function keyBootstrapSample(table: Table, spec: ModelSpec, label: string, fitYears: number[] | null): CommonSample | Problem {
  const estimator = spec.estimator ?? 'ols';
  const panel = spec.design === 'within' || spec.design === 'random';
  if (estimator !== 'ols' || panel || (spec.interactions?.length ?? 0) > 0) {
    const why = panel
      ? ['en panelmodell med kommuneeffekter', 'a panel model with municipality effects']
      : estimator !== 'ols'
        ? ['ikke minste kvadrater', 'not least squares']
        : ['en modell med samspill', 'a model with interactions'];
    return problem(
      'bootstrap-design',
      `Usikkerheten beregnes for minste kvadraters modeller (samlet, per år eller ett tverrsnitt) uten samspill; «${label}» er ${why[0]}.`,
      `Uncertainty is computed for least-squares models (pooled, per year or one cross-section) without interactions; "${label}" is ${why[1]}.`,
      undefined,
      'warning',
    );
  }
  const controls = spec.controls ?? [];
  return buildCommonSample(table, {
    dependent: spec.dependent,
    criteria: spec.regressors.filter((r) => !controls.includes(r)),
    controls,
    intercept: spec.intercept,
    yearEffects: spec.design === 'pooled' && spec.yearEffects,
    weights: spec.weights,
    cluster: table.unit ?? null,
    sample: spec.design === 'per-year' && fitYears ? { ...(spec.sample ?? {}), years: fitYears } : spec.sample,
  });
}

/** The job for a model's common sample, or a Problem (one cluster, collinear). */
export function keyBootstrapJob(
  sample: CommonSample,
  rule: WeightRule,
  base: KeyBootstrapJob['base'],
  opts: { B?: number; seed?: number } = {},
): KeyBootstrapJob | Problem {
  const blocks = clusterBlocks(sample);
  if ('code' in blocks) return blocks;
  const missing = rule.criteria.filter((c) => !blocks.names.includes(c));
  if (missing.length)
    return problem(
      'bootstrap-criteria',
      `Modellen bak nøkkelen mangler kriteriene ${missing.join(', ')}.`,
      `The model behind the key lacks the criteria ${missing.join(', ')}.`,
      { variables: missing },
    );
  return { blocks, rule, base: { prep: base.prep, perCapitaNok: base.perCapitaNok, indexCurrent: base.indexCurrent }, B: opts.B ?? 999, seed: opts.seed ?? 1, n: sample.n };
}

/** The key a coefficient vector (in `blocks.names` order) gives under the job's rule. */
export function keyFromCoefficients(job: Pick<KeyBootstrapJob, 'blocks' | 'rule'>, beta: ArrayLike<number>): WeightsResult {
  const coefficients: Record<string, number> = {};
  job.blocks.names.forEach((nm, j) => (coefficients[nm] = beta[j]));
  const r = job.rule;
  // The replication's own δ of the year the key holds (0 at the base year, which has no dummy).
  const ye = r.method === 'coefficient' && r.yearEffect ? { ...r.yearEffect, value: r.yearEffect.year === r.yearEffect.baseYear ? 0 : (coefficients[`year_${r.yearEffect.year}`] ?? 0) } : null;
  return r.method === 'coefficient'
    ? coefficientWeights({ criteria: r.criteria, controls: r.controls, coefficients, national: r.national, remainder: r.remainder, dropped: r.dropped, yearEffect: ye })
    : subFunctionWeights({ criteria: r.criteria, coefficients, national: r.national, totalPerCapita: r.totalPerCapita, dropped: r.dropped });
}

/** Full-sample coefficients (every cluster once) from the same blocks, or null when singular. */
function fullSampleBeta(blocks: ClusterBlocks): Float64Array | null {
  const k = blocks.k;
  const beta = new Float64Array(k);
  const ok = solveReplicate(blocks, new Int32Array(blocks.G).fill(1), beta, new Float64Array((k * (k + 1)) / 2 + k));
  return ok ? beta : null;
}

interface Scratch {
  counts: Int32Array;
  beta: Float64Array;
  work: Float64Array;
  index: Float64Array;
  red: Redistribution | undefined;
}

/** Weights (BASIC first) and the redistribution of one coefficient vector; null when not finite. */
function evaluate(job: KeyBootstrapJob, beta: Float64Array, s: Scratch): { w: Float64Array; red: Redistribution } | null {
  const wr = keyFromCoefficients(job, beta);
  const rec: KeyRecord = toKeyRecord(wr.criteria, wr.basic);
  const w = Float64Array.from([rec[BASIC] ?? 0, ...job.rule.criteria.map((c) => rec[c] ?? 0)]);
  if (!w.every(Number.isFinite)) return null;
  const { prep } = job.base;
  const v = keyVector(prep, rec);
  needIndex(prep, v.basic, v.weights, s.index);
  s.red = redistribute(prep, s.index, job.base.indexCurrent, job.base.perCapitaNok, s.red);
  return { w, red: s.red };
}

export function runReplications(job: KeyBootstrapJob, from: number, to: number): ReplicationBlock {
  const { blocks } = job;
  const { k, G } = blocks;
  const n = job.base.prep.units.length;
  const m = job.rule.criteria.length + 1;
  const count = Math.max(0, Math.min(to, job.B) - from);
  const out: ReplicationBlock = {
    from,
    to: from + count,
    ok: new Uint8Array(count),
    weights: new Float64Array(count * m),
    change: new Float64Array(count * n),
    maxMeanIndexDeviation: 0,
    maxSumChangeRatio: 0,
    identityFailures: 0,
  };
  const s: Scratch = { counts: new Int32Array(G), beta: new Float64Array(k), work: new Float64Array((k * (k + 1)) / 2 + k), index: new Float64Array(n), red: undefined };
  for (let r = 0; r < count; r++) {
    const rng = new Prng(replicationSeed(job.seed, from + r));
    s.counts.fill(0);
    for (let d = 0; d < G; d++) s.counts[rng.nextInt(G)]++;
    if (!solveReplicate(blocks, s.counts, s.beta, s.work)) continue;
    const e = evaluate(job, s.beta, s);
    if (!e) continue;
    out.ok[r] = 1;
    out.weights.set(e.w, r * m);
    out.change.set(e.red.changePerCapita, r * n);
    const c = e.red.checks;
    out.maxMeanIndexDeviation = Math.max(out.maxMeanIndexDeviation, Math.abs(c.meanIndex - 1));
    out.maxSumChangeRatio = Math.max(out.maxSumChangeRatio, Math.abs(c.sumChange) / c.tolerance);
    if (!c.ok) out.identityFailures++;
  }
  return out;
}

/** Intervals from the replication blocks (any order, any split). */
export function summariseKeyBootstrap(job: KeyBootstrapJob, parts: readonly ReplicationBlock[], cancelled = false): KeyBootstrapResult | Problem {
  const beta = fullSampleBeta(job.blocks);
  const scratch: Scratch = { counts: new Int32Array(0), beta: new Float64Array(0), work: new Float64Array(0), index: new Float64Array(job.base.prep.units.length), red: undefined };
  const point = beta ? evaluate(job, beta, scratch) : null;
  if (!point)
    return problem(
      'collinear',
      'Modellen bak nøkkelen kan ikke estimeres på hele utvalget (kolineære variabler).',
      'The model behind the key cannot be estimated on the full sample (collinear variables).',
      { variables: job.blocks.names },
    );
  const pointW = point.w;
  const pointChange = Float64Array.from(point.red.changePerCapita);
  const blocks = [...parts].sort((a, b) => a.from - b.from);
  const n = pointChange.length;
  const m = pointW.length;
  let valid = 0;
  let done = 0;
  for (const b of blocks) {
    done += b.to - b.from;
    for (const o of b.ok) valid += o;
  }
  // Column stores of the good replications: weights m × valid, changes n × valid.
  const wRep = new Float64Array(m * valid);
  const cRep = new Float64Array(n * valid);
  let g = 0;
  let maxDev = 0;
  let maxSum = 0;
  let failures = 0;
  for (const b of blocks) {
    maxDev = Math.max(maxDev, b.maxMeanIndexDeviation);
    maxSum = Math.max(maxSum, b.maxSumChangeRatio);
    failures += b.identityFailures;
    for (let r = 0; r < b.ok.length; r++) {
      if (!b.ok[r]) continue;
      for (let j = 0; j < m; j++) wRep[j * valid + g] = b.weights[r * m + j];
      for (let i = 0; i < n; i++) cRep[i * valid + g] = b.change[r * n + i];
      g++;
    }
  }
  const names = [BASIC, ...job.rule.criteria];
  const weights: WeightInterval[] = names.map((name, j) => {
    const v = wRep.subarray(j * valid, (j + 1) * valid).sort();
    const sign = Math.sign(pointW[j]);
    let same = 0;
    for (const x of v) if (Math.sign(x) === sign) same++;
    return {
      name,
      estimate: pointW[j],
      low90: quantileSorted(v, 0.05),
      high90: quantileSorted(v, 0.95),
      low95: quantileSorted(v, 0.025),
      high95: quantileSorted(v, 0.975),
      sameSign: valid ? same / valid : NaN,
    };
  });
  const low90 = new Float64Array(n);
  const high90 = new Float64Array(n);
  const low95 = new Float64Array(n);
  const high95 = new Float64Array(n);
  const shareLoss = new Float64Array(n);
  const shareGain = new Float64Array(n);
  const signUncertain = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const v = cRep.subarray(i * valid, (i + 1) * valid).sort();
    low90[i] = quantileSorted(v, 0.05);
    high90[i] = quantileSorted(v, 0.95);
    low95[i] = quantileSorted(v, 0.025);
    high95[i] = quantileSorted(v, 0.975);
    let loss = 0;
    let gain = 0;
    for (const x of v) {
      if (x < 0) loss++;
      else if (x > 0) gain++;
    }
    shareLoss[i] = valid ? loss / valid : NaN;
    shareGain[i] = valid ? gain / valid : NaN;
    signUncertain[i] = low95[i] <= 0 && high95[i] >= 0 && !(low95[i] === 0 && high95[i] === 0) ? 1 : 0;
  }
  return {
    method: job.rule.method,
    B: job.B,
    valid,
    failed: done - valid,
    seed: job.seed,
    nClusters: job.blocks.G,
    n: job.n,
    weights,
    change: pointChange,
    low90,
    high90,
    low95,
    high95,
    shareLoss,
    shareGain,
    signUncertain,
    identities: { maxMeanIndexDeviation: maxDev, maxSumChangeRatio: maxSum, failures, ok: failures === 0 },
    cancelled,
  };
}

export interface KeyBootstrapHooks {
  /** `state` when a pool runs the job (PoolHooks). */
  progress?(fraction: number, state?: JobState): void;
  cancelled?(): boolean;
  /** Awaited between blocks so the worker can take a cancel message. */
  pause?(): Promise<void>;
}

/** Replications per block: small enough for a prompt cancel, large enough to amortise the loop. */
export const REPLICATION_BLOCK = 128;

/**
 * The key bootstrap as a pool job (src/engine/parallel/job.ts): blocks of REPLICATION_BLOCK replications, merged
 * in block order. Replication b's stream depends on (seed, b) only, so the pool and this thread agree.
 */
export const keyBootstrapPoolJob: PoolJob<KeyBootstrapJob, ReplicationBlock, KeyBootstrapResult | Problem> = {
  name: 'key-bootstrap',
  blockCount: (job) => Math.ceil(job.B / REPLICATION_BLOCK),
  runBlock: (job, b) => runReplications(job, b * REPLICATION_BLOCK, (b + 1) * REPLICATION_BLOCK),
  merge: (job, parts, done) => summariseKeyBootstrap(job, parts.slice(0, done), done < Math.ceil(job.B / REPLICATION_BLOCK)),
};

/** Runs the blocks through `run` (the host's worker pool, src/pool/runner.ts; default this thread) and summarises. */
export async function keyBootstrap(job: KeyBootstrapJob, hooks: KeyBootstrapHooks = {}, run: JobRunner = runInlineAsync): Promise<KeyBootstrapResult | Problem> {
  return run(keyBootstrapPoolJob, job, hooks);
}
