/**
 * Covariance of least-squares coefficients from the QR factors — the one home of the sandwich
 * (classical, HC1, CR1) and of the robust Wald test. Never forms (XᵀWX)⁻¹ or the meat XᵀΩX:
 * both square the condition number (on a design with two regressors correlated 0.9999999 that
 * costs 1e-9 on the SEs and 1e-7 on the robust F; see test/exact).
 *
 * With √W·X = Q·R in the solver's parametrisation θ (centred columns, or group indicators and
 * demeaned columns) and reported coefficients β = M·θ:
 *   V(β) = Wᵀ·Ω·W,  W = R⁻ᵀ·Mᵀ (triangular solves),  Ω = R⁻ᵀ(Σ sᵢsᵢᵀ)R⁻¹ = S_QᵀS_Q,
 * where the scores sᵢ (rows, or sums over a cluster) are brought into the Q basis by triangular
 * solves with R before their cross product (S_Q = S·R⁻¹), so Ω is as well conditioned as the
 * meat itself, not κ² worse. Classical: Ω = s²·I. Digits lost: about ε·κ(R) instead of ε·κ(R)².
 * Scores are given in the X basis as rows × k column-major arrays (the meat's square root).
 */
import type { QrFactor } from '../linalg/qr';
import { quadFormInverse } from '../linalg/dense';
import { crossProduct, subtractColumns } from '../linalg/kernels';

/** R (k×k upper triangular, column-major) of a full-rank Householder factor. */
export function upperR(qr: QrFactor): Float64Array {
  const { n, a, rdiag, rank: k } = qr;
  const r = new Float64Array(k * k);
  for (let c = 0; c < k; c++) {
    for (let i = 0; i < c; i++) r[c * k + i] = a[c * n + i];
    r[c * k + c] = rdiag[c];
  }
  return r;
}

/**
 * Scores to the Q basis in place: S ← S·R⁻¹ (rows×k, column-major), by forward substitution over
 * the columns: s_j = (s_j − Σ_{m<j} R_mj·s_m)/R_jj. Zero entries of R (the block-diagonal R of the
 * grouped solver) cost nothing.
 */
export function toQBasis(s: Float64Array, rows: number, r: Float64Array, k: number): void {
  for (let j = 0; j < k; j++) {
    const oj = j * rows;
    subtractColumns(s, oj, s, rows, r, j * k, j);
    const d = r[j * k + j];
    for (let i = 0; i < rows; i++) s[oj + i] /= d;
  }
}

/** Ω from X-basis scores (overwritten): their cross product in the Q basis of R. */
export function meatInQBasis(scores: Float64Array, rows: number, r: Float64Array, k: number): Float64Array {
  toQBasis(scores, rows, r, k);
  return crossProduct(scores, rows, k);
}

/** Row scores sᵢ = xᵢ·wᵢuᵢ (HC), with the columns shifted by `means` (centred design) when given. */
export function rowScores(x: Float64Array, w: Float64Array | null, u: Float64Array, n: number, k: number, means: Float64Array | null): Float64Array {
  const s = new Float64Array(n * k);
  for (let c = 0; c < k; c++) {
    const o = c * n;
    const m = means ? means[c] : 0;
    if (w) for (let i = 0; i < n; i++) s[o + i] = (x[o + i] - m) * w[i] * u[i];
    else for (let i = 0; i < n; i++) s[o + i] = (x[o + i] - m) * u[i];
  }
  return s;
}

/** Cluster score sums Σ_{i∈g} xᵢ·wᵢuᵢ (CR1): nG×k, columns shifted by `means` when given. */
export function clusterScores(
  x: Float64Array,
  w: Float64Array | null,
  u: Float64Array,
  n: number,
  k: number,
  g: Int32Array,
  nG: number,
  means: Float64Array | null,
): Float64Array {
  const wu = w ? new Float64Array(n) : u;
  if (w) for (let i = 0; i < n; i++) wu[i] = w[i] * u[i];
  const s = new Float64Array(nG * k);
  for (let c = 0; c < k; c++) {
    const o = c * n;
    const og = c * nG;
    const m = means ? means[c] : 0;
    // Rows of a cluster are usually adjacent (panels sorted by unit): sum a run in a register and
    // store once, instead of a read–add–write chain through one slot on every row.
    let cur = n > 0 ? g[0] : 0;
    let acc = 0;
    for (let i = 0; i < n; i++) {
      const gi = g[i];
      if (gi !== cur) {
        s[og + cur] += acc;
        acc = 0;
        cur = gi;
      }
      acc += (x[o + i] - m) * wu[i];
    }
    if (n > 0) s[og + cur] += acc;
  }
  return s;
}

/**
 * W = R⁻ᵀ·Mᵀ (k×k, column-major): column j is reported coefficient j's row of M brought into the
 * Q basis by forward substitution with Rᵀ. `map` is M column-major (β = M·θ), null for M = I.
 */
export function reportingRoot(r: Float64Array, k: number, map: Float64Array | null): Float64Array {
  const w = new Float64Array(k * k);
  for (let j = 0; j < k; j++) {
    const oj = j * k;
    for (let a = 0; a < k; a++) {
      let s = map ? map[a * k + j] : a === j ? 1 : 0;
      for (let c = 0; c < a; c++) s -= r[a * k + c] * w[oj + c];
      w[oj + a] = s / r[a * k + a];
    }
  }
  return w;
}

/** V = scale·Wᵀ·Ω·W (Ω = identity when null): symmetric k×k, so row- and column-major alike. */
export function covariance(w: Float64Array, omega: Float64Array | null, k: number, scale: number): Float64Array {
  let ow = w;
  if (omega) {
    ow = new Float64Array(k * k);
    for (let j = 0; j < k; j++) {
      for (let a = 0; a < k; a++) {
        const wa = w[j * k + a];
        if (wa === 0) continue;
        for (let b = 0; b < k; b++) ow[j * k + b] += omega[a * k + b] * wa;
      }
    }
  }
  const v = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = i; j < k; j++) {
      let s = 0;
      for (let a = 0; a < k; a++) s += w[i * k + a] * ow[j * k + a];
      s *= scale;
      v[j * k + i] = s;
      v[i * k + j] = s;
    }
  }
  return v;
}

/**
 * A joint test written so that it needs no inverse of R: the restriction L·θ = 0 premultiplied by
 * an invertible matrix that makes P = (that)·L·R⁻¹ well conditioned (e.g. [0 | I] when the tested
 * coordinates come last in the QR, with t = their part of Qᵀy). The Wald statistic is invariant to
 * that premultiplication: tᵀ(P·Ω·Pᵀ)⁻¹t.
 */
export interface WaldRestriction {
  /** P (q×k) as its nonzero entries: row i of P has P[row[e]][col[e]] = val[e] for the entries e
   *  listed (P is a selection, plus a difference per group dummy: a handful per row). */
  row: Int32Array;
  col: Int32Array;
  val: Float64Array;
  t: Float64Array;
  q: number;
}

/** tᵀ(P·Ω·Pᵀ)⁻¹t, or null when P·Ω·Pᵀ is not positive definite (e.g. fewer clusters than q). */
export function waldStatistic(wr: WaldRestriction, omega: Float64Array, k: number): number | null {
  const { row, col, val, t, q } = wr;
  const v = new Float64Array(q * q);
  const nnz = val.length;
  for (let e = 0; e < nnz; e++) {
    const oa = col[e] * k;
    const ra = row[e];
    const va = val[e];
    for (let f = 0; f < nnz; f++) v[row[f] * q + ra] += va * val[f] * omega[oa + col[f]];
  }
  return quadFormInverse(v, t, q);
}
