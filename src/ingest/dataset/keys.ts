/**
 * Integer keys for (id, year) pairs. The join looks a row up for every observation (hundreds of
 * thousands on a real panel); building `${unit}|${year}` strings for that was the main cost of
 * buildDataset. Ids and years are small integers, so a dense Int32Array indexed by
 * id × (year span) + (year − first year) does it without allocation; a Map with the same integer
 * key takes over when the product would be too large (absurd years in a hostile file).
 */

/** Dense tables above this many slots (× 4 bytes) fall back to a Map. */
const MAX_DENSE = 1 << 24;

export interface YearRange {
  min: number;
  /** max − min + 1; 0 when there are no years. */
  span: number;
}

/** Smallest and largest non-zero year of the given year arrays (0 means "no year" in Observations). */
export function yearRange(years: { year: Int32Array; n: number }[]): YearRange {
  let min = Infinity;
  let max = -Infinity;
  for (const o of years) {
    const y = o.year;
    for (let i = 0; i < o.n; i++) {
      const v = y[i];
      if (v === 0) continue;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return min > max ? { min: 0, span: 0 } : { min, span: max - min + 1 };
}

/** (id, year) → non-negative int32, −1 when absent. */
export class PairIndex {
  private readonly dense: Int32Array | null;
  private readonly sparse: Map<number, number> | null;
  private readonly min: number;
  private readonly span: number;

  constructor(nIds: number, range: YearRange) {
    this.min = range.min;
    this.span = range.span;
    const size = nIds * range.span;
    if (size <= MAX_DENSE) {
      this.dense = new Int32Array(size).fill(-1);
      this.sparse = null;
    } else {
      this.dense = null;
      this.sparse = new Map();
    }
  }

  get(id: number, year: number): number {
    const k = id * this.span + (year - this.min);
    if (this.dense) return this.dense[k];
    return (this.sparse as Map<number, number>).get(k) ?? -1;
  }

  set(id: number, year: number, value: number): void {
    const k = id * this.span + (year - this.min);
    if (this.dense) this.dense[k] = value;
    else (this.sparse as Map<number, number>).set(k, value);
  }
}
