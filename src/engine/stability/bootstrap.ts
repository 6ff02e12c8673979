/**
 * Cluster (municipality) bootstrap of the pooled model: resample whole clusters with replacement,
 * refit, and report percentile 95 % intervals. Resampling whole municipalities keeps the within-unit
 * dependence across years, as the cluster-robust SE assumes.
 *
 * Speed: a replicate's X'WX and X'Wy are sums of per-cluster blocks X_g'W_gX_g, X_g'W_gy_g weighted by
 * how often cluster g was drawn, so the blocks are computed once and each replicate costs
 * O(G·k²) + O(k³) instead of a refit on N rows. The k×k system is solved by Cholesky: after centring
 * and scaling every column it is a small, well-conditioned correlation-like matrix, and a QR would
 * need the N rows back, which is exactly the cost this avoids. A replicate whose system is not
 * positive definite (e.g. a year drawn with no municipality) is counted as failed and left out.
 */
import { problem, type Problem } from '../problem';
import { forcedColumns, type CommonSample } from '../importance/sample';
import { blockSeed, Prng } from '../importance/prng';
import { runInline, runInlineAsync, type JobRunner, type JobState, type PoolJob } from '../parallel/job';

export interface BootstrapOptions {
  /** Number of replicates (default 999). */
  B?: number;
  seed?: number;
  /** Two-sided level of the percentile interval (default 0.95). */
  level?: number;
}

export interface BootstrapHooks {
  /** `state` when a pool runs the job (PoolHooks). */
  progress?(fraction: number, state?: JobState): void;
  cancelled?(): boolean;
}

export interface BootstrapResult {
  /** intercept, criteria, controls, year dummies. */
  names: string[];
  /** Full-sample OLS estimate (every cluster once). */
  estimate: number[];
  /** Standard deviation of the replicates. */
  se: number[];
  ciLow: number[];
  ciHigh: number[];
  level: number;
  /** Replicates requested. */
  B: number;
  /** Replicates used (B − failed, fewer when cancelled). */
  valid: number;
  /** Replicates whose system was singular (excluded). */
  failed: number;
  seed: number;
  n: number;
  nClusters: number;
  cancelled: boolean;
}

/** Per-cluster packed upper-triangular X'WX (k(k+1)/2) followed by X'Wy (k), for each cluster. */
export interface ClusterBlocks {
  k: number;
  names: string[];
  G: number;
  /** G × (k(k+1)/2 + k). */
  blocks: Float64Array;
  /** Column centre and scale (intercept: 0 and 1), and the same for y (last). */
  centre: Float64Array;
  scale: Float64Array;
  intercept: boolean;
}

export function clusterBlocks(s: CommonSample): ClusterBlocks | Problem {
  if (s.nClusters < 2) {
    return problem('one-cluster', 'Bootstrap krever minst to klynger.', 'The bootstrap needs at least two clusters.');
  }
  const forced = forcedColumns(s);
  // Reporting order: intercept, criteria, controls, year dummies.
  const cols: Float64Array[] = [];
  const names: string[] = [];
  const addForced = (pred: (name: string) => boolean) =>
    forced.names.forEach((nm, j) => {
      if (pred(nm)) {
        names.push(nm);
        cols.push(forced.cols[j]);
      }
    });
  if (s.intercept) addForced((nm) => nm === 'intercept');
  s.criteria.forEach((nm, j) => {
    names.push(nm);
    cols.push(s.x[j]);
  });
  s.controls.forEach((nm, j) => {
    names.push(nm);
    cols.push(s.c[j]);
  });
  addForced((nm) => nm.startsWith('year_'));
  const k = cols.length;
  const n = s.n;
  const w = s.weights;
  const centre = new Float64Array(k + 1);
  const scale = new Float64Array(k + 1).fill(1);
  const all = [...cols, s.y];
  let sw = 0;
  for (let i = 0; i < n; i++) sw += w ? w[i] : 1;
  all.forEach((v, j) => {
    if (s.intercept && j === 0) return;
    let m = 0;
    for (let i = 0; i < n; i++) m += (w ? w[i] : 1) * v[i];
    m = s.intercept ? m / sw : 0;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (w ? w[i] : 1) * (v[i] - m) ** 2;
    centre[j] = m;
    scale[j] = ss > 0 ? Math.sqrt(ss / sw) : 1;
  });
  const np = (k * (k + 1)) / 2;
  const stride = np + k;
  const G = s.nClusters;
  const blocks = new Float64Array(G * stride);
  const row = new Float64Array(k + 1);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= k; j++) row[j] = (all[j][i] - centre[j]) / scale[j];
    const wi = w ? w[i] : 1;
    const base = s.cluster[i] * stride;
    let t = base;
    for (let a = 0; a < k; a++) {
      const ra = wi * row[a];
      for (let b = a; b < k; b++) blocks[t++] += ra * row[b];
    }
    for (let a = 0; a < k; a++) blocks[base + np + a] += wi * row[a] * row[k];
  }
  return { k, names, G, blocks, centre, scale, intercept: s.intercept };
}

