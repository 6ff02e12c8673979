/**
 * Least squares with an indicator partition (intercept + year dummies, or the intercept alone)
 * partialled out, as Frisch–Waugh–Lovell allows: demean the other columns and y by group, QR on
 * those p columns only. The pooled design with 9 year dummies thereby costs a QR of 3 570×12
 * instead of 3 570×22.
 *
 * The covariance algebra runs in the parametrisation θ = (γ̃, b) of the design [D, Z̃] (group
 * indicators, group-demeaned others): Z̃ ⊥ D in the W metric, so the R of √W·[D, Z̃] is block
 * diagonal, diag(√W_g) ⊕ R_Z, and γ̃_g is the weighted group mean of y. A k×k map M then gives the
 * reporting order (intercept = base group, dummies = differences to it); ./sandwich.ts does the
 * rest. Returns null when the error bound asks for refinement, which only the dense path does.
 */
import { householderQr, invertR, solveR, DEFAULT_RANK_TOL } from '../linalg/qr';
import { toQBasis } from './sandwich';
import { crossProduct, subtractColumns } from '../linalg/kernels';
import type { DesignFailure, DesignInput, Solved } from './fit';
import { COEF_NEGLIGIBLE, fail, INTERCEPT, needsRefinementFrom } from './designCommon';

// Scratch reused across fits (engine calls are synchronous; nothing here outlives one fitDesign).
let zScratch = new Float64Array(0);
let qrScratch = new Float64Array(0);
let scoreScratch = new Float64Array(0);
function sized(buf: Float64Array, size: number): Float64Array {
  return buf.length === size ? buf : buf.subarray(0, size);
}

/** Design columns that are neither the intercept nor a group dummy, ascending. */
export function otherColumns(k: number, intercept: number, dummyColumns: number[]): Int32Array {
  const isGroupCol = new Uint8Array(k);
  if (intercept >= 0) isGroupCol[intercept] = 1;
  for (let g = 0; g < dummyColumns.length; g++) isGroupCol[dummyColumns[g]] = 1;
  const out = new Int32Array(k - (intercept >= 0 ? 1 : 0) - dummyColumns.length);
  let p = 0;
  for (let c = 0; c < k; c++) if (!isGroupCol[c]) out[p++] = c;
  return out;
}

