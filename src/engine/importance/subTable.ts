/**
 * A table restricted to given rows. The coefficient tables beside a decomposition (one-at-a-time,
 * stepwise, the refitted best subsets) are fitted with fitModel on the decomposition's common sample,
 * so their N and R² match the decomposition instead of each model's own listwise deletion.
 */
import type { Column, Table } from '../table';

export function restrictRows(table: Table, rows: Int32Array, names: string[]): Table {
  const keep = new Set(names.filter((n): n is string => !!n));
  for (const k of [table.unit, table.year, table.unitName]) if (k) keep.add(k);
  const columns = new Map<string, Column>();
  for (const name of keep) {
    const c = table.columns.get(name);
    if (!c) continue;
    if (c.kind === 'number') {
      columns.set(name, {
        ...c,
        values: Float64Array.from(rows, (r) => c.values[r]),
        missing: Uint8Array.from(rows, (r) => c.missing[r]),
      });
    } else columns.set(name, { ...c, values: Array.from(rows, (r) => c.values[r]) });
  }
  return { nRows: rows.length, columns, unit: table.unit, year: table.year, unitName: table.unitName };
}
