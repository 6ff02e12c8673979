/**
 * The one common sample that every sub-model of a decomposition or subset search uses: listwise
 * deletion over y, the year column, every criterion, every control, the weights and the cluster id.
 * Using one sample is what makes R² of different subsets comparable (docs/METHODS.md §4, oracle `relimp`).
 */
import { getNumeric, columnAsText, type NumericColumn, type Table } from '../table';
import { problem, type Problem } from '../problem';
import type { SampleFilter } from '../model/types';
import { filterRows, invalidWeight } from '../model/sample';

export interface CommonSampleSpec {
  dependent: string;
  /** Criteria that are decomposed / searched over. */
  criteria: string[];
  /** Always-in regressors (besides intercept and year dummies). */
  controls?: string[];
  intercept?: boolean;
  yearEffects?: boolean;
  weights?: string | null;
  /** Cluster column for the bootstrap; defaults to the table's unit column. */
  cluster?: string | null;
  sample?: SampleFilter | null;
}

export interface CommonSample {
  n: number;
  /** Table rows used, ascending. */
  rows: Int32Array;
  y: Float64Array;
  criteria: string[];
  /** One column per criterion, length n. */
  x: Float64Array[];
  controls: string[];
  c: Float64Array[];
  /** Distinct years in the sample, ascending; the first is the base of the year dummies. */
  years: number[];
  /** Index into `years` per row (−1 without a year column). */
  yearIndex: Int32Array;
  /** Cluster index 0..nClusters−1 per row (−1 when no cluster column). */
  cluster: Int32Array;
  nClusters: number;
  weights: Float64Array | null;
  intercept: boolean;
  yearEffects: boolean;
  /** Rows that passed the sample filter but were removed by listwise deletion. */
  nDropped: number;
}

/** Builds the common sample, or a Problem naming the variable that is absent from the table, or the
 *  row whose weight is not positive (the same rule as every model's listwise deletion). */
export function buildCommonSample(table: Table, spec: CommonSampleSpec): CommonSample | Problem {
  const controls = spec.controls ?? [];
  const intercept = spec.intercept ?? true;
  const yearEffects = (spec.yearEffects ?? true) && !!table.year;
  const names = [spec.dependent, ...spec.criteria, ...controls];
  if (spec.weights) names.push(spec.weights);
  const cols: NumericColumn[] = [];
  for (const name of names) {
    const col = getNumeric(table, name);
    if (!col) {
      return problem(
        'unknown-variable',
        `Variabelen «${name}» finnes ikke i datasettet.`,
        `The variable "${name}" is not in the dataset.`,
        { variable: name },
      );
    }
    cols.push(col);
  }
  const yearCol = yearEffects && table.year ? getNumeric(table, table.year) : undefined;
  const clusterName = spec.cluster ?? table.unit;
  const clusterText = clusterName ? columnAsText(table, clusterName) : undefined;
  // The same row filter as every model (model/sample.ts), then listwise deletion over this sample's
  // variables.
  const filtered = filterRows(table, spec.sample);
  if ('problem' in filtered) return filtered.problem;

  const rows: number[] = [];
  let nDropped = 0;
  for (const i of filtered.rows) {
    let ok = true;
    for (const col of cols) if (col.missing[i] !== 0) ok = false;
    if (yearCol && yearCol.missing[i] !== 0) ok = false;
    if (clusterText && clusterText[i] === '') ok = false;
    if (ok && spec.weights) {
      const bad = invalidWeight(table, cols[cols.length - 1], i);
      if (bad) return bad;
    }
    if (ok) rows.push(i);
    else nDropped++;
  }
  const n = rows.length;
  const pick = (v: Float64Array) => Float64Array.from(rows, (r) => v[r]);
  const y = pick(cols[0].values);
  const x = spec.criteria.map((_, j) => pick(cols[1 + j].values));
  const c = controls.map((_, j) => pick(cols[1 + spec.criteria.length + j].values));
  const weights = spec.weights ? pick(cols[cols.length - 1].values) : null;

  const yearVals = yearCol ? Array.from(new Set(rows.map((r) => yearCol.values[r]))).sort((a, b) => a - b) : [];
  const yearPos = new Map(yearVals.map((v, i) => [v, i]));
  const yearIndex = Int32Array.from(rows, (r) => (yearCol ? (yearPos.get(yearCol.values[r]) ?? -1) : -1));

  const clusterIds = new Map<string, number>();
  const cluster = Int32Array.from(rows, (r) => {
    if (!clusterText) return -1;
    const key = clusterText[r];
    let id = clusterIds.get(key);
    if (id === undefined) {
      id = clusterIds.size;
      clusterIds.set(key, id);
    }
    return id;
  });
  return {
    n,
    rows: Int32Array.from(rows),
    y,
    criteria: [...spec.criteria],
    x,
    controls: [...controls],
    c,
    years: yearVals,
    yearIndex,
    cluster,
    nClusters: clusterIds.size,
    weights,
    intercept,
    yearEffects: yearEffects && yearVals.length > 0,
    nDropped,
  };
}

export function isProblem(x: unknown): x is Problem {
  return typeof x === 'object' && x !== null && 'code' in x && 'messageEn' in x;
}

/** The always-in columns: intercept, year dummies (first year is the base), controls. */
export function forcedColumns(s: CommonSample): { names: string[]; cols: Float64Array[] } {
  const names: string[] = [];
  const cols: Float64Array[] = [];
  if (s.intercept) {
    names.push('intercept');
    cols.push(new Float64Array(s.n).fill(1));
  }
  if (s.yearEffects) {
    for (let t = 1; t < s.years.length; t++) {
      names.push(`year_${s.years[t]}`);
      cols.push(Float64Array.from(s.yearIndex, (yi) => (yi === t ? 1 : 0)));
    }
  }
  s.controls.forEach((name, j) => {
    names.push(name);
    cols.push(s.c[j]);
  });
  return { names, cols };
}
