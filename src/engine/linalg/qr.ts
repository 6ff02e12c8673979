/**
 * Householder QR of a column-major n×k matrix, in place, with a rank test.
 *
 * Own implementation on typed arrays: mathjs works on boxed numbers (far too slow for 3 570×22 in
 * under a millisecond) and neither it nor ml-matrix reports rank deficiency, which the engine must
 * refuse with the variables named. The normal equations are avoided on purpose: they square the
 * condition number (Longley reaches only 7–8 digits that way).
 *
 * Rank test (as R's dqrdc2): column j is deficient when the norm of what is left of it after the
 * reflections of the accepted columns is at most `tol` times its reference norm (its original
 * norm unless the caller passes another, e.g. the norm before demeaning). A deficient column is moved
 * to the end and not factored, so `rank` counts the accepted columns.
 */

export interface QrFactor {
  n: number;
  k: number;
  /** Overwritten input: R strictly above the diagonal, Householder vectors on and below it. */
  a: Float64Array;
  /** Diagonal of R. */
  rdiag: Float64Array;
  /** Reflection factors: H_j = I − tau_j·v_j·v_jᵀ. */
  tau: Float64Array;
  /** Column order after moving deficient columns to the end: perm[position] = original column. */
  perm: Int32Array;
  rank: number;
  /** First deficient column (original index) and its coefficients on the accepted columns before it. */
  firstDeficient: { column: number; accepted: Int32Array; coef: Float64Array } | null;
}

/**
 * R's lm uses 1e-7 and therefore refuses NIST Filip (its x¹⁰ column keeps 6·10⁻⁸ of its centred
 * norm). Exact dependencies in real data leave 1e-15-ish residuals, so 1e-9 keeps a wide margin
 * on both sides.
 */
export const DEFAULT_RANK_TOL = 1e-9;

export function columnNorms(a: Float64Array, n: number, k: number): Float64Array {
  const out = new Float64Array(k);
  for (let c = 0; c < k; c++) out[c] = Math.sqrt(dot(a, c * n, a, c * n, 0, n));
  return out;
}

/** Moves column `from` to the last position, shifting the ones after it left (failure path only). */
function rotateToEnd(a: Float64Array, n: number, k: number, from: number, perm: Int32Array, refNorms: Float64Array): void {
  const tmp = a.slice(from * n, from * n + n);
  a.copyWithin(from * n, (from + 1) * n, k * n);
  a.set(tmp, (k - 1) * n);
  const p = perm[from];
  const r = refNorms[from];
  for (let c = from; c < k - 1; c++) {
    perm[c] = perm[c + 1];
    refNorms[c] = refNorms[c + 1];
  }
  perm[k - 1] = p;
  refNorms[k - 1] = r;
}

export function householderQr(
  a: Float64Array,
  n: number,
  k: number,
  tol = DEFAULT_RANK_TOL,
  referenceNorms?: Float64Array,
): QrFactor {
  const rdiag = new Float64Array(k);
  const tau = new Float64Array(k);
  const perm = new Int32Array(k);
  for (let c = 0; c < k; c++) perm[c] = c;
  const ref = referenceNorms ? Float64Array.from(referenceNorms) : columnNorms(a, n, k);
  let firstDeficient: QrFactor['firstDeficient'] = null;
  let kEff = k;
  let j = 0;
  while (j < kEff && j < n) {
    const oj = j * n;
    const norm = Math.sqrt(dot(a, oj, a, oj, j, n));
    if (!(norm > tol * ref[j]) || ref[j] === 0) {
      if (!firstDeficient) firstDeficient = dependency(a, n, j, rdiag, perm);
      rotateToEnd(a, n, k, j, perm, ref);
      kEff--;
      continue;
    }
    const x0 = a[oj + j];
    const alpha = x0 >= 0 ? -norm : norm;
    a[oj + j] = x0 - alpha;
    const t = 1 / (norm * (norm + Math.abs(x0)));
    rdiag[j] = alpha;
    tau[j] = t;
    // Four target columns per pass over v: the loop is bound by loads, and v is read once for four.
    let c = j + 1;
    for (; c + 3 < k; c += 4) {
      const o1 = c * n;
      const o2 = o1 + n;
      const o3 = o2 + n;
      const o4 = o3 + n;
      let d1 = 0;
      let d2 = 0;
      let d3 = 0;
      let d4 = 0;
      for (let i = j; i < n; i++) {
        const v = a[oj + i];
        d1 += v * a[o1 + i];
        d2 += v * a[o2 + i];
        d3 += v * a[o3 + i];
        d4 += v * a[o4 + i];
      }
      d1 *= t;
      d2 *= t;
      d3 *= t;
      d4 *= t;
      for (let i = j; i < n; i++) {
        const v = a[oj + i];
        a[o1 + i] -= d1 * v;
        a[o2 + i] -= d2 * v;
        a[o3 + i] -= d3 * v;
        a[o4 + i] -= d4 * v;
      }
    }
    for (; c < k; c++) {
      const o1 = c * n;
      const d1 = dot(a, oj, a, o1, j, n) * t;
      for (let i = j; i < n; i++) a[o1 + i] -= d1 * a[oj + i];
    }
    j++;
  }
  // Columns beyond n (k > n) cannot be accepted; count them as deficient.
  const rank = Math.min(j, kEff);
  if (!firstDeficient && rank < k) firstDeficient = { column: perm[rank], accepted: perm.slice(0, rank), coef: new Float64Array(rank) };
  return { n, k, a, rdiag, tau, perm, rank, firstDeficient };
}

