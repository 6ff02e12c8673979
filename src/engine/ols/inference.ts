/** Student t and F tail probabilities from @stdlib (a well-kept, tested implementation). */
import tcdf from '@stdlib/stats-base-dists-t-cdf';
import tquantile from '@stdlib/stats-base-dists-t-quantile';
import betainc from '@stdlib/math-base-special-betainc';

/** Two-sided p for a t statistic; the lower tail is used so tiny p-values keep their precision. */
export function pValueT(t: number, df: number): number {
  if (!Number.isFinite(t)) return Number.isNaN(t) ? NaN : 0;
  return Math.min(1, 2 * tcdf(-Math.abs(t), df));
}

/** Critical value for a two-sided interval of the given level. */
export function tCritical(df: number, level = 0.95): number {
  return tquantile(1 - (1 - level) / 2, df);
}

/** Upper-tail p of an F statistic, as the regularised incomplete beta I_x(df2/2, df1/2) with
 *  x = df2/(df2 + df1·F): `1 − cdf` would cancel to 0 for large F, this keeps p ≈ 1e-100 exact. */
export function pValueF(f: number, df1: number, df2: number): number {
  if (Number.isNaN(f) || f < 0) return NaN;
  if (f === Infinity) return 0;
  return betainc(df2 / (df2 + df1 * f), df2 / 2, df1 / 2, true, false);
}
