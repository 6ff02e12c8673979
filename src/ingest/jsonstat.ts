/**
 * JSON-stat 1 and 2 as PxWebApi v1/v2 and Statistikkbanken downloads write them: values in
 * row-major order over `id`/`size`, `status` symbols (`.`, `..`, `...`, `:`) on null values, and
 * dimension roles. KOSTRA dimension ids (KOKkommuneregion0000, KOKfunksjon0000, KOKart0000,
 * KOKregnskapsomfa0000) map to the canonical dims; region codes lose Statistikkbanken's `K-` prefix.
 */
import { problem, type Problem } from '../engine/problem';
import { Missing, type MissingCode } from '../engine/table';
import type { ColumnMapping, SourceSpec } from '../spec/sections/data';
import { isOutOfRangeNumber, MAX_ABS_VALUE, parseCell } from './cells';
import { dimKey, dimValue } from './dims';
import { groupDigits, LIMITS, tooManyValues, tooManyVariables, type IngestLimits } from './limits';
import { ObservationBuilder } from './observations';
import { cleanLabel, parseRegion } from './regions';
import { periodCode } from './periods';
import { failedSource, noDataProblems, outOfRangeProblem, paddedProblem } from './result';
import type { AggregateRow, DetectedFormat, ImportedSource } from './types';

