/** Student t, F, normal and χ² tail probabilities from @stdlib (a well-kept, tested implementation). */
import tcdf from '@stdlib/stats-base-dists-t-cdf';
import tquantile from '@stdlib/stats-base-dists-t-quantile';
import betainc from '@stdlib/math-base-special-betainc';
import erfc from '@stdlib/math-base-special-erfc';
import erfcinv from '@stdlib/math-base-special-erfcinv';
import gammainc from '@stdlib/math-base-special-gammainc';

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

/** Two-sided p for a z statistic (standard normal; plm's random-effects table, Stata's z). */
export function pValueZ(z: number): number {
  if (!Number.isFinite(z)) return Number.isNaN(z) ? NaN : 0;
  return Math.min(1, erfc(Math.abs(z) / Math.SQRT2));
}

/** Upper-tail p of a χ² statistic with df degrees of freedom: the regularised upper incomplete
 *  gamma Q(df/2, x/2), which keeps tiny p-values exact (R's pchisq(x, df, lower.tail = FALSE)). */
export function pValueChi2(x: number, df: number): number {
  if (Number.isNaN(x) || !(df > 0)) return NaN;
  if (x <= 0) return 1;
  if (x === Infinity) return 0;
  return gammainc(x / 2, df / 2, true, true);
}

/** Standard normal quantile (R's qnorm) via the inverse complementary error function. */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  return -Math.SQRT2 * erfcinv(2 * p);
}

/** Standard normal density (R's dnorm). */
export function normalDensity(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}
