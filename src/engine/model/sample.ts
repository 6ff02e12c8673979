/**
 * Sample selection for one model: the spec's row filter first, then listwise deletion over every
 * variable the model uses. Rows removed by deletion are reported with the variables and reasons;
 * rows outside the filter are not "dropped" (the user chose them away). `filterRows` is the one row
 * filter of the engine: the common sample of the R² decompositions (importance/sample.ts) uses it too,
 * so a filter the table cannot apply (no year column for a year filter …) is the same problem there.
 */
import { problem, type Problem } from '../problem';
import { columnAsText, getNumeric, missingReasonName, type MissingCode, type NumericColumn, type Table } from '../table';
import type { DroppedRow, SampleFilter } from './types';

export interface UsedVariable {
  name: string;
  numeric: NumericColumn | null;
  /** Text view of a key column (unit or cluster id); '' = missing. */
  text: string[] | null;
}

export interface Sample {
  rows: Int32Array;
  dropped: DroppedRow[];
}

export const DEFAULT_SIZE_CLASS_COLUMN = 'size_class';

/**
 * Rows that pass a sample filter (years, units, excluded units, size classes), ascending. An empty
 * list means no filter; size classes default to the derived `size_class` column. A filter that needs
 * a column the table lacks is a problem, never an empty (or full) sample.
 */
export function filterRows(table: Table, sample: SampleFilter | null | undefined): { rows: Int32Array } | { problem: Problem } {
  const s = sample ?? null;
  const years = s?.years && s.years.length > 0 ? new Set(s.years) : null;
  const units = s?.units && s.units.length > 0 ? new Set(s.units) : null;
  const exclude = s?.excludeUnits && s.excludeUnits.length > 0 ? new Set(s.excludeUnits) : null;
  const sizes = s?.sizeClasses && s.sizeClasses.length > 0 ? new Set(s.sizeClasses) : null;
  const yearCol = years ? getNumeric(table, table.year ?? '') : undefined;
  if (years && !yearCol) return { problem: missingKey('år', 'year', table.year) };
  const unitText = units || exclude ? columnAsText(table, table.unit ?? '') : undefined;
  if ((units || exclude) && !unitText) return { problem: missingKey('enhet', 'unit', table.unit) };
  const sizeName = s?.sizeClassColumn ?? DEFAULT_SIZE_CLASS_COLUMN;
  const sizeCol = sizes ? getNumeric(table, sizeName) : undefined;
  if (sizes && !sizeCol) return { problem: unknownVariable(sizeName) };
  const all = new Int32Array(table.nRows);
  let m = 0;
  if (!yearCol && !unitText && !sizeCol) {
    // No filter: every row, without a per-row test.
    for (let i = 0; i < all.length; i++) all[i] = i;
    return { rows: all };
  }
  for (let i = 0; i < table.nRows; i++) {
    if (yearCol && !years?.has(yearCol.values[i])) continue;
    if (unitText && units && !units.has(unitText[i])) continue;
    if (unitText && exclude && exclude.has(unitText[i])) continue;
    if (sizeCol && !sizes?.has(sizeCol.values[i])) continue;
    all[m++] = i;
  }
  return { rows: all.slice(0, m) };
}

/**
 * Listwise deletion over `vars`. Non-finite numbers that are not marked missing and non-positive
 * weights are refused (they are data errors, not gaps). The weight rule is the engine's one rule for
 * analytic weights (README «Vekter»): a zero, negative or non-finite weight in a row the model would
 * use is refused with the row named — in every method (fit, per year, best subsets, LMG, bootstrap,
 * cost keys), see `invalidWeight`.
 */
