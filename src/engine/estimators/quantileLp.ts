/**
 * Exact quantile regression: minimise Σ ρ_τ(yᵢ − xᵢᵀb), ρ_τ(r) = r·(τ − 1{r < 0}), as the linear
 * programme it is. The optimum sits at a vertex where k observations (the basis) have residual 0,
 * b = X_B⁻¹y_B. Like Barrodale and Roberts' simplex (quantreg's method "br", Stata's qreg), the
 * solver walks from vertex to vertex: at a vertex it prices releasing each basic observation up or
 * down; when one release lowers the objective it moves along that edge to the minimum of the
 * (convex, piecewise-linear) objective on the line — a weighted median of the points where
 * residuals change sign, possibly passing several vertices in one step, as BR's does — and swaps
 * that observation into the basis. Own implementation: no JavaScript LP library is exact, typed and
 * small; quantreg's Fortran is GPL.
 *
 * Where the optimum is not unique (an edge of zero cost at the optimum; quantreg warns "Solution may
 * be nonunique") `nonunique` is set: any point of the optimal face fits equally well, and another
 * program may return another one.
 */

import { invertGeneral } from '../linalg/dense';

export interface QuantileLpSolution {
  b: Float64Array;
  /** y − Xb; exactly 0 for the basic observations. */
  residuals: Float64Array;
  basis: Int32Array;
  objective: number;
  iterations: number;
  nonunique: boolean;
}

export type QuantileLpFailure = { failure: 'rank'; iterations: 0 } | { failure: 'no-convergence'; iterations: number };

const PRICE_TOL = 1e-9;

