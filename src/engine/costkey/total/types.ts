/** Shapes of the total key (sector sub-keys and sector weights) and its tolerances; computed in
 *  compute.ts. */
import type { Problem } from '../../problem';
import type { KeyRecord } from '../types';

/** A sector index source the caller has resolved: criteria weights, an index column, or flat 1. */
export type SectorIndexSource =
  | { kind: 'key'; key: KeyRecord }
  | { kind: 'index'; variable: string; rescale?: boolean }
  | { kind: 'flat' }
  /** A source the caller could not resolve (no proposed key yet, unknown preset …): its problem. */
  | { kind: 'unresolved'; problem: Problem };

export type SectorSpendingInput =
  /** `unitNok`: kroner per unit of the variable; null/undefined = read from the column's unit. */
  | { kind: 'variable'; variable: string; unitNok?: number | null }
  | { kind: 'typed'; perCapita: number }
  | { kind: 'none' };

export interface SectorInput {
  id: string;
  label: string;
  source: SectorIndexSource;
  /** The sector's index before the change; null/undefined = unchanged. */
  compareWith?: SectorIndexSource | null;
  spending: SectorSpendingInput;
  /** Typed v_s (weight mode `manual`). */
  weight?: number | null;
}

export interface TotalKeyOptions {
  unit: string;
  unitName?: string | null;
  population: string;
  yearColumn?: string | null;
  /** Key year; null = last year in the data. */
  year?: number | null;
  sectors: SectorInput[];
  weightMode: 'spending' | 'manual';
  /** Typed U (kr per inhabitant); null = Σ U_s. */
  perCapita?: number | null;
}

export interface SectorOutcome {
  id: string;
  label: string;
  sourceKind: SectorIndexSource['kind'];
  compareKind: SectorIndexSource['kind'] | null;
  /** U_s in kroner per inhabitant (NaN when not given). */
  spending: number;
  spendingKind: SectorSpendingInput['kind'];
  spendingVariable: string | null;
  /** Kroner per unit of the spending variable that was applied (1 or 1000). */
  spendingUnitNok: number;
  /** v_s (NaN when it cannot be computed). */
  weight: number;
  /** I_is per kept unit (empty when the source failed). */
  index: Float64Array;
  /** I_is before the change (null when the sector is unchanged). */
  indexBefore: Float64Array | null;
  meanIndex: number;
  meanIndexBefore: number;
  /** Σ of the key's weights for a key source (must be 1), else null. */
  keySum: number | null;
  ok: boolean;
}

export interface ExcludedUnit {
  unit: string;
  name: string;
  /** What is missing: the population or a variable, with the missing code's name (missing, suppressed …). */
  reasons: { variable: string; reason: string }[];
}

/** An identity check: a Problem (info when it holds) with the value, the target and the tolerance. */
export interface TotalKeyCheck extends Problem {
  ok: boolean;
  value: number;
  expected: number;
  tolerance: number;
}

export interface TotalKeyResult {
  /** The total index could be computed (every sector resolved, weights add up to 1). */
  ok: boolean;
  year: number | null;
  units: string[];
  names: string[];
  population: Float64Array;
  populationTotal: number;
  /** Units in the key year before any were left out. */
  nCandidates: number;
  excluded: ExcludedUnit[];
  sectors: SectorOutcome[];
  weightMode: 'spending' | 'manual';
  weightSum: number;
  /** U in kroner per inhabitant (NaN when unknown: no amounts then). */
  perCapita: number;
  perCapitaFrom: 'typed' | 'spending' | 'none';
  /** Some sector has a «before» source: the change columns mean something. */
  compared: boolean;
  index: Float64Array;
  indexBefore: Float64Array;
  needPerCapita: Float64Array;
  equalisation: Float64Array;
  change: Float64Array;
  changePerCapita: Float64Array;
  /** Units sorted ascending by change per inhabitant (by equalisation per inhabitant without a change). */
  order: Int32Array;
  sumChange: number;
  sumEqualisation: number;
  checks: TotalKeyCheck[];
  problems: Problem[];
}

/** Tolerance of the mean-index identity for computed indices (criteria keys, flat, rescaled). */
export const EXACT_TOL = 1e-9;
/** Tolerance for an index column used as it is: published indices carry four decimals. */
export const PUBLISHED_TOL = 1e-4;
/** Typed sector weights are read from tables with three decimals. */
export const MANUAL_SUM_TOL = 1e-6;
