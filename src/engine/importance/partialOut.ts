/**
 * Partials the always-in columns (intercept, year dummies, controls) out of y and the criteria and
 * returns the small (p+1)×(p+1) cross-product matrix of the residuals, scaled to unit diagonal.
 *
 * Why: by Frisch–Waugh–Lovell, the RSS of y on [forced, S] equals the RSS of the residualised y on
 * the residualised criteria S. So every subset R² follows from one p×p matrix:
 *   R²(S) = 1 − RSS_base·e(S)/TSS, with e(S) the yy entry after sweeping S (= 1 − R²_partial(S)).
 * The forced block is orthogonalised with Householder QR (backward stable; never X'X of the raw
 * columns), and we only keep the tails of Qᵀv, whose inner products are the residual cross-products.
 */
import { problem, type Problem } from '../problem';
import { forcedColumns, type CommonSample } from './sample';

export interface Reduced {
  /** Number of criteria. */
  p: number;
  names: string[];
  n: number;
  /** Number of always-in columns (intercept + year dummies + controls). */
  q: number;
  forcedNames: string[];
  /** Total sum of squares of y about its (weighted) mean (uncentred without an intercept). */
  tss: number;
  /** RSS of y on the forced columns only. */
  rssBase: number;
  r2Base: number;
  /** Row-major (p+1)×(p+1) residual cross-products scaled to unit diagonal; y is the last index. */
  corr: Float64Array;
  /** √(residual sum of squares) per criterion (then y); 0 for a criterion with nothing left. */
  scale: Float64Array;
}

/** Relative size below which a residual column counts as exactly explained by the forced block. */
const DEGENERATE_TOL = 1e-10;

function weightedMean(v: Float64Array, w: Float64Array | null): number {
  let s = 0;
  let sw = 0;
  for (let i = 0; i < v.length; i++) {
    const wi = w ? w[i] : 1;
    s += wi * v[i];
    sw += wi;
  }
  return s / sw;
}

function norm2(v: Float64Array, from: number): number {
  // Scaled accumulation avoids overflow/underflow for extreme units (kroner vs shares).
  let scale = 0;
  for (let i = from; i < v.length; i++) scale = Math.max(scale, Math.abs(v[i]));
  if (scale === 0) return 0;
  let s = 0;
  for (let i = from; i < v.length; i++) {
    const t = v[i] / scale;
    s += t * t;
  }
  return scale * Math.sqrt(s);
}

export function partialOut(s: CommonSample): Reduced | Problem {
  const n = s.n;
  const forced = forcedColumns(s);
  const q = forced.cols.length;
  const p = s.criteria.length;
  if (n <= q + p) {
    return problem(
      'too-few-observations',
      `For få observasjoner (${n}) for ${q + p} koeffisienter.`,
      `Too few observations (${n}) for ${q + p} coefficients.`,
    );
  }
  const sw = s.weights ? Float64Array.from(s.weights, Math.sqrt) : null;
  // Centring by the (weighted) mean before QR removes the large common level of columns such as
  // frie inntekter (~30) or sentralitet (~6); it changes no residual when the intercept is in.
  const prep = (v: Float64Array, isIntercept: boolean): Float64Array => {
    const m = s.intercept && !isIntercept ? weightedMean(v, s.weights) : 0;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = (v[i] - m) * (sw ? sw[i] : 1);
    return out;
  };
  const F = forced.cols.map((c, j) => prep(c, s.intercept && j === 0));
  const targets = [...s.x.map((v) => prep(v, false)), prep(s.y, false)];
  const origNorm = targets.map((v) => norm2(v, 0));

  // Householder QR of the forced block; each reflector is applied to the remaining forced columns and
  // to every target column.
  for (let k = 0; k < q; k++) {
    const a = F[k];
    const colNorm = norm2(a, k);
    const full = norm2(forced.cols[k], 0);
    if (colNorm <= DEGENERATE_TOL * Math.max(full, 1e-300) * Math.sqrt(n)) {
      return problem(
        'collinear',
        `De faste variablene er kolineære: «${forced.names[k]}» er en lineær kombinasjon av ${forced.names.slice(0, k).join(', ')}.`,
        `The always-in variables are collinear: "${forced.names[k]}" is a linear combination of ${forced.names.slice(0, k).join(', ')}.`,
        { variables: forced.names.slice(0, k + 1) },
      );
    }
    const alpha = a[k] >= 0 ? -colNorm : colNorm;
    const v = new Float64Array(n - k);
    v[0] = a[k] - alpha;
    for (let i = k + 1; i < n; i++) v[i - k] = a[i];
    let vv = 0;
    for (let i = 0; i < v.length; i++) vv += v[i] * v[i];
    const apply = (c: Float64Array) => {
      let dot = 0;
      for (let i = k; i < n; i++) dot += v[i - k] * c[i];
      const f = (2 * dot) / vv;
      for (let i = k; i < n; i++) c[i] -= f * v[i - k];
    };
    for (let j = k + 1; j < q; j++) apply(F[j]);
    for (const t of targets) apply(t);
  }

  const m = p + 1;
  const cross = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    const a = targets[i];
    for (let j = i; j < m; j++) {
      const b = targets[j];
      let sum = 0;
      for (let t = q; t < n; t++) sum += a[t] * b[t];
      cross[i * m + j] = sum;
      cross[j * m + i] = sum;
    }
  }
  const scale = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const d = Math.sqrt(cross[i * m + i]);
    scale[i] = d > DEGENERATE_TOL * origNorm[i] ? d : 0;
  }
  const ySum = weightedMean(s.y, s.weights);
  let tss = 0;
  for (let i = 0; i < n; i++) {
    const d = s.intercept ? s.y[i] - ySum : s.y[i];
    tss += (s.weights ? s.weights[i] : 1) * d * d;
  }
  if (scale[p] === 0 || !(tss > 0)) {
    return problem(
      'no-variation',
      'Den avhengige variabelen har ingen variasjon igjen etter de faste variablene.',
      'The dependent variable has no variation left after the always-in variables.',
    );
  }
  const corr = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      corr[i * m + j] = scale[i] > 0 && scale[j] > 0 ? cross[i * m + j] / (scale[i] * scale[j]) : 0;
    }
    if (scale[i] > 0) corr[i * m + i] = 1;
  }
  const rssBase = cross[p * m + p];
  return {
    p,
    names: [...s.criteria],
    n,
    q,
    forcedNames: forced.names,
    tss,
    rssBase,
    r2Base: 1 - rssBase / tss,
    corr,
    scale,
  };
}
