/**
 * Excel (.xlsx) via exceljs: the chosen sheet (or the first with data) is turned into rows of text,
 * the header row is found the same way as in CSV (title rows above it are skipped), and the rows go
 * through the shared row mapper. Cells are read as displayed text so codes keep leading zeros.
 */
import { problem, type Problem } from '../engine/problem';
import type { SourceSpec } from '../spec/sections/data';
import { usableMapping } from './csv';
import { findHeader } from './csvSniff';
import { headerlessHeaders, headerlessProblem, looksHeaderless } from './headerless';
import { normaliseHeaders } from './headers';
import { proposeMapping } from './mapping';
import { ObservationBuilder } from './observations';
import { failedSource, mapperProblems, nationalProblem, noDataProblems } from './result';
import { RowMapper } from './tabular';
import type { DetectedFormat, ImportedSource, IngestOptions } from './types';

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

export async function readSheets(bytes: Uint8Array): Promise<{ names: string[]; rows: (name: string | null) => string[][] }> {
  const mod = await import('exceljs');
  const ExcelJS = (mod as unknown as { default?: typeof mod }).default ?? mod;
  const wb = new ExcelJS.Workbook();
  // exceljs wants an ArrayBuffer-like; copy so a shared/subarray view is not misread.
  await wb.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  const names = wb.worksheets.map((w) => w.name);
  return {
    names,
    rows(name) {
      const ws = (name !== null ? wb.getWorksheet(name) : undefined) ?? wb.worksheets.find((w) => w.actualRowCount > 0) ?? wb.worksheets[0];
      const out: string[][] = [];
      if (!ws) return out;
      const width = ws.actualColumnCount > 0 ? ws.columnCount : 0;
      ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
        const r: string[] = new Array(width).fill('');
        for (let c = 1; c <= width; c++) r[c - 1] = cellText(row.getCell(c).value).trim();
        while (out.length < rowNumber - 1) out.push(['']);
        out.push(r.every((x) => x === '') ? [''] : r);
      });
      return out;
    },
  };
}

export async function ingestXlsx(bytes: Uint8Array, spec: SourceSpec, opts: IngestOptions): Promise<ImportedSource> {
  const file = spec.fileName;
  const detected: DetectedFormat = { format: 'xlsx' };
  let book: Awaited<ReturnType<typeof readSheets>>;
  try {
    book = await readSheets(bytes);
  } catch (err) {
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
  const all = book.rows(sheet);
  detected.sheets = book.names;
  opts.onProgress?.({ fraction: 0.5, bytes: bytes.length, totalBytes: bytes.length, rows: all.length, label: file });
  const hg = spec.headerLine ? { index: spec.headerLine - 1, title: '' } : findHeader(all);
  // headerLine 0: no header row (headerless.ts); the first row is data.
  const headerless = spec.headerLine === 0 || (spec.headerLine == null && looksHeaderless(all[hg.index], all.slice(hg.index + 1, hg.index + 40)));
  const headerLine = headerless ? 0 : hg.index + 1;
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
  const body = all.slice(headerless ? hg.index : hg.index + 1);
  const mapping = usableMapping(spec.mapping, headers, file, problems) ?? proposeMapping(headers, body.slice(0, 200));
  const builder = new ObservationBuilder(Math.max(16, body.length * 2));
  const mapper = new RowMapper(headers, mapping, builder, true);
  const sheetName = sheet ?? book.names[0] ?? null;
  const resolved: SourceSpec = { ...spec, format: 'xlsx', sheet: sheetName, mapping, headerLine };
  detected.layout = mapping.layout;
  detected.headerLine = headerLine;
  detected.title = hg.title || undefined;
  let rows = 0;
  if (mapper.ready) {
    body.forEach((r, i) => {
      if (r.length === 1 && r[0] === '') return;
      rows++;
      mapper.push(r, (headerless ? hg.index : hg.index + 1) + 1 + i);
    });
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
    badUnits: mapper.badUnits,
    ...(mapper.national ? { national: true } : {}),
    textRows: mapper.ready && spec.role !== 'change-table' ? undefined : body.filter((r) => !(r.length === 1 && r[0] === '')),
    stats: { bytes: bytes.length, rows: rows || body.length },
    problems,
  };
}
