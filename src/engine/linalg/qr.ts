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
import { dot, reflect, reflectColumns, reflectPairColumns } from './kernels';

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
  extra = 0,
): QrFactor {
  // `extra` columns after the k factored ones (e.g. y) only receive the reflections: Qᵀ applied in
  // the same passes over v as the trailing columns.
  const kt = k + extra;
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
    if (kt - j >= 6 && j + 1 < kEff && j + 1 < n && pairStep(a, n, kt, j, t, tol * ref[j + 1], ref[j + 1] === 0, rdiag, tau)) {
      j += 2;
      continue;
    }
    reflectColumns(a, n, kt, j, t, j + 1);
    j++;
  }
  // Columns beyond n (k > n) cannot be accepted; count them as deficient.
  const rank = Math.min(j, kEff);
  if (!firstDeficient && rank < k) firstDeficient = { column: perm[rank], accepted: perm.slice(0, rank), coef: new Float64Array(rank) };
  return { n, k, a, rdiag, tau, perm, rank, firstDeficient };
}

/**
 * Two reflections per pass over the trailing columns (columns j + 2..k − 1): reflector j is applied
 * to column j + 1 alone, which passes the rank test and yields reflector j + 1; then both are
 * applied together, H_{j+1}H_j·x = x − α·v_j − β·v_{j+1} with α = τ_j·v_jᵀx and
 * β = τ_{j+1}·(v_{j+1}ᵀx − α·v_{j+1}ᵀv_j). Half the passes over the trailing columns, same
 * reflectors. Returns false (having applied only reflector j, to every column) when column j + 1
 * fails the rank test; the caller's loop then handles it as usual.
 */
function pairStep(
  a: Float64Array,
  n: number,
  k: number,
  j: number,
  t: number,
  threshold: number,
  zeroRef: boolean,
  rdiag: Float64Array,
  tau: Float64Array,
): boolean {
  const oj = j * n;
  const j1 = j + 1;
  const o1 = j1 * n;
  reflect(a, oj, t, a, o1, j, n);
  const norm = Math.sqrt(dot(a, o1, a, o1, j1, n));
  if (!(norm > threshold) || zeroRef) {
    reflectColumns(a, n, k, j, t, j + 2);
    return false;
  }
  const x0 = a[o1 + j1];
  const alpha = x0 >= 0 ? -norm : norm;
  a[o1 + j1] = x0 - alpha;
  const t1 = 1 / (norm * (norm + Math.abs(x0)));
  rdiag[j1] = alpha;
  tau[j1] = t1;
  const vv = dot(a, o1, a, oj, j1, n);
  reflectPairColumns(a, n, k, j, t, t1, vv, j + 2);
  return true;
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

/** y ← Qᵀy (first `rank` reflections). */
export function applyQt(f: QrFactor, y: Float64Array): void {
  const { n, a, tau } = f;
  for (let j = 0; j < f.rank; j++) reflect(a, j * n, tau[j], y, 0, j, n);
}

/** y ← Qy (reflections in reverse order). */
export function applyQ(f: QrFactor, y: Float64Array): void {
  const { n, a, tau } = f;
  for (let j = f.rank - 1; j >= 0; j--) reflect(a, j * n, tau[j], y, 0, j, n);
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
