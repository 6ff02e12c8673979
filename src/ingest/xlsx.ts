/**
 * Excel (.xlsx) via exceljs: the chosen sheet (or the first with data) is turned into rows of text,
 * the header row is found the same way as in CSV (title rows above it are skipped), and the rows go
 * through the shared row mapper. Cells are read as displayed text so codes keep leading zeros.
 */
import type { Worksheet } from 'exceljs';
import { problem, type Problem } from '../engine/problem';
import type { SourceSpec } from '../spec/sections/data';
import { usableMapping } from './csv';
import { findHeader } from './csvSniff';
import { headerlessHeaders, headerlessProblem, looksHeaderless } from './headerless';
import { normaliseHeaders } from './headers';
import { proposeMapping } from './mapping';
import { BudgetExceeded, cellTooLong, LIMITS, resolveLimits, tooManyColumns, tooManyValues, xlsxTooLarge, type IngestLimits } from './limits';
import { ObservationBuilder } from './observations';
import { failedSource, mapperProblems, nationalProblem, noDataProblems } from './result';
import { RowMapper } from './tabular';
import type { DetectedFormat, ImportedSource, IngestOptions } from './types';
import { readZipDirectory, unpackedSize, zipKind, type ZipEntry } from './zipDirectory';

type CellValue = unknown;

function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { result?: unknown; text?: unknown; richText?: { text: string }[]; error?: unknown };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
    if (o.text !== undefined) return String(o.text);
    if (o.result !== undefined) return cellText(o.result);
    if (o.error !== undefined) return String(o.error);
  }
  return '';
}

/**
 * Parts of a worksheet that exceljs would expand cell by cell (a merge or a data validation over
 * A1:XFD1048576 creates 17 billion cell objects) or that we never read. Only `sheetData` (the cells
 * that exist) is parsed.
 */
const IGNORED_SHEET_PARTS = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'autoFilter', 'mergeCells', 'rowBreaks',
  'hyperlinks', 'pageMargins', 'dataValidations', 'pageSetup', 'headerFooter', 'printOptions', 'picture',
  'drawing', 'sheetProtection', 'tableParts', 'conditionalFormatting', 'extLst',
];

export interface SheetRows {
  /** Rows of text over the used columns only; a run of empty rows is kept as one blank row. */
  rows: string[][];
  /** Sheet row number (1-based) of each entry of `rows`, for messages. */
  rowNumbers: number[];
}

/**
 * The used range comes from the cells that exist and hold text, never from the sheet's declared
 * dimension or from the address of one far cell: empty columns are left out and a run of empty
 * rows becomes one blank row, so one cell at XFD1048576 costs one cell, not a row as wide as the
 * sheet for every row. The grid that is built (rows × used columns) is checked against the budget
 * before it is allocated.
 */
function sheetRows(ws: Worksheet | undefined, file: string, limits: IngestLimits): SheetRows {
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  if (!ws) return { rows, rowNumbers };
  const sparse: { row: number; cells: [number, string][] }[] = [];
  const usedCols = new Set<number>();
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: [number, string][] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const text = cellText(cell.value).trim();
      if (text === '') return;
      if (text.length > limits.cellChars) throw new BudgetExceeded(cellTooLong(file, text.length, limits.cellChars, rowNumber, col));
      cells.push([col, text]);
      usedCols.add(col);
    });
    if (cells.length > 0) sparse.push({ row: rowNumber, cells });
  });
  if (usedCols.size > limits.columns) throw new BudgetExceeded(tooManyColumns(file, usedCols.size, limits.columns));
  const cols = [...usedCols].sort((a, b) => a - b);
  let blanks = 0;
  for (let k = 1; k < sparse.length; k++) if (sparse[k].row > sparse[k - 1].row + 1) blanks++;
  if (sparse.length > 0 && sparse[0].row > 1) blanks++;
  const cells = (sparse.length + blanks) * cols.length;
  if (cells > limits.values) throw new BudgetExceeded(tooManyValues(file, cells, limits.values, 'sheet-cells'));
  const position = new Map(cols.map((c, j) => [c, j]));
  let previous = 0;
  for (const { row, cells: rowCells } of sparse) {
    if (row > previous + 1) {
      rows.push(['']);
      rowNumbers.push(previous + 1);
    }
    const r: string[] = new Array<string>(cols.length).fill('');
    for (const [c, text] of rowCells) r[position.get(c) as number] = text;
    rows.push(r);
    rowNumbers.push(row);
    previous = row;
  }
  return { rows, rowNumbers };
}

