/**
 * Built-in municipality-structure tables (derived by scripts/build-reform-tables.ts from SSB Klass
 * and Statistikkbanken files): every older code → its code in the 2020 or 2024 structure.
 */
import { fromJson, type ChangeTable, type ReformTableJson } from '../changeTable';
import t2020 from './2020.json';
import t2024 from './2024.json';

const cache = new Map<string, ChangeTable>();

export function builtInStructure(structure: '2020' | '2024'): ChangeTable {
  let t = cache.get(structure);
  if (!t) {
    t = fromJson((structure === '2020' ? t2020 : t2024) as ReformTableJson);
    cache.set(structure, t);
  }
  return t;
}
