/**
 * Iterative refinement of a least-squares solution (Björck's augmented-system method), with the
 * residuals of the system r + A·x = y, Aᵀr = 0 accumulated in double-double arithmetic. Plain
 * Householder QR loses about κ²·ε·‖r‖/(‖A‖‖x‖) digits on large-residual, ill-conditioned problems
 * (NIST Wampler4/5, Filip); two refinement steps with extra-precise residuals recover them.
 */
import { applyQ, applyQt, type QrFactor } from './qr';

const SPLIT = 134217729; // 2^27 + 1 (Dekker)

/** hi + lo accumulation of Σ a·b with error-free transformations (no FMA in JS). */
function twoProdAcc(acc: Float64Array, idx: number, a: number, b: number): void {
  const p = a * b;
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  const pErr = al * bl - (((p - ah * bh) - al * bh) - ah * bl);
  const hi = acc[idx];
  const s = hi + p;
  const bb = s - hi;
  const sErr = (hi - (s - bb)) + (p - bb);
  acc[idx] = s;
  acc[idx + 1] += sErr + pErr;
}

/**
 * The QR may have been computed on a shifted matrix A_c = A·T⁻¹ (columns centred, T = identity
 * with the column means in the intercept's row), so that A = Q·(R·T). Refinement then runs on the
 * raw, unrounded A, whose solution it approaches; T only enters the triangular solves.
 */
export interface Shift {
  means: Float64Array;
  intercept: number;
}

/**
 * Refines x (length k, raw parametrisation) and r (length n) in place. `a` is the raw matrix
 * (column-major), `y` the right-hand side. Returns the number of steps taken.
 */
export function refineLeastSquares(
  qr: QrFactor,
  a: Float64Array,
  y: Float64Array,
  x: Float64Array,
  r: Float64Array,
  shift: Shift | null,
  steps = 2,
): number {
  const { n, rank: k } = qr;
  const accN = new Float64Array(2 * n);
  const accK = new Float64Array(2 * k);
  const f = new Float64Array(n);
  const h = new Float64Array(k);
  for (let step = 0; step < steps; step++) {
    // f = y − r − A·x and g = −Aᵀr, both in double-double.
    accN.fill(0);
    for (let i = 0; i < n; i++) {
      twoProdAcc(accN, 2 * i, y[i], 1);
      twoProdAcc(accN, 2 * i, -r[i], 1);
    }
    for (let j = 0; j < k; j++) {
      const o = j * n;
      const xj = -x[j];
      for (let i = 0; i < n; i++) twoProdAcc(accN, 2 * i, a[o + i], xj);
    }
    for (let i = 0; i < n; i++) f[i] = accN[2 * i] + accN[2 * i + 1];
    accK.fill(0);
    for (let j = 0; j < k; j++) {
      const o = j * n;
      for (let i = 0; i < n; i++) twoProdAcc(accK, 2 * j, -a[o + i], r[i]);
    }
    // (R·T)ᵀ·h = g: first T⁻ᵀg (subtract mean_j·g_0), then forward substitution with Rᵀ.
    for (let j = 0; j < k; j++) h[j] = accK[2 * j] + accK[2 * j + 1];
    if (shift) {
      const g0 = h[shift.intercept];
      for (let j = 0; j < k; j++) if (j !== shift.intercept) h[j] -= shift.means[j] * g0;
    }
    for (let j = 0; j < k; j++) {
      let s = h[j];
      for (let m = 0; m < j; m++) s -= qr.a[j * n + m] * h[m];
      h[j] = s / qr.rdiag[j];
    }
    applyQt(qr, f);
    // δx = R⁻¹(f₁ − h); δr = Q·[h; f₂].
    const dx = new Float64Array(k);
    for (let j = k - 1; j >= 0; j--) {
      let s = f[j] - h[j];
      for (let c = j + 1; c < k; c++) s -= qr.a[c * n + j] * dx[c];
      dx[j] = s / qr.rdiag[j];
    }
    if (shift) {
      // T⁻¹: the intercept absorbs the means.
      let d0 = dx[shift.intercept];
      for (let j = 0; j < k; j++) if (j !== shift.intercept) d0 -= shift.means[j] * dx[j];
      dx[shift.intercept] = d0;
    }
    for (let j = 0; j < k; j++) f[j] = h[j];
    applyQ(qr, f);
    for (let j = 0; j < k; j++) x[j] += dx[j];
    for (let i = 0; i < n; i++) r[i] += f[i];
  }
  return steps;
}

/** Condition estimate of R with its columns scaled to unit norm: ‖R·D⁻¹‖_F·‖D·R⁻¹‖_F. */
export function scaledCondition(qr: QrFactor, rinv: Float64Array): number {
  const { n, rank: k, a, rdiag } = qr;
  let sr = 0;
  let si = 0;
  const d = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    let s = rdiag[c] * rdiag[c];
    for (let r = 0; r < c; r++) s += a[c * n + r] * a[c * n + r];
    d[c] = Math.sqrt(s);
    sr += s / (d[c] * d[c]);
  }
  for (let c = 0; c < k; c++) for (let r = 0; r <= c; r++) si += (d[r] * rinv[c * k + r]) ** 2;
  return Math.sqrt(sr * si);
}