export function solveGrouped(input: DesignInput, sw: Float64Array | null): Solved | DesignFailure | null {
  const { x, n, k, y, intercept } = input;
  const groups = input.groups as NonNullable<DesignInput['groups']>;
  const { ids, count: T, dummyColumns } = groups;
  const compact = groups.compact === true;
  const w = input.weights ?? null;
  const tol = input.tol ?? DEFAULT_RANK_TOL;
  const zc = otherColumns(k, intercept, dummyColumns);
  const p = zc.length;

  const wg = new Float64Array(T);
  const ybar = new Float64Array(T);
  if (w) {
    for (let i = 0; i < n; i++) {
      wg[ids[i]] += w[i];
      ybar[ids[i]] += w[i] * y[i];
    }
  } else {
    for (let i = 0; i < n; i++) {
      wg[ids[i]] += 1;
      ybar[ids[i]] += y[i];
    }
  }
  for (let g = 0; g < T; g++) ybar[g] /= wg[g];

  // zt: demeaned, unweighted columns (kept for the residuals and the scores); a: the √w-scaled copy
  // the QR overwrites. Both are filled in one pass after the group means.
  if (zScratch.length < n * p) zScratch = new Float64Array(n * p);
  if (qrScratch.length < n * (p + 1)) qrScratch = new Float64Array(n * (p + 1));
  const zt = sized(zScratch, n * p);
  // One column more than Z: √w(y − ȳ_g) rides along in the QR, which leaves Qᵀ of it there.
  const a = sized(qrScratch, n * (p + 1));
  const zbar = new Float64Array(T * p); // zbar[j*T + g]
  const rawNorm = new Float64Array(p);
  const norms = new Float64Array(p);
  const xo = (j: number): number => (compact ? j : zc[j]) * n;
  let j0 = 0;
  if (!w) {
    // Four columns per pass for the group sums: the row's group is loaded once, and the four
    // read–add–write chains through zbar are independent (rows sorted by group would otherwise
    // serialise on one slot).
    for (; j0 + 3 < p; j0 += 4) {
      const q1 = xo(j0);
      const q2 = xo(j0 + 1);
      const q3 = xo(j0 + 2);
      const q4 = xo(j0 + 3);
      const b1 = j0 * T;
      const b2 = b1 + T;
      const b3 = b2 + T;
      const b4 = b3 + T;
      let r1 = 0;
      let r2 = 0;
      let r3 = 0;
      let r4 = 0;
      for (let i = 0; i < n; i++) {
        const g = ids[i];
        const v1 = x[q1 + i];
        const v2 = x[q2 + i];
        const v3 = x[q3 + i];
        const v4 = x[q4 + i];
        zbar[b1 + g] += v1;
        zbar[b2 + g] += v2;
        zbar[b3 + g] += v3;
        zbar[b4 + g] += v4;
        r1 += v1 * v1;
        r2 += v2 * v2;
        r3 += v3 * v3;
        r4 += v4 * v4;
      }
      rawNorm[j0] = Math.sqrt(r1);
      rawNorm[j0 + 1] = Math.sqrt(r2);
      rawNorm[j0 + 2] = Math.sqrt(r3);
      rawNorm[j0 + 3] = Math.sqrt(r4);
    }
  }
  for (let j = j0; j < p; j++) {
    const o = xo(j);
    const ob = j * T;
    let raw = 0;
    if (w) {
      for (let i = 0; i < n; i++) {
        const v = x[o + i];
        zbar[ob + ids[i]] += w[i] * v;
        raw += w[i] * v * v;
      }
    } else {
      for (let i = 0; i < n; i++) {
        const v = x[o + i];
        zbar[ob + ids[i]] += v;
        raw += v * v;
      }
    }
    rawNorm[j] = Math.sqrt(raw);
  }
  for (let g = 0; g < T * p; g++) zbar[g] /= wg[g % T];
  let j1 = 0;
  if (!sw) {
    // Demeaned columns four at a time: one load of the row's group for four columns.
    for (; j1 + 3 < p; j1 += 4) {
      const q1 = xo(j1);
      const q2 = xo(j1 + 1);
      const q3 = xo(j1 + 2);
      const q4 = xo(j1 + 3);
      const b1 = j1 * T;
      const b2 = b1 + T;
      const b3 = b2 + T;
      const b4 = b3 + T;
      const z1 = j1 * n;
      const z2 = z1 + n;
      const z3 = z2 + n;
      const z4 = z3 + n;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let s4 = 0;
      for (let i = 0; i < n; i++) {
        const g = ids[i];
        const v1 = x[q1 + i] - zbar[b1 + g];
        const v2 = x[q2 + i] - zbar[b2 + g];
        const v3 = x[q3 + i] - zbar[b3 + g];
        const v4 = x[q4 + i] - zbar[b4 + g];
        zt[z1 + i] = v1;
        zt[z2 + i] = v2;
        zt[z3 + i] = v3;
        zt[z4 + i] = v4;
        s1 += v1 * v1;
        s2 += v2 * v2;
        s3 += v3 * v3;
        s4 += v4 * v4;
      }
      norms[j1] = Math.sqrt(s1);
      norms[j1 + 1] = Math.sqrt(s2);
      norms[j1 + 2] = Math.sqrt(s3);
      norms[j1 + 3] = Math.sqrt(s4);
    }
  }
  for (let j = j1; j < p; j++) {
    const o = xo(j);
    const ob = j * T;
    const oz = j * n;
    let ss = 0;
    if (sw) {
      for (let i = 0; i < n; i++) {
        const v = x[o + i] - zbar[ob + ids[i]];
        zt[oz + i] = v;
        const s = v * sw[i];
        a[oz + i] = s;
        ss += s * s;
      }
    } else {
      for (let i = 0; i < n; i++) {
        const v = x[o + i] - zbar[ob + ids[i]];
        zt[oz + i] = v;
        ss += v * v;
      }
    }
    norms[j] = Math.sqrt(ss);
  }
  // Unweighted: the QR's copy is the demeaned block itself (one block copy beats a second store per entry).
  if (!sw) a.set(zt);
  const oy = p * n;
  let yy = 0;
  for (let i = 0; i < n; i++) {
    const v = sw ? (y[i] - ybar[ids[i]]) * sw[i] : y[i] - ybar[ids[i]];
    a[oy + i] = v;
    yy += v * v;
  }
  let sumW = 0;
  for (let g = 0; g < T; g++) sumW += wg[g];
  // Root mean square of a raw column: the scale against which its group part is negligible.
  const rms = (j: number): number => rawNorm[j] / Math.sqrt(sumW);
  for (let j = 0; j < p; j++) {
    if (!(norms[j] > tol * rawNorm[j])) {
      // Constant within every group: a combination of the intercept and the dummies.
      return groupCollinear(input, [zc[j]], zbar.slice(j * T, j * T + T), rms(j), k - 1);
    }
  }
  const qr = householderQr(a, n, p, tol, norms, 1);
  if (qr.rank < p) {
    const dep = qr.firstDeficient as NonNullable<typeof qr.firstDeficient>;
    const cols: number[] = [];
    const c = Float64Array.from(zbar.subarray(dep.column * T, dep.column * T + T));
    let depNorm = 0;
    for (let pos = 0; pos < dep.accepted.length; pos++) depNorm = Math.max(depNorm, Math.abs(dep.coef[pos]) * norms[dep.accepted[pos]]);
    for (let pos = 0; pos < dep.accepted.length; pos++) {
      const col = dep.accepted[pos];
      if (Math.abs(dep.coef[pos]) * norms[col] > COEF_NEGLIGIBLE * depNorm) cols.push(zc[col]);
      for (let g = 0; g < T; g++) c[g] -= dep.coef[pos] * zbar[col * T + g];
    }
    cols.push(zc[dep.column]);
    return groupCollinear(input, cols, c, rms(dep.column), T + qr.rank);
  }

  // Qᵀ·√w(y − ȳ_g): the first p entries give b, the rest are the residuals in Q's basis, so the
  // RSS needs no second pass of Q (‖r‖ = ‖(Qᵀy)_{p..n}‖ exactly in exact arithmetic, and to
  // rounding as accurate as forming r = Q·[0; (Qᵀy)₂]).
  const ty = a.subarray(oy, oy + n);
  const bz = solveR(qr, ty);
  let rss = 0;
  for (let i = p; i < n; i++) rss += ty[i] * ty[i];
  const rinvZ = invertR(qr);
  if (needsRefinementFrom(qr, rinvZ, bz, rss, yy)) return null;

  // Reporting coefficients: γ_g = ȳ_g − z̄_gᵀb; intercept = γ_0, dummy_g = γ_g − γ_0.
  const gamma = Float64Array.from(ybar);
  for (let j = 0; j < p; j++) for (let g = 0; g < T; g++) gamma[g] -= zbar[j * T + g] * bz[j];
  const b = new Float64Array(k);
  b[intercept] = gamma[0];
  for (let g = 1; g < T; g++) b[dummyColumns[g - 1]] = gamma[g] - gamma[0];
  for (let j = 0; j < p; j++) b[zc[j]] = bz[j];

  // R in θ = (γ̃_0..γ̃_{T−1}, b_1..b_p): block diagonal, diag(√W_g) ⊕ R_Z.
  const r = new Float64Array(k * k);
  const rz = new Float64Array(p * p);
  for (let g = 0; g < T; g++) r[g * k + g] = Math.sqrt(wg[g]);
  for (let c = 0; c < p; c++) {
    for (let i = 0; i < c; i++) rz[c * p + i] = qr.a[c * n + i];
    rz[c * p + c] = qr.rdiag[c];
    for (let i = 0; i <= c; i++) r[(T + c) * k + T + i] = rz[c * p + i];
  }

  // M: reporting ← θ (column-major, M[col*k + row]); β = M·θ with θ = (ȳ, b).
  const m = new Float64Array(k * k);
  m[0 * k + intercept] = 1;
  for (let j = 0; j < p; j++) m[(T + j) * k + intercept] = -zbar[j * T];
  for (let g = 1; g < T; g++) {
    const c = dummyColumns[g - 1];
    m[g * k + c] = 1;
    m[0 * k + c] = -1;
    for (let j = 0; j < p; j++) m[(T + j) * k + c] = -(zbar[j * T + g] - zbar[j * T]);
  }
  for (let j = 0; j < p; j++) m[(T + j) * k + zc[j]] = 1;

  // Unweighted residuals u = (y − ȳ_g) − Z̃b: one pass over the p demeaned columns. With no
  // refinement needed (checked above) this is as accurate as applying Q again, at half the cost.
  const residuals = (): Float64Array => {
    const u = new Float64Array(n);
    for (let i = 0; i < n; i++) u[i] = y[i] - ybar[ids[i]];
    subtractColumns(u, 0, zt, n, bz, 0, p);
    return u;
  };

  // The overall test (all but the intercept): the restrictions γ̃_g − γ̃_0 = 0 and b = 0, the latter
  // premultiplied by R_Z. Then P = L·R⁻¹ has rows e_g/√W_g − e_0/√W_0 and [0 | I], and t is
  // (ȳ_g − ȳ_0, the first p entries of Qᵀ·√w(y − ȳ_g)).
  const q = T - 1 + p;
  let wald: Solved['wald'] = null;
  if (q > 0) {
    const nnz = 2 * (T - 1) + p;
    const row = new Int32Array(nnz);
    const col = new Int32Array(nnz);
    const val = new Float64Array(nnz);
    const t = new Float64Array(q);
    let e = 0;
    for (let g = 1; g < T; g++) {
      row[e] = g - 1;
      col[e] = g;
      val[e++] = 1 / Math.sqrt(wg[g]);
      row[e] = g - 1;
      col[e] = 0;
      val[e++] = -1 / Math.sqrt(wg[0]);
      t[g - 1] = ybar[g] - ybar[0];
    }
    for (let j = 0; j < p; j++) {
      row[e] = T - 1 + j;
      col[e] = T + j;
      val[e++] = 1;
      t[T - 1 + j] = ty[j];
    }
    wald = { row, col, val, t, q };
  }
  const invSqrtW = new Float64Array(T);
  for (let g = 0; g < T; g++) invSqrtW[g] = 1 / Math.sqrt(wg[g]);

  return {
    b,
    rss,
    r,
    map: m,
    wald,
    residuals,
    meat: (se, u, nClusters) =>
      se === 'hc1'
        ? groupedMeatHc(zt, w, u, ids, n, T, p, rz, invSqrtW)
        : groupedMeatCluster(zt, w, u, ids, input.clusters as Int32Array, nClusters, n, T, p, rz, invSqrtW),
  };
}

