/**
 * Median and quantile regression (SINTEF 2014's "medianregresjon", Stata `qreg`, R `quantreg::rq`):
 * the exact LP solution (quantileLp.ts) with one of two documented standard errors, both exactly as
 * R's quantreg::summary.rq computes them (quantreg 5.94):
 *
 *  * se = "iid" (our `classical`): cov = τ(1 − τ)·ŝ²·(XᵀX)⁻¹, the sparsity ŝ = 1/f(F⁻¹(τ)) being the
 *    slope of a median regression of the sorted residuals ranked h + 1 past the zero ones on their
 *    ranks/(n − k), h = max(k + 1, ⌈n·bw⌉) with the Hall–Sheather bandwidth bw. Assumes errors
 *    independent of x. Stata's qreg default vce(iid) estimates the same sparsity another way
 *    (its "fitted" method), so its SEs differ somewhat.
 *  * se = "ker" (our `hc1`): Powell's kernel sandwich τ(1 − τ)·H⁻¹(XᵀX)H⁻¹, H = Σ fᵢxᵢxᵢᵀ with a
 *    Gaussian kernel fᵢ = φ(uᵢ/h)/h, h = (Φ⁻¹(τ + bw) − Φ⁻¹(τ − bw))·min(sd(u), IQR(u)/1.34):
 *    robust to heteroskedasticity (comparable to Stata's vce(robust)).
 *
 * t on n − k degrees of freedom, as summary.rq.
 */
import { problem } from '../problem';
import { fitDesign, type DesignOutcome } from '../ols/fit';
import { covariance, meatInQBasis, reportingRoot, upperR } from '../ols/sandwich';
import { lstsq } from '../linalg/lstsq';
import { quantileSorted } from '../describe/quantile';
import { normalDensity, normalQuantile, pValueT, tCritical } from '../ols/inference';
import type { Coefficient, QuantileInfo } from '../model/types';
import { solveQuantileLp } from './quantileLp';

export interface QuantileInput {
  x: Float64Array;
  n: number;
  k: number;
  y: Float64Array;
  names: string[];
  intercept: number;
  level?: number;
}

export interface QuantileResult {
  outcome: DesignOutcome;
  info: QuantileInfo | null;
}

/** quantreg's eps in summary.rq: residuals below √ε count as zero (the basic observations). */
const ZERO_RESIDUAL = Math.sqrt(2.220446049250313e-16);

/** Hall–Sheather (1988) bandwidth as quantreg::bandwidth.rq(p, n, hs = TRUE, alpha = 0.05). */
export function hallSheather(tau: number, n: number, alpha = 0.05): number {
  const x0 = normalQuantile(tau);
  const f0 = normalDensity(x0);
  return n ** (-1 / 3) * normalQuantile(1 - alpha / 2) ** (2 / 3) * ((1.5 * f0 * f0) / (2 * x0 * x0 + 1)) ** (1 / 3);
}

