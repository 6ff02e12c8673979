/**
 * Builds the column-major design matrix of one fit from table rows: intercept, regressors and
 * controls, year dummies (`year_<value>`, first year present = base), and the within (unit
 * demeaning) transformation.
 */
import type { NumericColumn } from '../table';
import { INTERCEPT } from '../ols/fit';

export interface DesignMatrix {
  /** n×k, or with `compact` only the slope columns (n×(k − 1 − dummies)): see DesignInput.x. */
  x: Float64Array;
  compact: boolean;
  y: Float64Array;
  n: number;
  k: number;
  names: string[];
  intercept: number;
  weights: Float64Array | null;
  /** Year of each row as 0..T−1 (base year 0) and the dummy column of years 1..T−1. */
  yearGroups: { ids: Int32Array; count: number; dummyColumns: number[] } | null;
}

export interface DesignParts {
  rows: Int32Array;
  y: NumericColumn;
  slopes: NumericColumn[];
  intercept: boolean;
  /** Year value per table row, and the years that get a dummy (all present but the first). */
  yearDummies: { values: Float64Array; years: number[] } | null;
  weights: NumericColumn | null;
  /**
   * Leave the intercept and the year dummies out of x (needs the intercept): the grouped solver
   * partials them out and never reads them, so writing n×(1 + dummies) constants is wasted. The
   * year groups are then always set (one group when there are no year dummies).
   */
  compact?: boolean;
}

export function buildDesign(p: DesignParts): DesignMatrix {
  const { rows } = p;
  const n = rows.length;
  const compact = p.compact === true && p.intercept;
  const nd = p.yearDummies ? p.yearDummies.years.length : 0;
  const k = (p.intercept ? 1 : 0) + p.slopes.length + nd;
  const x = new Float64Array(n * (compact ? p.slopes.length : k));
  const names: string[] = [];
  let c = 0;
  if (p.intercept) {
    if (!compact) x.fill(1, 0, n);
    names.push(INTERCEPT);
    c++;
  }
  const shift = compact ? c : 0; // compact x starts with the first slope
  for (const col of p.slopes) {
    const v = col.values;
    const o = (c - shift) * n;
    for (let i = 0; i < n; i++) x[o + i] = v[rows[i]];
    names.push(col.name);
    c++;
  }
  let yearGroups: DesignMatrix['yearGroups'] = null;
  if (p.yearDummies) {
    const { values, years } = p.yearDummies;
    // years lists the dummied years; any other year in the rows is the base (group 0).
    const group = new Map<number, number>();
    for (let j = 0; j < years.length; j++) {
      group.set(years[j], j + 1);
      names.push(`year_${years[j]}`);
    }
    const ids = new Int32Array(n);
    const dummyColumns: number[] = [];
    for (let j = 0; j < years.length; j++) dummyColumns.push(c + j);
    for (let i = 0; i < n; i++) {
      const g = group.get(values[rows[i]]) ?? 0;
      ids[i] = g;
      if (g > 0 && !compact) x[(c + g - 1) * n + i] = 1;
    }
    yearGroups = { ids, count: years.length + 1, dummyColumns };
  } else if (compact) {
    // The intercept alone: one group, i.e. plain centring.
    yearGroups = { ids: new Int32Array(n), count: 1, dummyColumns: [] };
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[i] = p.y.values[rows[i]];
  let weights: Float64Array | null = null;
  if (p.weights) {
    weights = new Float64Array(n);
    for (let i = 0; i < n; i++) weights[i] = p.weights.values[rows[i]];
  }
  return { x, compact, y, n, k, names, intercept: p.intercept ? 0 : -1, weights, yearGroups };
}

/** Maps key values (unit or cluster ids) of the rows to 0..G−1 in order of first appearance. */
export function groupIds(text: string[], rows: Int32Array): { ids: Int32Array; count: number } {
  const ids = new Int32Array(rows.length);
  const map = new Map<string, number>();
  for (let i = 0; i < rows.length; i++) {
    const key = text[rows[i]];
    let g = map.get(key);
    if (g === undefined) {
      g = map.size;
      map.set(key, g);
    }
    ids[i] = g;
  }
  return { ids, count: map.size };
}

/** Weighted group means subtracted in place from each column of a (n×cols) and from y. */
export function demeanByGroup(d: DesignMatrix, ids: Int32Array, nGroups: number): void {
  const { n, k, x, y, weights: w } = d;
  const sumW = new Float64Array(nGroups);
  for (let i = 0; i < n; i++) sumW[ids[i]] += w ? w[i] : 1;
  const mean = new Float64Array(nGroups);
  for (let g = 0; g < nGroups; g++) sumW[g] = 1 / sumW[g];
  const demean = (v: Float64Array, o: number): void => {
    mean.fill(0);
    if (w) for (let i = 0; i < n; i++) mean[ids[i]] += w[i] * v[o + i];
    else for (let i = 0; i < n; i++) mean[ids[i]] += v[o + i];
    for (let g = 0; g < nGroups; g++) mean[g] *= sumW[g];
    for (let i = 0; i < n; i++) v[o + i] -= mean[ids[i]];
  };
  for (let c = 0; c < k; c++) demean(x, c * n);
  demean(y, 0);
}