/** Group rows and columns of a θ-basis matrix times 1/√W_g: the group block of R is diag(√W_g). */
function scaleGroups(out: Float64Array, k: number, T: number, invSqrtW: Float64Array): void {
  for (let c = 0; c < k; c++) {
    const sc = c < T ? invSqrtW[c] : 1;
    for (let r = 0; r < k; r++) out[c * k + r] *= r < T ? sc * invSqrtW[r] : sc;
  }
}

/** Ω = Σ sᵢsᵢᵀ in the Q basis, sᵢ = [e_g(i), z̃ᵢ]·wᵢuᵢ, by blocks: the group part is diagonal, so
 *  only the p×p block needs an n-long cross product (of the Z scores after the solve with R_Z). */
function groupedMeatHc(
  zt: Float64Array,
  w: Float64Array | null,
  u: Float64Array,
  ids: Int32Array,
  n: number,
  T: number,
  p: number,
  rz: Float64Array,
  invSqrtW: Float64Array,
): Float64Array {
  const k = T + p;
  const out = new Float64Array(k * k);
  // The row factor (wᵢuᵢ)² of every score product: sᵢ = wᵢuᵢ·[e_g(i), z̃ᵢ], and the solve with R_Z
  // commutes with the row scaling, so the Q-basis block is Z̃·R_Z⁻¹ weighted by d (no scaling pass).
  const d = new Float64Array(n);
  if (w) {
    for (let i = 0; i < n; i++) {
      const v = w[i] * u[i];
      d[i] = v * v;
    }
  } else for (let i = 0; i < n; i++) d[i] = u[i] * u[i];
  // Group block: diagonal Σ_{i∈g} (wᵢuᵢ)² (a run-summed dot of d with ones).
  const diag = new Float64Array(T);
  groupDot(diag, 0, d, 0, null, ids, n);
  for (let g = 0; g < T; g++) out[g * k + g] = diag[g];
  // A block copy of Z̃ into reused scratch, then the solve in place.
  if (scoreScratch.length < n * p) scoreScratch = new Float64Array(n * p);
  const s = sized(scoreScratch, n * p);
  s.set(zt.subarray(0, n * p));
  toQBasis(s, n, rz, p);
  for (let j = 0; j < p; j++) {
    const og = (T + j) * k;
    groupDot(out, og, s, j * n, d, ids, n);
    for (let g = 0; g < T; g++) out[g * k + T + j] = out[og + g];
  }
  const zz = crossProduct(s, n, p, d);
  for (let c = 0; c < p; c++) for (let r = 0; r < p; r++) out[(T + c) * k + T + r] = zz[c * p + r];
  scaleGroups(out, k, T, invSqrtW);
  return out;
}

