/**
 * Unweighted mean of a variable across municipalities in each size class × year (SØF 2017,
 * Figures 1–4: «gjennomsnittlig andel for kommunene i hver kategori»).
 */
export interface GroupMeanCell {
  group: number;
  year: number | null;
  n: number;
  mean: number;
}

export function meansByGroupYear(values: Float64Array, missing: Uint8Array, group: Float64Array, groupMissing: Uint8Array, year: Float64Array | null): GroupMeanCell[] {
  const acc = new Map<string, GroupMeanCell & { sum: number }>();
  for (let i = 0; i < values.length; i++) {
    if (missing[i] !== 0 || groupMissing[i] !== 0 || !Number.isFinite(values[i])) continue;
    const g = group[i];
    const y = year ? year[i] : null;
    if (y !== null && !Number.isFinite(y)) continue;
    const key = `${g}|${y}`;
    const e = acc.get(key) ?? { group: g, year: y, n: 0, mean: NaN, sum: 0 };
    e.n++;
    e.sum += values[i];
    acc.set(key, e);
  }
  return [...acc.values()]
    .map(({ group: g, year: y, n, sum }) => ({ group: g, year: y, n, mean: sum / n }))
    .sort((a, b) => a.group - b.group || (a.year ?? 0) - (b.year ?? 0));
}
