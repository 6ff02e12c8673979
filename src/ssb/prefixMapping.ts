/** A mapping that only names a fetched table's variables (`innbyggere`, `utg_…`); the reader fills in the rest. */
import type { ColumnMapping } from '../spec/sections/data';

export function prefixMapping(prefix: string): ColumnMapping {
  return { unitColumn: null, yearColumn: null, valueColumns: [], dimensionColumns: [], layout: 'long', fixedYear: null, variablePrefix: prefix, nameColumn: null, decimalComma: null, unit: null };
}
