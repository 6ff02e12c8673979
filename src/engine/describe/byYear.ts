/** Mean (SD) per year, as SØF 2017, Table 3. SD is the sample SD (n − 1), as Stata's `summarize`. */

export interface MeanSd {
  n: number;
  mean: number;
  sd: number;
}

export interface ByYearRow {
  variable: string;
  /** Same order as the result's `years`; null where the variable has no value that year. */
  cells: (MeanSd | null)[];
  /** All years pooled. */
  pooled: MeanSd | null;
}

/** Welford's running mean and variance: one pass, numerically stable for large levels. */
export class Moments {
  n = 0;
  mean = 0;
  private m2 = 0;
  push(x: number): void {
    this.n++;
    const d = x - this.mean;
    this.mean += d / this.n;
    this.m2 += d * (x - this.mean);
  }
  result(): MeanSd | null {
    if (this.n === 0) return null;
    return { n: this.n, mean: this.mean, sd: this.n > 1 ? Math.sqrt(this.m2 / (this.n - 1)) : NaN };
  }
}

export function meanSdByYear(variable: string, values: Float64Array, missing: Uint8Array, year: Float64Array | null, years: number[]): ByYearRow {
  const index = new Map(years.map((y, k) => [y, k]));
  const per = years.map(() => new Moments());
  const all = new Moments();
  for (let i = 0; i < values.length; i++) {
    if (missing[i] !== 0 || !Number.isFinite(values[i])) continue;
    all.push(values[i]);
    const k = year ? index.get(year[i]) : undefined;
    if (k !== undefined) per[k].push(values[i]);
  }
  return { variable, cells: per.map((m) => m.result()), pooled: all.result() };
}