/**
 * out[og + g] += Σ_{i: idsᵢ = g} a[oa + i]·bᵢ (bᵢ = 1 when b is null). A run of rows in one group (all of them with a
 * single group) is summed in a register and stored once: a read–add–write chain through one slot
 * of memory would serialise the loop.
 */
function groupDot(out: Float64Array, og: number, a: Float64Array, oa: number, b: Float64Array | null, ids: Int32Array, n: number): void {
  if (n === 0) return;
  let cur = ids[0];
  let acc = 0;
  for (let i = 0; i < n; i++) {
    const g = ids[i];
    if (g !== cur) {
      out[og + cur] += acc;
      acc = 0;
      cur = g;
    }
    acc += b ? a[oa + i] * b[i] : a[oa + i];
  }
  out[og + cur] += acc;
}

/** Ω = Σ_c (Σ_{i∈c} sᵢ)(Σ_{i∈c} sᵢ)ᵀ in the Q basis: per-cluster score sums, brought into the Q
 *  basis (group part times 1/√W_g, Z part by a solve with R_Z), then their cross product. */
function groupedMeatCluster(
  zt: Float64Array,
  w: Float64Array | null,
  u: Float64Array,
  ids: Int32Array,
  cl: Int32Array,
  nG: number,
  n: number,
  T: number,
  p: number,
  rz: Float64Array,
  invSqrtW: Float64Array,
): Float64Array {
  const k = T + p;
  const s = new Float64Array(nG * k);
  const wu = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = (w ? w[i] : 1) * u[i];
    wu[i] = v;
    s[ids[i] * nG + cl[i]] += v;
  }
  // Rows of one cluster are usually adjacent (panels sorted by unit): sum a run in registers and
  // store once per run, instead of a load–add–store chain through memory on every row; four
  // columns at a time give four independent chains.
  let j = 0;
  for (; j + 3 < p; j += 4) {
    const o1 = j * n;
    const o2 = o1 + n;
    const o3 = o2 + n;
    const o4 = o3 + n;
    const s1 = (T + j) * nG;
    const s2 = s1 + nG;
    const s3 = s2 + nG;
    const s4 = s3 + nG;
    let cur = n > 0 ? cl[0] : 0;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    let a4 = 0;
    for (let i = 0; i < n; i++) {
      const c = cl[i];
      if (c !== cur) {
        s[s1 + cur] += a1;
        s[s2 + cur] += a2;
        s[s3 + cur] += a3;
        s[s4 + cur] += a4;
        a1 = 0;
        a2 = 0;
        a3 = 0;
        a4 = 0;
        cur = c;
      }
      const v = wu[i];
      a1 += zt[o1 + i] * v;
      a2 += zt[o2 + i] * v;
      a3 += zt[o3 + i] * v;
      a4 += zt[o4 + i] * v;
    }
    s[s1 + cur] += a1;
    s[s2 + cur] += a2;
    s[s3 + cur] += a3;
    s[s4 + cur] += a4;
  }
  for (; j < p; j++) {
    const oz = j * n;
    const os = (T + j) * nG;
    for (let i = 0; i < n; i++) s[os + cl[i]] += zt[oz + i] * wu[i];
  }
  for (let g = 0; g < T; g++) {
    const og = g * nG;
    for (let c = 0; c < nG; c++) s[og + c] *= invSqrtW[g];
  }
  toQBasis(s.subarray(T * nG), nG, rz, p);
  return crossProduct(s, nG, k);
}

