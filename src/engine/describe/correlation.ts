/**
 * Pearson correlation matrix with two-sided p-values (SØF 2017, Table 4). Pairwise complete
 * observations: each pair uses the rows where both variables have a value, so n differs by pair and
 * is reported. p from t = r·√((n − 2)/(1 − r²)) on n − 2 degrees of freedom.
 */
import { pValueT } from '../ols/inference';

export interface CorrelationMatrix {
  variables: string[];
  /** Row-major k×k; diagonal 1 (NaN when the variable is constant). */
  r: Float64Array;
  p: Float64Array;
  n: Int32Array;
}

export function pearson(x: Float64Array, xm: Uint8Array, y: Float64Array, ym: Uint8Array): { r: number; n: number } {
  return pearsonValid(x, validMask(x, xm), y, validMask(y, ym));
}

/** 1 where the row has a finite, non-missing value. Computed once per column so a k×k matrix does
 *  not repeat the missing and finiteness tests k times per column (a 176-variable matrix took ~1 s). */
export function validMask(x: Float64Array, xm: Uint8Array): Uint8Array {
  const out = new Uint8Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = xm[i] === 0 && Number.isFinite(x[i]) ? 1 : 0;
  return out;
}

/** Pearson r over the rows valid in both masks. */
function pearsonValid(x: Float64Array, xv: Uint8Array, y: Float64Array, yv: Uint8Array): { r: number; n: number } {
  // Two passes (means, then centred sums) so large levels such as kroner do not cancel. The sums run
  // over the same rows in the same order as a per-row missing/finite test would, so every figure
  // is bit-identical to that.
  let n = 0;
  let sx = 0;
  let sy = 0;
  const len = x.length;
  for (let i = 0; i < len; i++) {
    if ((xv[i] & yv[i]) === 0) continue;
    n++;
    sx += x[i];
    sy += y[i];
  }
  if (n < 2) return { r: NaN, n };
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < len; i++) {
    if ((xv[i] & yv[i]) === 0) continue;
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  if (sxx === 0 || syy === 0) return { r: NaN, n };
  return { r: Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy))), n };
}

function sameMask(a: Uint8Array, b: Uint8Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * One column's own sample: n, and its values centred on its mean with 0 outside the sample. When
 * two columns have the same valid rows (the usual case: both observed in the same years), the pair's
 * means and sums of squares are the columns' own, summed over the same rows in the same order, and
 * Σdx·dy over the centred arrays adds exact zeros elsewhere, so one pass gives the bit-identical r.
 */
interface Centred {
  n: number;
  d: Float64Array;
  ss: number;
}

function centre(x: Float64Array, v: Uint8Array): Centred {
  let n = 0;
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    if (v[i] === 0) continue;
    n++;
    s += x[i];
  }
  const d = new Float64Array(x.length);
  if (n < 2) return { n, d, ss: 0 };
  const m = s / n;
  let ss = 0;
  for (let i = 0; i < x.length; i++) {
    if (v[i] === 0) continue;
    const dx = x[i] - m;
    d[i] = dx;
    ss += dx * dx;
  }
  return { n, d, ss };
}

function pearsonCentred(a: Centred, b: Centred): { r: number; n: number } {
  const n = a.n;
  if (n < 2) return { r: NaN, n };
  const x = a.d;
  const y = b.d;
  let sxy = 0;
  for (let i = 0; i < x.length; i++) sxy += x[i] * y[i];
  if (a.ss === 0 || b.ss === 0) return { r: NaN, n };
  return { r: Math.max(-1, Math.min(1, sxy / Math.sqrt(a.ss * b.ss))), n };
}

/** Two-sided p-value of a Pearson r from n pairs. */
export function correlationPValue(r: number, n: number): number {
  if (!Number.isFinite(r) || n < 3) return NaN;
  if (Math.abs(r) === 1) return 0;
  const t = r * Math.sqrt((n - 2) / (1 - r * r));
  return pValueT(t, n - 2);
}

export function correlationMatrix(cols: { name: string; values: Float64Array; missing: Uint8Array }[]): CorrelationMatrix {
  const k = cols.length;
  const r = new Float64Array(k * k);
  const p = new Float64Array(k * k);
  const n = new Int32Array(k * k);
  const valid = cols.map((c) => validMask(c.values, c.missing));
  // Columns with identical valid rows share a mask group; pairs within a group take the one-pass path.
  const group = new Int32Array(k);
  const reps: number[] = [];
  for (let a = 0; a < k; a++) {
    let g = reps.findIndex((j) => sameMask(valid[j], valid[a]));
    if (g < 0) {
      g = reps.length;
      reps.push(a);
    }
    group[a] = g;
  }
  const centred = cols.map((c, i) => centre(c.values, valid[i]));
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      const res = group[a] === group[b]
          ? pearsonCentred(centred[a], centred[b])
          : pearsonValid(cols[a].values, valid[a], cols[b].values, valid[b]);
      const pv = a === b ? (Number.isFinite(res.r) ? 0 : NaN) : correlationPValue(res.r, res.n);
      // Symmetric: fill both triangles from one computation.
      r[a * k + b] = r[b * k + a] = res.r;
      p[a * k + b] = p[b * k + a] = pv;
      n[a * k + b] = n[b * k + a] = res.n;
    }
  }
  return { variables: cols.map((c) => c.name), r, p, n };
}