/** Coefficients of the deficient column j on the accepted columns 0..j−1: R[0:j,0:j]·b = (Qᵀx_j)[0:j]. */
function dependency(a: Float64Array, n: number, j: number, rdiag: Float64Array, perm: Int32Array): NonNullable<QrFactor['firstDeficient']> {
  const b = new Float64Array(j);
  const oj = j * n;
  for (let r = j - 1; r >= 0; r--) {
    let s = a[oj + r];
    for (let c = r + 1; c < j; c++) s -= a[c * n + r] * b[c];
    b[r] = s / rdiag[r];
  }
  return { column: perm[j], accepted: perm.slice(0, j), coef: b };
}

/**
 * Σ_{i=from}^{to−1} x[ox+i]·y[oy+i] with four partial sums: one chain of dependent additions is
 * bound by the add latency (~4 cycles each); four independent ones run about three times faster.
 * The summation order differs from the plain loop only in rounding (it is, if anything, closer to
 * pairwise summation).
 */
export function dot(x: Float64Array, ox: number, y: Float64Array, oy: number, from: number, to: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = from;
  for (; i + 3 < to; i += 4) {
    s0 += x[ox + i] * y[oy + i];
    s1 += x[ox + i + 1] * y[oy + i + 1];
    s2 += x[ox + i + 2] * y[oy + i + 2];
    s3 += x[ox + i + 3] * y[oy + i + 3];
  }
  for (; i < to; i++) s0 += x[ox + i] * y[oy + i];
  return (s0 + s1) + (s2 + s3);
}

/** y ← Qᵀy (first `rank` reflections). */
export function applyQt(f: QrFactor, y: Float64Array): void {
  const { n, a, tau } = f;
  for (let j = 0; j < f.rank; j++) {
    const oj = j * n;
    const d = dot(a, oj, y, 0, j, n) * tau[j];
    for (let i = j; i < n; i++) y[i] -= d * a[oj + i];
  }
}

/** y ← Qy (reflections in reverse order). */
export function applyQ(f: QrFactor, y: Float64Array): void {
  const { n, a, tau } = f;
  for (let j = f.rank - 1; j >= 0; j--) {
    const oj = j * n;
    const d = dot(a, oj, y, 0, j, n) * tau[j];
    for (let i = j; i < n; i++) y[i] -= d * a[oj + i];
  }
}

/** Solves R·x = z for the leading `rank`×`rank` block (z of length ≥ rank); returns x. */
export function solveR(f: QrFactor, z: ArrayLike<number>): Float64Array {
  const { n, a, rdiag, rank } = f;
  const x = new Float64Array(rank);
  for (let r = rank - 1; r >= 0; r--) {
    let s = z[r];
    for (let c = r + 1; c < rank; c++) s -= a[c * n + r] * x[c];
    x[r] = s / rdiag[r];
  }
  return x;
}

/** R⁻¹ (upper triangular, k×k, column-major) of a full-rank factor. */
export function invertR(f: QrFactor): Float64Array {
  const { n, a, rdiag, rank: k } = f;
  const inv = new Float64Array(k * k);
  for (let c = 0; c < k; c++) {
    // Column c of R⁻¹ solves R·x = e_c; x is zero below row c.
    inv[c * k + c] = 1 / rdiag[c];
    for (let r = c - 1; r >= 0; r--) {
      let s = 0;
      for (let m = r + 1; m <= c; m++) s -= a[m * n + r] * inv[c * k + m];
      inv[c * k + r] = s / rdiag[r];
    }
  }
  return inv;
}