/**
 * Names a dependency between `cols` (in the design's order) and the group part c_g (the dependent
 * column's remainder per group): the intercept when the base group's value is not negligible, a year
 * dummy when its group differs from the base.
 */
function groupCollinear(input: DesignInput, cols: number[], c: Float64Array, scale: number, rank: number): DesignFailure {
  const { names, intercept, n, k } = input;
  const groups = input.groups as NonNullable<DesignInput['groups']>;
  let mag = 0;
  for (let g = 0; g < c.length; g++) mag = Math.max(mag, Math.abs(c[g]));
  const involved = new Set(cols);
  // Relative to the larger of the group parts and the dependent column's own scale (its raw RMS):
  // rounding leaves ~1e-17·scale in c when the dependency has no group part at all, and with a
  // single group (the intercept alone) there is no other group part to compare with.
  const negligible = COEF_NEGLIGIBLE * Math.max(mag, scale, 1e-300);
  if (Math.abs(c[0]) > negligible) involved.add(intercept);
  groups.dummyColumns.forEach((col, g) => {
    if (Math.abs(c[g + 1] - c[0]) > negligible) involved.add(col);
  });
  const collinear = [...involved].sort((p, q) => p - q).map((j) => (names[j] === INTERCEPT ? 'intercept' : names[j]));
  const list = collinear.join(', ');
  return fail(
    'collinear',
    `Variablene er perfekt kolineære (lineært avhengige): ${list}. Fjern en av dem.`,
    `The variables are perfectly collinear (linearly dependent): ${list}. Remove one of them.`,
    n,
    k,
    { rank, collinear },
  );
}
