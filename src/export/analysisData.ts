/**
 * The tidy analysis dataset (`analysedata.csv`) that the generated R and Stata scripts read: one row
 * per kommune × år, the key columns first (kommune, navn, aar — Stata's `stringcols(1)` relies on the
 * unit code being column 1), then every variable including the derived ones.
 *
 * Format chosen for the scripts, not for Excel: `,` separator, decimal point, no BOM (R's read.csv
 * would otherwise name the first column `X.U.FEFF.kommune`), LF line ends, missing = empty field.
 * Numbers are written with JavaScript's shortest round-trip form, so R reads back the exact doubles
 * the app fitted. Text cells are neutralised against formula injection (the file may still be opened
 * in a spreadsheet); numbers never are — a negative number is a number.
 */
import type { Table } from '../engine/table';
import { neutraliseText } from './neutralise';

export const ANALYSIS_DATA_MIME = 'text/csv;charset=utf-8';

/** Column order: unit, unit name, year, then the rest in table order. */
export function analysisDataColumns(table: Table): string[] {
  const keys = [table.unit, table.unitName, table.year].filter((k): k is string => Boolean(k && table.columns.has(k)));
  return [...keys, ...[...table.columns.keys()].filter((n) => !keys.includes(n))];
}

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

export function tableToTidyCsv(table: Table): string {
  const names = analysisDataColumns(table);
  const cols = names.map((n) => table.columns.get(n)!);
  const lines: string[] = [names.map((n) => quote(neutraliseText(n))).join(',')];
  for (let i = 0; i < table.nRows; i++) {
    const cells = cols.map((c) => {
      if (c.kind === 'string') return quote(neutraliseText(c.values[i] ?? ''));
      return c.missing[i] === 0 && Number.isFinite(c.values[i]) ? String(c.values[i]) : '';
    });
    lines.push(cells.join(','));
  }
  return lines.join('\n') + '\n';
}