/**
 * Solves the packed system in place by Cholesky (upper packed, row-major) into `out`, returning
 * false when a pivot is not clearly positive (singular replicate).
 */
function choleskySolve(a: Float64Array, rhs: Float64Array, k: number, out: Float64Array): boolean {
  // Row-major packed upper: index(i, j) for j ≥ i = i·k − i(i−1)/2 + (j − i).
  const idx = (i: number, j: number) => i * k - (i * (i - 1)) / 2 + (j - i);
  for (let i = 0; i < k; i++) {
    const ii = idx(i, i);
    const diag0 = a[ii];
    let d = diag0;
    for (let r = 0; r < i; r++) {
      const v = a[idx(r, i)];
      d -= v * v;
    }
    if (!(d > 1e-10 * Math.max(diag0, 1e-300))) return false;
    const l = Math.sqrt(d);
    a[ii] = l;
    for (let j = i + 1; j < k; j++) {
      let s = a[idx(i, j)];
      for (let r = 0; r < i; r++) s -= a[idx(r, i)] * a[idx(r, j)];
      a[idx(i, j)] = s / l;
    }
  }
  // Rᵀz = rhs, then R·x = z.
  for (let i = 0; i < k; i++) {
    let s = rhs[i];
    for (let r = 0; r < i; r++) s -= a[idx(r, i)] * out[r];
    out[i] = s / a[idx(i, i)];
  }
  for (let i = k - 1; i >= 0; i--) {
    let s = out[i];
    for (let j = i + 1; j < k; j++) s -= a[idx(i, j)] * out[j];
    out[i] = s / a[idx(i, i)];
  }
  return true;
}

/** Solves for one set of cluster multiplicities; writes original-unit coefficients to `beta`. */
export function solveReplicate(cb: ClusterBlocks, counts: Int32Array, beta: Float64Array, work: Float64Array): boolean {
  const { k, G, blocks } = cb;
  const np = (k * (k + 1)) / 2;
  const stride = np + k;
  work.fill(0);
  for (let g = 0; g < G; g++) {
    const c = counts[g];
    if (c === 0) continue;
    const base = g * stride;
    for (let t = 0; t < stride; t++) work[t] += c * blocks[base + t];
  }
  return solveAccumulated(cb, work, beta);
}

/**
 * For each of `m` replicates (counts[r·G + g]: cluster g's multiplicity in replicate r) the
 * weighted sum of the cluster blocks into work[r·stride, (r+1)·stride), from `blocksT`, the blocks
 * transposed (blocksT[t·G + g] = blocks[g·stride + t], see transposedBlocks). Each sum is built in
 * a register, four replicates at a time sharing each load of the blocks, instead of loading and
 * storing work[t] once per cluster. The terms are added in the same order (cluster by cluster), and
 * the zero terms of clusters not drawn change no bits (x + ±0 = x, and no sum is −0): the same
 * numbers as summing one replicate at a time.
 */
export function accumulateReplicates(cb: ClusterBlocks, blocksT: Float64Array, counts: Float64Array, m: number, work: Float64Array): void {
  const { k, G } = cb;
  const stride = (k * (k + 1)) / 2 + k;
  let r = 0;
  for (; r + 4 <= m; r += 4) {
    const c0 = r * G;
    const c1 = c0 + G;
    const c2 = c1 + G;
    const c3 = c2 + G;
    for (let t = 0; t < stride; t++) {
      const row = t * G;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let g = 0; g < G; g++) {
        const b = blocksT[row + g];
        s0 += counts[c0 + g] * b;
        s1 += counts[c1 + g] * b;
        s2 += counts[c2 + g] * b;
        s3 += counts[c3 + g] * b;
      }
      work[r * stride + t] = s0;
      work[(r + 1) * stride + t] = s1;
      work[(r + 2) * stride + t] = s2;
      work[(r + 3) * stride + t] = s3;
    }
  }
  for (; r < m; r++) {
    const c0 = r * G;
    for (let t = 0; t < stride; t++) {
      const row = t * G;
      let s0 = 0;
      for (let g = 0; g < G; g++) s0 += counts[c0 + g] * blocksT[row + g];
      work[r * stride + t] = s0;
    }
  }
}

