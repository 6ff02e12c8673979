/**
 * The tidy analysis dataset (`analysedata.csv`) that the generated R and Stata scripts read: one row
 * per kommune × år, the key columns first (kommune, navn, aar — Stata's `stringcols(1)` relies on the
 * unit code being column 1), then every variable including the derived ones.
 *
 * Written by the one tidy-CSV writer (tidyCsv.ts: `,`, decimal point, no BOM — R's read.csv would
 * otherwise name the first column `X.U.FEFF.kommune` — shortest round-trip numbers so R reads back
 * the exact doubles the app fitted, text neutralised against formula injection).
 */
import type { Table } from '../engine/table';
import { tidyCsv } from './tidyCsv';

export const ANALYSIS_DATA_MIME = 'text/csv;charset=utf-8';

/** Column order: unit, unit name, year, then the rest in table order. */
export function analysisDataColumns(table: Table): string[] {
  const keys = [table.unit, table.unitName, table.year].filter((k): k is string => Boolean(k && table.columns.has(k)));
  return [...keys, ...[...table.columns.keys()].filter((n) => !keys.includes(n))];
}

export function tableToTidyCsv(table: Table): string {
  const names = analysisDataColumns(table);
  const cols = names.map((n) => table.columns.get(n)!);
  const rows = function* () {
    for (let i = 0; i < table.nRows; i++) {
      yield cols.map((c) => (c.kind === 'string' ? (c.values[i] ?? '') : c.missing[i] === 0 ? c.values[i] : null));
    }
  };
  return tidyCsv(names, rows());
}
