/**
 * What the full-design fit (fit.ts) and the grouped fit (grouped.ts) share: the constant's name, the
 * failure value, the negligible-coefficient threshold and the a-priori error bound that decides on
 * refinement. Its own module so the two fits do not import each other.
 */
import { problem } from '../problem';
import type { householderQr } from '../linalg/qr';
import { scaledCondition } from '../linalg/refine';
import type { DesignFailure } from './fit';

/** The name the constant gets in coefficient lists; `intercept` in collinearity reports (oracle). */
export const INTERCEPT = '(Intercept)';

export const COEF_NEGLIGIBLE = 1e-6;
/** Refinement costs more than the QR, so it runs only where the a-priori error bound says digits
 *  beyond this relative error are at stake for some coefficient. */
const REFINE_ABOVE_ERROR = 1e-8;

export function fail(
  code: string,
  nb: string,
  en: string,
  n: number,
  k: number,
  extra: Partial<DesignFailure> = {},
): DesignFailure {
  const where = extra.collinear ? { variables: extra.collinear } : undefined;
  return { ok: false, problem: problem(code, nb, en, where), n, k, ...extra };
}

/** The same bound from ‖r‖² and ‖y‖² (the grouped path has them without forming r). */
export function needsRefinementFrom(
  qr: ReturnType<typeof householderQr>,
  rinv: Float64Array,
  b: Float64Array,
  rr: number,
  yy: number,
): boolean {
  const k = qr.rank;
  const kappa = scaledCondition(qr, rinv);
  const fitted = Math.sqrt(Math.max(yy - rr, 0));
  const rho = fitted > 0 ? Math.sqrt(rr) / fitted : 1e16;
  let big = 0;
  let small = Infinity;
  for (let j = 0; j < k; j++) {
    let s = qr.rdiag[j] * qr.rdiag[j];
    for (let m = 0; m < j; m++) s += qr.a[j * qr.n + m] ** 2;
    const v = Math.abs(b[j]) * Math.sqrt(s);
    big = Math.max(big, v);
    if (v > 0) small = Math.min(small, v);
  }
  if (!(small < Infinity)) return false;
  const bound = 2.2e-16 * kappa * (1 + kappa * rho) * (big / small);
  return bound > REFINE_ABOVE_ERROR;
}
