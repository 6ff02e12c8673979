/**
 * Least squares with an indicator partition (intercept + year dummies) partialled out, as
 * Frisch–Waugh–Lovell allows: demean the other columns and y by group, QR on those p columns only,
 * then rebuild the group coefficients and the full R = [[diag √W_g, √W_g·z̄_g], [0, R_Z]] of the
 * design ordered (group indicators, others). The pooled design with 9 year dummies thereby costs a
 * QR of 3 570×12 instead of 3 570×22. Returns null when the error bound asks for refinement, which
 * only the dense path does.
 */
import { columnNorms, householderQr, invertR, solveR, applyQ, applyQt, DEFAULT_RANK_TOL } from '../linalg/qr';
import { congruence, crossInverse, invertUpper } from '../linalg/dense';
import { COEF_NEGLIGIBLE, crossProduct, fail, INTERCEPT, needsRefinement, type DesignFailure, type DesignInput, type Solved } from './fit';

let scratch = new Float64Array(0);

export function solveGrouped(input: DesignInput, sw: Float64Array | null): Solved | DesignFailure | null {
  const { x, n, k, y, intercept } = input;
  const groups = input.groups as NonNullable<DesignInput['groups']>;
  const { ids, count: T, dummyColumns } = groups;
  const w = input.weights ?? null;
  const tol = input.tol ?? DEFAULT_RANK_TOL;
  const isGroupCol = new Uint8Array(k);
  isGroupCol[intercept] = 1;
  for (const c of dummyColumns) isGroupCol[c] = 1;
  const zc: number[] = [];
  for (let c = 0; c < k; c++) if (!isGroupCol[c]) zc.push(c);
  const p = zc.length;

  const wg = new Float64Array(T);
  for (let i = 0; i < n; i++) wg[ids[i]] += w ? w[i] : 1;
  const zbar = new Float64Array(T * p); // zbar[j*T + g]
  const ybar = new Float64Array(T);
  for (let i = 0; i < n; i++) ybar[ids[i]] += (w ? w[i] : 1) * y[i];
  for (let g = 0; g < T; g++) ybar[g] /= wg[g];
  if (scratch.length < n * p) scratch = new Float64Array(n * p);
  const a = scratch.length === n * p ? scratch : scratch.subarray(0, n * p);
  const rawNorm = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    const o = zc[j] * n;
    const m = zbar.subarray(j * T, j * T + T);
    let raw = 0;
    if (w) for (let i = 0; i < n; i++) m[ids[i]] += w[i] * x[o + i];
    else for (let i = 0; i < n; i++) m[ids[i]] += x[o + i];
    for (let g = 0; g < T; g++) m[g] /= wg[g];
    const oa = j * n;
    if (sw) {
      for (let i = 0; i < n; i++) {
        const v = x[o + i] * sw[i];
        raw += v * v;
        a[oa + i] = (x[o + i] - m[ids[i]]) * sw[i];
      }
    } else {
      for (let i = 0; i < n; i++) {
        const v = x[o + i];
        raw += v * v;
        a[oa + i] = v - m[ids[i]];
      }
    }
    rawNorm[j] = Math.sqrt(raw);
  }
  const norms = columnNorms(a, n, p);
  for (let j = 0; j < p; j++) {
    if (!(norms[j] > tol * rawNorm[j])) {
      // Constant within every group: a combination of the intercept and the dummies.
      return groupCollinear(input, [zc[j]], zbar.slice(j * T, j * T + T));
    }
  }
  const qr = householderQr(a, n, p, tol, norms);
  if (qr.rank < p) {
    const dep = qr.firstDeficient as NonNullable<typeof qr.firstDeficient>;
    const cols: number[] = [];
    const c = Float64Array.from(zbar.subarray(dep.column * T, dep.column * T + T));
    let depNorm = 0;
    dep.accepted.forEach((col, pos) => {
      const v = Math.abs(dep.coef[pos]) * norms[col];
      depNorm = Math.max(depNorm, v);
    });
    dep.accepted.forEach((col, pos) => {
      if (Math.abs(dep.coef[pos]) * norms[col] > COEF_NEGLIGIBLE * depNorm) cols.push(zc[col]);
      for (let g = 0; g < T; g++) c[g] -= dep.coef[pos] * zbar[col * T + g];
    });
    cols.push(zc[dep.column]);
    return groupCollinear(input, cols, c);
  }

  const yv = new Float64Array(n);
  if (sw) for (let i = 0; i < n; i++) yv[i] = (y[i] - ybar[ids[i]]) * sw[i];
  else for (let i = 0; i < n; i++) yv[i] = y[i] - ybar[ids[i]];
  const ty = Float64Array.from(yv);
  applyQt(qr, ty);
  const bz = solveR(qr, ty);
  for (let i = 0; i < p; i++) ty[i] = 0;
  applyQ(qr, ty);
  const rinvZ = invertR(qr);
  if (needsRefinement(qr, rinvZ, bz, ty, yv, n)) return null;
  let rss = 0;
  for (let i = 0; i < n; i++) rss += ty[i] * ty[i];
  const u = ty;
  if (sw) for (let i = 0; i < n; i++) u[i] /= sw[i];

  // Group coefficients γ_g = ȳ_g − z̄_gᵀ b_Z, then the reporting parametrisation.
  const gamma = Float64Array.from(ybar);
  for (let j = 0; j < p; j++) for (let g = 0; g < T; g++) gamma[g] -= zbar[j * T + g] * bz[j];
  const b = new Float64Array(k);
  b[intercept] = gamma[0];
  dummyColumns.forEach((c, g) => (b[c] = gamma[g + 1] - gamma[0]));
  zc.forEach((c, j) => (b[c] = bz[j]));

  // Full R in the order (groups, others), its inverse and the bread.
  const r = new Float64Array(k * k);
  for (let g = 0; g < T; g++) {
    const s = Math.sqrt(wg[g]);
    r[g * k + g] = s;
    for (let j = 0; j < p; j++) r[(T + j) * k + g] = s * zbar[j * T + g];
  }
  for (let j = 0; j < p; j++) {
    for (let i = 0; i < j; i++) r[(T + j) * k + T + i] = qr.a[j * n + i];
    r[(T + j) * k + T + j] = qr.rdiag[j];
  }
  const bread = crossInverse(invertUpper(r, k), k);
  // Reporting order from (groups, others): intercept = γ_0, dummy_g = γ_g − γ_0.
  const tmap = new Float64Array(k * k);
  tmap[0 * k + intercept] = 1;
  dummyColumns.forEach((c, g) => {
    tmap[(g + 1) * k + c] = 1;
    tmap[0 * k + c] = -1;
  });
  zc.forEach((c, j) => (tmap[(T + j) * k + c] = 1));

  return {
    b,
    u,
    rss,
    bread,
    meat: (se, res, nClusters) => {
      const rows = se === 'hc1' ? n : nClusters;
      const cl = se === 'hc1' ? null : (input.clusters as Int32Array);
      const s = new Float64Array(rows * k);
      const wu = new Float64Array(n);
      for (let i = 0; i < n; i++) wu[i] = (w ? w[i] : 1) * res[i];
      for (let i = 0; i < n; i++) {
        const row = cl ? cl[i] : i;
        s[ids[i] * rows + row] += wu[i];
      }
      for (let j = 0; j < p; j++) {
        const o = zc[j] * n;
        const os = (T + j) * rows;
        if (cl) for (let i = 0; i < n; i++) s[os + cl[i]] += x[o + i] * wu[i];
        else for (let i = 0; i < n; i++) s[os + i] = x[o + i] * wu[i];
      }
      return crossProduct(s, rows, k);
    },
    toReported: (v) => congruence(tmap, v, k),
  };
}

/**
 * Names a dependency between `cols` (in the design's order) and the group part c_g (the dependent
 * column's remainder per group): the intercept when the base group's value is not negligible, a year
 * dummy when its group differs from the base.
 */
function groupCollinear(input: DesignInput, cols: number[], c: Float64Array): DesignFailure {
  const { names, intercept, n, k } = input;
  const groups = input.groups as NonNullable<DesignInput['groups']>;
  let mag = 0;
  for (let g = 0; g < c.length; g++) mag = Math.max(mag, Math.abs(c[g]));
  const involved = new Set(cols);
  const negligible = COEF_NEGLIGIBLE * Math.max(mag, 1e-300);
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
    { collinear },
  );
}
