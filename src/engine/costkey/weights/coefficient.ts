/**
 * Method A, the national revenue system's coefficient method (docs/METHODS.md §7 A):
 * controls are held at their national value, ŷ = b0 + δ_t + Σ_j b_j·x̄_j + Σ_c b_c·c̄, and w_j = b_j·x̄_j/ŷ,
 * with δ_t the year effect of a pooled model at the year stated in `yearEffect` (the key year by
 * default, see `yearEffectFor`; 0 without year effects).
 * The part not attributed to any criterion, (b0 + δ_t + Σ_c b_c·c̄)/ŷ, goes to the basic criterion
 * (remainder = 'population', the default and the oracle's convention) or the criterion weights are
 * rescaled to sum to one (remainder = 'rescale').
 *
 * A dropped criterion keeps its estimated coefficient in ŷ (the model is not refitted here), so its
 * share b_j·x̄_j/ŷ moves to the remainder; refit the model without it to re-estimate.
 * Weights are used as computed: negative ones are warned about, never clipped.
 */
import { problem } from '../../problem';
import type { YearEffectUse } from '../fromFit';
import type { CriterionWeight, WeightsResult } from '../types';
import { isSumOk, sumWeights, weightWarnings } from './checks';

export interface CoefficientInput {
  criteria: string[];
  controls: string[];
  /** Coefficient estimates by name; the constant under `intercept` (absent = 0). */
  coefficients: Record<string, number>;
  /** Two-sided p-values by name (optional, for the insignificance warning). */
  p?: Record<string, number>;
  /** Population-weighted national values of criteria and controls. */
  national: Record<string, number>;
  remainder: 'population' | 'rescale';
  dropped?: string[];
  /** Significance level of the insignificance warning. */
  alpha?: number;
  /** The year effect in ŷ of a model with year effects (null/absent: none). */
  yearEffect?: YearEffectUse | null;
}

export function coefficientWeights(input: CoefficientInput): WeightsResult {
  const dropped = new Set(input.dropped ?? []);
  const b0 = input.coefficients.intercept ?? 0;
  let controlPart = 0;
  for (const c of input.controls) controlPart += (input.coefficients[c] ?? 0) * (input.national[c] ?? NaN);
  const contributions = input.criteria.map((j) => (input.coefficients[j] ?? NaN) * (input.national[j] ?? NaN));
  const delta = input.yearEffect?.value ?? 0;
  let yhat = b0 + delta + controlPart;
  for (const v of contributions) yhat += v;

  const warnings = [];
  if (!Number.isFinite(yhat) || yhat === 0) {
    warnings.push(
      problem(
        'yhat-invalid',
        'Predikert nasjonal utgift per innbygger (ŷ) er null eller ugyldig; vektene kan ikke beregnes.',
        'Predicted national spending per inhabitant (ŷ) is zero or invalid; the weights cannot be computed.',
      ),
    );
  }

  let kept = 0;
  input.criteria.forEach((j, idx) => {
    if (!dropped.has(j)) kept += contributions[idx];
  });
  // 'rescale' divides by the criteria's own sum so they add to one; 'population' divides by ŷ.
  const denom = input.remainder === 'rescale' ? kept : yhat;
  const criteria: CriterionWeight[] = input.criteria.map((j, idx) => ({
    name: j,
    weight: dropped.has(j) ? 0 : contributions[idx] / denom,
    national: input.national[j],
    coefficient: input.coefficients[j],
    p: input.p?.[j],
    dropped: dropped.has(j),
  }));
  const basic = input.remainder === 'rescale' ? 0 : (yhat - kept) / yhat;
  const sum = sumWeights(criteria, basic);
  warnings.push(...weightWarnings(criteria, basic, input.alpha));
  const ye = input.yearEffect ?? null;
  if (ye?.outside)
    warnings.push(
      problem(
        'year-effect-outside',
        `Nøkkelåret ${ye.keyYear} er ikke blant modellens år; ŷ bruker årseffekten for ${ye.year}, modellens siste år.`,
        `The key year ${ye.keyYear} is not among the model's years; ŷ uses the year effect of ${ye.year}, the model's last year.`,
        { year: ye.year },
        'warning',
      ),
    );
  return { method: 'coefficient', criteria, basic, yhatNational: yhat, yearEffect: ye, sum, sumOk: isSumOk(sum, 1e-9), warnings };
}
