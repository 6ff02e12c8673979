/**
 * Low-level least squares on a ready design matrix: QR, coefficients, covariance (classical, HC1,
 * CR1, from the QR factors in ./sandwich.ts), fit statistics and inference. `fitModel` builds the design from a Table and calls this;
 * anything that already has a design (importance, subsets, cost keys) can call it directly.
 *
 * Conventions follow Stata/R as documented in test/oracle/cases/README.md: WLS by √w
 * scaling (analytic weights), HC1 = n/(n−k), CR1 = G/(G−1)·(N−1)/(N−K) with t on G−1 df, rmse with
 * weights normalised to sum to n.
 */
import type { Problem } from '../problem';
import { applyQ, applyQt, columnNorms, householderQr, invertR, solveR, DEFAULT_RANK_TOL } from '../linalg/qr';
import { refineLeastSquares } from '../linalg/refine';
import { COEF_NEGLIGIBLE, fail, INTERCEPT, needsRefinementFrom } from './designCommon';
import { otherColumns, solveGrouped } from './grouped';
import { clusterScores, covariance, meatInQBasis, reportingRoot, rowScores, upperR, waldStatistic, type WaldRestriction } from './sandwich';
import type { Coefficient, FitSuccess, SeType } from '../model/types';
import { pValueF, pValueT, tCritical } from './inference';

export { INTERCEPT };

export interface DesignInput {
  /** Column-major n×k design; not modified. With `groups.compact` only the columns that are neither
   *  the intercept nor a group dummy (n×p, in design order): the solver never needs the indicators. */
  x: Float64Array;
  n: number;
  k: number;
  y: Float64Array;
  names: string[];
  /** Index of the constant column: 0 (first, so the QR can test the slopes without an inverse),
   *  or −1 for none. */
  intercept: number;
  /** Analytic weights (> 0), or null for OLS. */
  weights?: Float64Array | null;
  /** Cluster id per row, 0..nClusters−1 (required when se = 'cluster'). */
  clusters?: Int32Array | null;
  nClusters?: number;
  se: SeType;
  /**
   * Unit effects already removed by demeaning (within estimator): `count` effects lower the residual
   * df; `tssTotal` is Σw(y−ȳ)² of the undemeaned y, for the LSDV R²; `clusterK` is the K of CR1
   * (slopes + 1, as Stata xtreg, fe — the absorbed effects are nested in the clusters).
   */
  absorbed?: { count: number; tssTotal: number; clusterK: number } | null;
  /** Rank tolerance relative to `referenceNorms` (default: the norms of the √w-scaled columns
   *  themselves; the within estimator passes the norms before demeaning, in the same √w scale). */
  tol?: number;
  referenceNorms?: Float64Array;
  /**
   * Indicator partition spanned by the intercept and dummy columns (year effects): group g ≥ 1 has
   * its dummy in column dummyColumns[g − 1], group 0 is the base. The solver then partials the
   * groups out (Frisch–Waugh–Lovell) and runs the QR on the other columns only — the same numbers
   * at a fraction of the cost.
   */
  groups?: { ids: Int32Array; count: number; dummyColumns: number[]; compact?: boolean } | null;
  /** Whether the result carries the residuals (default true); without them a classical fit never
   *  forms them. */
  residuals?: boolean;
  /** Confidence level of the intervals (default 0.95). */
  level?: number;
}

export type DesignSuccess = Omit<FitSuccess, 'rows' | 'years' | 'yMean' | 'dropped' | 'warnings'> & {
  /** Unweighted residuals y − Xb (absent when the input asked for none). */
  residuals?: Float64Array;
};

export interface DesignFailure {
  ok: false;
  problem: Problem;
  n: number;
  k: number;
  rank?: number;
  collinear?: string[];
}

export type DesignOutcome = DesignSuccess | DesignFailure;

// Reused scratch for the QR (the largest allocation of a fit); engine calls are synchronous.
let scratch = new Float64Array(0);
function workBuffer(size: number): Float64Array {
  if (scratch.length < size) scratch = new Float64Array(size);
  return scratch.length === size ? scratch : scratch.subarray(0, size);
}

/**
 * The refusal when N does not exceed the coefficients (absorbed unit effects count too), in plain
 * words: a year with one municipality reads «bare 1 observasjon», not «constant dependent variable».
 */