export function listwise(
  table: Table,
  candidates: Int32Array,
  vars: UsedVariable[],
  weights: NumericColumn | null,
): Sample | { problem: Problem } {
  const nc = candidates.length;
  const keep = new Int32Array(nc);
  let nKeep = 0;
  const dropped: DroppedRow[] = [];
  // Built only when a row is dropped: for a numeric unit column it is a fresh string array.
  let unitText: string[] | undefined | null = null;
  const yearCol = table.year ? getNumeric(table, table.year) : undefined;
  // Fast pass: flag candidates (by position) with any gap, column by column over typed arrays;
  // only flagged rows get the detailed report.
  const bad = new Uint8Array(nc);
  for (const v of vars) {
    if (v.numeric) {
      const miss = v.numeric.missing;
      const vals = v.numeric.values;
      if (!isClean(miss, vals)) flagNumeric(miss, vals, candidates, bad);
    } else if (v.text) {
      const text = v.text;
      for (let q = 0; q < nc; q++) if (text[candidates[q]] === '') bad[q] = 1;
    }
  }
  for (let q = 0; q < nc; q++) {
    const i = candidates[q];
    if (!bad[q]) {
      if (weights) {
        const bad = invalidWeight(table, weights, i);
        if (bad) return { problem: bad };
      }
      keep[nKeep++] = i;
      continue;
    }
    let names: string[] | null = null;
    let reasons: string[] | null = null;
    for (const v of vars) {
      let reason: string | null = null;
      if (v.numeric) {
        const code = v.numeric.missing[i] as MissingCode;
        if (code !== 0) reason = missingReasonName[code] ?? 'missing';
        else if (!Number.isFinite(v.numeric.values[i])) {
          return {
            problem: problem('non-finite', `Variabelen ${v.name} har en ikke-endelig verdi i rad ${i + 1}.`, `Variable ${v.name} has a non-finite value in row ${i + 1}.`, { variable: v.name, position: i }),
          };
        }
      } else if (v.text && v.text[i] === '') reason = 'missing';
      if (reason !== null) {
        (names ??= []).push(v.name);
        (reasons ??= []).push(reason);
      }
    }
    if (names && reasons) {
      const d: DroppedRow = { row: i, variables: names, reasons };
      if (unitText === null) unitText = table.unit ? columnAsText(table, table.unit) : undefined;
      if (unitText && unitText[i] !== '') d.unit = unitText[i];
      if (yearCol && yearCol.missing[i] === 0) d.year = yearCol.values[i];
      dropped.push(d);
    }
  }
  return { rows: keep.slice(0, nKeep), dropped };
}

// Whether a whole column has neither a gap nor a non-finite value, by the identity of its arrays:
// tables are not mutated once built, and the worker refits the same table many times, so a clean
// column (the usual case) skips the per-row test.
const cleanCache = new WeakMap<Float64Array, { miss: Uint8Array; clean: boolean }>();

function isClean(miss: Uint8Array, vals: Float64Array): boolean {
  const hit = cleanCache.get(vals);
  if (hit && hit.miss === miss) return hit.clean;
  let clean = miss.length >= vals.length;
  for (let i = 0; clean && i < vals.length; i++) if (miss[i] !== 0 || vals[i] - vals[i] !== 0) clean = false;
  cleanCache.set(vals, { miss, clean });
  return clean;
}

/**
 * Flags candidates with a missing code or a non-finite value (x − x is 0 for finite x, NaN for NaN
 * and ±∞). A small function of its own so V8 optimises the loop on typed arrays alone; gaps are rare,
 * so the store sits behind the test.
 */
function flagNumeric(miss: Uint8Array, vals: Float64Array, candidates: Int32Array, bad: Uint8Array): void {
  const nc = candidates.length;
  for (let q = 0; q < nc; q++) {
    const i = candidates[q];
    if (miss[i] !== 0 || vals[i] - vals[i] !== 0) bad[q] = 1;
  }
}

/** The refusal of an analytic weight that is not positive and finite in row i (0-based), or null. */
export function invalidWeight(table: Table, weights: NumericColumn, i: number): Problem | null {
  const v = weights.values[i];
  if (v > 0 && v < Infinity) return null;
  // Name the row the way the user sees it: the unit and year when the table has them.
  const unit = table.unit ? columnAsText(table, table.unit)?.[i] : undefined;
  const yearCol = table.year ? getNumeric(table, table.year) : undefined;
  const year = yearCol && yearCol.missing[i] === 0 ? yearCol.values[i] : undefined;
  const who = [unit, year].filter((x) => x !== undefined && x !== '').join(', ');
  const at = `rad ${i + 1}${who ? ` (${who})` : ''}`;
  const atEn = `row ${i + 1}${who ? ` (${who})` : ''}`;
  return problem(
    'invalid-weights',
    `Vekten (${weights.name}) må være positiv; ${at} har ${v}. Rett vekten eller ta raden ut av utvalget.`,
    `The weight (${weights.name}) must be positive; ${atEn} has ${v}. Correct the weight or leave the row out of the sample.`,
    { variable: weights.name, position: i, ...(unit ? { unit } : {}), ...(year !== undefined ? { year } : {}) },
  );
}

export function unknownVariable(name: string): Problem {
  return problem('unknown-variable', `Ukjent variabel: ${name}.`, `Unknown variable: ${name}.`, { variable: name });
}

function missingKey(nb: string, en: string, name: string | undefined): Problem {
  return problem(
    'missing-key-column',
    `Modellen trenger en ${nb}-kolonne${name ? ` (${name} finnes ikke)` : ''}.`,
    `The model needs a ${en} column${name ? ` (${name} does not exist)` : ''}.`,
    name ? { column: name } : undefined,
  );
}