/** The cluster blocks with clusters along the rows' length: blocksT[t·G + g] = blocks[g·stride + t]. */
export function transposedBlocks(cb: ClusterBlocks): Float64Array {
  const { k, G, blocks } = cb;
  const stride = (k * (k + 1)) / 2 + k;
  const t = new Float64Array(blocks.length);
  for (let g = 0; g < G; g++) for (let j = 0; j < stride; j++) t[j * G + g] = blocks[g * stride + j];
  return t;
}

/** One transposed copy per cluster-block array (a worker runs many blocks of one job input). */
const transposed = new WeakMap<Float64Array, Float64Array>();
function blocksTOf(cb: ClusterBlocks): Float64Array {
  let t = transposed.get(cb.blocks);
  if (t === undefined) {
    t = transposedBlocks(cb);
    transposed.set(cb.blocks, t);
  }
  return t;
}

/** Solves one replicate's accumulated system (work[0, stride), as accumulateReplicates left it). */
function solveAccumulated(cb: ClusterBlocks, work: Float64Array, beta: Float64Array): boolean {
  const k = cb.k;
  const np = (k * (k + 1)) / 2;
  const stride = np + k;
  const rhs = work.subarray(np, stride);
  const z = new Float64Array(k);
  if (!choleskySolve(work.subarray(0, np), Float64Array.from(rhs), k, z)) return false;
  // Undo the scaling: y* = (y − c_y)/s_y, x*_j = (x_j − c_j)/s_j.
  const sy = cb.scale[k];
  let icpt = cb.centre[k];
  for (let j = 0; j < k; j++) {
    if (cb.intercept && j === 0) continue;
    beta[j] = (z[j] * sy) / cb.scale[j];
    icpt -= beta[j] * cb.centre[j];
  }
  if (cb.intercept) beta[0] = icpt + z[0] * sy;
  return true;
}

/** Type-7 quantile of a sorted array (R's default). */
function quantileSorted(v: Float64Array, prob: number): number {
  if (v.length === 0) return NaN;
  const h = (v.length - 1) * prob;
  const lo = Math.floor(h);
  const hi = Math.min(v.length - 1, lo + 1);
  return v[lo] + (h - lo) * (v[hi] - v[lo]);
}

/** What a bootstrap block needs (cloneable: blocks run in pool workers). */
export interface BootstrapJobInput {
  cb: ClusterBlocks;
  B: number;
  seed: number;
  level: number;
  /** Full-sample estimate and N, carried to the summary. */
  estimate: Float64Array;
  n: number;
}

/** One block's replicates: `beta` holds `good` coefficient vectors of length k, in draw order. */
export interface BootstrapPart {
  beta: Float64Array;
  good: number;
  failed: number;
}

/** Replicates per block. Each block draws from its own stream, seeded by (seed, block), so the
 *  replicates do not depend on how many workers share the blocks. */
export const BOOTSTRAP_BLOCK = 64;
/** Replicates drawn and summed together (accumulateReplicates; a multiple of its four). */
const ACCUMULATE_AT_ONCE = 8;

