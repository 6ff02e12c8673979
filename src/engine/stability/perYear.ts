/**
 * Stability of a specification across years (SØF 2017, Tables 7 and 15): the same model fitted as one
 * cross-section per year (HC1 by default, as in the seed), each criterion's coefficient with its
 * 95 % CI per year, R² per year, whether sign and significance agree across years, and the
 * coefficient of variation of the yearly estimates.
 */
import { fitModel } from '../model/fitModel';
import type { ModelResult, ModelSpec } from '../model/types';
import type { Problem } from '../problem';

export interface YearEstimate {
  year: number;
  estimate: number;
  se: number;
  ciLow: number;
  ciHigh: number;
  p: number;
}

export interface CriterionStability {
  name: string;
  /** Years whose fit succeeded, ascending. */
  years: YearEstimate[];
  nPositive: number;
  nNegative: number;
  /** Same sign in every year. */
  signConsistent: boolean;
  /** Years with p < alpha. */
  nSignificant: number;
  /** Significant in every year, or in none. */
  significanceConsistent: boolean;
  mean: number;
  sd: number;
  /** sd / |mean| of the yearly estimates (NaN with fewer than two years or a zero mean). */
  cv: number;
}

export interface PerYearStability {
  years: number[];
  r2: (number | null)[];
  n: (number | null)[];
  criteria: CriterionStability[];
  alpha: number;
  /** Per year (same order as `years`): the year's refusal, or null when it was estimated. */
  errors: (Problem | null)[];
  problems: Problem[];
}

export function summariseYears(name: string, years: YearEstimate[], alpha: number): CriterionStability {
  const est = years.map((y) => y.estimate);
  const nPositive = est.filter((v) => v > 0).length;
  const nNegative = est.filter((v) => v < 0).length;
  const nSignificant = years.filter((y) => y.p < alpha).length;
  const mean = est.reduce((a, b) => a + b, 0) / Math.max(1, est.length);
  const sd = est.length > 1 ? Math.sqrt(est.reduce((a, b) => a + (b - mean) ** 2, 0) / (est.length - 1)) : NaN;
  return {
    name,
    years,
    nPositive,
    nNegative,
    signConsistent: years.length > 0 && (nPositive === years.length || nNegative === years.length),
    nSignificant,
    significanceConsistent: nSignificant === 0 || nSignificant === years.length,
    mean,
    sd,
    cv: est.length > 1 && mean !== 0 ? sd / Math.abs(mean) : NaN,
  };
}

/** Summarises a per-year ModelResult (from fitModel or the models stage). */
export function stabilityFromResult(result: ModelResult, criteria: string[], alpha = 0.05): PerYearStability {
  const fits = result.fits.filter((f) => f.year !== null);
  const problems: Problem[] = [];
  // Refused before any year was split off (no rows, a bad weight …): that reason is the answer.
  for (const f of result.fits) if (f.year === null && !f.outcome.ok) problems.push(f.outcome.problem);
  const perCrit = new Map<string, YearEstimate[]>(criteria.map((c) => [c, []]));
  for (const f of fits) {
    if (!f.outcome.ok) {
      problems.push({ ...f.outcome.problem, where: { ...f.outcome.problem.where, year: f.year ?? undefined } });
      continue;
    }
    for (const c of f.outcome.coefficients) {
      const list = perCrit.get(c.name);
      if (list) list.push({ year: f.year as number, estimate: c.estimate, se: c.se, ciLow: c.ciLow, ciHigh: c.ciHigh, p: c.p });
    }
  }
  return {
    years: fits.map((f) => f.year as number),
    r2: fits.map((f) => (f.outcome.ok ? f.outcome.r2 : null)),
    n: fits.map((f) => (f.outcome.ok ? f.outcome.n : null)),
    criteria: criteria.map((c) => summariseYears(c, perCrit.get(c) ?? [], alpha)),
    alpha,
    errors: fits.map((f) => (f.outcome.ok ? null : f.outcome.problem)),
    problems,
  };
}

/** Fits `spec` per year (se HC1 unless `se` is given) and summarises the criteria (its regressors). */
export function perYearStability(
  table: Parameters<typeof fitModel>[0],
  spec: ModelSpec,
  opts: { alpha?: number; se?: ModelSpec['se'] } = {},
): PerYearStability {
  const result = fitModel(table, { ...spec, design: 'per-year', se: opts.se ?? 'hc1' });
  return stabilityFromResult(result, spec.regressors, opts.alpha ?? 0.05);
}
