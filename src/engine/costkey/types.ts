/**
 * Shared shapes of the cost-key engine. A key is a set of criterion weights plus the weight of the
 * basic criterion (population, "innbyggere"), whose ratio x_i/x̄ is 1 for every municipality.
 */
import type { Problem } from '../problem';
import type { YearEffectUse } from './fromFit';

/** Name used for the basic criterion in weight records (matches `keyWeightsSchema` in the spec). */
export const BASIC = '__basic__';

/** A key in record form: criterion name → weight; the basic criterion under `BASIC`. */
export type KeyRecord = Record<string, number>;

export type WeightMethod = 'coefficient' | 'explained-variance' | 'sub-function' | 'manual';

/** One criterion's row in the weights table. */
export interface CriterionWeight {
  name: string;
  weight: number;
  /** National (population-weighted) value x̄_j, when known. */
  national?: number;
  coefficient?: number;
  p?: number;
  /** Relative importance used by method B (share of explained variance). */
  importanceShare?: number;
  dropped: boolean;
}

export interface WeightsResult {
  method: WeightMethod;
  criteria: CriterionWeight[];
  /** Weight of the basic criterion (population). */
  basic: number;
  /** Predicted national spending per inhabitant ŷ (method A), in the dependent's units. */
  yhatNational?: number;
  /** Method A on a model with year effects: which year's effect ŷ includes (null: none in the model). */
  yearEffect?: YearEffectUse | null;
  /** Σ weights including the basic criterion. */
  sum: number;
  sumOk: boolean;
  /** Negative weights, insignificant criteria, adjusted R² below zero … */
  warnings: Problem[];
}

/** Weights must add up to one within this tolerance before a key is applied. */
export const SUM_TOLERANCE = 1e-9;
