/**
 * Plain JSON that is not JSON-stat: an array of records (`[{"kommune":"0301","aar":2024,…}]`) or an
 * object keyed by municipality code (`{"kommuner":{"0301":{"samlet":1.03,…}}}`, as in the grønt
 * hefte extracts). Both are flattened to a text table and read by the same row mapper as CSV.
 * Record keys only ever become array entries, so `__proto__` keys stay harmless.
 */
import { problem, type Problem } from '../engine/problem';
import type { SourceSpec } from '../spec/sections/data';
import { usableMapping } from './csv';
import { normaliseHeaders } from './headers';
import type { Json, JsonObject } from './jsonstat';
import { isObject } from './jsonstat';
import { proposeMapping } from './mapping';
import { BudgetExceeded, LIMITS, tooManyColumns, tooManyValues, type IngestLimits } from './limits';
import { ObservationBuilder } from './observations';
import { mapperProblems, nationalProblem, noDataProblems } from './result';
import { RowMapper } from './tabular';
import type { ImportedSource } from './types';

const CODE_KEY = /^(?:K-)?\d{4}$/;

function text(x: Json | undefined): string {
  if (x === null || x === undefined) return '';
  if (typeof x === 'object') return '';
  return String(x);
}

function yearOf(o: JsonObject): number | null {
  for (const k of ['år', 'aar', 'year', 'Year', 'ar']) {
    const v = o[k];
    const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
    if (Number.isInteger(n) && n >= 1900 && n <= 2100) return n;
  }
  return null;
}

/** Finds an object most of whose keys are 4-digit municipality codes (depth ≤ 2). */
function findKeyed(doc: JsonObject, depth = 0): JsonObject | null {
  const keys = Object.keys(doc);
  if (keys.length > 0 && keys.filter((k) => CODE_KEY.test(k)).length / keys.length > 0.8 && Object.values(doc).some(isObject)) return doc;
  if (depth >= 2) return null;
  for (const v of Object.values(doc)) {
    if (isObject(v)) {
      const f = findKeyed(v, depth + 1);
      if (f) return f;
    }
  }
  return null;
}

/**
 * Records → rows of text. The budget (columns, cells of rows × columns) is checked after the keys
 * are counted and before the rows are built: records with thousands of different keys would
 * otherwise become a grid of billions of empty cells.
 */
export function jsonToRows(doc: Json, file = '', limits: IngestLimits = LIMITS): { headers: string[]; rows: string[][]; year: number | null } | null {
  let records: JsonObject[] | null = null;
  let codeKey: string | null = null;
  let year: number | null = null;
  if (Array.isArray(doc) && doc.length > 0 && doc.every(isObject)) records = doc as JsonObject[];
  else if (isObject(doc)) {
    year = yearOf(doc);
    const keyed = findKeyed(doc);
    if (keyed) {
      codeKey = 'kommune';
      records = [];
      for (const [code, rec] of Object.entries(keyed)) {
        if (!isObject(rec)) continue;
        records.push({ ...Object.fromEntries(Object.entries(rec)), [codeKey]: code } as JsonObject);
      }
    } else {
      const arr = Object.values(doc).find((v) => Array.isArray(v) && v.length > 0 && v.every(isObject));
      if (Array.isArray(arr)) records = arr as JsonObject[];
    }
  }
  if (!records) return null;
  const headerIndex = new Map<string, number>();
  const headers: string[] = [];
  if (codeKey) {
    headerIndex.set(codeKey, 0);
    headers.push(codeKey);
  }
  for (const r of records) {
    for (const [k, v] of Object.entries(r)) {
      if (isObject(v) || Array.isArray(v)) continue;
      if (!headerIndex.has(k)) {
        headerIndex.set(k, headers.length);
        headers.push(k);
      }
    }
  }
  if (headers.length > limits.columns) throw new BudgetExceeded(tooManyColumns(file, headers.length, limits.columns));
  const cells = records.length * headers.length;
  if (cells > limits.values) throw new BudgetExceeded(tooManyValues(file, cells, limits.values, 'sheet-cells'));
  const rows = records.map((r) => {
    const row = new Array<string>(headers.length).fill('');
    for (const [k, v] of Object.entries(r)) {
      const j = headerIndex.get(k);
      if (j !== undefined) row[j] = text(v);
    }
    return row;
  });
  return { headers, rows, year };
}

export function ingestJsonTable(doc: Json, spec: SourceSpec, bytes: number, limits: IngestLimits = LIMITS): ImportedSource | null {
  const t = jsonToRows(doc, spec.fileName, limits);
  if (!t) return null;
  const file = spec.fileName;
  const problems: Problem[] = [];
  const hh = normaliseHeaders(t.headers, file, 1);
  problems.push(...hh.problems);
  const headers = hh.headers;
  const proposed = proposeMapping(headers, t.rows.slice(0, 200));
  if (proposed.yearColumn === null && t.year !== null) proposed.fixedYear = t.year;
  const mapping = usableMapping(spec.mapping, headers, file, problems) ?? proposed;
  const builder = new ObservationBuilder(Math.max(16, t.rows.length * 4), { file, maxValues: limits.values, maxVariables: limits.variables });
  const mapper = new RowMapper(headers, mapping, builder, false);
  if (mapper.ready) t.rows.forEach((r, i) => mapper.push(r, i + 1));
  else {
    problems.push(
      problem('no-value-columns', `${file}: fant ingen kommunekolonne eller tallkolonner i JSON-fila.`, `${file}: found no municipality column or numeric columns in the JSON file.`, { file }),
    );
  }
  if (mapping.yearColumn === null && mapping.fixedYear === null && mapping.layout === 'long') {
    problems.push(problem('no-year', `${file}: fila sier ikke hvilket år tallene gjelder; oppgi år i koblingssteget.`, `${file}: the file does not say which year the values are for; give the year in the mapping step.`, { file }, 'warning'));
  }
  if (mapper.national) problems.push(nationalProblem(file));
  problems.push(...mapperProblems(file, mapper));
  const agg = mapper.aggregateList();
  if (mapper.ready) problems.push(...noDataProblems(file, builder, agg.length, false));
  return {
    spec: { ...spec, format: 'json', mapping },
    detected: { format: 'json', encoding: 'utf-8', layout: mapping.layout },
    status: builder.n === 0 ? 'error' : 'ok',
    headers,
    preview: t.rows.slice(0, 20),
    units: builder.units,
    unitNames: builder.unitNames,
    variables: builder.variables,
    obs: builder.finish(),
    aggregates: agg,
    invalidCells: mapper.invalidCells,
    nInvalid: mapper.nInvalid,
    outOfRange: mapper.outOfRange,
    nOutOfRange: mapper.nOutOfRange,
    dropped: mapper.droppedRows(),
    badUnits: mapper.badUnits,
    ...(mapper.national ? { national: true } : {}),
    textRows: mapper.ready ? undefined : t.rows.slice(0, 100_000),
    stats: { bytes, rows: t.rows.length },
    problems,
  };
}
