/**
 * Robust regression as Stata's `rreg` (SINTEF 2014's "vektet robust regresjon"), following the
 * documented algorithm ([R] rreg, Methods and formulas; Hamilton 1991) with the constants of the
 * shipped rreg.ado where the manual rounds them. The R transcription it is tested against, and
 * Stata's own output it reproduces, are in test/oracle/estimators.
 *
 *  1. OLS; observations with Cook's D > 1 are left out (gross outliers, before any weighting).
 *  2. Huber weights w = min(1, 2M/|e|), M = median |e − median(e)|, refitted by weighted least
 *     squares until no weight changes by more than 5·tolerance.
 *  3. Biweights w = (1 − (e/(c·s))²)² inside |e| < c·s, s = M/0.6745, c = 4.685·tune/7, until no
 *     weight changes by more than tolerance (at least one step). Huber first because the biweight
 *     alone may converge to a poor local solution; the biweight then gives gross outliers weight 0.
 *  4. Standard errors from Street, Carroll and Ruppert's (1988) pseudo-values
 *     y* = Xb + (λ/ā)·w·e, ā = mean ψ'(e/s), λ = 1 + (K/N_w)(1 − ā)/ā (N_w = nonzero weights):
 *     the classical OLS covariance of y* on X, which is the table rreg prints (df = N − K).
 */
import { problem } from '../problem';
import { fitDesign, type DesignOutcome } from '../ols/fit';
import { leverage, lstsq } from '../linalg/lstsq';
import { median } from '../describe/quantile';
import type { RobustInfo } from '../model/types';

export interface RobustInput {
  /** Column-major n×k design with every column (intercept included). */
  x: Float64Array;
  n: number;
  k: number;
  y: Float64Array;
  names: string[];
  intercept: number;
  level?: number;
}

export interface RobustOptions {
  /** Biweight tuning constant in Stata's units (default 7: weight 0 beyond about 7 MAD). */
  tune?: number;
  /** Largest change in a weight that counts as converged (default 0.01, as rreg). */
  tolerance?: number;
  /** Huber and biweight iterations together (default 300). */
  maxIterations?: number;
}

export interface RobustResult {
  outcome: DesignOutcome;
  /** Positions (rows of the input design) kept after the Cook's D screen, ascending. */
  kept: Int32Array | null;
  info: Omit<RobustInfo, 'screened'> & { screened: number[] } | null;
}

export const RREG_TUNE = 7;
export const RREG_TOLERANCE = 0.01;
const BIWEIGHT_C = 4.685;
const MAD_TO_SD = 0.6745;

