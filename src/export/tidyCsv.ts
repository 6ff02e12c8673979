/**
 * The one writer of machine-readable CSV (for R, Stata and scripts, not for reading): `,` separator,
 * decimal point, LF line ends, no BOM, missing = empty field, numbers in JavaScript's shortest
 * round-trip form (R reads back the exact doubles). Every text cell — header or value, from a file
 * the user loaded — is neutralised against formula injection, since the file may still be opened in
 * a spreadsheet; numbers never are (a negative number is a number). Report tables in the reader's
 * number style go through csv.ts instead.
 */
import { neutraliseText } from './neutralise';

export type TidyCell = string | number | boolean | null | undefined;

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

function cell(v: TidyCell): string {
  if (typeof v === 'string') return quote(neutraliseText(v));
  if (typeof v === 'boolean') return v ? '1' : '0';
  return typeof v === 'number' && Number.isFinite(v) ? String(v) : '';
}

export function tidyCsv(header: readonly string[], rows: Iterable<readonly TidyCell[]>): string {
  const lines = [header.map(cell).join(',')];
  for (const r of rows) lines.push(r.map(cell).join(','));
  return lines.join('\n') + '\n';
}