export function tooFewObservations(n: number, k: number, absorbed = 0): DesignFailure {
  const kk = k + absorbed;
  const of = absorbed > 0 ? ` (${k} + ${absorbed} enhetseffekter)` : '';
  const ofEn = absorbed > 0 ? ` (${k} + ${absorbed} unit effects)` : '';
  return fail(
    'too-few-observations',
    `Bare ${n} observasjon${n === 1 ? '' : 'er'}; modellen har ${kk} koeffisienter${of} og trenger minst ${kk + 1}.`,
    `Only ${n} observation${n === 1 ? '' : 's'}; the model has ${kk} coefficients${ofEn} and needs at least ${kk + 1}.`,
    n,
    k,
  );
}

export function fitDesign(input: DesignInput): DesignOutcome {
  const { x, n, k, y, names, intercept, se } = input;
  // A programming contract, not a data condition: every design builder puts the constant first.
  if (intercept > 0) throw new Error('fitDesign: the intercept must be column 0');
  const w = input.weights ?? null;
  const absorbed = input.absorbed ?? null;
  const nAbsorbed = absorbed ? absorbed.count : 0;
  const dfResid = n - k - nAbsorbed;
  if (dfResid <= 0) return tooFewObservations(n, k, nAbsorbed);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(y[i])) return fail('non-finite', 'Avhengig variabel har ikke-endelige verdier.', 'The dependent variable has non-finite values.', n, k);
    if (w && !(w[i] > 0 && Number.isFinite(w[i]))) {
      return fail('invalid-weights', 'Vektene må være positive og endelige.', 'Weights must be positive and finite.', n, k);
    }
  }
  const compact = input.groups?.compact === true;
  // A compact design holds only the non-indicator columns; the indicators are finite by construction.
  const xCols = compact ? otherColumns(k, intercept, (input.groups as NonNullable<DesignInput['groups']>).dummyColumns) : null;
  const kx = xCols ? xCols.length : k;
  for (let c = 0; c < kx; c++) {
    const o = c * n;
    let bad = false;
    // x − x is 0 for finite x and NaN otherwise: one subtraction per entry, no call.
    for (let i = 0; i < n; i++) if (x[o + i] - x[o + i] !== 0) bad = true;
    if (bad) {
      const name = names[xCols ? xCols[c] : c];
      return fail('non-finite', `Variabelen ${name} har ikke-endelige verdier.`, `Variable ${name} has non-finite values.`, n, k);
    }
  }
  let nClusters = 0;
  if (se === 'cluster') {
    nClusters = input.nClusters ?? 0;
    if (!input.clusters || nClusters < 2) {
      return fail('one-cluster', 'Klyngerobuste standardfeil krever minst to klynger.', 'Cluster-robust standard errors need at least two clusters.', n, k);
    }
  }

  const sw = w ? new Float64Array(n) : null;
  if (w && sw) for (let i = 0; i < n; i++) sw[i] = Math.sqrt(w[i]);
  let solved: Solved | DesignFailure | null = null;
  if (input.groups && intercept >= 0 && (compact || input.groups.count > 1)) solved = solveGrouped(input, sw);
  // Refinement (or no groups): the dense path, on the full design.
  if (solved === null) solved = solveDense(compact ? { ...input, x: materialise(input), groups: null } : input, sw);
  if ('problem' in solved) return solved;
  const { b, rss } = solved;
  const u = se !== 'classical' || input.residuals !== false ? solved.residuals() : null;

  let sumW = n;
  if (w) {
    sumW = 0;
    for (let i = 0; i < n; i++) sumW += w[i];
  }
  const tss = totalSumOfSquares(y, w, n, intercept >= 0 || absorbed !== null, sumW);
  if (!(tss > 0)) {
    return fail('constant-dependent', 'Den avhengige variabelen er konstant i utvalget.', 'The dependent variable is constant in the sample.', n, k);
  }
  const r2 = 1 - rss / (absorbed ? absorbed.tssTotal : tss);
  const withinR2 = absorbed ? 1 - rss / tss : undefined;
  const dfInt = intercept >= 0 || absorbed ? 1 : 0;
  const adjR2 = 1 - ((1 - r2) * (n - dfInt)) / dfResid;
  const rmse = Math.sqrt(((rss * n) / sumW) / dfResid);

  // The covariance from the QR factors (./sandwich.ts): V = Wᵀ·Ω·W with W = R⁻ᵀMᵀ.
  const root = reportingRoot(solved.r, k, solved.map);
  let vcov: Float64Array;
  let omega: Float64Array | null = null;
  let seFactor = 1;
  let dfT = dfResid;
  if (se === 'classical') {
    vcov = covariance(root, null, k, rss / dfResid);
  } else {
    // HC1 = n/(n−k); with absorbed unit effects the residual df already subtracts them (as areg).
    if (se === 'hc1') seFactor = n / dfResid;
    else {
      const bigK = absorbed ? absorbed.clusterK : k;
      seFactor = (nClusters / (nClusters - 1)) * ((n - 1) / (n - bigK));
      dfT = nClusters - 1;
    }
    omega = solved.meat(se, u as Float64Array, nClusters);
    for (let i = 0; i < k * k; i++) omega[i] *= seFactor;
    vcov = covariance(root, omega, k, 1);
  }

  const crit = tCritical(dfT, input.level ?? 0.95);
  const coefficients: Coefficient[] = new Array(k);
  for (let j = 0; j < k; j++) {
    const sej = Math.sqrt(vcov[j * k + j]);
    const t = b[j] / sej;
    coefficients[j] = {
      name: names[j],
      estimate: b[j],
      se: sej,
      t,
      p: pValueT(t, dfT),
      ciLow: b[j] - crit * sej,
      ciHigh: b[j] + crit * sej,
    };
  }
  const f = overallF(se, solved.wald, omega, k, intercept, tss, rss, dfResid, dfT, nClusters);
  const out: DesignSuccess = {
    ok: true,
    n,
    k,
    dfResid,
    dfT,
    r2,
    adjR2,
    rmse,
    f,
    se,
    seFactor,
    coefficients,
    vcov,
  };
  if (u && input.residuals !== false) out.residuals = u;
  if (withinR2 !== undefined) out.withinR2 = withinR2;
  if (se === 'cluster') out.nClusters = nClusters;
  return out;
}


