/**
 * The validation report of an import: per file (duplicates, non-numeric cells with positions,
 * aggregates set aside, municipalities other files have and this one lacks, gaps in the years,
 * unmatched codes) and values far from the rest (robust z on the log scale for positive
 * quantities; flagged, never removed).
 */
import { Missing, type Table } from '../../engine/table';
import type { DuplicateKey, ImportedSource, Outlier, SourceValidation, ValidationReport, VariableInfo } from '../types';

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
}

function median(xs: Float64Array): number {
  const s = Float64Array.from(xs).sort();
  const n = s.length;
  return n % 2 ? s[(n - 1) >> 1] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/**
 * Robust z = (x − median) / (1.4826 · MAD); on log(1 + x) when no value is negative, because counts
 * and amounts are very skewed (Oslo is 100 times the median municipality and not an error).
 */
export function robustZ(values: Float64Array): Float64Array | null {
  if (values.length < 10) return null;
  const nonNegative = values.every((v) => v >= 0);
  const x = nonNegative ? values.map((v) => Math.log1p(v)) : values;
  const med = median(x);
  const mad = median(x.map((v) => Math.abs(v - med))) * 1.4826;
  if (!(mad > 0)) return null;
  return x.map((v) => (v - med) / mad);
}

function findOutliers(table: Table, catalogue: VariableInfo[]): { list: Outlier[]; n: number } {
  const list: Outlier[] = [];
  let n = 0;
  const unit = table.columns.get('kommune');
  const year = table.columns.get('aar');
  if (!unit || unit.kind !== 'string' || !year || year.kind !== 'number') return { list, n };
  for (const info of catalogue) {
    const col = table.columns.get(info.name);
    if (!col || col.kind !== 'number') continue;
    for (const y of info.years) {
      const rows: number[] = [];
      for (let r = 0; r < table.nRows; r++) if (year.values[r] === y && col.missing[r] === Missing.present) rows.push(r);
      const z = robustZ(Float64Array.from(rows, (r) => col.values[r]));
      if (!z) continue;
      z.forEach((zi, k) => {
        if (Math.abs(zi) <= OUTLIER_Z) return;
        n++;
        if (list.length < MAX_OUTLIERS) {
          const r = rows[k];
          list.push({ variable: info.name, unit: unit.values[r], year: y, value: col.values[r], robustZ: zi });
        }
      });
    }
  }
  list.sort((a, b) => Math.abs(b.robustZ) - Math.abs(a.robustZ));
  return { list, n };
}

export function validate(input: ValidateInput): ValidationReport {
  const { sources, dataSources, targetOf } = input;
  const unitSets = new Map<ImportedSource, Set<string>>();
  dataSources.forEach((s, si) => unitSets.set(s, new Set(targetOf[si].filter((c): c is string => c !== null))));
  const all = new Set<string>();
  for (const set of unitSets.values()) for (const c of set) all.add(c);
  const perSource: SourceValidation[] = sources.map((s) => {
    const file = s.spec.fileName;
    const years = [...new Set(s.obs.year)].filter((y) => y > 0).sort((a, b) => a - b);
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
      preview: (s.preview.length > 0 ? s.preview : (s.textRows ?? [])).slice(0, 10),
      nRows: s.stats.rows,
      variables: s.variables.slice(0, 500).map((v) => ({ name: v.name, label: v.label })),
      nUnits: s.units.length,
      years,
      nValues,
      nDuplicates: input.dupCount.get(file) ?? 0,
      duplicates: input.duplicates.filter((d) => d.file === file),
      nNonNumeric: s.nInvalid,
      nonNumeric: s.invalidCells,
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
