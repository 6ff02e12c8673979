/**
 * A total key from sector sub-keys (docs/METHODS.md §9): sector weights v_s = U_s / Σ U_s from
 * national spending per inhabitant of each sector, and I_i = Σ_s v_s·I_is. Because each sub-index has
 * population-weighted mean 1 and Σ v_s = 1, so does the total.
 */
export function sectorWeights(spending: readonly number[]): Float64Array {
  let s = 0;
  for (const u of spending) s += u;
  return Float64Array.from(spending, (u) => u / s);
}

export function totalIndex(subIndices: readonly Float64Array[], v: Float64Array): Float64Array {
  const n = subIndices[0]?.length ?? 0;
  const out = new Float64Array(n);
  subIndices.forEach((idx, s) => {
    for (let i = 0; i < n; i++) out[i] += v[s] * idx[i];
  });
  return out;
}

// The full total key (sector indices from keys, index columns or flat; weights from spending or
// typed; identities as checks; the change when a sector's sub-key is replaced) lives in ./total.
export * from './total/compute';
export * from './total/presets';
