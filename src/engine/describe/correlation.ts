/**
 * Pearson correlation matrix with two-sided p-values (seed 000 Table 4). Pairwise complete
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
  // Two passes (means, then centred sums) so large levels such as kroner do not cancel.
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < x.length; i++) {
    if (xm[i] !== 0 || ym[i] !== 0 || !Number.isFinite(x[i]) || !Number.isFinite(y[i])) continue;
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
  for (let i = 0; i < x.length; i++) {
    if (xm[i] !== 0 || ym[i] !== 0 || !Number.isFinite(x[i]) || !Number.isFinite(y[i])) continue;
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  if (sxx === 0 || syy === 0) return { r: NaN, n };
  return { r: Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy))), n };
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
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      const res = pearson(cols[a].values, cols[a].missing, cols[b].values, cols[b].missing);
      const pv = a === b ? (Number.isFinite(res.r) ? 0 : NaN) : correlationPValue(res.r, res.n);
      for (const [i, j] of [[a, b], [b, a]]) {
        r[i * k + j] = res.r;
        p[i * k + j] = pv;
        n[i * k + j] = res.n;
      }
    }
  }
  return { variables: cols.map((c) => c.name), r, p, n };
}
