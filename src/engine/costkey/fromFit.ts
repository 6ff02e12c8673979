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

/** Which year's effect ŷ of a pooled model with year effects uses (docs/METHODS.md §7 A; README «Årseffekt i ŷ»). */
export type YearEffectAt = 'key-year' | 'base-year';

export interface YearEffectUse {
  /** What was asked for. */
  at: YearEffectAt;
  /** The year whose effect is in ŷ. */
  year: number;
  keyYear: number | null;
  /** The model's base year (first year present; its effect is 0 by construction). */
  baseYear: number;
  /** δ_year in the dependent's units (0 at the base year). */
  value: number;
  /** The key year is not among the model's years: the latest model year's effect is used instead. */
  outside: boolean;
}

/**
 * The year effect that goes into ŷ = b0 + δ_t + Σ b_j·x̄_j + Σ b_c·c̄, or null when the model has no
 * year effects. Leaving δ out (as before) silently evaluates ŷ at the base year, which moves the basic
 * criterion's share by δ_t/ŷ; the default is the key year, the year the key is computed for.
 */
export function yearEffectFor(fit: FitSuccess, keyYear: number | null, at: YearEffectAt): YearEffectUse | null {
  const effects = new Map<number, number>();
  for (const c of fit.coefficients) {
    const m = /^year_(-?\d+)$/.exec(c.name);
    if (m) effects.set(Number(m[1]), c.estimate);
  }
  if (effects.size === 0 || fit.years.length === 0) return null;
  const baseYear = fit.years[0];
  if (at === 'base-year') return { at, year: baseYear, keyYear, baseYear, value: 0, outside: false };
  const inModel = keyYear !== null && fit.years.includes(keyYear);
  const year = inModel ? (keyYear as number) : fit.years[fit.years.length - 1];
  return { at, year, keyYear, baseYear, value: year === baseYear ? 0 : (effects.get(year) ?? 0), outside: !inModel };
}