export async function readSheets(bytes: Uint8Array, file = '', limits: IngestLimits = LIMITS): Promise<{ names: string[]; rows: (name: string | null) => SheetRows }> {
  const mod = await import('exceljs');
  const ExcelJS = (mod as unknown as { default?: typeof mod }).default ?? mod;
  const wb = new ExcelJS.Workbook();
  // exceljs wants an ArrayBuffer-like; copy so a shared/subarray view is not misread.
  // `ignoreNodes` is a documented load option (not in exceljs's type definitions).
  const options = { ignoreNodes: IGNORED_SHEET_PARTS, maxCols: limits.columns } as unknown as Parameters<typeof wb.xlsx.load>[1];
  await wb.xlsx.load(bytes.slice().buffer as ArrayBuffer, options);
  const names = wb.worksheets.map((w) => w.name);
  return {
    names,
    rows(name) {
      const ws = (name !== null ? wb.getWorksheet(name) : undefined) ?? wb.worksheets.find((w) => w.actualRowCount > 0) ?? wb.worksheets[0];
      return sheetRows(ws, file, limits);
    },
  };
}

/** A zip that is not a workbook, told apart by its parts; null when it is an .xlsx. */
function notWorkbook(file: string, entries: ZipEntry[], bytes: Uint8Array): Problem | null {
  const kind = zipKind(entries, bytes);
  if (kind === 'xlsx') return null;
  const inside = entries.filter((e) => !e.name.endsWith('/')).map((e) => e.name);
  const listed = inside.slice(0, 5).join(', ') + (inside.length > 5 ? ` … (${inside.length})` : '');
  const [nb, en] = {
    opendocument: ['fila er et OpenDocument-regneark eller -dokument (LibreOffice), ikke en Excel-arbeidsbok. Lagre det som .xlsx eller CSV.', 'the file is an OpenDocument spreadsheet or document (LibreOffice), not an Excel workbook. Save it as .xlsx or CSV.'],
    docx: ['fila er et Word-dokument, ikke en datatabell.', 'the file is a Word document, not a data table.'],
    pptx: ['fila er en PowerPoint-presentasjon, ikke en datatabell.', 'the file is a PowerPoint presentation, not a data table.'],
    zip: [`fila er et zip-arkiv, ikke en Excel-arbeidsbok. Pakk den ut og last opp filene i den${listed ? ` (${listed})` : ''}.`, `the file is a zip archive, not an Excel workbook. Unpack it and upload the files inside${listed ? ` (${listed})` : ''}.`],
  }[kind];
  return problem('wrong-format', `${file}: ${nb}`, `${file}: ${en}`, { file });
}

