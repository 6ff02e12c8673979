/**
 * Method C, the sub-function rule (SØF 2017, substance abuse; docs/METHODS.md §7 C): a regression on one KOSTRA function's
 * spending per inhabitant gives b_j; the criterion's weight in the whole service's key is that
 * function's need share, w_j = b_j·x̄_j / ē_total, with ē_total the national spending per inhabitant
 * of the whole service (same units as the dependent). The rest goes to the basic criterion.
 */
import type { CriterionWeight, WeightsResult } from '../types';
import { isSumOk, sumWeights, weightWarnings } from './checks';

export interface SubFunctionInput {
  criteria: string[];
  coefficients: Record<string, number>;
  p?: Record<string, number>;
  national: Record<string, number>;
  /** National spending per inhabitant of the whole service, ē_total. */
  totalPerCapita: number;
  dropped?: string[];
  alpha?: number;
}

export function subFunctionWeights(input: SubFunctionInput): WeightsResult {
  const dropped = new Set(input.dropped ?? []);
  const criteria: CriterionWeight[] = input.criteria.map((j) => ({
    name: j,
    weight: dropped.has(j) ? 0 : ((input.coefficients[j] ?? NaN) * (input.national[j] ?? NaN)) / input.totalPerCapita,
    national: input.national[j],
    coefficient: input.coefficients[j],
    p: input.p?.[j],
    dropped: dropped.has(j),
  }));
  let assigned = 0;
  for (const c of criteria) if (!c.dropped) assigned += c.weight;
  const basic = 1 - assigned;
  const sum = sumWeights(criteria, basic);
  return {
    method: 'sub-function',
    criteria,
    basic,
    sum,
    sumOk: isSumOk(sum, 1e-9),
    warnings: weightWarnings(criteria, basic, input.alpha),
  };
}