/** What a solver hands to the common tail: coefficients in reporting order, residuals, and the
 *  factors of the covariance in the solver's own parametrisation θ (see ./sandwich.ts). */
export interface Solved {
  b: Float64Array;
  /** Unweighted residuals (formed on demand: a classical fit needs only the RSS). */
  residuals(): Float64Array;
  rss: number;
  /** R of √W·X in the parametrisation θ (k×k upper triangular, column-major): XᵀWX = RᵀR. */
  r: Float64Array;
  /** Reporting map β = M·θ (k×k, column-major), or null when θ is β. */
  map: Float64Array | null;
  /** The meat in the Q basis of `r`, Ω = R⁻ᵀ(Σ sᵢsᵢᵀ)R⁻¹, without the small-sample factor. */
  meat(se: 'hc1' | 'cluster', u: Float64Array, nClusters: number): Float64Array;
  /** The overall test (every coefficient but the intercept) in well-conditioned form; null when
   *  nothing is tested. */
  wald: WaldRestriction | null;
}

/** Dense path: Householder QR of the whole (centred) design, with refinement when needed. */
function solveDense(input: DesignInput, sw: Float64Array | null): Solved | DesignFailure {
  const { x, n, k, y, names, intercept } = input;
  const w = input.weights ?? null;
  // √w scaling turns WLS into OLS on (√w·X, √w·y). With an intercept the other columns are
  // centred on their (weighted) means first: the slopes are unchanged, the constant is recovered
  // below, and the condition number drops from that of the raw columns (Longley 5·10⁹, Filip
  // beyond 10¹⁵, which a rank test on raw columns refuses) to that of the centred ones.
  const means = intercept >= 0 ? columnMeans(x, w, n, k, intercept) : null;
  const a = workBuffer(n * k);
  prepare(a, x, sw, means, n, k);
  let referenceNorms = input.referenceNorms;
  if (means) {
    const raw = rawScaledNorms(x, sw, n, k);
    const centred = columnNorms(a, n, k);
    const tol = input.tol ?? DEFAULT_RANK_TOL;
    for (let j = 0; j < k; j++) {
      if (j !== intercept && !(centred[j] > tol * raw[j])) return constantColumn(names, intercept, j, n, k);
    }
    referenceNorms = centred;
  }
  const qr = householderQr(a, n, k, input.tol ?? DEFAULT_RANK_TOL, referenceNorms);
  if (qr.rank < k) return collinearFailure(qr, names, intercept, means, sw, n, k);

  const yv = new Float64Array(n);
  if (sw) for (let i = 0; i < n; i++) yv[i] = y[i] * sw[i];
  else yv.set(y.subarray(0, n));
  const ty = Float64Array.from(yv);
  applyQt(qr, ty);
  const b = solveR(qr, ty);
  const qty = ty.slice(0, k);
  // Residuals from the orthogonal complement: more accurate than y − Xb on ill-conditioned designs.
  for (let i = 0; i < k; i++) ty[i] = 0;
  applyQ(qr, ty);
  const rinv = invertR(qr);
  if (means) uncentreCoefficients(b, means, intercept, k);
  let refined = false;
  if (needsRefinement(qr, rinv, b, ty, yv, n)) {
    // Refine against the raw design: centring rounds the columns, and on large-residual problems
    // (Wampler4/5) that rounding alone costs digits.
    const a0 = new Float64Array(n * k);
    prepare(a0, x, sw, null, n, k);
    refineLeastSquares(qr, a0, yv, b, ty, means ? { means, intercept } : null);
    refined = true;
  }
  let rss = 0;
  for (let i = 0; i < n; i++) rss += ty[i] * ty[i];
  const u = ty;
  if (sw) for (let i = 0; i < n; i++) u[i] /= sw[i];

  // θ: the centred parametrisation (constant first, so R is block diagonal in exact arithmetic).
  const r = upperR(qr);
  return {
    b,
    residuals: () => u,
    rss,
    r,
    map: means ? uncentringMap(means, intercept, k) : null,
    wald: denseWald(r, refined ? null : qty, b, intercept, k),
    meat: (se, res, nClusters) =>
      se === 'hc1'
        ? meatInQBasis(rowScores(x, w, res, n, k, means), n, r, k)
        : meatInQBasis(clusterScores(x, w, res, n, k, input.clusters as Int32Array, nClusters, means), nClusters, r, k),
  };
}

