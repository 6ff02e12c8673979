/**
 * The column kernels of the QR, the sandwich and the grouped solver, in one place (qr.ts keeps only the
 * algorithm: pivoting, the rank test and when to pair reflections). Every loop here is
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
 * Applies Householder reflector j (v in column j of a from row j, τ = t) to columns from..k − 1 of the
 * column-major n-row matrix a: the QR's trailing update.
 */
export function reflectColumns(a: Float64Array, n: number, k: number, j: number, t: number, from: number): void {
  const oj = j * n;
  {
    // Four target columns per pass over v: the loop is bound by loads, and v is read once for four.
    let c = from;
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
    for (; c < k; c++) reflect(a, oj, t, a, c * n, j, n);
  }
}

/**
 * Applies reflectors j and j + 1 together to columns from..k − 1 (the QR's paired trailing update):
 * H_{j+1}H_j·x = x − α·v_j − β·v_{j+1} with α = τ_j·v_jᵀx and β = τ_{j+1}·(v_{j+1}ᵀx − α·v_{j+1}ᵀv_j)
 * (t = τ_j, t1 = τ_{j+1}, vv = v_{j+1}ᵀv_j). v_j starts at row j, v_{j+1} at row j + 1.
 */
export function reflectPairColumns(a: Float64Array, n: number, k: number, j: number, t: number, t1: number, vv: number, from: number): void {
  const oj = j * n;
  const j1 = j + 1;
  const o1 = j1 * n;
  const vj0 = a[oj + j];
  let c = from;
  for (; c + 3 < k; c += 4) {
    const p1 = c * n;
    const p2 = p1 + n;
    const p3 = p2 + n;
    const p4 = p3 + n;
    let a1 = vj0 * a[p1 + j];
    let a2 = vj0 * a[p2 + j];
    let a3 = vj0 * a[p3 + j];
    let a4 = vj0 * a[p4 + j];
    let b1 = 0;
    let b2 = 0;
    let b3 = 0;
    let b4 = 0;
    for (let i = j1; i < n; i++) {
      const u = a[oj + i];
      const v = a[o1 + i];
      const x1 = a[p1 + i];
      const x2 = a[p2 + i];
      const x3 = a[p3 + i];
      const x4 = a[p4 + i];
      a1 += u * x1;
      b1 += v * x1;
      a2 += u * x2;
      b2 += v * x2;
      a3 += u * x3;
      b3 += v * x3;
      a4 += u * x4;
      b4 += v * x4;
    }
    a1 *= t;
    a2 *= t;
    a3 *= t;
    a4 *= t;
    b1 = t1 * (b1 - a1 * vv);
    b2 = t1 * (b2 - a2 * vv);
    b3 = t1 * (b3 - a3 * vv);
    b4 = t1 * (b4 - a4 * vv);
    a[p1 + j] -= a1 * vj0;
    a[p2 + j] -= a2 * vj0;
    a[p3 + j] -= a3 * vj0;
    a[p4 + j] -= a4 * vj0;
    for (let i = j1; i < n; i++) {
      const u = a[oj + i];
      const v = a[o1 + i];
      a[p1 + i] -= a1 * u + b1 * v;
      a[p2 + i] -= a2 * u + b2 * v;
      a[p3 + i] -= a3 * u + b3 * v;
      a[p4 + i] -= a4 * u + b4 * v;
    }
  }
  for (; c < k; c++) {
    const p1 = c * n;
    let a1 = vj0 * a[p1 + j];
    let b1 = 0;
    for (let i = j1; i < n; i++) {
      const x1 = a[p1 + i];
      a1 += a[oj + i] * x1;
      b1 += a[o1 + i] * x1;
    }
    a1 *= t;
    b1 = t1 * (b1 - a1 * vv);
    a[p1 + j] -= a1 * vj0;
    for (let i = j1; i < n; i++) a[p1 + i] -= a1 * a[oj + i] + b1 * a[o1 + i];
  }
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
