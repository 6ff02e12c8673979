/** Groupings: the six size classes, and any uploaded column (county, KOSTRA group) under a new name. */
import { problem } from '../problem';
import { getNumeric, type Column, type Table } from '../table';
import type { GroupingDef } from '../../spec/sections/variables';
import { sizeClassColumn } from './sizeClass';
import type { Problem } from '../problem';

export function buildGrouping(table: Table, def: GroupingDef, population: string): { column: Column | null; inputs: string[]; problems: Problem[] } {
  if (def.kind === 'size-class') {
    const pop = getNumeric(table, population);
    if (!pop) {
      return {
        column: null,
        inputs: [population],
        problems: [
          problem('denominator-not-found', `«${def.label}»: finner ikke befolkningsvariabelen «${population}».`, `"${def.label}": population variable "${population}" not found.`, {
            variable: def.id,
            column: population,
          }),
        ],
      };
    }
    return { column: sizeClassColumn(def.id, pop, def.label), inputs: [population], problems: [] };
  }
  const src = def.column ? table.columns.get(def.column) : undefined;
  if (!def.column || !src) {
    return {
      column: null,
      inputs: def.column ? [def.column] : [],
      problems: [
        problem(
          'grouping-column-not-found',
          `«${def.label}»: finner ikke kolonnen «${def.column ?? ''}» for grupperingen.`,
          `"${def.label}": grouping column "${def.column ?? ''}" not found.`,
          { variable: def.id, column: def.column ?? undefined },
        ),
      ],
    };
  }
  // A shallow copy under the new name: the data arrays are shared, they are never written to.
  return { column: { ...src, name: def.id, label: def.label }, inputs: [def.column], problems: [] };
}
