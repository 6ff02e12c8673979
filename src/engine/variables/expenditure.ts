/**
 * Expenditure of a service (docs/METHODS.md §2): Σ over the chosen KOSTRA functions of (gross operating
 * expenditure − depreciation), konsern or kasse, optionally in fixed kroner of a base year, per
 * inhabitant, in kr or 1000 kr. A missing or suppressed part makes the whole sum missing with that
 * reason: a total with a hole in it would silently understate the municipality's spending.
 */
import { problem, type Problem } from '../problem';
import { getNumeric, type NumericColumn, type Table } from '../table';
import type { ExpenditureDef } from '../../spec/sections/variables';
import { findAccounts } from './catalogue';
import { combineMissing, finalizeMissing } from './missing';
import type { CatalogueEntry } from './types';

export interface BuiltColumn {
  column: NumericColumn | null;
  inputs: string[];
  recipe: string;
  problems: Problem[];
}

export function buildExpenditure(
  table: Table,
  catalogue: CatalogueEntry[],
  def: ExpenditureDef,
  population: string,
): BuiltColumn {
  const problems: Problem[] = [];
  const where = { variable: def.id };
  const parts: { gross: NumericColumn; depr: NumericColumn | null }[] = [];
  const inputs: string[] = [];
  let sourceUnitFromCatalogue: string | undefined;

  if (def.functions.length === 0) {
    problems.push(problem('no-functions', `«${def.label}»: velg minst én KOSTRA-funksjon.`, `"${def.label}": choose at least one KOSTRA function.`, where));
    return { column: null, inputs, recipe: '', problems };
  }

  for (const f of def.functions) {
    const arts = def.netOfDepreciation ? [def.grossArt, def.depreciationArt] : [def.grossArt];
    const cols: (NumericColumn | null)[] = [];
    for (const art of arts) {
      const m = findAccounts(catalogue, { functionCode: f, art, scope: def.scope });
      const col = m.entry ? getNumeric(table, m.entry.name) : undefined;
      if (!m.entry || !col) {
        problems.push(
          problem(
            'accounts-variable-not-found',
            `«${def.label}»: finner ikke regnskapstall for funksjon ${f}, art ${art} (${def.scope}) blant de importerte variablene.`,
            `"${def.label}": no accounts figures for function ${f}, art ${art} (${def.scope}) among the imported variables.`,
            { variable: def.id, column: `${f}/${art}` },
          ),
        );
        cols.push(null);
        continue;
      }
      if (m.ambiguous.length) {
        problems.push(
          problem(
            'accounts-variable-ambiguous',
            `«${def.label}»: flere variabler passer til funksjon ${f}, art ${art}; bruker ${m.entry.name}.`,
            `"${def.label}": several variables match function ${f}, art ${art}; using ${m.entry.name}.`,
            { variable: def.id, variables: m.ambiguous.map((e) => e.name) },
            'warning',
          ),
        );
      }
      if (m.scopeUnchecked) {
        problems.push(
          problem(
            'accounts-scope-unknown',
            `«${def.label}»: ${m.entry.name} sier ikke om tallene gjelder konsern eller kasse; brukt som ${def.scope}.`,
            `"${def.label}": ${m.entry.name} does not say whether it is konsern or kasse; used as ${def.scope}.`,
            { variable: def.id, column: m.entry.name },
            'warning',
          ),
        );
      }
      sourceUnitFromCatalogue ??= m.entry.unit;
      inputs.push(m.entry.name);
      cols.push(col);
    }
    if (cols[0] && (!def.netOfDepreciation || cols[1])) parts.push({ gross: cols[0], depr: def.netOfDepreciation ? cols[1] : null });
  }
  if (problems.some((p) => p.severity === 'error')) return { column: null, inputs, recipe: '', problems };

  const n = table.nRows;
  const values = new Float64Array(n);
  const missingInputs: Uint8Array[] = [];
  for (const p of parts) {
    missingInputs.push(p.gross.missing);
    if (p.depr) missingInputs.push(p.depr.missing);
    for (let i = 0; i < n; i++) values[i] += p.gross.values[i] - (p.depr ? p.depr.values[i] : 0);
  }

  // Source unit: KOSTRA accounts are published in 1000 kr; the catalogue's unit overrides the guess.
  const sourceUnit = def.sourceUnit ?? (sourceUnitFromCatalogue && !/1\s?000/.test(sourceUnitFromCatalogue) && /kr/i.test(sourceUnitFromCatalogue) ? 'kr' : '1000kr');
  let scale = sourceUnit === '1000kr' ? 1000 : 1;
  if (def.unit === '1000kr') scale /= 1000;
  for (let i = 0; i < n; i++) values[i] *= scale;

  let recipe = `Σ(${def.functions.join(', ')}: ${def.grossArt}${def.netOfDepreciation ? ` − ${def.depreciationArt}` : ''}, ${def.scope})`;

  if (def.deflator) {
    const d = deflate(table, values, def.deflator.variable, def.deflator.baseYear, def);
    problems.push(...d.problems);
    if (!d.missing) return { column: null, inputs, recipe: '', problems };
    missingInputs.push(d.missing);
    inputs.push(def.deflator.variable);
    recipe += ` × P(${def.deflator.baseYear})/P(t)`;
  }

  if (def.perCapita) {
    const denomName = def.denominator ?? population;
    const denom = getNumeric(table, denomName);
    if (!denom) {
      problems.push(
        problem('denominator-not-found', `«${def.label}»: finner ikke befolkningsvariabelen «${denomName}».`, `"${def.label}": population variable "${denomName}" not found.`, {
          variable: def.id,
          column: denomName,
        }),
      );
      return { column: null, inputs, recipe: '', problems };
    }
    for (let i = 0; i < n; i++) values[i] /= denom.values[i];
    missingInputs.push(denom.missing);
    inputs.push(denomName);
    recipe += ` / ${denomName}`;
  }

  const missing = finalizeMissing(values, combineMissing(n, missingInputs));
  const unit = `${def.unit === '1000kr' ? '1000 kr' : 'kr'}${def.perCapita ? ' per innbygger' : ''}${def.deflator ? ` (${def.deflator.baseYear}-kr)` : ''}`;
  const column: NumericColumn = { kind: 'number', name: def.id, label: def.label, unit, source: 'variabelbygger', values, missing };
  return { column, inputs, recipe: `${recipe} [${unit}]`, problems };
}

