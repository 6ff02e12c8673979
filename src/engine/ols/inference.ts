/** Student t and F tail probabilities from @stdlib (a well-kept, tested implementation). */
import tcdf from '@stdlib/stats-base-dists-t-cdf';
import tquantile from '@stdlib/stats-base-dists-t-quantile';
import fcdf from '@stdlib/stats-base-dists-f-cdf';

/** Two-sided p for a t statistic; the lower tail is used so tiny p-values keep their precision. */
export function pValueT(t: number, df: number): number {
  if (!Number.isFinite(t)) return Number.isNaN(t) ? NaN : 0;
  return Math.min(1, 2 * tcdf(-Math.abs(t), df));
}

/** Critical value for a two-sided interval of the given level. */
export function tCritical(df: number, level = 0.95): number {
  return tquantile(1 - (1 - level) / 2, df);
}

/** Upper-tail p of an F statistic. */
export function pValueF(f: number, df1: number, df2: number): number {
  if (!Number.isFinite(f) || f < 0) return NaN;
  return 1 - fcdf(f, df1, df2);
}
