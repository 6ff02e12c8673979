/**
 * Ratios: criteria per inhabitant or per target group, coverage (recipients / target group) and
 * unit cost (expenditure / recipients). The arithmetic is the same; `kind` only labels it.
 */
import { problem } from '../problem';
import { getNumeric, type NumericColumn, type Table } from '../table';
import type { RatioDef } from '../../spec/sections/variables';
import { combineMissing, finalizeMissing } from './missing';
import type { BuiltColumn } from './expenditure';

/**
 * The unit a ratio carries (shown in the pickers; units.ts reads what it measures from it): an amount
 * in the numerator keeps its kroner, the denominator gives the «per …».
 */
function ratioUnit(def: RatioDef, num: NumericColumn): string | undefined {
  const kr = num.unit && /\bkr\b|kroner/i.test(num.unit) ? `${num.unit} ` : '';
  switch (def.kind) {
    case 'per-capita':
      return `${kr}per innbygger`;
    case 'per-target-group':
    case 'coverage':
      return `${kr}per innbygger i målgruppen`;
    case 'unit-cost':
      return `${kr || 'kr '}per mottaker`;
    default:
      return undefined;
  }
}

export function buildRatio(table: Table, def: RatioDef, population: string): BuiltColumn {
  const denomName = def.denominator ?? population;
  const num = getNumeric(table, def.numerator);
  const den = getNumeric(table, denomName);
  if (!num || !den) {
    const missingName = !num ? def.numerator : denomName;
    return {
      column: null,
      inputs: [def.numerator, denomName],
      recipe: '',
      problems: [
        problem('variable-not-found', `«${def.label}»: finner ikke variabelen «${missingName}».`, `"${def.label}": variable "${missingName}" not found.`, {
          variable: def.id,
          column: missingName,
        }),
      ],
    };
  }
  const n = table.nRows;
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = (num.values[i] / den.values[i]) * def.scale;
  const missing = finalizeMissing(values, combineMissing(n, [num.missing, den.missing]));
  const column: NumericColumn = { kind: 'number', name: def.id, label: def.label, unit: ratioUnit(def, num), source: 'variabelbygger', values, missing };
  const scale = def.scale !== 1 ? ` × ${def.scale}` : '';
  return { column, inputs: [def.numerator, denomName], recipe: `${def.numerator} / ${denomName}${scale}`, problems: [] };
}

/** Coverage (dekningsgrad) = recipients / target group (docs/METHODS.md §2). */
export function coverageDef(id: string, label: string, recipients: string, targetGroup: string): RatioDef {
  return { id, label, numerator: recipients, denominator: targetGroup, scale: 1, kind: 'coverage' };
}

/** Unit cost (enhetskostnad) = expenditure / recipients; `expenditure` should be a total, not per capita. */
export function unitCostDef(id: string, label: string, expenditure: string, recipients: string): RatioDef {
  return { id, label, numerator: expenditure, denominator: recipients, scale: 1, kind: 'unit-cost' };
}
