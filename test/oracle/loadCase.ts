/**
 * Reads an oracle case (computed with R; vendored in test/oracle/cases, see docs/REFERENCES.md) into
 * the engine's Table. Columns typed `string` in case.json stay text (kommune codes keep leading
 * zeros); an empty field is a missing value. KNL_ORACLE_DIR points the tests at another set of
 * cases with the same layout (e.g. a holdout set made with another seed).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTable, Missing, type Column, type Table } from '../../src/engine/table';

const here = dirname(fileURLToPath(import.meta.url));
export const ORACLE_DIR = process.env.KNL_ORACLE_DIR ?? resolve(here, 'cases');

export interface OracleTolerance {
  rel: number;
  abs: number;
  min_lre?: number;
  fields?: Record<string, { rel: number; abs: number }>;
}

export interface OracleCase {
  name: string;
  spec: Record<string, unknown> & { analysis: string };
  expected: Record<string, unknown>;
  tolerance: OracleTolerance;
  columns: { name: string; type: 'string' | 'integer' | 'number'; missing: number }[];
  table: Table;
  dir: string;
}

/** Minimal RFC 4180 line splitter: the oracle files quote only fields with commas or quotes. */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (q) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') q = false;
      else cur += ch;
    } else if (ch === '"') q = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

export function readCsvTable(path: string, stringColumns: Set<string>): Table {
  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.length > 0);
  const header = splitCsvLine(lines[0]);
  const rows = lines.slice(1).map(splitCsvLine);
  const cols: Column[] = header.map((name, j) => {
    if (stringColumns.has(name)) return { kind: 'string', name, values: rows.map((r) => r[j] ?? '') };
    const values = new Float64Array(rows.length);
    const missing = new Uint8Array(rows.length);
    rows.forEach((r, i) => {
      const s = r[j] ?? '';
      if (s === '') {
        values[i] = NaN;
        missing[i] = Missing.missing;
      } else values[i] = Number(s);
    });
    return { kind: 'number', name, values, missing };
  });
  return makeTable(cols);
}

export function loadCase(name: string): OracleCase {
  const dir = join(ORACLE_DIR, name);
  const c = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8'));
  const strings = new Set<string>(
    (c.columns as { name: string; type: string }[]).filter((x) => x.type === 'string').map((x) => x.name),
  );
  const table = readCsvTable(join(dir, 'data.csv'), strings);
  return { ...c, table, dir };
}

export function toleranceFor(tol: OracleTolerance, field: string): { rel: number; abs: number } {
  return tol.fields?.[field] ?? { rel: tol.rel, abs: tol.abs };
}

/** |got − expected| ≤ abs + rel·|expected| */
export function close(got: number, expected: number, t: { rel: number; abs: number }): boolean {
  return Math.abs(got - expected) <= t.abs + t.rel * Math.abs(expected);
}

/** Log relative error, capped at 15 as in the oracle README. */
export function lre(est: number, cert: number): number {
  if (est === cert) return 15;
  const e = cert === 0 ? Math.abs(est) : Math.abs(est - cert) / Math.abs(cert);
  return Math.min(15, -Math.log10(e));
}
