/**
 * The validation report of an import: per file (duplicates, non-numeric cells with positions,
 * aggregates set aside, municipalities other files have and this one lacks, gaps in the years,
 * unmatched codes) and values far from the rest (robust z on the log scale for positive
 * quantities; flagged, never removed).
 */
import { Missing, type Table } from '../../engine/table';
import { boundedPreview } from './boundedPreview';
import type { DroppedRows, DuplicateKey, ImportedSource, Outlier, SourceValidation, ValidationReport, VariableInfo } from '../types';

export const OUTLIER_Z = 5;
const MAX_OUTLIERS = 200;

export interface ValidateInput {
  sources: ImportedSource[];
  dataSources: ImportedSource[];
  targetOf: (string | null)[][];
  table: Table;
  catalogue: VariableInfo[];
  duplicates: DuplicateKey[];
  dupCount: Map<string, number>;
  unmatched: { file: string; code: string; name: string }[];
  mappedCodes: Map<string, string>;
  /** Values each data source lost in the join, by reason. */
  joinDropped?: Map<ImportedSource, DroppedRows[]>;
}

/**
 * k-th smallest of a[0..n) by quickselect (median-of-three pivot), reordering a in place so that
 * a[0..k) ≤ a[k]. A full sort per variable × year was most of buildDataset's time on the demo.
 * Callers make sure there is no NaN (the comparisons would not order it).
 */
function select(a: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    // Order a[lo], a[mid], a[hi] and use the middle one as pivot.
    if (a[mid] < a[lo]) swap(a, mid, lo);
    if (a[hi] < a[lo]) swap(a, hi, lo);
    if (a[hi] < a[mid]) swap(a, hi, mid);
    const pivot = a[mid];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) swap(a, i++, j--);
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k];
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