export function fitRobust(input: RobustInput, opts: RobustOptions = {}): RobustResult {
  const { n, k, names, intercept } = input;
  const tune = opts.tune ?? RREG_TUNE;
  const tol = opts.tolerance ?? RREG_TOLERANCE;
  const maxIt = opts.maxIterations ?? 300;
  const c = (BIWEIGHT_C * tune) / 7;
  const refuse = (outcome: DesignOutcome): RobustResult => ({ outcome, kept: null, info: null });

  // 1. OLS through fitDesign, so that too few observations and collinearity are refused with the
  //    same messages (and variable names) as an OLS model.
  const ols = fitDesign({ x: input.x, n, k, y: input.y, names, intercept, se: 'classical', residuals: true });
  if (!ols.ok) return refuse(ols);
  const full = lstsq(input.x, n, k, input.y);
  if (!full) return refuse(ols);
  const h = leverage(input.x, n, k, full.qr);
  const e0 = full.residuals;
  let rss = 0;
  for (let i = 0; i < n; i++) rss += e0[i] * e0[i];
  const s2 = rss / (n - k);
  const keptList: number[] = [];
  const screened: number[] = [];
  for (let i = 0; i < n; i++) {
    const d = ((e0[i] * e0[i]) / (k * s2)) * (h[i] / ((1 - h[i]) * (1 - h[i])));
    if (d > 1) screened.push(i);
    else keptList.push(i);
  }
  const kept = Int32Array.from(keptList);
  const m = kept.length;
  const x = screened.length ? subsetRows(input.x, n, k, kept) : input.x;
  const y = screened.length ? Float64Array.from(kept, (i) => input.y[i]) : input.y;
  if (screened.length) {
    // The screen may leave too few rows, or a dummy with no ones left: refuse as OLS would, and say why.
    const again = fitDesign({ x, n: m, k, y, names, intercept, se: 'classical', residuals: false });
    if (!again.ok) {
      again.problem.message += ` (etter at ${screened.length} observasjon(er) med Cooks avstand over 1 ble utelatt)`;
      again.problem.messageEn += ` (after leaving out ${screened.length} observation(s) with Cook's distance above 1)`;
      return refuse(again);
    }
  }
  const start = lstsq(x, m, k, y);
  if (!start) return refuse(ols);
  let res = start.residuals;
  let w: Float64Array = new Float64Array(m).fill(1);
  const log: number[] = [];
  let it = 0;
  const noConvergence = (stage: string, stageEn: string): RobustResult =>
    refuse({
      ok: false,
      problem: problem(
        'no-convergence',
        `Robust regresjon konvergerte ikke: ${stage} endret seg fortsatt etter ${it} iterasjoner (største vektendring ${fmt(log[log.length - 1])}).`,
        `Robust regression did not converge: the ${stageEn} still changed after ${it} iterations (largest weight change ${fmt(log[log.length - 1])}).`,
      ),
      n: m,
      k,
    });
  const step = (next: Float64Array): RobustResult | null => {
    const sol = lstsq(x, m, k, y, next);
    if (!sol) {
      // Weights of 0 can leave the remaining rows collinear; name the variables as OLS would.
      const pos = Int32Array.from({ length: m }, (_, i) => i).filter((i) => next[i] > 0);
      const sub = fitDesign({ x: subsetRows(x, m, k, pos), n: pos.length, k, y: Float64Array.from(pos, (i) => y[i]), names, intercept, se: 'classical', residuals: false });
      return refuse(sub.ok ? ols : sub);
    }
    let mx = 0;
    for (let i = 0; i < m; i++) mx = Math.max(mx, Math.abs(next[i] - w[i]));
    log.push(mx);
    w = next;
    res = sol.residuals;
    return null;
  };

  // 2. Huber iterations.
  let mx = 1;
  while (mx > 5 * tol) {
    if (it >= maxIt) return noConvergence('Huber-vektene', 'Huber weights');
    it++;
    const mad = medianAbsDeviation(res, m);
    if (!(mad > 0)) return refuse(zeroScale(m, k));
    const next = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      const a = Math.abs(res[i]);
      next[i] = a > 2 * mad ? (2 * mad) / a : 1;
    }
    const stop = step(next);
    if (stop) return stop;
    mx = log[log.length - 1];
  }
  const huberIterations = it;

  // 3. Biweight iterations (at least one).
  let scale = NaN;
  let first = true;
  while (first || mx > tol) {
    if (it >= maxIt) return noConvergence('biweight-vektene', 'biweights');
    first = false;
    it++;
    scale = medianAbsDeviation(res, m) / MAD_TO_SD;
    if (!(scale > 0)) return refuse(zeroScale(m, k));
    const cut = c * scale;
    const next = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      const u = res[i] / cut;
      next[i] = Math.abs(u) < 1 ? (1 - u * u) * (1 - u * u) : 0;
    }
    const stop = step(next);
    if (stop) return stop;
    mx = log[log.length - 1];
  }

  // 4. Pseudo-values and their OLS.
  let abar = 0;
  let nNonzero = 0;
  for (let i = 0; i < m; i++) {
    const u = res[i] / scale;
    if (Math.abs(u) <= c) {
      const q = (u / c) * (u / c);
      abar += (1 - q) * (1 - 5 * q);
    }
    if (w[i] > 0) nNonzero++;
  }
  abar /= m;
  const lambda = 1 + (k / nNonzero) * ((1 - abar) / abar);
  const ystar = new Float64Array(m);
  for (let i = 0; i < m; i++) ystar[i] = y[i] - res[i] + (lambda / abar) * w[i] * res[i];
  const pv = fitDesign({ x, n: m, k, y: ystar, names, intercept, se: 'classical', residuals: false, level: input.level });
  if (!pv.ok) return refuse(pv);
  // R² of the pseudo-values is not a measure of fit (Stata's e(r2) after rreg; UCLA FAQ): none.
  const outcome: DesignOutcome = { ...pv, r2: NaN, adjR2: NaN };
  return {
    outcome,
    kept,
    info: {
      kind: 'robust',
      tune,
      tolerance: tol,
      huberIterations,
      biweightIterations: it - huberIterations,
      log,
      scale,
      lambda,
      nNonzero,
      screened,
      weights: w,
    },
  };
}

function medianAbsDeviation(res: Float64Array, m: number): number {
  const med = median(res, m);
  const dev = new Float64Array(m);
  for (let i = 0; i < m; i++) dev[i] = Math.abs(res[i] - med);
  return median(dev, m);
}

function zeroScale(n: number, k: number): DesignOutcome {
  return {
    ok: false,
    problem: problem(
      'zero-scale',
      'Robust regresjon kan ikke beregnes: minst halvparten av observasjonene ligger eksakt på regresjonsflaten, så spredningen (MAD) er 0.',
      'Robust regression cannot be computed: at least half of the observations lie exactly on the fitted surface, so the spread (MAD) is 0.',
    ),
    n,
    k,
  };
}

export function subsetRows(x: Float64Array, n: number, k: number, rows: ArrayLike<number>): Float64Array {
  const m = rows.length;
  const out = new Float64Array(m * k);
  for (let c = 0; c < k; c++) {
    const o = c * n;
    const p = c * m;
    for (let i = 0; i < m; i++) out[p + i] = x[o + rows[i]];
  }
  return out;
}

function fmt(v: number | undefined): string {
  return v === undefined ? '–' : v.toPrecision(3);
}
