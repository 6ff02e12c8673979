/**
 * The column kernels of the QR, the sandwich and the grouped solver, in one place. Every loop here is
 * bound by loads, not by arithmetic, so each works on several columns per pass over the rows: a value
 * loaded once serves four products, and four independent sums do not wait on one add chain (about 4
 * cycles each). The summation order differs from a plain loop only in rounding.
 *
 * Matrices are column-major Float64Arrays: column c of an n-row matrix starts at c·n (plus an offset).
 */

/**
 * Σ_{i=from}^{to−1} x[ox+i]·y[oy+i] with four partial sums (if anything closer to pairwise summation
 * than the plain loop).
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

/**
 * y ← (I − τ·v·vᵀ)·y on rows from..n − 1: one Householder reflection (v in a at ov, y at oy) applied
 * to one column.
 */
export function reflect(a: Float64Array, ov: number, tau: number, y: Float64Array, oy: number, from: number, n: number): void {
  const d = dot(a, ov, y, oy, from, n) * tau;
  for (let i = from; i < n; i++) y[oy + i] -= d * a[ov + i];
}

/**
 * y[oy+i] −= Σ_{m<count} c[oc+m]·a[m·rows+i] for i < rows: a column minus a combination of `count`
 * columns (forward substitution over columns; residuals y − Zb). Four (then two) columns per pass:
 * a quarter of the loads and stores of y, which bound the loop. Groups whose coefficients are all
 * zero (the block-diagonal R of the grouped solver) cost nothing.
 */
export function subtractColumns(
  y: Float64Array,
  oy: number,
  a: Float64Array,
  rows: number,
  c: ArrayLike<number>,
  oc: number,
  count: number,
): void {
  let m = 0;
  for (; m + 3 < count; m += 4) {
    const c1 = c[oc + m];
    const c2 = c[oc + m + 1];
    const c3 = c[oc + m + 2];
    const c4 = c[oc + m + 3];
    if (c1 === 0 && c2 === 0 && c3 === 0 && c4 === 0) continue;
    const o1 = m * rows;
    const o2 = o1 + rows;
    const o3 = o2 + rows;
    const o4 = o3 + rows;
    for (let i = 0; i < rows; i++) y[oy + i] -= c1 * a[o1 + i] + c2 * a[o2 + i] + (c3 * a[o3 + i] + c4 * a[o4 + i]);
  }
  for (; m + 1 < count; m += 2) {
    const c1 = c[oc + m];
    const c2 = c[oc + m + 1];
    if (c1 === 0 && c2 === 0) continue;
    const o1 = m * rows;
    const o2 = o1 + rows;
    for (let i = 0; i < rows; i++) y[oy + i] -= c1 * a[o1 + i] + c2 * a[o2 + i];
  }
  for (; m < count; m++) {
    const c1 = c[oc + m];
    if (c1 === 0) continue;
    const o1 = m * rows;
    for (let i = 0; i < rows; i++) y[oy + i] -= c1 * a[o1 + i];
  }
}

let ones = new Float64Array(0);
/** Row weights of 1, so the unweighted cross product runs the weighted loop (one copy of it). */
function unitWeights(rows: number): Float64Array {
  if (ones.length < rows) ones = new Float64Array(rows).fill(1);
  return ones;
}

/**
 * SᵀDS (k×k, symmetric) of a rows×k matrix S, with row weights d (D = I when null). Tiles of 2 rows ×
 * 4 columns of the result per pass over the data: 7 loads for 8 products, and no remainder loops (an
 * edge tile repeats its last column, writing the same value twice).
 */
export function crossProduct(s: Float64Array, rows: number, k: number, d: Float64Array | null = null): Float64Array {
  const m = new Float64Array(k * k);
  const w = d ?? unitWeights(rows);
  const last = k - 1;
  const put = (r: number, c: number, v: number): void => {
    if (r <= last && c <= last) {
      m[c * k + r] = v;
      m[r * k + c] = v;
    }
  };
  for (let r0 = 0; r0 < k; r0 += 2) {
    const o1 = r0 * rows;
    const o2 = Math.min(r0 + 1, last) * rows;
    for (let c0 = r0; c0 < k; c0 += 4) {
      const q1 = c0 * rows;
      const q2 = Math.min(c0 + 1, last) * rows;
      const q3 = Math.min(c0 + 2, last) * rows;
      const q4 = Math.min(c0 + 3, last) * rows;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      let a4 = 0;
      let b1 = 0;
      let b2 = 0;
      let b3 = 0;
      let b4 = 0;
      for (let i = 0; i < rows; i++) {
        const wi = w[i];
        const x1 = s[q1 + i];
        const x2 = s[q2 + i];
        const x3 = s[q3 + i];
        const x4 = s[q4 + i];
        const u = s[o1 + i] * wi;
        const v = s[o2 + i] * wi;
        a1 += u * x1;
        a2 += u * x2;
        a3 += u * x3;
        a4 += u * x4;
        b1 += v * x1;
        b2 += v * x2;
        b3 += v * x3;
        b4 += v * x4;
      }
      put(r0, c0, a1);
      put(r0, c0 + 1, a2);
      put(r0, c0 + 2, a3);
      put(r0, c0 + 3, a4);
      put(r0 + 1, c0, b1);
      put(r0 + 1, c0 + 1, b2);
      put(r0 + 1, c0 + 2, b3);
      put(r0 + 1, c0 + 3, b4);
    }
  }
  return m;
}
