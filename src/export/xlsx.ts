/**
 * Excel export with exceljs: one sheet per table with real numbers and number formats (stars and
 * parentheses live in the format, so the value stays a number a reader can compute with), plus a
 * sheet that says what was computed from what, when, and whether the data were synthetic.
 */
import type ExcelJSNs from 'exceljs';
import { cellDecimals, iterateRows, syntheticTableNote, type ReportCell, type ReportTable } from './reportTable';
import { neutraliseText } from './neutralise';
import { tableMetaLines } from './csv';
import type { DescriptionLine } from './describeSpec';
import type { Language } from '../i18n/language';

export interface XlsxMeta {
  lang: Language;
  /** Lines for the "about" sheet (see describeSpec). */
  description?: DescriptionLine[];
  createdAt?: Date;
  synthetic?: boolean;
  /** Share of rows from synthetic sources when mixed (src/spec/synthetic.ts). */
  syntheticShare?: number | null;
}

/** Excel number format for a numeric cell. Literal text goes in quotes; `.` and `,` follow the
 *  reader's Excel locale, so the same file shows `27,55**` in Norway and `27.55**` elsewhere. */
export function numberFormat(cell: ReportCell): string {
  const d = cellDecimals(cell);
  const dec = d > 0 ? '.' + '0'.repeat(d) : '';
  let core: string;
  switch (cell.format) {
    case 'percent':
      core = `0${dec}%`;
      break;
    case 'kroner':
      core = '#,##0" kr"';
      break;
    case 'integer':
      core = '#,##0';
      break;
    default:
      core = (cell.stars || cell.parens ? '0' : '#,##0') + dec;
  }
  if (cell.stars) core += `"${cell.stars}"`;
  if (cell.parens) core = `"("${core}")"`;
  return core;
}

/** Excel sheet names: ≤31 chars, none of []:*?/\, unique case-insensitively, not empty. */
export function sheetName(title: string, used: Set<string>): string {
  let base = title.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').replace(/^'+|'+$/g, '').trim().slice(0, 31) || 'Tabell';
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) {
    const suffix = ` (${i})`;
    base = base.slice(0, 31 - suffix.length);
    name = base + suffix;
  }
  used.add(name.toLowerCase());
  return name;
}

async function loadExcel(): Promise<typeof ExcelJSNs> {
  const mod = (await import('exceljs')) as unknown as { default?: typeof ExcelJSNs } & typeof ExcelJSNs;
  return mod.default ?? mod;
}

const ABOUT = {
  nb: { sheet: 'Om analysen', key: 'Felt', value: 'Verdi', date: 'Eksportert', app: 'Laget med', tables: 'Tabeller' },
  en: { sheet: 'About', key: 'Field', value: 'Value', date: 'Exported', app: 'Made with', tables: 'Tables' },
};

export async function tablesToXlsx(tables: ReportTable[], meta: XlsxMeta): Promise<Uint8Array> {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kostnadsnøkkel-lab';
  wb.created = meta.createdAt ?? new Date();
  const used = new Set<string>();
  const a = ABOUT[meta.lang];
  used.add(a.sheet.toLowerCase());
  const synthetic = meta.synthetic ?? tables.some((t) => t.synthetic);

  for (const t of tables) {
    const ws = wb.addWorksheet(sheetName(t.title, used));
    const title = ws.addRow([neutraliseText(t.title)]);
    title.font = { bold: true, size: 13 };
    const header = ws.addRow([t.rowHeader, ...t.columns].map(neutraliseText));
    header.font = { bold: true };
    header.eachCell((c) => {
      c.border = { bottom: { style: 'thin' } };
      c.alignment = { horizontal: 'center', wrapText: true };
    });
    header.getCell(1).alignment = { horizontal: 'left' };
    for (const { group, row, first } of iterateRows(t)) {
      if (first && group.label) ws.addRow([neutraliseText(group.label)]).font = { bold: true };
      const r = ws.addRow([neutraliseText(row.label)]);
      row.cells.forEach((c, j) => {
        const x = r.getCell(j + 2);
        if (typeof c.value === 'number' && Number.isFinite(c.value)) {
          x.value = c.value;
          x.numFmt = numberFormat(c);
        } else if (typeof c.value === 'string') {
          x.value = neutraliseText(c.value);
          x.alignment = { horizontal: 'center' };
        }
        if (c.bold) x.font = { bold: true };
      });
    }
    const after = tableMetaLines(t, meta.lang);
    if (after.length) ws.addRow([]);
    for (const l of after) ws.addRow([neutraliseText(l)]).font = { italic: true };
    ws.getColumn(1).width = Math.min(60, Math.max(14, ...[t.rowHeader, ...t.groups.flatMap((g) => g.rows.map((r) => r.label))].map((s) => s.length + 2)));
    for (let j = 0; j < t.columns.length; j++) ws.getColumn(j + 2).width = Math.min(30, Math.max(12, t.columns[j].length + 2));
    ws.views = [{ state: 'frozen', ySplit: 2, xSplit: 1 }];
  }

  const about = wb.addWorksheet(a.sheet);
  about.addRow([a.key, a.value]).font = { bold: true };
  for (const line of meta.description ?? []) about.addRow([neutraliseText(line.key), neutraliseText(line.value)]);
  about.addRow([a.tables, tables.map((t) => t.title).join('; ')].map(neutraliseText));
  about.addRow([a.date, (meta.createdAt ?? new Date()).toISOString()]);
  about.addRow([a.app, 'Kostnadsnøkkel-lab']);
  if (synthetic) about.addRow([syntheticTableNote({ syntheticShare: meta.syntheticShare ?? tables.find((t) => t.synthetic)?.syntheticShare }, meta.lang)]).font = { bold: true, color: { argb: 'FFB00020' } };
  about.getColumn(1).width = 32;
  about.getColumn(2).width = 100;

  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
