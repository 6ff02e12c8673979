/** Small dense k×k helpers (column-major) for the covariance algebra after the QR. */

/** (XᵀX)⁻¹ = R⁻¹R⁻ᵀ from the upper-triangular inverse (column-major k×k). */
export function crossInverse(rinv: Float64Array, k: number): Float64Array {
  const out = new Float64Array(k * k);
  for (let r = 0; r < k; r++) {
    for (let c = r; c < k; c++) {
      // Row r of R⁻¹ is zero before column r, so the sum starts at max(r, c) = c.
      let s = 0;
      for (let m = c; m < k; m++) s += rinv[m * k + r] * rinv[m * k + c];
      out[c * k + r] = s;
      out[r * k + c] = s;
    }
  }
  return out;
}

/** B·M·B for symmetric B and M (k×k). */
export function sandwich(b: Float64Array, m: Float64Array, k: number): Float64Array {
  const bm = new Float64Array(k * k);
  for (let c = 0; c < k; c++) {
    for (let l = 0; l < k; l++) {
      const mlc = m[c * k + l];
      if (mlc === 0) continue;
      for (let r = 0; r < k; r++) bm[c * k + r] += b[l * k + r] * mlc;
    }
  }
  const out = new Float64Array(k * k);
  for (let c = 0; c < k; c++) {
    for (let l = 0; l < k; l++) {
      const blc = b[c * k + l];
      for (let r = 0; r < k; r++) out[c * k + r] += bm[l * k + r] * blc;
    }
  }
  // Symmetrise away rounding so the covariance is exactly symmetric.
  for (let c = 0; c < k; c++) {
    for (let r = c + 1; r < k; r++) {
      const s = 0.5 * (out[c * k + r] + out[r * k + c]);
      out[c * k + r] = s;
      out[r * k + c] = s;
    }
  }
  return out;
}

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

/** Inverse of an upper-triangular k×k matrix (column-major). */
export function invertUpper(r: Float64Array, k: number): Float64Array {
  const inv = new Float64Array(k * k);
  for (let c = 0; c < k; c++) {
    inv[c * k + c] = 1 / r[c * k + c];
    for (let row = c - 1; row >= 0; row--) {
      let s = 0;
      for (let m = row + 1; m <= c; m++) s -= r[m * k + row] * inv[c * k + m];
      inv[c * k + row] = s / r[row * k + row];
    }
  }
  return inv;
}

/** T·V·Tᵀ for k×k matrices (column-major). */
export function congruence(t: Float64Array, v: Float64Array, k: number): Float64Array {
  const tv = new Float64Array(k * k);
  for (let c = 0; c < k; c++) {
    for (let l = 0; l < k; l++) {
      const vlc = v[c * k + l];
      if (vlc === 0) continue;
      for (let r = 0; r < k; r++) tv[c * k + r] += t[l * k + r] * vlc;
    }
  }
  const out = new Float64Array(k * k);
  for (let c = 0; c < k; c++) {
    for (let l = 0; l < k; l++) {
      const tcl = t[l * k + c];
      if (tcl === 0) continue;
      for (let r = 0; r < k; r++) out[c * k + r] += tv[l * k + r] * tcl;
    }
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
