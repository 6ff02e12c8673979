/**
 * Percentiles by R's default definition (type 7, Hyndman & Fan 1996): for sorted x₁..xₙ and
 * probability p, h = (n − 1)·p, Q(p) = x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋+1 − x⌊h⌋) (0-based). It is also
 * numpy's and Excel PERCENTILE.INC's default, so figures can be checked in any of them.
 */
export const QUANTILE_DEFINITION = 'R type 7: h = (n−1)p, lineær interpolasjon mellom nærmeste observasjoner';
export const QUANTILE_DEFINITION_EN = 'R type 7: h = (n−1)p, linear interpolation between the nearest order statistics';

/** `sorted` must be ascending and free of NaN. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0 || !(p >= 0 && p <= 1)) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Median of the first n values (R's median: the mean of the middle two for even n). */
export function median(values: ArrayLike<number>, n: number = values.length): number {
  const sorted = new Float64Array(n);
  for (let i = 0; i < n; i++) sorted[i] = values[i];
  return quantileSorted(sorted.sort(), 0.5);
}

export const TABLE23_PROBS = [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1] as const;

export interface PercentileRow {
  variable: string;
  n: number;
  /** Same order as `probs`. */
  values: number[];
}

export function percentiles(variable: string, values: Float64Array, missing: Uint8Array, rows: ArrayLike<number> | null, probs: readonly number[] = TABLE23_PROBS): PercentileRow {
  const xs: number[] = [];
  const take = (i: number) => {
    if (missing[i] === 0 && Number.isFinite(values[i])) xs.push(values[i]);
  };
  if (rows) for (let j = 0; j < rows.length; j++) take(rows[j]);
  else for (let i = 0; i < values.length; i++) take(i);
  const sorted = Float64Array.from(xs).sort();
  return { variable, n: sorted.length, values: probs.map((p) => quantileSorted(sorted, p)) };
}
