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
import { Prng } from '../importance/prng';

export interface BootstrapOptions {
  /** Number of replicates (default 999). */
  B?: number;
  seed?: number;
  /** Two-sided level of the percentile interval (default 0.95). */
  level?: number;
}

export interface BootstrapHooks {
  progress?(fraction: number): void;
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

interface Run {
  cb: ClusterBlocks;
  B: number;
  seed: number;
  level: number;
  rng: Prng;
  counts: Int32Array;
  work: Float64Array;
  beta: Float64Array;
  estimate: Float64Array;
  /** Column-major replicate store: rep[j·B + b]. */
  rep: Float64Array;
  next: number;
  good: number;
  failed: number;
  n: number;
}

function prepare(s: CommonSample, opts: BootstrapOptions): Run | Problem {
  const cb = clusterBlocks(s);
  if ('code' in cb) return cb;
  const B = opts.B ?? 999;
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
  const seed = opts.seed ?? 1;
  return {
    cb,
    B,
    seed,
    level: opts.level ?? 0.95,
    rng: new Prng(seed),
    counts: new Int32Array(G),
    work,
    beta: new Float64Array(k),
    estimate,
    rep: new Float64Array(k * B),
    next: 0,
    good: 0,
    failed: 0,
    n: s.n,
  };
}

/** Runs replicates up to (not including) `to`. Draws stay in sequence, so chunking does not change them. */
function advance(r: Run, to: number): void {
  const { cb, counts, rng, beta, rep, B } = r;
  const { k, G } = cb;
  for (; r.next < Math.min(to, B); r.next++) {
    counts.fill(0);
    for (let d = 0; d < G; d++) counts[rng.nextInt(G)]++;
    if (!solveReplicate(cb, counts, beta, r.work)) {
      r.failed++;
      continue;
    }
    for (let j = 0; j < k; j++) rep[j * B + r.good] = beta[j];
    r.good++;
  }
}

function summarise(r: Run, cancelled: boolean): BootstrapResult {
  const { cb, B, good } = r;
  const se: number[] = [];
  const ciLow: number[] = [];
  const ciHigh: number[] = [];
  const alpha = (1 - r.level) / 2;
  for (let j = 0; j < cb.k; j++) {
    const v = r.rep.slice(j * B, j * B + good).sort();
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
    estimate: Array.from(r.estimate),
    se,
    ciLow,
    ciHigh,
    level: r.level,
    B,
    valid: good,
    failed: r.failed,
    seed: r.seed,
    n: r.n,
    nClusters: cb.G,
    cancelled,
  };
}

const CHUNK = 64;

export function clusterBootstrap(
  s: CommonSample,
  opts: BootstrapOptions = {},
  hooks: BootstrapHooks = {},
): BootstrapResult | Problem {
  const r = prepare(s, opts);
  if ('code' in r) return r;
  while (r.next < r.B) {
    if (hooks.cancelled?.()) return summarise(r, true);
    advance(r, r.next + CHUNK);
    hooks.progress?.(r.next / r.B);
  }
  return summarise(r, false);
}

/** As clusterBootstrap, awaiting `pause` between chunks so a worker can take a cancel message. */
export async function clusterBootstrapAsync(
  s: CommonSample,
  opts: BootstrapOptions = {},
  hooks: BootstrapHooks & { pause?(): Promise<void> } = {},
): Promise<BootstrapResult | Problem> {
  const r = prepare(s, opts);
  if ('code' in r) return r;
  while (r.next < r.B) {
    await hooks.pause?.();
    if (hooks.cancelled?.()) return summarise(r, true);
    advance(r, r.next + CHUNK * 4);
    hooks.progress?.(r.next / r.B);
  }
  return summarise(r, false);
}