export async function ingestXlsx(bytes: Uint8Array, spec: SourceSpec, opts: IngestOptions): Promise<ImportedSource> {
  const file = spec.fileName;
  const detected: DetectedFormat = { format: 'xlsx' };
  const limits = resolveLimits(opts.limits);
  const entries = readZipDirectory(bytes);
  const refuse = (p: Problem) => failedSource({ ...spec, format: 'xlsx' }, detected, [p], bytes.length);
  if (!entries) {
    return refuse(problem('xlsx-unreadable', `${file}: fila begynner som et zip-arkiv (som .xlsx), men er skadet eller avkuttet.`, `${file}: the file starts like a zip archive (as .xlsx does), but it is damaged or truncated.`, { file }));
  }
  const other = notWorkbook(file, entries, bytes);
  if (other) return refuse(other);
  const unpacked = unpackedSize(entries);
  if (unpacked > limits.xlsxUnpackedBytes) return refuse(xlsxTooLarge(file, unpacked, limits.xlsxUnpackedBytes));
  let book: Awaited<ReturnType<typeof readSheets>>;
  try {
    book = await readSheets(bytes, file, limits);
  } catch (err) {
    if (err instanceof BudgetExceeded) return refuse(err.problem);
    return failedSource({ ...spec, format: 'xlsx' }, detected, [
      problem('xlsx-unreadable', `${file}: Excel-fila kunne ikke leses (${err instanceof Error ? err.message : 'ukjent feil'}).`, `${file}: the Excel file could not be read (${err instanceof Error ? err.message : 'unknown error'}).`, { file }),
    ], bytes.length);
  }
  const problems: Problem[] = [];
  let sheet = spec.sheet;
  if (sheet !== null && !book.names.includes(sheet)) {
    problems.push(problem('sheet-missing', `${file}: arket «${sheet}» finnes ikke; bruker det første arket.`, `${file}: the sheet "${sheet}" does not exist; using the first sheet.`, { file }, 'warning'));
    sheet = null;
  }
  let sheetData: SheetRows;
  try {
    sheetData = book.rows(sheet);
  } catch (err) {
    if (err instanceof BudgetExceeded) return refuse(err.problem);
    throw err;
  }
  const { rows: all, rowNumbers } = sheetData;
  detected.sheets = book.names;
  opts.onProgress?.({ fraction: 0.5, bytes: bytes.length, totalBytes: bytes.length, rows: all.length, label: file });
  // Header lines are sheet row numbers (empty rows are not in `all`); 0 means no header row
  // (headerless.ts): the first row is data.
  const wanted = spec.headerLine;
  const hg = wanted ? { index: Math.max(0, rowNumbers.findIndex((r) => r >= wanted)), title: '' } : findHeader(all);
  const headerless = wanted === 0 || (wanted == null && looksHeaderless(all[hg.index], all.slice(hg.index + 1, hg.index + 40)));
  const headerLine = headerless ? 0 : (rowNumbers[hg.index] ?? hg.index + 1);
  let headers: string[];
  if (headerless) {
    headers = headerlessHeaders(all.slice(hg.index, hg.index + 200), file);
    problems.push(headerlessProblem(file, headers));
    detected.headerless = true;
  } else {
    const hh = normaliseHeaders(all[hg.index] ?? [], file, headerLine);
    problems.push(...hh.problems);
    headers = hh.headers;
  }
  const bodyStart = headerless ? hg.index : hg.index + 1;
  const body = all.slice(bodyStart);
  const mapping = usableMapping(spec.mapping, headers, file, problems) ?? proposeMapping(headers, body.slice(0, 200));
  const builder = new ObservationBuilder(Math.max(16, body.length * 2), { file, maxValues: limits.values, maxVariables: limits.variables });
  const mapper = new RowMapper(headers, mapping, builder, true);
  const sheetName = sheet ?? book.names[0] ?? null;
  const resolved: SourceSpec = { ...spec, format: 'xlsx', sheet: sheetName, mapping, headerLine };
  detected.layout = mapping.layout;
  detected.headerLine = headerLine;
  detected.title = hg.title || undefined;
  let rows = 0;
  const blank = (r: string[]) => r.length === 1 && r[0] === '';
  const filled = all.map((r, i) => (blank(r) ? 0 : rowNumbers[i])).filter((r) => r > 0);
  if (body.every(blank) || (!headerless && filled.length < 2)) {
    const where = filled.length === 0 ? 'er tomt (ingen datarader)' : filled.length === 1 ? `har bare én rad med innhold (rad ${filled[0]}) og ingen datarader` : `har bare rad ${headerLine} og ingen datarader under den`;
    const whereEn = filled.length === 0 ? 'is empty (no data rows)' : filled.length === 1 ? `has only one row with content (row ${filled[0]}) and no data rows` : `has only row ${headerLine} and no data rows below it`;
    return refuse(problem('no-rows', `${file}: arket «${sheetName ?? ''}» ${where}.`, `${file}: the sheet "${sheetName ?? ''}" ${whereEn}.`, { file, line: headerLine }));
  }
  if (mapper.ready) {
    try {
      body.forEach((r, i) => {
        if (r.length === 1 && r[0] === '') return;
        rows++;
        mapper.push(r, rowNumbers[bodyStart + i]);
      });
    } catch (err) {
      if (err instanceof BudgetExceeded) return refuse(err.problem);
      throw err;
    }
    if (mapper.national) problems.push(nationalProblem(file));
    problems.push(...mapperProblems(file, mapper));
    const agg = mapper.aggregateList();
    problems.push(...noDataProblems(file, builder, agg.length, false));
  } else {
    problems.push(
      problem('no-value-columns', `${file}: fant ingen kolonner med tall i arket. Det er lest som en teksttabell (f.eks. en endringstabell).`, `${file}: found no numeric columns in the sheet. It was read as a text table (e.g. a change table).`, { file, line: headerLine }, 'info'),
    );
  }
  opts.onProgress?.({ fraction: 1, bytes: bytes.length, totalBytes: bytes.length, rows, label: file });
  return {
    spec: resolved,
    detected,
    status: 'ok',
    headers,
    preview: body.slice(0, 20),
    units: builder.units,
    unitNames: builder.unitNames,
    variables: builder.variables,
    obs: builder.finish(),
    aggregates: mapper.aggregateList(),
    invalidCells: mapper.invalidCells,
    nInvalid: mapper.nInvalid,
    outOfRange: mapper.outOfRange,
    nOutOfRange: mapper.nOutOfRange,
    dropped: mapper.droppedRows(),
    badUnits: mapper.badUnits,
    ...(mapper.national ? { national: true } : {}),
    textRows: mapper.ready && spec.role !== 'change-table' ? undefined : body.filter((r) => !(r.length === 1 && r[0] === '')),
    stats: { bytes: bytes.length, rows: rows || body.length },
    problems,
  };
}