export function solveQuantileLp(
  x: Float64Array,
  n: number,
  k: number,
  y: Float64Array,
  tau: number,
  maxIterations = Math.max(1000, 50 * n),
): QuantileLpSolution | QuantileLpFailure {
  const basis = initialBasis(x, n, k, y);
  if (!basis) return { failure: 'rank', iterations: 0 };
  const isBasic = new Uint8Array(n);
  for (const i of basis) isBasic[i] = 1;
  let binv = invertRows(x, n, k, basis);
  if (!binv) return { failure: 'rank', iterations: 0 };
  let b = solveVertex(binv, y, basis, k);
  const r = new Float64Array(n);
  const g = new Float64Array(k);
  const z = new Float64Array(k);
  const d = new Float64Array(k);
  const v = new Float64Array(n);
  const brk = new Float64Array(n);
  const order = new Int32Array(n);
  const row = new Float64Array(k);
  let yScale = 0;
  for (let i = 0; i < n; i++) yScale = Math.max(yScale, Math.abs(y[i]));
  const zeroTol = 1e-13 * (yScale || 1);
  let iterations = 0;
  let stalled = false;
  for (;;) {
    residuals(x, n, k, y, b, r);
    for (const i of basis) r[i] = 0;
    // g = Σ_{nonbasic} ψ_τ(rᵢ)·xᵢ; z = X_B⁻ᵀg: releasing basic position p so that its residual
    // goes down (negative) costs (1 − τ) − z_p per unit, up costs τ + z_p.
    g.fill(0);
    for (let c = 0; c < k; c++) {
      const o = c * n;
      let s = 0;
      for (let i = 0; i < n; i++) {
        if (isBasic[i]) continue;
        const ri = r[i];
        if (ri > zeroTol) s += tau * x[o + i];
        else if (ri < -zeroTol) s += (tau - 1) * x[o + i];
      }
      g[c] = s;
    }
    for (let p = 0; p < k; p++) {
      let s = 0;
      for (let m = 0; m < k; m++) s += binv[m * k + p] * g[m];
      z[p] = s;
    }
    // Candidate edges, cheapest first (Bland's smallest index after a step that made no progress,
    // so that degenerate vertices cannot cycle).
    const candidates: { p: number; sigma: number; cost: number }[] = [];
    for (let p = 0; p < k; p++) {
      const down = 1 - tau - z[p];
      const up = tau + z[p];
      if (down < -PRICE_TOL) candidates.push({ p, sigma: 1, cost: down });
      if (up < -PRICE_TOL) candidates.push({ p, sigma: -1, cost: up });
    }
    if (stalled) candidates.sort((a, c) => basis[a.p] - basis[c.p] || a.sigma - c.sigma);
    else candidates.sort((a, c) => a.cost - c.cost);
    let moved = false;
    for (const cand of candidates) {
      // d = σ·X_B⁻¹e_p (column p of X_B⁻¹; binv is stored row-major by basis position: binv[m*k + p]).
      for (let m = 0; m < k; m++) d[m] = cand.sigma * binv[m * k + cand.p];
      directionValues(x, n, k, d, v);
      for (let q = 0; q < k; q++) v[basis[q]] = q === cand.p ? cand.sigma : 0;
      // Slope of the objective at t = 0+: the priced cost plus, for nonbasic residuals that are
      // already 0 (a degenerate vertex), ρ_τ(−vᵢ) ≥ 0.
      let slope = cand.cost;
      let nb = 0;
      for (let i = 0; i < n; i++) {
        if (isBasic[i] || v[i] === 0) continue;
        const ri = r[i];
        if (Math.abs(ri) <= zeroTol) {
          const u = -v[i];
          slope += u * (tau - (u < 0 ? 1 : 0));
          continue;
        }
        const t = ri / v[i];
        if (t > 0) {
          brk[i] = t;
          order[nb++] = i;
        }
      }
      if (slope >= -PRICE_TOL) continue;
      const ord = Array.from(order.subarray(0, nb)).sort((a, c) => brk[a] - brk[c] || a - c);
      let enter = -1;
      for (const i of ord) {
        slope += Math.abs(v[i]);
        if (slope >= 0) {
          enter = i;
          break;
        }
      }
      if (enter < 0) continue; // cannot happen for 0 < τ < 1 with X of full rank
      const step = brk[enter];
      const leave = basis[cand.p];
      isBasic[leave] = 0;
      isBasic[enter] = 1;
      basis[cand.p] = enter;
      for (let c = 0; c < k; c++) row[c] = x[c * n + enter];
      iterations++;
      if (iterations % 32 === 0) {
        const fresh = invertRows(x, n, k, basis);
        if (!fresh) return { failure: 'rank', iterations: 0 };
        binv = fresh;
      } else updateInverse(binv, k, cand.p, row);
      b = solveVertex(binv, y, basis, k);
      stalled = !(step > 0);
      moved = true;
      break;
    }
    if (!moved) break;
    if (iterations >= maxIterations) return { failure: 'no-convergence', iterations };
  }
  // Final vertex from a fresh factorisation, and its residuals.
  const final = invertRows(x, n, k, basis);
  if (!final) return { failure: 'rank', iterations: 0 };
  b = solveVertex(final, y, basis, k);
  residuals(x, n, k, y, b, r);
  const out = Float64Array.from(r);
  for (const i of basis) r[i] = 0;
  let objective = 0;
  for (let i = 0; i < n; i++) objective += r[i] * (tau - (r[i] < 0 ? 1 : 0));
  // Non-unique when an edge out of the optimum costs nothing: moving along it keeps the objective.
  let nonunique = false;
  g.fill(0);
  for (let c = 0; c < k; c++) {
    let s = 0;
    for (let i = 0; i < n; i++) {
      if (isBasic[i]) continue;
      if (r[i] > zeroTol) s += tau * x[c * n + i];
      else if (r[i] < -zeroTol) s += (tau - 1) * x[c * n + i];
    }
    g[c] = s;
  }
  for (let p = 0; p < k; p++) {
    let s = 0;
    for (let m = 0; m < k; m++) s += final[m * k + p] * g[m];
    if (Math.abs(1 - tau - s) < 1e-7 || Math.abs(tau + s) < 1e-7) nonunique = true;
  }
  return { b, residuals: out, basis, objective, iterations, nonunique };
}

function residuals(x: Float64Array, n: number, k: number, y: Float64Array, b: Float64Array, r: Float64Array): void {
  r.set(y.subarray(0, n));
  for (let c = 0; c < k; c++) {
    const bc = b[c];
    const o = c * n;
    for (let i = 0; i < n; i++) r[i] -= x[o + i] * bc;
  }
}

function directionValues(x: Float64Array, n: number, k: number, d: Float64Array, v: Float64Array): void {
  v.fill(0);
  for (let c = 0; c < k; c++) {
    const dc = d[c];
    if (dc === 0) continue;
    const o = c * n;
    for (let i = 0; i < n; i++) v[i] += x[o + i] * dc;
  }
}

