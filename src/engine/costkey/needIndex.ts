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
