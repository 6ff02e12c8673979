/**
 * Plain (weighted) least squares on a column-major n×k design by Householder QR of √w·X: the inner
 * step of the iterative estimators (robust regression refits it a dozen times). Weights may be 0
 * (the row then drops out, as Stata's aweights do); no inference here — fitDesign does that.
 */
import { applyQt, householderQr, invertR, solveR, DEFAULT_RANK_TOL, type QrFactor } from './qr';

export interface LstsqSolution {
  b: Float64Array;
  /** y − Xb (unweighted). */
  residuals: Float64Array;
  qr: QrFactor;
}

/** Null when √w·X has rank < k (the caller names the variables with fitDesign's refusal). */
export function lstsq(x: Float64Array, n: number, k: number, y: Float64Array, w: Float64Array | null = null): LstsqSolution | null {
  const a = new Float64Array(n * k);
  const ty = new Float64Array(n);
  if (w) {
    const sw = new Float64Array(n);
    for (let i = 0; i < n; i++) sw[i] = Math.sqrt(w[i]);
    for (let c = 0; c < k; c++) {
      const o = c * n;
      for (let i = 0; i < n; i++) a[o + i] = x[o + i] * sw[i];
    }
    for (let i = 0; i < n; i++) ty[i] = y[i] * sw[i];
  } else {
    a.set(x.subarray(0, n * k));
    ty.set(y.subarray(0, n));
  }
  const qr = householderQr(a, n, k, DEFAULT_RANK_TOL);
  if (qr.rank < k) return null;
  applyQt(qr, ty);
  const b = solveR(qr, ty);
  return { b, residuals: residualsOf(x, n, k, y, b), qr };
}

export function residualsOf(x: Float64Array, n: number, k: number, y: Float64Array, b: ArrayLike<number>): Float64Array {
  const r = Float64Array.from(y.subarray(0, n));
  for (let c = 0; c < k; c++) {
    const bc = b[c];
    if (bc === 0) continue;
    const o = c * n;
    for (let i = 0; i < n; i++) r[i] -= x[o + i] * bc;
  }
  return r;
}

/** Diagonal of the hat matrix X(XᵀX)⁻¹Xᵀ from an unweighted full-rank QR: hᵢ = ‖xᵢᵀR⁻¹‖². */
export function leverage(x: Float64Array, n: number, k: number, qr: QrFactor): Float64Array {
  const rinv = invertR(qr);
  const h = new Float64Array(n);
  const row = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < k; c++) row[c] = x[c * n + i];
    let s = 0;
    for (let j = 0; j < k; j++) {
      // (xᵢᵀR⁻¹)_j = Σ_{m≤j} x_im·R⁻¹[m, j] (R⁻¹ upper triangular, column-major).
      let v = 0;
      for (let m = 0; m <= j; m++) v += row[m] * rinv[j * k + m];
      s += v * v;
    }
    h[i] = s;
  }
  return h;
}
