/**
 * Pulls what a cost key needs out of a Table for one year: unit ids and names, population, the
 * prepared criteria (national values and ratios), the controls' national values and the observed
 * national spending per inhabitant ȳ_obs = Σ n_i·y_i / Σ n_i (the U of the equalisation).
 */
import { columnAsText, getNumeric, type Table } from '../table';
import { problem, type Problem } from '../problem';
import { nationalMean, prepareCriteria, type PreparedCriteria } from './prepare';

export interface KeyDataOptions {
  unit: string;
  unitName?: string | null;
  population: string;
  /** Year column and year of the key; null = all rows (a cross-section file). */
  yearColumn?: string | null;
  year?: number | null;
  criteria: string[];
  controls?: string[];
  dependent?: string | null;
}

export interface KeyData {
  prep: PreparedCriteria;
  names: string[];
  /** National values of criteria and controls by name. */
  national: Record<string, number>;
  /** ȳ_obs in the dependent's units (NaN without a dependent). */
  yObsNational: number;
  year: number | null;
  /** Table row of each kept unit (same order as prep.units). */
  tableRows: number[];
  problems: Problem[];
}

export function selectRows(table: Table, yearColumn: string | null | undefined, year: number | null | undefined): number[] {
  const rows: number[] = [];
  const yc = yearColumn ? getNumeric(table, yearColumn) : undefined;
  for (let i = 0; i < table.nRows; i++) if (!yc || year === null || year === undefined || yc.values[i] === year) rows.push(i);
  return rows;
}

/** Last year present in the table's year column (the default key year). */
export function lastYear(table: Table, yearColumn: string | null | undefined): number | null {
  const yc = yearColumn ? getNumeric(table, yearColumn) : undefined;
  if (!yc) return null;
  let best = -Infinity;
  for (let i = 0; i < yc.values.length; i++) if (yc.missing[i] === 0 && yc.values[i] > best) best = yc.values[i];
  return Number.isFinite(best) ? best : null;
}

function numericOrProblem(table: Table, name: string, problems: Problem[]): Float64Array | null {
  const c = getNumeric(table, name);
  if (!c) {
    problems.push(problem('missing-column', `Variabelen «${name}» finnes ikke.`, `Variable "${name}" does not exist.`, { variable: name }));
    return null;
  }
  return c.values;
}

export function keyData(table: Table, o: KeyDataOptions): KeyData | { problems: Problem[] } {
  const problems: Problem[] = [];
  const year = o.yearColumn ? (o.year ?? lastYear(table, o.yearColumn)) : null;
  const rows = selectRows(table, o.yearColumn, year);
  const ids = columnAsText(table, o.unit);
  if (!ids) problems.push(problem('missing-column', `Enhetskolonnen «${o.unit}» finnes ikke.`, `Unit column "${o.unit}" does not exist.`, { column: o.unit }));
  const pop = numericOrProblem(table, o.population, problems);
  const crit = o.criteria.map((c) => numericOrProblem(table, c, problems));
  const ctrl = (o.controls ?? []).map((c) => numericOrProblem(table, c, problems));
  const y = o.dependent ? numericOrProblem(table, o.dependent, problems) : null;
  if (problems.length || !ids || !pop) return { problems };
  const pick = (v: Float64Array): Float64Array => Float64Array.from(rows, (i) => v[i]);
  const prep = prepareCriteria(
    rows.map((i) => ids[i]),
    pick(pop),
    o.criteria.map((name, j) => ({ name, values: pick(crit[j] as Float64Array) })),
    o.population,
  );
  problems.push(...prep.problems);
  // Controls and ȳ_obs over the same units as the index so every national figure has one base.
  const keptRows = Array.from(prep.rows, (r) => rows[r]);
  const national: Record<string, number> = {};
  o.criteria.forEach((c, j) => (national[c] = prep.national[j]));
  (o.controls ?? []).forEach((c, j) => (national[c] = nationalMean(ctrl[j] as Float64Array, pop, keptRows)));
  const yObsNational = y ? nationalMean(y, pop, keptRows) : NaN;
  const yMissing = y ? keptRows.filter((i) => !Number.isFinite(y[i])).length : 0;
  if (yMissing > 0)
    problems.push(
      problem(
        'dependent-missing',
        `${yMissing} enheter mangler «${o.dependent}» i nøkkelåret; nasjonal utgift per innbygger er beregnet uten dem.`,
        `${yMissing} units have no "${o.dependent}" in the key year; national spending per inhabitant is computed without them.`,
        { variable: o.dependent ?? undefined },
        'warning',
      ),
    );
  const nameCol = o.unitName ? columnAsText(table, o.unitName) : undefined;
  const names = keptRows.map((i) => nameCol?.[i] ?? ids[i]);
  return { prep, names, national, yObsNational, year, tableRows: keptRows, problems };
}
