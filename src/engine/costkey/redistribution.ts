/**
 * Money from an index (docs/METHODS.md §8): need per inhabitant I_i·U, equalisation T_i = (I_i − 1)·U·n_i
 * (Σ T_i = 0), and the change between a current and a proposed key ΔT_i = (I_new − I_cur)·U·n_i, in
 * kroner and kroner per inhabitant, optionally phased in linearly over 1–3 years. U is in kroner per
 * inhabitant (the caller multiplies by the dependent's unit, e.g. 1000 for «1000 kr»).
 * Sums are compensated (Neumaier) so the zero-sum checks are not drowned by rounding of large terms.
 */
import type { PreparedCriteria } from './prepare';

export interface Redistribution {
  needPerCapita: Float64Array;
  amount: Float64Array;
  amountCurrent: Float64Array;
  change: Float64Array;
  changePerCapita: Float64Array;
  checks: RedistributionChecks;
}

export interface RedistributionChecks {
  /** Population-weighted mean of the proposed index (identity: 1). */
  meanIndex: number;
  meanIndexCurrent: number;
  /** Σ T_i (identity: 0), in kroner. */
  sumAmount: number;
  /** Σ ΔT_i (identity: 0), in kroner. */
  sumChange: number;
  /** Largest |Σ| allowed for the zero-sum checks: relative to the gross amounts moved. */
  tolerance: number;
  ok: boolean;
}

/** Compensated sum (Neumaier) of a typed array. */
export function stableSum(xs: ArrayLike<number>): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    const t = s + x;
    c += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
    s = t;
  }
  return s + c;
}

function weightedMean(values: Float64Array, w: Float64Array, total: number): number {
  const prod = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) prod[i] = values[i] * w[i];
  return stableSum(prod) / total;
}

export function redistribute(
  prep: PreparedCriteria,
  index: Float64Array,
  indexCurrent: Float64Array,
  perCapitaNok: number,
  out?: Redistribution,
): Redistribution {
  const n = index.length;
  const r: Redistribution = out ?? {
    needPerCapita: new Float64Array(n),
    amount: new Float64Array(n),
    amountCurrent: new Float64Array(n),
    change: new Float64Array(n),
    changePerCapita: new Float64Array(n),
    checks: { meanIndex: NaN, meanIndexCurrent: NaN, sumAmount: NaN, sumChange: NaN, tolerance: 0, ok: false },
  };
  const pop = prep.population;
  let gross = 0;
  for (let i = 0; i < n; i++) {
    r.needPerCapita[i] = index[i] * perCapitaNok;
    r.amount[i] = (index[i] - 1) * perCapitaNok * pop[i];
    r.amountCurrent[i] = (indexCurrent[i] - 1) * perCapitaNok * pop[i];
    r.changePerCapita[i] = (index[i] - indexCurrent[i]) * perCapitaNok;
    r.change[i] = r.changePerCapita[i] * pop[i];
    gross += Math.abs(r.amount[i]) + Math.abs(r.change[i]);
  }
  const meanIdx = weightedMean(index, pop, prep.populationTotal);
  const meanCur = weightedMean(indexCurrent, pop, prep.populationTotal);
  const sumAmount = stableSum(r.amount);
  const sumChange = stableSum(r.change);
  // Zero up to floating point: a few ulps of the gross amount moved (and at least 1e-6 kr).
  const tolerance = Math.max(1e-6, gross * 1e-12);
  r.checks = {
    meanIndex: meanIdx,
    meanIndexCurrent: meanCur,
    sumAmount,
    sumChange,
    tolerance,
    ok: Math.abs(meanIdx - 1) < 1e-9 && Math.abs(sumAmount) <= tolerance && Math.abs(sumChange) <= tolerance,
  };
  return r;
}

/**
 * Linear phase-in (Fafo 2014): in year t of T the unit has moved t/T of the way, so the change
 * against the current key is ΔT·t/T. Returns one array per year t = 1..T.
 */
export function phaseIn(change: Float64Array, years: number): Float64Array[] {
  const T = Math.max(1, Math.min(3, Math.round(years)));
  const out: Float64Array[] = [];
  for (let t = 1; t <= T; t++) {
    const a = new Float64Array(change.length);
    for (let i = 0; i < change.length; i++) a[i] = (change[i] * t) / T;
    out.push(a);
  }
  return out;
}