interface Dim {
  id: string;
  codes: string[];
  labels: string[];
  label: string;
  units: Map<string, string>;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

function isObject(x: Json | undefined): x is JsonObject {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Finds the dataset object in a v2 body (top level) or a v1 bundle (`{ "dataset": {…} }` or any key). */
export function findDataset(doc: Json): { ds: JsonObject; version: 1 | 2 } | null {
  if (!isObject(doc)) return null;
  if (doc.class === 'dataset' || (Array.isArray(doc.id) && isObject(doc.dimension))) return { ds: doc, version: 2 };
  for (const v of Object.values(doc)) {
    if (isObject(v) && isObject(v.dimension) && ('value' in v)) return { ds: v, version: 1 };
  }
  return null;
}

/**
 * The dimensions, checked before anything is allocated: each size must be a whole number equal to
 * its category count (a size of 10^9 with three categories would otherwise drive the loops below).
 * Returns the id of the first bad dimension and why, when one is bad.
 */
function readDims(ds: JsonObject, version: 1 | 2): Dim[] | { id: string; why: string; whyEn: string } {
  const dimension = ds.dimension as JsonObject;
  const ids = (version === 2 ? ds.id : (dimension.id ?? ds.id)) as Json;
  const size = (version === 2 ? ds.size : (dimension.size ?? ds.size)) as Json;
  if (!Array.isArray(ids) || !Array.isArray(size) || ids.length !== size.length) {
    return { id: 'id/size', why: '«id» og «size» mangler eller er ulike lange', whyEn: '"id" and "size" are missing or differ in length' };
  }
  const dims: Dim[] = [];
  for (let k = 0; k < ids.length; k++) {
    const id = String(ids[k]);
    const d = dimension[id];
    if (!isObject(d) || !isObject(d.category)) return { id, why: 'mangler kategorier', whyEn: 'has no categories' };
    const cat = d.category;
    const n = size[k];
    const index = cat.index;
    const labelsObj = isObject(cat.label) ? cat.label : {};
    const count = Array.isArray(index) ? index.length : isObject(index) ? Object.keys(index).length : Object.keys(labelsObj).length;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n !== count) {
      return {
        id,
        why: `har størrelse ${JSON.stringify(n)}, men ${count} kategorier`,
        whyEn: `has size ${JSON.stringify(n)} but ${count} categories`,
      };
    }
    const codes: string[] = new Array<string>(n);
    if (Array.isArray(index)) index.forEach((c, i) => (codes[i] = String(c)));
    else if (isObject(index)) {
      for (const [c, i] of Object.entries(index)) {
        const at = Number(i);
        if (!Number.isInteger(at) || at < 0 || at >= n) return { id, why: `har kategoriindeks ${JSON.stringify(i)} utenfor 0–${n - 1}`, whyEn: `has category index ${JSON.stringify(i)} outside 0–${n - 1}` };
        codes[at] = c;
      }
    } else Object.keys(labelsObj).forEach((c, i) => (codes[i] = c));
    for (let i = 0; i < n; i++) if (codes[i] === undefined) return { id, why: `mangler kategori nummer ${i}`, whyEn: `lacks category number ${i}` };
    const units = new Map<string, string>();
    if (isObject(cat.unit)) {
      for (const [c, u] of Object.entries(cat.unit)) {
        if (isObject(u)) {
          const base = typeof u.base === 'string' ? u.base : typeof u.label === 'string' ? u.label : '';
          if (base) units.set(c, base);
        }
      }
    }
    dims.push({
      id,
      codes,
      labels: codes.map((c) => cleanLabel(String(labelsObj[c] ?? c))),
      label: typeof d.label === 'string' ? d.label : id,
      units,
    });
  }
  return dims;
}

function roles(ds: JsonObject, version: 1 | 2): { geo: string[]; time: string[]; metric: string[] } {
  const r = (version === 2 ? ds.role : (isObject(ds.dimension) ? ds.dimension.role : undefined)) as Json | undefined;
  const get = (k: string) => (isObject(r) && Array.isArray(r[k]) ? (r[k] as Json[]).map(String) : []);
  return { geo: get('geo'), time: get('time'), metric: get('metric') };
}

const REGION_ID = /region|kommune|^Region$/i;
const TIME_ID = /^(?:Tid|Time|Year|År|Kvartal|Quarter|Måned|Month)$/i;

function statusAt(status: Json | undefined, i: number): string | undefined {
  if (status === undefined || status === null) return undefined;
  if (typeof status === 'string') return status;
  if (Array.isArray(status)) {
    const s = status[i];
    return typeof s === 'string' ? s : undefined;
  }
  if (isObject(status)) {
    const s = status[String(i)];
    return typeof s === 'string' ? s : undefined;
  }
  return undefined;
}

function symbolCode(sym: string | undefined): MissingCode {
  switch (sym?.trim()) {
    case ':':
      return Missing.suppressed;
    case '.':
      return Missing.notApplicable;
    case '...':
      return Missing.notYetAvailable;
    default:
      return Missing.missing;
  }
}

export function ingestJsonStatDoc(doc: Json, spec: SourceSpec, bytes: number, limits: IngestLimits = LIMITS): ImportedSource | null {
  const found = findDataset(doc);
  if (!found) return null;
  const file = spec.fileName;
  const { ds, version } = found;
  const detected: DetectedFormat = { format: 'json-stat', encoding: 'utf-8', layout: 'long' };
  const dims = readDims(ds, version);
  if (!Array.isArray(dims)) {
    return failedSource({ ...spec, format: 'json-stat' }, detected, [
      problem('jsonstat-bad-dimension', `${file}: JSON-stat-dimensjonen «${dims.id}» ${dims.why}.`, `${file}: the JSON-stat dimension "${dims.id}" ${dims.whyEn}.`, { file, column: dims.id }),
    ], bytes);
  }
  // The budget, before any loop or array depends on it: the cube's cells and its variables.
  const total = dims.reduce((a, d) => a * d.codes.length, 1);
  if (total > limits.values) return failedSource({ ...spec, format: 'json-stat' }, detected, [tooManyValues(file, total, limits.values, 'cube-cells')], bytes);
  const role = roles(ds, version);
  const geoIdx = dims.findIndex((d) => role.geo.includes(d.id) || REGION_ID.test(d.id));
  const timeIdx = dims.findIndex((d) => role.time.includes(d.id) || TIME_ID.test(d.id));
  const mapping: ColumnMapping = {
    unitColumn: geoIdx >= 0 ? dims[geoIdx].id : null,
    yearColumn: timeIdx >= 0 ? dims[timeIdx].id : null,
    valueColumns: ['value'],
    dimensionColumns: dims.filter((_, k) => k !== geoIdx && k !== timeIdx).map((d) => d.id),
    layout: 'long',
    fixedYear: spec.mapping?.fixedYear ?? null,
    variablePrefix: spec.mapping?.variablePrefix ?? '',
    nameColumn: null,
    decimalComma: null,
    unit: spec.mapping?.unit ?? null,
    ...(spec.mapping?.periodRule ? { periodRule: spec.mapping.periodRule } : {}),
    ...(spec.mapping?.yearAs != null ? { yearAs: spec.mapping.yearAs } : {}),
  };
  const resolved: SourceSpec = { ...spec, format: 'json-stat', mapping };
  const problems: Problem[] = [];
  const headers = dims.map((d) => d.id);
  if (geoIdx < 0) {
    const s = failedSource(resolved, detected, [
      problem('no-unit-column', `${file}: JSON-stat-fila har ingen regiondimensjon (dimensjoner: ${headers.join(', ')}).`, `${file}: the JSON-stat file has no region dimension (dimensions: ${headers.join(', ')}).`, { file }),
    ], bytes);
    s.headers = headers;
    return s;
  }
  const value = ds.value;
  const status = ds.status;
  const valueAt = (i: number): Json | undefined => (Array.isArray(value) ? value[i] : isObject(value) ? value[String(i)] : undefined);
  if (!Array.isArray(value) && !isObject(value)) {
    return failedSource(resolved, detected, [problem('jsonstat-no-values', `${file}: JSON-stat-fila mangler «value».`, `${file}: the JSON-stat file has no "value".`, { file })], bytes);
  }
  if (Array.isArray(value) && value.length !== total) {
    // Values are placed by position: with a different count every value would land in the wrong cell.
    return failedSource(resolved, detected, [
      problem('jsonstat-size', `${file}: ${groupDigits(value.length, 'nb')} verdier, men dimensjonsstørrelsene gir ${groupDigits(total, 'nb')} celler; verdiene kan ikke plasseres.`, `${file}: ${groupDigits(value.length, 'en')} values, but the dimension sizes give ${groupDigits(total, 'en')} cells; the values cannot be placed.`, { file }),
    ], bytes);
  }
  const nVariables = dims.reduce((a, d, k) => (k === geoIdx || k === timeIdx ? a : a * d.codes.length), 1);
  if (nVariables > limits.variables) return failedSource(resolved, detected, [tooManyVariables(file, nVariables, limits.variables)], bytes);
  const builder = new ObservationBuilder(Math.max(16, total), { file, maxValues: limits.values, maxVariables: limits.variables });
  const aggregates = new Map<string, AggregateRow>();
  const otherDims = dims.map((_, k) => k).filter((k) => k !== geoIdx && k !== timeIdx);
  const keys = otherDims.map((k) => dimKey(dims[k].id));
  const metricIdx = dims.findIndex((d) => role.metric.includes(d.id) || /^ContentsCode$/i.test(d.id));
  const geo = dims[geoIdx];
  const regions = geo.codes.map((c, i) => {
    const r = parseRegion(c);
    // Codes without a name in the code itself take the category label (`3001` → `Halden`).
    return { ...r, name: r.name || geo.labels[i] };
  });
  // Years, or quarter/month period codes (`2016K1`, `2016M01`) that periods.ts collapses to years.
  const years = timeIdx >= 0 ? dims[timeIdx].codes.map((c) => {
    const code = periodCode(c);
    return code < 0 ? NaN : code;
  }) : [];
  let badYear = '';
  let nInvalid = 0;
  const invalidCells: ImportedSource['invalidCells'] = [];
  let nOutOfRange = 0;
  const outOfRange: ImportedSource['invalidCells'] = [];
  let aggregateValues = 0;
  const strides = new Array<number>(dims.length);
  let s = 1;
  for (let k = dims.length - 1; k >= 0; k--) {
    strides[k] = s;
    s *= dims[k].codes.length;
  }
  for (let i = 0; i < total; i++) {
    const gi = Math.floor(i / strides[geoIdx]) % geo.codes.length;
    const region = regions[gi];
    if (region.kind !== 'municipality') {
      aggregateValues++;
      if (!aggregates.has(region.code)) aggregates.set(region.code, { code: region.code, label: `${geo.codes[gi]} ${geo.labels[gi]}`.trim(), kind: region.aggregate ?? 'invalid' });
      continue;
    }
    let year = mapping.fixedYear ?? 0;
    if (timeIdx >= 0) {
      const ti = Math.floor(i / strides[timeIdx]) % years.length;
      year = years[ti];
      if (Number.isNaN(year)) {
        badYear ||= dims[timeIdx].codes[ti];
        continue;
      }
    }
    let key = '';
    for (const k of otherDims) key += '\u0001' + (Math.floor(i / strides[k]) % dims[k].codes.length);
    const variable = builder.variableId(key, () => {
      const d: Record<string, string> = {};
      const labels: string[] = [];
      let unit = mapping.unit ?? undefined;
      otherDims.forEach((k, j) => {
        const ci = Math.floor(i / strides[k]) % dims[k].codes.length;
        const code = dims[k].codes[ci];
        d[keys[j]] = keys[j] === 'contents' ? code : dimValue(keys[j], code, dims[k].labels[ci]);
        labels.push(dims[k].labels[ci]);
        if (k === metricIdx && !unit) unit = dims[k].units.get(code);
      });
      const contentsLabel = metricIdx >= 0 ? dims[metricIdx].labels[Math.floor(i / strides[metricIdx]) % dims[metricIdx].codes.length] : '';
      const measure = mapping.variablePrefix || contentsLabel || 'verdi';
      return { measure, label: labels.join(', '), dims: d, unit };
    });
    const unit = builder.unitId(region.code, region.name);
    const raw = valueAt(i);
    let v = NaN;
    let miss: MissingCode = Missing.present;
    if (typeof raw === 'number') {
      if (Number.isFinite(raw) && Math.abs(raw) <= MAX_ABS_VALUE) v = raw;
      else miss = Missing.invalid;
    } else if (typeof raw === 'string') {
      const c = parseCell(raw, false);
      v = c.value;
      miss = c.missing;
    } else miss = symbolCode(statusAt(status, i));
    if (miss === Missing.invalid) {
      const text = String(raw);
      if (typeof raw === 'number' || isOutOfRangeNumber(text, false)) {
        nOutOfRange++;
        if (outOfRange.length < 50) outOfRange.push({ line: 0, column: `value[${i}]`, text });
      } else {
        nInvalid++;
        if (invalidCells.length < 50) invalidCells.push({ line: 0, column: `value[${i}]`, text: text.slice(0, 200) });
      }
    }
    builder.push(unit, year, variable, v, miss, 0);
  }
  if (badYear) {
    problems.push(
      problem('bad-year', `${file}: tidsdimensjonen har «${badYear}», som ikke er et årstall; slike verdier ble hoppet over.`, `${file}: the time dimension has "${badYear}", which is not a year; such values were skipped.`, { file, column: dims[timeIdx].id }, 'warning'),
    );
  }
  if (timeIdx < 0 && mapping.fixedYear === null) {
    problems.push(problem('no-year', `${file}: fila har ingen tidsdimensjon; oppgi år i koblingssteget.`, `${file}: the file has no time dimension; give the year in the mapping step.`, { file }, 'warning'));
  }
  if (nOutOfRange > 0) problems.push(outOfRangeProblem(file, nOutOfRange, outOfRange[0]));
  if (nInvalid > 0) {
    problems.push(
      problem('non-numeric', `${file}: ${nInvalid} verdier er ikke gyldige tall (f.eks. «${invalidCells[0].text}» i ${invalidCells[0].column}).`, `${file}: ${nInvalid} values are not valid numbers (e.g. "${invalidCells[0].text}" in ${invalidCells[0].column}).`, { file, column: invalidCells[0].column }, 'warning'),
    );
  }
  const padded = geo.codes.filter((_, i) => regions[i].padded && builder.units.includes(regions[i].code));
  if (padded.length > 0) problems.push(paddedProblem(file, padded.length, padded[0]));
  const agg = [...aggregates.values()];
  problems.push(...noDataProblems(file, builder, agg.length, agg.some((a) => a.kind === 'district')));
  const preview: string[][] = [];
  return {
    spec: resolved,
    detected,
    status: builder.n === 0 ? 'error' : 'ok',
    headers,
    preview,
    units: builder.units,
    unitNames: builder.unitNames,
    variables: builder.variables,
    obs: builder.finish(),
    aggregates: agg,
    invalidCells,
    nInvalid,
    outOfRange,
    nOutOfRange,
    dropped: aggregateValues > 0 ? [{ reason: 'aggregate', count: aggregateValues, of: 'values' }] : [],
    badUnits: [],
    stats: { bytes, rows: total },
    problems,
  };
}

export type { Json, JsonObject };
export { isObject };
