/**
 * CSV for Excel in both locales: Norwegian (`;` separator, decimal comma) or international (`,`,
 * point). UTF-8 with BOM so Excel on Windows reads æøå; CRLF line ends (RFC 4180).
 */
import { iterateRows, syntheticTableNote, type ReportTable } from './reportTable';
import { plainCellText, type NumberStyle } from './cellText';
import { neutraliseText } from './neutralise';

export interface CsvOptions {
  style: NumberStyle;
  /** Prefix a byte-order mark (default true). */
  bom?: boolean;
  /** Title above and notes/source below the grid (default true). */
  meta?: boolean;
}

export const BOM = '\uFEFF';

export function csvSeparator(style: NumberStyle): string {
  return style === 'nb' ? ';' : ',';
}

function quote(field: string, sep: string): string {
  return field.includes(sep) || /["\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** Grid rows of a table as neutralised text (shared by CSV and TSV). */
export function tableGrid(t: ReportTable, style: NumberStyle): string[][] {
  const grid: string[][] = [[t.rowHeader, ...t.columns].map(neutraliseText)];
  for (const { group, row, first } of iterateRows(t)) {
    if (first && group.label) grid.push([neutraliseText(group.label)]);
    grid.push([neutraliseText(row.label), ...row.cells.map((c) => plainCellText(c, style))]);
  }
  return grid;
}

export function tableMetaLines(t: ReportTable, lang: 'nb' | 'en'): string[] {
  const lines = [...t.notes];
  if (t.source) lines.push(t.source);
  if (t.synthetic) lines.push(syntheticTableNote(t, lang));
  return lines;
}

export function tableToCsv(t: ReportTable, opts: CsvOptions): string {
  const sep = csvSeparator(opts.style);
  const meta = opts.meta ?? true;
  const lines: string[][] = [];
  if (meta) lines.push([neutraliseText(t.title)]);
  lines.push(...tableGrid(t, opts.style));
  if (meta) {
    const after = tableMetaLines(t, opts.style);
    if (after.length) lines.push([]);
    for (const l of after) lines.push([neutraliseText(l)]);
  }
  const body = lines.map((r) => r.map((f) => quote(f, sep)).join(sep)).join('\r\n') + '\r\n';
  return (opts.bom ?? true ? BOM : '') + body;
}

export function csvBytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