/**
 * The slopes' test in the dense parametrisation: with the constant in column 0 of the QR, the
 * slopes' rows of R⁻¹ are [0 | R₂₂⁻¹], so premultiplying by R₂₂ gives P = [0 | I] and t = R₂₂·b =
 * the slopes' part of Qᵀy (or R₂₂·b itself after refinement moved b).
 */
function denseWald(r: Float64Array, qty: Float64Array | null, b: Float64Array, intercept: number, k: number): WaldRestriction | null {
  const off = intercept === 0 ? 1 : 0;
  const q = k - off;
  if (q === 0) return null;
  const row = new Int32Array(q);
  const col = new Int32Array(q);
  const t = new Float64Array(q);
  for (let j = off; j < k; j++) {
    row[j - off] = j - off;
    col[j - off] = j;
    if (qty) t[j - off] = qty[j];
    else {
      let s = 0;
      for (let c = j; c < k; c++) s += r[c * k + j] * b[c];
      t[j - off] = s;
    }
  }
  return { row, col, val: new Float64Array(q).fill(1), t, q };
}

/** β = T·θ: T is the identity except T[intercept][j] = −mean_j (x_j = x_j,c + mean_j·1). */
function uncentringMap(means: Float64Array, c0: number, k: number): Float64Array {
  const m = new Float64Array(k * k);
  for (let j = 0; j < k; j++) {
    m[j * k + j] = 1;
    if (j !== c0) m[j * k + c0] = -means[j];
  }
  return m;
}

function totalSumOfSquares(y: Float64Array, w: Float64Array | null, n: number, centred: boolean, sumW: number): number {
  let mean = 0;
  if (centred) {
    for (let i = 0; i < n; i++) mean += (w ? w[i] : 1) * y[i];
    mean /= sumW;
  }
  let s = 0;
  for (let i = 0; i < n; i++) {
    const d = y[i] - mean;
    s += (w ? w[i] : 1) * d * d;
  }
  return s;
}

