/**
 * Reads any tidy CSV for the headless commands: a header row, `,` or `;` (sniffed from the header
 * outside quotes), RFC 4180 quoting (quoted separators, doubled quotes and line breaks), an empty
 * field = missing. A column is numeric when every non-empty cell parses as a number; otherwise, or
 * when named in `keepText` (ids such as kommune codes with leading zeros), it stays text.
 * With `;` as separator a decimal comma (`1,5`) is accepted.
 */
import { readFileSync } from 'node:fs';
import { makeTable, Missing, type Column, type Table } from '../src/engine/table';

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

export function readTidyCsv(path: string, keepText: string[] = []): Table {
  return tidyTable(readFileSync(path, 'utf8'), keepText);
}