/**
 * Fixed kroner of the base year: value_t × P(base) / P(t). The index is read per row, so a national
 * index repeated on every row and a municipal index both work; P(base) is the mean of the index over
 * the base year's rows (one number when the index is national). Multiplies `values` in place.
 */
function deflate(
  table: Table,
  values: Float64Array,
  indexName: string,
  baseYear: number,
  def: ExpenditureDef,
): { missing: Uint8Array | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const index = getNumeric(table, indexName);
  const year = table.year ? getNumeric(table, table.year) : undefined;
  if (!index || !year) {
    problems.push(
      problem(
        'deflator-not-found',
        index ? `«${def.label}»: tabellen har ingen årskolonne, så kan ikke prisjustere.` : `«${def.label}»: finner ikke prisindeksen «${indexName}».`,
        index ? `"${def.label}": the table has no year column, so it cannot be deflated.` : `"${def.label}": price index "${indexName}" not found.`,
        { variable: def.id, column: indexName },
      ),
    );
    return { missing: null, problems };
  }
  let sum = 0;
  let count = 0;
  for (let i = 0; i < table.nRows; i++) {
    if (year.missing[i] === 0 && year.values[i] === baseYear && index.missing[i] === 0) {
      sum += index.values[i];
      count++;
    }
  }
  if (count === 0) {
    problems.push(
      problem(
        'deflator-base-year-missing',
        `«${def.label}»: prisindeksen «${indexName}» har ingen verdi for basisåret ${baseYear}.`,
        `"${def.label}": price index "${indexName}" has no value for the base year ${baseYear}.`,
        { variable: def.id, column: indexName, year: baseYear },
      ),
    );
    return { missing: null, problems };
  }
  const base = sum / count;
  for (let i = 0; i < table.nRows; i++) values[i] *= base / index.values[i];
  return { missing: index.missing, problems };
}
