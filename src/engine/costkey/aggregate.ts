/**
 * Sums of the redistribution by group (size class, county, KOSTRA group): kroner moved and kroner
 * per inhabitant within the group, so a reader sees which kinds of municipality gain or lose.
 */
export interface GroupSum {
  group: string;
  units: number;
  population: number;
  change: number;
  changePerCapita: number;
  amount: number;
  gainers: number;
  losers: number;
}

export function sumByGroup(groups: readonly string[], population: Float64Array, change: Float64Array, amount: Float64Array): GroupSum[] {
  const map = new Map<string, GroupSum>();
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i] ?? '';
    let s = map.get(g);
    if (!s) {
      s = { group: g, units: 0, population: 0, change: 0, changePerCapita: 0, amount: 0, gainers: 0, losers: 0 };
      map.set(g, s);
    }
    s.units++;
    s.population += population[i];
    s.change += change[i];
    s.amount += amount[i];
    if (change[i] > 0) s.gainers++;
    else if (change[i] < 0) s.losers++;
  }
  const out = [...map.values()];
  for (const s of out) s.changePerCapita = s.population > 0 ? s.change / s.population : NaN;
  // Natural order: numeric groups (size class 1–6, county codes) by number, the rest by text.
  return out.sort((a, b) => a.group.localeCompare(b.group, 'nb', { numeric: true }));
}

/** County (fylke) of a 4-digit municipality number: its first two digits. */
export function countyOf(kommune: string): string {
  return kommune.length >= 4 ? kommune.slice(0, 2) : '';
}

export interface Bin {
  from: number;
  to: number;
  count: number;
}

/** Equal-width histogram of finite values (the distribution-of-changes chart). */
export function histogram(values: ArrayLike<number>, bins = 20): Bin[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (!Number.isFinite(lo)) return [];
  if (hi === lo) return [{ from: lo, to: hi, count: values.length }];
  const width = (hi - lo) / bins;
  const out: Bin[] = Array.from({ length: bins }, (_, b) => ({ from: lo + b * width, to: lo + (b + 1) * width, count: 0 }));
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    out[Math.min(bins - 1, Math.floor((v - lo) / width))].count++;
  }
  return out;
}

/** Unit positions sorted by value ascending (ties by position, so the order is deterministic). */
export function sortedOrder(values: ArrayLike<number>): Int32Array {
  const idx = Int32Array.from({ length: values.length }, (_, i) => i);
  idx.sort((a, b) => values[a] - values[b] || a - b);
  return idx;
}
