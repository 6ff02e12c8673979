/**
 * Need index I_i = w_0 + Σ_j w_j·x_ij/x̄_j (docs/METHODS.md §8), w_0 the basic criterion whose ratio is 1.
 * This is the hot path of a weight edit: one pass over the precomputed k×n ratio matrix.
 */
import { BASIC, type KeyRecord } from './types';
import type { PreparedCriteria } from './prepare';

/** Aligns a key record with the prepared criteria order; missing criteria weigh 0. */
export function keyVector(prep: PreparedCriteria, key: KeyRecord): { basic: number; weights: Float64Array } {
  const weights = new Float64Array(prep.criteria.length);
  prep.criteria.forEach((c, j) => (weights[j] = key[c] ?? 0));
  return { basic: key[BASIC] ?? 0, weights };
}

export function needIndex(prep: PreparedCriteria, basic: number, weights: Float64Array, out?: Float64Array): Float64Array {
  const n = prep.units.length;
  const idx = out ?? new Float64Array(n);
  idx.fill(basic);
  const r = prep.ratios;
  for (let j = 0; j < weights.length; j++) {
    const w = weights[j];
    if (w === 0) continue;
    const off = j * n;
    for (let i = 0; i < n; i++) idx[i] += w * r[off + i];
  }
  return idx;
}

/** Contribution of each criterion to each unit's index (row-major (k+1)×n, basic first): the waterfall. */
export function indexContributions(prep: PreparedCriteria, basic: number, weights: Float64Array): Float64Array {
  const n = prep.units.length;
  const k = weights.length;
  const out = new Float64Array((k + 1) * n);
  out.fill(basic, 0, n);
  for (let j = 0; j < k; j++) {
    const w = weights[j];
    const off = j * n;
    for (let i = 0; i < n; i++) out[(j + 1) * n + i] = w * prep.ratios[off + i];
  }
  return out;
}

/** Population-weighted mean of the index; 1 whenever the weights sum to 1 (the identity check). */
export function meanIndex(prep: PreparedCriteria, index: Float64Array): number {
  let s = 0;
  for (let i = 0; i < index.length; i++) s += prep.population[i] * index[i];
  return s / prep.populationTotal;
}

/** One step of a unit's index walk from the national average: a criterion's pull away from 1. */
export interface IndexStep {
  /** Criterion name (BASIC for the population criterion); `weights-sum` for a key not summing to 1. */
  criterion: string;
  weight: number;
  /** The unit's value relative to the national value, x_ij / x̄_j (1 for the basic criterion). */
  ratio: number;
  /** w_j · (x_ij / x̄_j − 1): how far this criterion moves the index away from 1. */
  deviation: number;
}

/**
 * The index of unit i as a walk from 1 (the national average): I_i = 1 + Σ_j w_j (x_ij/x̄_j − 1)
 * when the weights sum to 1. A municipality report shows this, since a criterion's part of the index
 * (w_j · x_ij/x̄_j) says little until it is set against what an average municipality gets (w_j). A
 * key whose weights do not sum to 1 gets one more step, Σ w − 1, so the walk still ends at the index.
 */
export function indexSteps(prep: PreparedCriteria, key: KeyRecord, i: number): IndexStep[] {
  const n = prep.units.length;
  const { basic, weights } = keyVector(prep, key);
  const steps: IndexStep[] = [{ criterion: BASIC, weight: basic, ratio: 1, deviation: 0 }];
  let sum = basic;
  prep.criteria.forEach((c, j) => {
    const w = weights[j];
    const r = prep.ratios[j * n + i];
    sum += w;
    steps.push({ criterion: c, weight: w, ratio: r, deviation: w * (r - 1) });
  });
  if (Math.abs(sum - 1) > 1e-12) steps.push({ criterion: 'weights-sum', weight: sum, ratio: 1, deviation: sum - 1 });
  return steps;
}
