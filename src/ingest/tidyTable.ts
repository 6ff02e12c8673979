/**
 * A ready tidy table (a source with `table` set in the spec, e.g. a CSV written by a script, by R or
 * by `analyze import`): a header row, `,` or `;` (sniffed from the header outside quotes), RFC 4180
 * quoting (quoted separators, doubled quotes and line breaks), an empty field = missing. Its columns
 * are used as they are, under their own names and in file order (row i of the file is row i of the
 * table, so dropped rows are reported by file position); no municipality codes are mapped. A column
 * is numeric when every non-empty cell parses as a number; otherwise, or when it is the unit or the
 * name column (ids such as kommune codes with leading zeros), it stays text. With `;` as separator a
 * decimal comma (`1,5`) is accepted.
 */
import { problem } from '../engine/problem';
import { makeTable, Missing, type Column, type Table } from '../engine/table';
import type { SourceSpec } from '../spec/sections/data';
import { decodeSlices, sniffEncoding } from './decode';
import { emptyObservations } from './observations';
import { failedSource } from './result';
import type { ImportedSource, SourceVariable } from './types';

export function parseCsvRecords(text: string): { sep: string; records: string[][] } {
  const body = text.replace(/^\uFEFF/, '');
  const sep = sniffSeparator(body);
  const records: string[][] = [];
  let row: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) {
      row.push(cur);
      cur = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      row.push(cur);
      if (row.length > 1 || row[0] !== '') records.push(row);
      row = [];
      cur = '';
    } else cur += ch;
  }
  row.push(cur);
  if (row.length > 1 || row[0] !== '') records.push(row);
  return { sep, records };
}

function sniffSeparator(text: string): string {
  let commas = 0;
  let semis = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semis++;
  }
  return semis > commas ? ';' : ',';
}

function parseNumber(s: string, decimalComma: boolean): number {
  const t = decimalComma && /^[+-]?\d*,\d+(?:[eE][+-]?\d+)?$/.test(s) ? s.replace(',', '.') : s;
  return t === '' ? NaN : Number(t);
}

/** The table of a tidy CSV text; `keepText` columns stay text whatever they hold. */
export function tidyTable(text: string, keepText: string[] = []): Table {
  const { sep, records } = parseCsvRecords(text);
  if (records.length === 0) throw new Error('tom fil / empty file');
  const header = records[0].map((h) => h.trim());
  const rows = records.slice(1);
  const cols: Column[] = header.map((name, j) => {
    const cells = rows.map((r) => (r[j] ?? '').trim());
    const numbers = cells.map((s) => parseNumber(s, sep === ';'));
    const numeric = !keepText.includes(name) && cells.every((s, i) => s === '' || Number.isFinite(numbers[i]));
    if (!numeric) return { kind: 'string', name, values: cells };
    const values = new Float64Array(cells.length);
    const missing = new Uint8Array(cells.length);
    cells.forEach((s, i) => {
      if (s === '') {
        values[i] = NaN;
        missing[i] = Missing.missing;
      } else values[i] = numbers[i];
    });
    return { kind: 'number', name, values, missing };
  });
  return makeTable(cols);
}

/**
 * What a numeric column of a tidy table is, guessed from its name, for the variable builder:
 * KOSTRA accounts columns named like `f244_agd10_konsern` or `f244_590_kasse` and single-age
 * population columns like `alder_17` / `age_105p` are recognised.
 */
export function dimsFromName(name: string): Record<string, string> {
  const dims: Record<string, string> = {};
  const acc = /^f(\d{3})_([a-z0-9]+?)(?:_(konsern|kasse))?$/i.exec(name);
  if (acc) {
    dims.function = acc[1];
    dims.art = acc[2].toUpperCase();
    if (acc[3]) dims.scope = acc[3].toLowerCase();
  }
  const age = /^(?:alder|age)_(\d+)(p|pluss|plus)?$/i.exec(name);
  if (age) dims.age = age[2] ? `${age[1]}+` : age[1];
  return dims;
}

/** Reads a source whose spec has `table`: the whole file becomes `ImportedSource.table`. */
export function ingestTidyTable(bytes: Uint8Array, spec: SourceSpec): ImportedSource {
  const keys = spec.table ?? { unit: null, year: null, name: null };
  const file = spec.fileName;
  const guess = sniffEncoding(bytes);
  let text = '';
  for (const slice of decodeSlices(bytes, guess)) text += slice.text;
  const detected = { format: 'csv' as const, encoding: guess.encoding, encodingReason: guess.reason, layout: 'long' as const, headerLine: 1 };
  let table: Table;
  try {
    table = tidyTable(text, [keys.unit, keys.name].filter((k): k is string => Boolean(k)));
  } catch {
    return failedSource(spec, detected, [problem('empty-file', `${file}: fila er tom.`, `${file}: the file is empty.`, { file })], bytes.length);
  }
  const missingKeys = [keys.unit, keys.year, keys.name].filter((k): k is string => Boolean(k) && !table.columns.has(k as string));
  if (missingKeys.length) {
    const list = missingKeys.map((k) => `«${k}»`).join(', ');
    return failedSource(spec, detected, [problem('missing-column', `${file}: fant ikke kolonnen ${list}.`, `${file}: column ${list} not found.`, { file, column: missingKeys[0] })], bytes.length);
  }
  table.unit = keys.unit ?? undefined;
  table.year = keys.year ?? undefined;
  table.unitName = keys.name ?? undefined;
  const headers = [...table.columns.keys()];
  const unitText = keys.unit ? (table.columns.get(keys.unit) as { values: unknown[] }).values.map(String) : [];
  const units = [...new Set(unitText.filter((u) => u !== ''))];
  const variables: SourceVariable[] = [];
  for (const col of table.columns.values()) {
    if (col.kind !== 'number' || col.name === keys.year) continue;
    variables.push({ name: col.name, label: col.name, dims: dimsFromName(col.name), additive: false });
  }
  const preview = Array.from({ length: Math.min(5, table.nRows) }, (_, i) =>
    headers.map((h) => {
      const c = table.columns.get(h)!;
      return c.kind === 'string' ? c.values[i] : c.missing[i] === 0 ? String(c.values[i]) : '';
    }),
  );
  return {
    spec,
    detected,
    status: 'ok',
    headers,
    preview,
    units,
    unitNames: [],
    variables,
    obs: emptyObservations(),
    aggregates: [],
    invalidCells: [],
    nInvalid: 0,
    badUnits: [],
    stats: { bytes: bytes.length, rows: table.nRows },
    problems: [],
    table,
  };
}
