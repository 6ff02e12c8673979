/**
 * Formula variables (docs/METHODS.md §2): `pop^1.2 / pop`, `log(x)`, `a - b`, `(phv_18 - pu) / innbyggere`.
 * Parsing and the safety whitelist live in formulaParse.ts, vectorised evaluation in
 * formulaCompile.ts; this module ties them to the table and keeps the inputs' missing reasons.
 */
import type { Problem } from '../problem';
import { getNumeric, Missing, type NumericColumn, type Table } from '../table';
import type { FormulaDef } from '../../spec/sections/variables';
import { parseFormula, type ParseOutcome } from './formulaParse';
import { compile, run } from './formulaCompile';
import { combineMissing, worseReason } from './missing';
import { previewColumn } from './preview';
import type { ColumnPreview } from './types';
import type { BuiltColumn } from './expenditure';

export { parseFormula, FUNCTIONS, MAX_FORMULA_LENGTH } from './formulaParse';
export type { ParseOutcome } from './formulaParse';

/** Checks a formula against the numeric columns of a table (for inline validation). */
export function checkFormula(expression: string, table: Table, where: Problem['where'] = {}): ParseOutcome {
  return parseFormula(expression, (name) => getNumeric(table, name) !== undefined, where);
}

/** Checks a formula against a list of names (the catalogue, in the UI, without the data). */
export function checkFormulaNames(expression: string, names: readonly string[], where: Problem['where'] = {}): ParseOutcome {
  const set = new Set(names);
  return parseFormula(expression, (name) => set.has(name), where);
}

export function buildFormula(table: Table, def: FormulaDef): BuiltColumn {
  const parsed = checkFormula(def.expression, table, { variable: def.id });
  if (!parsed.ok) return { column: null, inputs: [], recipe: def.expression, problems: [parsed.problem] };
  const n = table.nRows;
  const cols = parsed.variables.map((v) => getNumeric(table, v) as NumericColumn);
  const values = run(compile(parsed.expr), {
    n,
    column: (name) => (getNumeric(table, name) as NumericColumn).values,
  });
  const inputMissing = combineMissing(n, cols.map((c) => c.missing));
  const missing = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    // A finite result is kept even when an unused branch of `c ? a : b` had a missing input.
    if (!Number.isFinite(values[i])) {
      missing[i] = inputMissing[i] !== 0 ? worseReason(0, inputMissing[i]) : Missing.undefinedValue;
      values[i] = NaN;
    }
  }
  const column: NumericColumn = { kind: 'number', name: def.id, label: def.label, source: 'formel', values, missing };
  return { column, inputs: parsed.variables, recipe: def.expression, problems: [] };
}

/** Evaluates a formula without adding it anywhere: the editor's preview. */
export function previewFormula(table: Table, expression: string): { ok: true; preview: ColumnPreview } | { ok: false; problem: Problem } {
  const built = buildFormula(table, { id: '__preview__', label: '', expression });
  if (!built.column) return { ok: false, problem: built.problems[0] };
  return { ok: true, preview: previewColumn(built.column) };
}