/** Median of xs[0..n), reordering xs in place (callers pass scratch copies). Same value as sorting. */
function medianInPlace(xs: Float64Array, n: number): number {
  let hasNaN = false;
  for (let i = 0; i < n; i++) if (xs[i] !== xs[i]) hasNaN = true;
  if (hasNaN) {
    // Sorting puts NaN last, which selection cannot mimic; rare enough to take the slow path.
    const s = xs.subarray(0, n).sort();
    return n % 2 ? s[(n - 1) >> 1] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
  const h = n >> 1;
  const upper = select(xs, n, h);
  if (n % 2) return upper;
  // After selecting index h, the (h−1)-th smallest is the largest of xs[0..h).
  let lower = xs[0];
  for (let i = 1; i < h; i++) if (xs[i] > lower) lower = xs[i];
  return (lower + upper) / 2;
}

/**
 * Robust z of xs[0..n) into z[0..n), using `scratch` (length ≥ n); false when it is not defined
 * (fewer than 10 values, or no spread). Shared by `robustZ` and the outlier pass, which calls it
 * for every variable × year and so reuses its buffers instead of allocating per call.
 */
function robustZInto(xs: Float64Array, n: number, z: Float64Array, scratch: Float64Array): boolean {
  if (n < 10) return false;
  let nonNegative = true;
  for (let i = 0; i < n; i++) {
    if (!(xs[i] >= 0)) {
      nonNegative = false;
      break;
    }
  }
  // z holds x (the logged values) until the end.
  if (nonNegative) for (let i = 0; i < n; i++) z[i] = Math.log1p(xs[i]);
  else z.set(xs.subarray(0, n));
  scratch.set(z.subarray(0, n));
  const med = medianInPlace(scratch, n);
  for (let i = 0; i < n; i++) scratch[i] = Math.abs(z[i] - med);
  const mad = medianInPlace(scratch, n) * 1.4826;
  if (!(mad > 0)) return false;
  for (let i = 0; i < n; i++) z[i] = (z[i] - med) / mad;
  return true;
}

/**
 * Robust z = (x − median) / (1.4826 · MAD); on log(1 + x) when no value is negative, because counts
 * and amounts are very skewed (Oslo is 100 times the median municipality and not an error).
 */
export function robustZ(values: Float64Array): Float64Array | null {
  const z = new Float64Array(values.length);
  return robustZInto(values, values.length, z, new Float64Array(values.length)) ? z : null;
}

function findOutliers(table: Table, catalogue: VariableInfo[]): { list: Outlier[]; n: number } {
  const list: Outlier[] = [];
  let n = 0;
  const unit = table.columns.get('kommune');
  const year = table.columns.get('aar');
  if (!unit || unit.kind !== 'string' || !year || year.kind !== 'number') return { list, n };
  // Rows of each year, found once rather than by scanning the table per variable × year.
  const byYear = new Map<number, number[]>();
  for (let r = 0; r < table.nRows; r++) {
    const y = year.values[r];
    const rows = byYear.get(y);
    if (rows) rows.push(r);
    else byYear.set(y, [r]);
  }
  const xs = new Float64Array(table.nRows);
  const z = new Float64Array(table.nRows);
  const scratch = new Float64Array(table.nRows);
  const at = new Int32Array(table.nRows);
  for (const info of catalogue) {
    const col = table.columns.get(info.name);
    if (!col || col.kind !== 'number') continue;
    for (const y of info.years) {
      const rows = byYear.get(y);
      if (!rows) continue;
      let k = 0;
      for (const r of rows) {
        if (col.missing[r] !== Missing.present) continue;
        xs[k] = col.values[r];
        at[k++] = r;
      }
      if (!robustZInto(xs, k, z, scratch)) continue;
      for (let i = 0; i < k; i++) {
        const zi = z[i];
        if (Math.abs(zi) <= OUTLIER_Z) continue;
        n++;
        if (list.length < MAX_OUTLIERS) {
          const r = at[i];
          list.push({ variable: info.name, unit: unit.values[r], year: y, value: col.values[r], robustZ: zi });
        }
      }
    }
  }
  list.sort((a, b) => Math.abs(b.robustZ) - Math.abs(a.robustZ));
  return { list, n };
}

/** Everything a source lost: in its reader (rows) and in the join (values), duplicates included. */
function droppedOf(s: ImportedSource, input: ValidateInput): DroppedRows[] {
  const out = [...(s.dropped ?? []), ...(input.joinDropped?.get(s) ?? [])];
  const dups = input.dupCount.get(s.spec.fileName) ?? 0;
  if (dups > 0) out.push({ reason: 'duplicate', count: dups, of: 'values', firstLine: input.duplicates.find((d) => d.file === s.spec.fileName)?.lines[0] });
  return out;
}

export function validate(input: ValidateInput): ValidationReport {
  const { sources, dataSources, targetOf } = input;
  const unitSets = new Map<ImportedSource, Set<string>>();
  dataSources.forEach((s, si) => unitSets.set(s, new Set(targetOf[si].filter((c): c is string => c !== null))));
  const all = new Set<string>();
  for (const set of unitSets.values()) for (const c of set) all.add(c);
  const perSource: SourceValidation[] = sources.map((s) => {
    const file = s.spec.fileName;
    const seen = new Set<number>();
    for (let i = 0; i < s.obs.n; i++) seen.add(s.obs.year[i]);
    const years = [...seen].filter((y) => y > 0).sort((a, b) => a - b);
    const missingYears: number[] = [];
    for (let y = years[0]; years.length > 1 && y < years[years.length - 1]; y++) if (!years.includes(y)) missingYears.push(y);
    const mine = unitSets.get(s);
    let nValues = 0;
    for (let i = 0; i < s.obs.n; i++) if (s.obs.missing[i] === 0) nValues++;
    return {
      file,
      id: s.spec.id,
      status: s.status,
      detected: s.detected,
      headers: s.headers,
      preview: boundedPreview(s.preview.length > 0 ? s.preview : (s.textRows ?? []), s.headers.length),
      nRows: s.stats.rows,
      variables: s.variables.slice(0, 500).map((v) => ({ name: v.name, label: v.label })),
      nUnits: s.units.length,
      years,
      nValues,
      nDuplicates: input.dupCount.get(file) ?? 0,
      duplicates: input.duplicates.filter((d) => d.file === file),
      nNonNumeric: s.nInvalid,
      nonNumeric: s.invalidCells,
      nOutOfRange: s.nOutOfRange ?? 0,
      outOfRange: s.outOfRange ?? [],
      dropped: droppedOf(s, input),
      aggregates: s.aggregates,
      unitsMissingHere: mine && dataSources.length > 1 ? [...all].filter((c) => !mine.has(c)).sort() : [],
      missingYears,
      unmatchedCodes: input.unmatched.filter((u) => u.file === file).map((u) => u.code),
    };
  });
  const out = findOutliers(input.table, input.catalogue);
  return {
    sources: perSource,
    outliers: out.list,
    nOutliers: out.n,
    unmatchedCodes: input.unmatched,
    mappedCodes: [...input.mappedCodes].map(([from, to]) => ({ from, to })),
  };
}
