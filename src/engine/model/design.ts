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
  /** Year value per table row, and the years that get a dummy (all present but the first);
   *  `ids`, when the caller has them (from `indexValues`), is each row's group: 0 = base, j + 1 = years[j]. */
  yearDummies: { values: Float64Array; years: number[]; ids?: Int32Array } | null;
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
  // Rows are ascending and distinct, so a run without gaps is one block copy per column.
  const r0 = n > 0 ? rows[0] : 0;
  const contiguous = n > 0 && rows[n - 1] - r0 === n - 1;
  for (const col of p.slopes) {
    const v = col.values;
    const o = (c - shift) * n;
    if (contiguous) x.set(v.subarray(r0, r0 + n), o);
    else for (let i = 0; i < n; i++) x[o + i] = v[rows[i]];
    names.push(col.name);
    c++;
  }
  let yearGroups: DesignMatrix['yearGroups'] = null;
  if (p.yearDummies) {
    const { values, years } = p.yearDummies;
    const dummyColumns: number[] = [];
    for (let j = 0; j < years.length; j++) {
      names.push(`year_${years[j]}`);
      dummyColumns.push(c + j);
    }
    let ids = p.yearDummies.ids;
    if (!ids) {
      // years lists the dummied years; any other year in the rows is the base (group 0).
      const group = new Map<number, number>();
      for (let j = 0; j < years.length; j++) group.set(years[j], j + 1);
      ids = new Int32Array(n);
      for (let i = 0; i < n; i++) ids[i] = group.get(values[rows[i]]) ?? 0;
    }
    if (!compact) for (let i = 0; i < n; i++) if (ids[i] > 0) x[(c + ids[i] - 1) * n + i] = 1;
    yearGroups = { ids, count: years.length + 1, dummyColumns };
  } else if (compact) {
    // The intercept alone: one group, i.e. plain centring.
    yearGroups = { ids: new Int32Array(n), count: 1, dummyColumns: [] };
  }
  const y = gather(p.y.values, rows, contiguous);
  const weights = p.weights ? gather(p.weights.values, rows, contiguous) : null;
  return { x, compact, y, n, k, names, intercept: p.intercept ? 0 : -1, weights, yearGroups };
}

function gather(v: Float64Array, rows: Int32Array, contiguous: boolean): Float64Array {
  const n = rows.length;
  if (contiguous) return v.slice(rows[0], rows[0] + n);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = v[rows[i]];
  return out;
}

/**
 * Distinct values at `rows`, ascending, and each row's index into them. Few distinct values (years)
 * are looked up in a short list with a last-hit shortcut: a Map keyed by doubles boxes every key.
 */
export function indexValues(values: Float64Array, rows: Int32Array): { levels: number[]; ids: Int32Array } {
  const n = rows.length;
  const t = tableLevels(values);
  if (t) {
    // Table-wide codes (cached): mark the levels present, number them in order, map the rows.
    const all = t.levels.length;
    const remap = new Int32Array(all);
    const codes = t.codes;
    for (let i = 0; i < n; i++) remap[codes[rows[i]]] = 1;
    const levels: number[] = [];
    for (let l = 0; l < all; l++) {
      if (remap[l] === 1) {
        remap[l] = levels.length;
        levels.push(t.levels[l]);
      }
    }
    const ids = new Int32Array(n);
    for (let i = 0; i < n; i++) ids[i] = remap[codes[rows[i]]];
    return { levels, ids };
  }
  const seen = new Int32Array(n); // index in order of first appearance
  const first: number[] = [];
  let map: Map<number, number> | null = null;
  let last = NaN;
  let lastIdx = -1;
  for (let i = 0; i < n; i++) {
    const v = values[rows[i]];
    if (v === last) {
      seen[i] = lastIdx;
      continue;
    }
    let idx = -1;
    if (map) idx = map.get(v) ?? -1;
    else if (v !== v) {
      // NaN (a year column outside the model's variables may have gaps): one level, as in a Set.
      for (let m = 0; m < first.length; m++) if (first[m] !== first[m]) idx = m;
    } else for (let m = 0; m < first.length; m++) if (first[m] === v) idx = m;
    if (idx < 0) {
      idx = first.length;
      first.push(v);
      if (map) map.set(v, idx);
      else if (first.length > 64) map = new Map(first.map((f, m) => [f, m]));
    }
    seen[i] = idx;
    last = v;
    lastIdx = idx;
  }
  const order = first.map((_, m) => m).sort((a, b) => first[a] - first[b]);
  const rank = new Int32Array(first.length);
  for (let r = 0; r < order.length; r++) rank[order[r]] = r;
  for (let i = 0; i < n; i++) seen[i] = rank[seen[i]];
  return { levels: order.map((m) => first[m]), ids: seen };
}

// Table-wide sorted levels of a numeric key column (years) and each row's level, by the identity of
// the values array; null (the general path below) when the column holds NaN or −0, whose levels
// depend on the rows.
const levelCache = new WeakMap<Float64Array, { levels: Float64Array; codes: Int32Array } | null>();

function tableLevels(values: Float64Array): { levels: Float64Array; codes: Int32Array } | null {
  let c = levelCache.get(values);
  if (c !== undefined) return c;
  c = null;
  let ok = true;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v || (v === 0 && 1 / v < 0)) {
      ok = false;
      break;
    }
  }
  if (ok) {
    const sorted = Float64Array.from(values).sort();
    let m = 0;
    for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[m - 1]) sorted[m++] = sorted[i];
    const levels = sorted.slice(0, m);
    const index = new Map<number, number>();
    for (let l = 0; l < m; l++) index.set(levels[l], l);
    const codes = new Int32Array(values.length);
    for (let i = 0; i < values.length; i++) codes[i] = index.get(values[i]) as number;
    c = { levels, codes };
  }
  levelCache.set(values, c);
  return c;
}

// Table-wide integer codes of a key column, by the identity of its text array: tables are not
// mutated once built, and the worker refits the same table many times.
const codeCache = new WeakMap<string[], { codes: Int32Array; count: number }>();

function tableCodes(text: string[]): { codes: Int32Array; count: number } {
  let c = codeCache.get(text);
  if (!c) {
    const codes = new Int32Array(text.length);
    const map = new Map<string, number>();
    for (let i = 0; i < text.length; i++) {
      let g = map.get(text[i]);
      if (g === undefined) {
        g = map.size;
        map.set(text[i], g);
      }
      codes[i] = g;
    }
    c = { codes, count: map.size };
    codeCache.set(text, c);
  }
  return c;
}

/** Maps key values (unit or cluster ids) of the rows to 0..G−1 in order of first appearance. */
export function groupIds(text: string[], rows: Int32Array): { ids: Int32Array; count: number } {
  const { codes, count: all } = tableCodes(text);
  const remap = new Int32Array(all).fill(-1);
  const ids = new Int32Array(rows.length);
  let count = 0;
  for (let i = 0; i < rows.length; i++) {
    const code = codes[rows[i]];
    let g = remap[code];
    if (g < 0) {
      g = count++;
      remap[code] = g;
    }
    ids[i] = g;
  }
  return { ids, count };
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