/**
 * Overall test of every coefficient except the intercept: the classical F from the sums of squares
 * for classical SEs; for robust SEs the Wald form bᵀV⁻¹b/q on (q, dfT) as Stata reports it, from
 * the QR factors (./sandwich.ts; null when V is singular, e.g. with fewer clusters than restrictions).
 */
function overallF(
  se: SeType,
  wald: WaldRestriction | null,
  omega: Float64Array | null,
  k: number,
  intercept: number,
  tss: number,
  rss: number,
  dfResid: number,
  dfT: number,
  nClusters: number,
): FitSuccess['f'] {
  const idx: number[] = [];
  for (let j = 0; j < k; j++) if (j !== intercept) idx.push(j);
  const q = idx.length;
  if (q === 0) return null;
  if (se === 'classical') {
    const value = ((tss - rss) / q) / (rss / dfResid);
    if (!Number.isFinite(value)) return null;
    return { value, df1: q, df2: dfResid, p: pValueF(value, q, dfResid) };
  }
  if (se === 'cluster' && q > nClusters - 1) return null;
  if (!wald || !omega) return null;
  const quad = waldStatistic(wald, omega, k);
  if (quad === null) return null;
  const value = quad / q;
  return { value, df1: q, df2: dfT, p: pValueF(value, q, dfT) };
}

/** Names the first exact linear dependency found by the QR's rank test. */
function collinearFailure(
  qr: ReturnType<typeof householderQr>,
  names: string[],
  intercept: number,
  means: Float64Array | null,
  sw: Float64Array | null,
  n: number,
  k: number,
): DesignFailure {
  const dep = qr.firstDeficient;
  const involved: number[] = [];
  if (dep) {
    // Coefficient j matters when its contribution |b_j|·‖x_j‖ is not negligible next to ‖x_dep‖;
    // R's columns are Qᵀx so ‖R_{·j}‖ = ‖x_j‖ (in the weighted scale used by the QR).
    const depNorm = columnNormFromR(qr, dep.accepted.length, dep.coef, -1);
    let constant = 0;
    dep.accepted.forEach((col, pos) => {
      if (col === intercept) return;
      const contribution = Math.abs(dep.coef[pos]) * columnNormFromR(qr, pos, dep.coef, pos);
      if (contribution > COEF_NEGLIGIBLE * depNorm) involved.push(col);
      if (means) constant -= dep.coef[pos] * means[col];
    });
    if (means && intercept >= 0) {
      // The centred columns hide the constant: x_dep = Σ b_j·x_j + (mean_dep − Σ b_j·mean_j)·1.
      constant += means[dep.column];
      const ipos = dep.accepted.indexOf(intercept);
      if (ipos >= 0) constant += dep.coef[ipos];
      let sumW = n;
      if (sw) {
        sumW = 0;
        for (let i = 0; i < n; i++) sumW += sw[i] * sw[i];
      }
      const depRaw = Math.hypot(depNorm, Math.abs(means[dep.column]) * Math.sqrt(sumW));
      if (Math.abs(constant) * Math.sqrt(sumW) > COEF_NEGLIGIBLE * depRaw) involved.push(intercept);
    }
    involved.push(dep.column);
    involved.sort((p, q) => p - q);
  }
  const collinear = involved.map((j) => (names[j] === INTERCEPT ? 'intercept' : names[j]));
  const list = collinear.join(', ');
  return fail(
    'collinear',
    `Variablene er perfekt kolineære (lineært avhengige): ${list}. Fjern en av dem.`,
    `The variables are perfectly collinear (linearly dependent): ${list}. Remove one of them.`,
    n,
    k,
    { rank: qr.rank, collinear },
  );
}

/**
 * Norm of accepted column `pos` (from its R column: ‖R_{0..pos,pos}‖ = ‖x_pos‖), or, with pos = −1,
 * the norm of the fitted part of the dependent column, Σ b_j x_j = ‖R·b‖.
 */
function columnNormFromR(qr: ReturnType<typeof householderQr>, pos: number, coef: Float64Array, which: number): number {
  const { a, n, rdiag } = qr;
  if (which >= 0) {
    let s = rdiag[pos] * rdiag[pos];
    for (let r = 0; r < pos; r++) s += a[pos * n + r] * a[pos * n + r];
    return Math.sqrt(s);
  }
  const m = pos;
  let s = 0;
  for (let r = 0; r < m; r++) {
    let v = rdiag[r] * coef[r];
    for (let c = r + 1; c < m; c++) v += a[c * n + r] * coef[c];
    s += v * v;
  }
  return Math.sqrt(s);
}

