/**
 * The variable builder (docs/CONTRACTS.md): dataset + VariablesSpec → the analysis table with every
 * derived column added, a description of each, and the problems found. Pure and deterministic; the
 * dataset's table is never modified (the result shares its unchanged columns).
 *
 * Order: size class and groupings, expenditure, age groups, ratios, formulas, residualised
 * indicators. Ratios and formulas may use anything built before them (and earlier entries of their
 * own list); a formula that uses a residualised indicator is retried after the residuals exist.
 */
import { problem, type Problem } from '../problem';
import { getNumeric, type Column, type NumericColumn, type Table } from '../table';
import type { VariablesSpec } from '../../spec/sections/variables';
import { buildExpenditure, type BuiltColumn } from './expenditure';
import { buildAgeGroup } from './ageGroups';
import { buildRatio } from './ratio';
import { buildFormula, parseFormula } from './formula';
import { buildResidual } from './residualise';
import { buildGrouping } from './grouping';
import { sizeClassColumn } from './sizeClass';
import { previewColumn } from './preview';
import type { BuildResult, DatasetLike, DerivedKind, DerivedVariableInfo } from './types';

/** Name of the size-class column added whenever the population variable exists. */
export const SIZE_CLASS_COLUMN = 'size_class';

/** Derived names must be usable in formulas: a letter or `_` first, then letters, digits, `_`. */
const SAFE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function buildVariables(dataset: DatasetLike, spec: VariablesSpec): BuildResult {
  const src = dataset.table;
  const table: Table = { ...src, columns: new Map(src.columns) };
  const derived: DerivedVariableInfo[] = [];
  const problems: Problem[] = [];
  const taken = new Set(src.columns.keys());

  const claim = (id: string, label: string): boolean => {
    if (!SAFE_NAME.test(id)) {
      problems.push(
        problem(
          'invalid-variable-name',
          `«${label}»: navnet «${id}» kan bare inneholde bokstavene a–z, tall og _, og må begynne med en bokstav.`,
          `"${label}": the name "${id}" may contain only letters a–z, digits and _, and must start with a letter.`,
          { variable: id },
        ),
      );
      return false;
    }
    if (taken.has(id)) {
      problems.push(
        problem('variable-name-taken', `Navnet «${id}» er allerede i bruk; velg et annet navn for «${label}».`, `The name "${id}" is already in use; choose another name for "${label}".`, {
          variable: id,
        }),
      );
      return false;
    }
    return true;
  };

  const add = (kind: DerivedKind, built: BuiltColumn & { auxiliary?: DerivedVariableInfo['auxiliary'] }, label: string) => {
    problems.push(...built.problems);
    if (!built.column) return;
    const col = built.column;
    table.columns.set(col.name, col);
    taken.add(col.name);
    derived.push({
      name: col.name,
      label,
      kind,
      unit: col.unit,
      inputs: built.inputs,
      recipe: built.recipe,
      preview: previewColumn(col),
      ...(built.auxiliary ? { auxiliary: built.auxiliary } : {}),
    });
  };

  // The population may itself be an age group counted from a single-age table (SSB 07459: «all
  // ages» as a count). It is built first, since size classes, shares and per-capita figures divide by it.
  const popGroup = getNumeric(src, spec.population) ? undefined : spec.ageGroups.find((d) => d.id === spec.population && !d.share);
  if (popGroup && claim(popGroup.id, popGroup.label)) add('age-group', buildAgeGroup(table, dataset.catalogue, popGroup, spec.population), popGroup.label);
  const population = getNumeric(table, spec.population);
  if (population && !taken.has(SIZE_CLASS_COLUMN)) {
    const col = sizeClassColumn(SIZE_CLASS_COLUMN, population);
    add('size-class', { column: col, inputs: [spec.population], recipe: `størrelsesklasse(${spec.population})`, problems: [] }, col.label ?? SIZE_CLASS_COLUMN);
  } else if (!population && needsPopulation(spec)) {
    problems.push(
      problem(
        'population-not-found',
        `Finner ikke befolkningsvariabelen «${spec.population}»; velg den under Variabler.`,
        `Population variable "${spec.population}" not found; choose it under Variables.`,
        { variable: spec.population },
        'warning',
      ),
    );
  }

  for (const def of spec.groupings) {
    if (!claim(def.id, def.label)) continue;
    const g = buildGrouping(table, def, spec.population);
    problems.push(...g.problems);
    if (g.column) addColumn(table, taken, derived, g.column, def.kind === 'size-class' ? 'size-class' : 'grouping', g.inputs, def.kind === 'size-class' ? `størrelsesklasse(${spec.population})` : (def.column ?? ''));
  }
  for (const def of spec.expenditure) {
    if (claim(def.id, def.label)) add('expenditure', buildExpenditure(table, dataset.catalogue, def, spec.population), def.label);
  }
  for (const def of spec.ageGroups) {
    if (def === popGroup) continue;
    if (claim(def.id, def.label)) add('age-group', buildAgeGroup(table, dataset.catalogue, def, spec.population), def.label);
  }
  for (const def of spec.ratios) {
    if (claim(def.id, def.label)) add('ratio', buildRatio(table, def, spec.population), def.label);
  }

  // A formula that uses a residualised indicator waits until the residuals exist.
  const residualIds = new Set(spec.residualised.map((r) => r.id));
  const later: typeof spec.formulas = [];
  for (const def of spec.formulas) {
    if (!claim(def.id, def.label)) continue;
    const probe = parseFormula(def.expression, (name) => residualIds.has(name) || getNumeric(table, name) !== undefined);
    if (probe.ok && probe.variables.some((v) => residualIds.has(v))) later.push(def);
    else add('formula', buildFormula(table, def), def.label);
  }
  for (const def of spec.residualised) {
    if (claim(def.id, def.label)) add('residualised', buildResidual(table, def), def.label);
  }
  for (const def of later) add('formula', buildFormula(table, def), def.label);

  return { table, derived, problems };
}

function needsPopulation(spec: VariablesSpec): boolean {
  return (
    spec.expenditure.some((e) => e.perCapita && e.denominator === null) ||
    spec.ratios.some((r) => r.denominator === null) ||
    spec.ageGroups.some((a) => a.share) ||
    spec.groupings.some((g) => g.kind === 'size-class')
  );
}

function addColumn(table: Table, taken: Set<string>, derived: DerivedVariableInfo[], col: Column, kind: DerivedKind, inputs: string[], recipe: string): void {
  table.columns.set(col.name, col);
  taken.add(col.name);
  derived.push({
    name: col.name,
    label: col.label ?? col.name,
    kind,
    unit: col.kind === 'number' ? col.unit : undefined,
    inputs,
    recipe,
    preview: col.kind === 'number' ? previewColumn(col as NumericColumn) : null,
  });
}
