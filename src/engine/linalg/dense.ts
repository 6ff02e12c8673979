/** Small dense k×k helpers (column-major). Covariances from QR factors live in ../ols/sandwich.ts. */

/**
 * bᵀ·V⁻¹·b for a symmetric positive definite V (q×q, column-major) via Cholesky;
 * null when V is not numerically positive definite (e.g. more restrictions than clusters).
 */
export function quadFormInverse(v: Float64Array, b: Float64Array, q: number): number | null {
  const l = new Float64Array(q * q);
  let maxDiag = 0;
  for (let i = 0; i < q; i++) maxDiag = Math.max(maxDiag, Math.abs(v[i * q + i]));
  for (let j = 0; j < q; j++) {
    let d = v[j * q + j];
    for (let m = 0; m < j; m++) d -= l[m * q + j] * l[m * q + j];
    if (!(d > 1e-14 * v[j * q + j]) || !(d > 0)) return null;
    const ljj = Math.sqrt(d);
    l[j * q + j] = ljj;
    for (let i = j + 1; i < q; i++) {
      let s = v[j * q + i];
      for (let m = 0; m < j; m++) s -= l[m * q + i] * l[m * q + j];
      l[j * q + i] = s / ljj;
    }
  }
  if (maxDiag === 0) return null;
  // Solve L·z = b; bᵀV⁻¹b = zᵀz.
  const z = new Float64Array(q);
  let out = 0;
  for (let i = 0; i < q; i++) {
    let s = b[i];
    for (let m = 0; m < i; m++) s -= l[m * q + i] * z[m];
    z[i] = s / l[i * q + i];
    out += z[i] * z[i];
  }
  return out;
}

/**
 * Inverse of a general (not necessarily symmetric) k×k matrix, row-major, by Gauss–Jordan elimination
 * with partial pivoting; null when a pivot falls below 1e-14 of the largest entry. For the small
 * square systems of the estimators (an LP basis, a Hausman covariance difference).
 */
export function invertGeneral(a: Float64Array, k: number): Float64Array | null {
  const m = Float64Array.from(a);
  const inv = new Float64Array(k * k);
  for (let i = 0; i < k; i++) inv[i * k + i] = 1;
  let scale = 0;
  for (let i = 0; i < k * k; i++) scale = Math.max(scale, Math.abs(m[i]));
  for (let col = 0; col < k; col++) {
    let piv = col;
    for (let r = col + 1; r < k; r++) if (Math.abs(m[r * k + col]) > Math.abs(m[piv * k + col])) piv = r;
    if (!(Math.abs(m[piv * k + col]) > 1e-14 * scale)) return null;
    if (piv !== col) {
      for (let c = 0; c < k; c++) {
        [m[col * k + c], m[piv * k + c]] = [m[piv * k + c], m[col * k + c]];
        [inv[col * k + c], inv[piv * k + c]] = [inv[piv * k + c], inv[col * k + c]];
      }
    }
    const d = 1 / m[col * k + col];
    for (let c = 0; c < k; c++) {
      m[col * k + c] *= d;
      inv[col * k + c] *= d;
    }
    for (let r = 0; r < k; r++) {
      if (r === col) continue;
      const f = m[r * k + col];
      if (f === 0) continue;
      for (let c = 0; c < k; c++) {
        m[r * k + c] -= f * m[col * k + c];
        inv[r * k + c] -= f * inv[col * k + c];
      }
    }
  }
  return inv;
}