export function fitQuantile(input: QuantileInput, tau: number, seMethod: 'iid' | 'ker'): QuantileResult {
  const { x, n, k, y, names, intercept } = input;
  const refuse = (outcome: DesignOutcome): QuantileResult => ({ outcome, info: null });
  if (!(tau > 0 && tau < 1)) {
    return refuse({
      ok: false,
      problem: problem('invalid-tau', `Kvantilen τ må ligge mellom 0 og 1 (fikk ${tau}).`, `The quantile τ must lie between 0 and 1 (got ${tau}).`),
      n,
      k,
    });
  }
  // Too few observations and collinear variables: the OLS refusal, with the variables named.
  const ols = fitDesign({ x, n, k, y, names, intercept, se: 'classical', residuals: false });
  if (!ols.ok) return refuse(ols);
  const lp = solveQuantileLp(x, n, k, y, tau);
  if ('failure' in lp) {
    return refuse({
      ok: false,
      problem: problem(
        'no-convergence',
        `Kvantilregresjonen fant ikke optimum etter ${lp.iterations} iterasjoner.`,
        `The quantile regression did not reach the optimum after ${lp.iterations} iterations.`,
      ),
      n,
      k,
    });
  }
  const u = lp.residuals;
  const bw = hallSheather(tau, n);
  let nonunique = lp.nonunique;
  let vcov: Float64Array;
  if (seMethod === 'iid') {
    const ls = lstsq(x, n, k, y);
    if (!ls) return refuse(ols);
    const sparsity = sparsityIid(u, n, k, bw);
    if (sparsity.nonunique) nonunique = true;
    // f·(XᵀX)⁻¹ from R (ols/sandwich.ts: the one home of covariances from QR factors).
    vcov = covariance(reportingRoot(upperR(ls.qr), k, null), null, k, sparsity.value * sparsity.value * tau * (1 - tau));
  } else {
    let h = bw;
    while (tau - h < 0 || tau + h > 1) h /= 2;
    const sorted = Float64Array.from(u).sort();
    let mean = 0;
    for (let i = 0; i < n; i++) mean += u[i];
    mean /= n;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (u[i] - mean) ** 2;
    const sd = Math.sqrt(ss / (n - 1));
    const iqr = (quantileSorted(sorted, 0.75) - quantileSorted(sorted, 0.25)) / 1.34;
    const hk = (normalQuantile(tau + h) - normalQuantile(tau - h)) * Math.min(sd, iqr);
    const f = new Float64Array(n);
    for (let i = 0; i < n; i++) f[i] = normalDensity(u[i] / hk) / hk;
    const weighted = lstsq(x, n, k, y, f);
    if (!weighted) {
      return refuse({
        ok: false,
        problem: problem(
          'kernel-singular',
          'Kjerneestimatet av tettheten er null for for mange observasjoner; bruk iid-standardfeil.',
          'The kernel density estimate is zero for too many observations; use iid standard errors.',
        ),
        n,
        k,
      });
    }
    // H⁻¹(XᵀX)H⁻¹ with H = RᵀR of √f·X, from the QR factors (ols/sandwich.ts): the rows of X are
    // the scores, brought into H's Q basis before their cross product.
    const rh = upperR(weighted.qr);
    const omega = meatInQBasis(Float64Array.from(x.subarray(0, n * k)), n, rh, k);
    vcov = covariance(reportingRoot(rh, k, null), omega, k, tau * (1 - tau));
  }
  const df = n - k;
  const crit = tCritical(df, input.level ?? 0.95);
  const coefficients: Coefficient[] = names.map((name, j) => {
    const se = Math.sqrt(vcov[j * k + j]);
    const t = lp.b[j] / se;
    return { name, estimate: lp.b[j], se, t, p: pValueT(t, df), ciLow: lp.b[j] - crit * se, ciHigh: lp.b[j] + crit * se };
  });
  const sortedY = Float64Array.from(y.subarray(0, n)).sort();
  const q = sortedY[Math.max(0, Math.ceil(n * tau) - 1)];
  let raw = 0;
  for (let i = 0; i < n; i++) {
    const r = y[i] - q;
    raw += r * (tau - (r < 0 ? 1 : 0));
  }
  const info: QuantileInfo = {
    kind: 'quantile',
    tau,
    seMethod,
    bandwidth: bw,
    objective: lp.objective,
    pseudoR2: raw > 0 ? 1 - lp.objective / raw : NaN,
    iterations: lp.iterations,
    nonunique,
  };
  return {
    outcome: {
      ok: true,
      n,
      k,
      dfResid: df,
      dfT: df,
      r2: NaN,
      adjR2: NaN,
      rmse: NaN,
      f: null,
      se: seMethod === 'iid' ? 'classical' : 'hc1',
      coefficients,
      vcov,
    },
    info,
  };
}

/**
 * quantreg's iid sparsity: residuals ordered by size, the ones ranked pz + 1 … pz + h + 1 past the
 * pz (near-)zero ones, sorted by value, regressed (median regression) on rank/(n − k).
 */
function sparsityIid(u: Float64Array, n: number, k: number, bw: number): { value: number; nonunique: boolean } {
  let pz = 0;
  for (let i = 0; i < n; i++) if (Math.abs(u[i]) < ZERO_RESIDUAL) pz++;
  const h = Math.max(k + 1, Math.ceil(n * bw));
  const byAbs = Array.from({ length: n }, (_, i) => i).sort((a, b) => Math.abs(u[a]) - Math.abs(u[b]) || a - b);
  const m = Math.min(h + 1, n - pz);
  const vals = new Float64Array(m);
  const xt = new Float64Array(2 * m).fill(1, 0, m);
  for (let j = 0; j < m; j++) {
    const rank = pz + 1 + j; // 1-based, as R's ir
    vals[j] = u[byAbs[rank - 1]];
    xt[m + j] = rank / (n - k);
  }
  vals.sort();
  const fit = solveQuantileLp(xt, m, 2, vals, 0.5);
  if ('failure' in fit) return { value: NaN, nonunique: false };
  return { value: fit.b[1], nonunique: fit.nonunique };
}
