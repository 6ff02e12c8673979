/**
 * Reads a fitted model into the records the weight methods take. The OLS engine names the constant
 * `(Intercept)` (R's convention); the weight methods use `intercept`.
 */
import { INTERCEPT } from '../ols/fit';
import type { FitSuccess } from '../model/types';

export function fitCoefficients(fit: FitSuccess): { coefficients: Record<string, number>; p: Record<string, number> } {
  const coefficients: Record<string, number> = {};
  const p: Record<string, number> = {};
  for (const c of fit.coefficients) {
    const name = c.name === INTERCEPT ? 'intercept' : c.name;
    coefficients[name] = c.estimate;
    p[name] = c.p;
  }
  return { coefficients, p };
}