/**
 * Start at a vertex near the middle of the data: the observations closest to the least-squares fit
 * (smallest |residual|) that are linearly independent, chosen greedily by Gram–Schmidt on the rows.
 */
function initialBasis(x: Float64Array, n: number, k: number, y: Float64Array): Int32Array | null {
  // Least squares by the normal equations is good enough for a starting point (the LP does the rest).
  const xtx = new Float64Array(k * k);
  const xty = new Float64Array(k);
  for (let a = 0; a < k; a++) {
    for (let c = a; c < k; c++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += x[a * n + i] * x[c * n + i];
      xtx[a * k + c] = s;
      xtx[c * k + a] = s;
    }
    let s = 0;
    for (let i = 0; i < n; i++) s += x[a * n + i] * y[i];
    xty[a] = s;
  }
  const b0 = solveDense(xtx, xty, k) ?? new Float64Array(k);
  const r = new Float64Array(n);
  residuals(x, n, k, y, b0, r);
  const idx = Array.from({ length: n }, (_, i) => i).sort((a, c) => Math.abs(r[a]) - Math.abs(r[c]) || a - c);
  const q: Float64Array[] = [];
  const chosen: number[] = [];
  const row = new Float64Array(k);
  for (const i of idx) {
    let norm0 = 0;
    for (let c = 0; c < k; c++) {
      row[c] = x[c * n + i];
      norm0 += row[c] * row[c];
    }
    if (norm0 === 0) continue;
    for (let pass = 0; pass < 2; pass++) {
      for (const e of q) {
        let s = 0;
        for (let c = 0; c < k; c++) s += e[c] * row[c];
        for (let c = 0; c < k; c++) row[c] -= s * e[c];
      }
    }
    let norm = 0;
    for (let c = 0; c < k; c++) norm += row[c] * row[c];
    if (norm <= 1e-16 * norm0) continue;
    const inv = 1 / Math.sqrt(norm);
    q.push(Float64Array.from(row, (v) => v * inv));
    chosen.push(i);
    if (chosen.length === k) return Int32Array.from(chosen);
  }
  return null;
}

/** (X_B)⁻¹ by Gaussian elimination with partial pivoting; row p of X_B is observation basis[p].
 *  Returned row-major: inv[m*k + p] = (X_B⁻¹)_{m,p}. Null when singular. */
function invertRows(x: Float64Array, n: number, k: number, basis: Int32Array): Float64Array | null {
  const a = new Float64Array(k * k); // row-major X_B
  for (let p = 0; p < k; p++) for (let c = 0; c < k; c++) a[p * k + c] = x[c * n + basis[p]];
  return invertGeneral(a, k);
}

function solveDense(a: Float64Array, rhs: Float64Array, k: number): Float64Array | null {
  const inv = invertGeneral(a, k);
  if (!inv) return null;
  const out = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let s = 0;
    for (let j = 0; j < k; j++) s += inv[i * k + j] * rhs[j];
    out[i] = s;
  }
  return out;
}

/** b = X_B⁻¹y_B. */
function solveVertex(binv: Float64Array, y: Float64Array, basis: Int32Array, k: number): Float64Array {
  const b = new Float64Array(k);
  for (let m = 0; m < k; m++) {
    let s = 0;
    for (let p = 0; p < k; p++) s += binv[m * k + p] * y[basis[p]];
    b[m] = s;
  }
  return b;
}

/**
 * Row p of X_B replaced by `row` (Sherman–Morrison): with u = X_B⁻¹ column p and
 * s = rowᵀ·X_B⁻¹ (a row vector), X_B'⁻¹ = X_B⁻¹ − u·(s − e_p)ᵀ / s_p.
 */
function updateInverse(binv: Float64Array, k: number, p: number, row: Float64Array): void {
  const s = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    let acc = 0;
    for (let m = 0; m < k; m++) acc += row[m] * binv[m * k + c];
    s[c] = acc;
  }
  const sp = s[p];
  s[p] -= 1;
  const u = new Float64Array(k);
  for (let m = 0; m < k; m++) u[m] = binv[m * k + p] / sp;
  for (let m = 0; m < k; m++) {
    const um = u[m];
    if (um === 0) continue;
    for (let c = 0; c < k; c++) binv[m * k + c] -= um * s[c];
  }
}