/**
 * First-order error bound of a backward-stable QR solution, per coefficient in the columns' own
 * scale: ε·κ·(1 + κ·‖r‖/‖ŷ‖)·‖b∘d‖/|b_j·d_j| with d the column norms and κ the scaled condition.
 * Small coefficients next to large ones (Wampler's x term next to x⁵) and large residuals
 * (Wampler4/5) make it big; well-posed panels stay far below the threshold.
 */
export function needsRefinement(qr: ReturnType<typeof householderQr>, rinv: Float64Array, b: Float64Array, r: Float64Array, y: Float64Array, n: number): boolean {
  let rr = 0;
  let yy = 0;
  for (let i = 0; i < n; i++) {
    rr += r[i] * r[i];
    yy += y[i] * y[i];
  }
  return needsRefinementFrom(qr, rinv, b, rr, yy);
}

/** Weighted means of every column but the intercept (the intercept's slot stays 0). */
function columnMeans(x: Float64Array, w: Float64Array | null, n: number, k: number, intercept: number): Float64Array {
  const m = new Float64Array(k);
  let sumW = 0;
  for (let i = 0; i < n; i++) sumW += w ? w[i] : 1;
  for (let c = 0; c < k; c++) {
    if (c === intercept) continue;
    const o = c * n;
    let s = 0;
    if (w) for (let i = 0; i < n; i++) s += w[i] * x[o + i];
    else for (let i = 0; i < n; i++) s += x[o + i];
    m[c] = s / sumW;
  }
  return m;
}

/** dst = √w·(x − mean) column by column (the intercept column stays √w·1). */
function prepare(dst: Float64Array, x: Float64Array, sw: Float64Array | null, means: Float64Array | null, n: number, k: number): void {
  for (let c = 0; c < k; c++) {
    const o = c * n;
    const m = means ? means[c] : 0;
    if (sw) for (let i = 0; i < n; i++) dst[o + i] = (x[o + i] - m) * sw[i];
    else if (m !== 0) for (let i = 0; i < n; i++) dst[o + i] = x[o + i] - m;
    else for (let i = 0; i < n; i++) dst[o + i] = x[o + i];
  }
}

function rawScaledNorms(x: Float64Array, sw: Float64Array | null, n: number, k: number): Float64Array {
  const out = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    const o = c * n;
    let s = 0;
    for (let i = 0; i < n; i++) {
      const v = sw ? x[o + i] * sw[i] : x[o + i];
      s += v * v;
    }
    out[c] = Math.sqrt(s);
  }
  return out;
}

/** Back to the raw parametrisation: b = T·b_c (T as in uncentringMap). */
function uncentreCoefficients(b: Float64Array, means: Float64Array, c0: number, k: number): void {
  let b0 = b[c0];
  for (let j = 0; j < k; j++) if (j !== c0) b0 -= means[j] * b[j];
  b[c0] = b0;
}

function constantColumn(names: string[], intercept: number, j: number, n: number, k: number): DesignFailure {
  const collinear = [intercept, j].sort((p, q) => p - q).map((c) => (c === intercept ? 'intercept' : names[c]));
  return fail(
    'collinear',
    `Variabelen ${names[j]} er konstant i utvalget og dermed kolineær med konstantleddet.`,
    `Variable ${names[j]} is constant in the sample and hence collinear with the intercept.`,
    n,
    k,
    { rank: k - 1, collinear },
  );
}

/** The full n×k design of a compact grouped input (the rare refinement path needs it). */
function materialise(input: DesignInput): Float64Array {
  const { x, n, k, intercept } = input;
  const groups = input.groups as NonNullable<DesignInput['groups']>;
  const full = new Float64Array(n * k);
  full.fill(1, intercept * n, intercept * n + n);
  for (let i = 0; i < n; i++) {
    const g = groups.ids[i];
    if (g > 0) full[groups.dummyColumns[g - 1] * n + i] = 1;
  }
  const zc = otherColumns(k, intercept, groups.dummyColumns);
  for (let j = 0; j < zc.length; j++) full.set(x.subarray(j * n, j * n + n), zc[j] * n);
  return full;
}