/** The cluster bootstrap as a pool job (src/engine/parallel/job.ts): blocks of BOOTSTRAP_BLOCK replicates. */
export const bootstrapJob: PoolJob<BootstrapJobInput, BootstrapPart, BootstrapResult> = {
  name: 'cluster-bootstrap',
  blockCount: ({ B }) => Math.ceil(B / BOOTSTRAP_BLOCK),
  runBlock({ cb, B, seed }, b) {
    const { k, G } = cb;
    const from = b * BOOTSTRAP_BLOCK;
    const m = Math.min(B, from + BOOTSTRAP_BLOCK) - from;
    const rng = new Prng(blockSeed(seed, b));
    const stride = (k * (k + 1)) / 2 + k;
    const blocksT = blocksTOf(cb);
    const counts = new Float64Array(ACCUMULATE_AT_ONCE * G);
    const work = new Float64Array(ACCUMULATE_AT_ONCE * stride);
    const beta = new Float64Array(k);
    const out = new Float64Array(k * m);
    let good = 0;
    let failed = 0;
    for (let r0 = 0; r0 < m; r0 += ACCUMULATE_AT_ONCE) {
      const mm = Math.min(ACCUMULATE_AT_ONCE, m - r0);
      // Draws in replicate order, as one replicate at a time.
      counts.fill(0);
      for (let r = 0; r < mm; r++) for (let d = 0; d < G; d++) counts[r * G + rng.nextInt(G)]++;
      accumulateReplicates(cb, blocksT, counts, mm, work);
      for (let r = 0; r < mm; r++) {
        if (!solveAccumulated(cb, work.subarray(r * stride, (r + 1) * stride), beta)) {
          failed++;
          continue;
        }
        out.set(beta, good * k);
        good++;
      }
    }
    return { beta: out.subarray(0, good * k), good, failed };
  },
  merge(input, parts, done) {
    const { cb, B } = input;
    const k = cb.k;
    let good = 0;
    let failed = 0;
    for (let b = 0; b < done; b++) good += parts[b].good;
    // Column-major store of the replicates, in block order (= the order of one sequential pass).
    const rep = new Float64Array(k * Math.max(good, 1));
    let g = 0;
    for (let b = 0; b < done; b++) {
      const p = parts[b];
      failed += p.failed;
      for (let r = 0; r < p.good; r++, g++) for (let j = 0; j < k; j++) rep[j * good + g] = p.beta[r * k + j];
    }
    return summarise(input, rep, good, failed, done < Math.ceil(B / BOOTSTRAP_BLOCK));
  },
};

/** The full-sample fit and the job input, or the problem that stops the bootstrap. */
export function bootstrapJobInput(s: CommonSample, opts: BootstrapOptions = {}): BootstrapJobInput | Problem {
  const cb = clusterBlocks(s);
  if ('code' in cb) return cb;
  const { k, G } = cb;
  const work = new Float64Array((k * (k + 1)) / 2 + k);
  const estimate = new Float64Array(k);
  if (!solveReplicate(cb, new Int32Array(G).fill(1), estimate, work)) {
    return problem(
      'collinear',
      'Modellen kan ikke estimeres (kolineære variabler).',
      'The model cannot be estimated (collinear variables).',
      { variables: cb.names },
    );
  }
  return { cb, B: opts.B ?? 999, seed: opts.seed ?? 1, level: opts.level ?? 0.95, estimate, n: s.n };
}

function summarise(input: BootstrapJobInput, rep: Float64Array, good: number, failed: number, cancelled: boolean): BootstrapResult {
  const { cb, B } = input;
  const se: number[] = [];
  const ciLow: number[] = [];
  const ciHigh: number[] = [];
  const alpha = (1 - input.level) / 2;
  for (let j = 0; j < cb.k; j++) {
    const v = rep.slice(j * good, j * good + good).sort();
    let m = 0;
    for (const x of v) m += x;
    m /= Math.max(1, good);
    let ss = 0;
    for (const x of v) ss += (x - m) ** 2;
    se.push(Math.sqrt(ss / Math.max(1, good - 1)));
    ciLow.push(quantileSorted(v, alpha));
    ciHigh.push(quantileSorted(v, 1 - alpha));
  }
  return {
    names: cb.names,
    estimate: Array.from(input.estimate),
    se,
    ciLow,
    ciHigh,
    level: input.level,
    B,
    valid: good,
    failed,
    seed: input.seed,
    n: input.n,
    nClusters: cb.G,
    cancelled,
  };
}

/** The bootstrap in this thread (the single-worker reference; the same blocks as the pool). */
export function clusterBootstrap(s: CommonSample, opts: BootstrapOptions = {}, hooks: BootstrapHooks = {}): BootstrapResult | Problem {
  const input = bootstrapJobInput(s, opts);
  if ('code' in input) return input;
  return runInline(bootstrapJob, input, hooks);
}

/** As clusterBootstrap, through `run`: the host's worker pool (src/pool/runner.ts), else this thread
 *  awaiting `hooks.pause` between blocks. */
export async function clusterBootstrapAsync(
  s: CommonSample,
  opts: BootstrapOptions = {},
  hooks: BootstrapHooks & { pause?(): Promise<void> } = {},
  run: JobRunner = runInlineAsync,
): Promise<BootstrapResult | Problem> {
  const input = bootstrapJobInput(s, opts);
  if ('code' in input) return input;
  return run(bootstrapJob, input, hooks);
}
