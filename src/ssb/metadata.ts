/**
 * Reading the small PxWebApi v2 answers: `/config`, `/tables?query=` and `/tables/{id}/metadata`
 * (JSON-stat 2 with `value: []`; dimensions carry `extension.elimination` and `extension.codelists`,
 * see PxTools/PxWebApi PxWeb/Mappers/DatasetMapper.cs). Never throws: a body of the wrong shape gives
 * null, and the client turns that into a plain-Norwegian problem.
 */
import { isObject, type Json, type JsonObject } from '../ingest/jsonstat';
import type { ApiConfig, CodelistInfo, DimensionMeta, DimensionRole, TableMeta, TablesPage, TableSummary } from './types';

const str = (x: Json | undefined): string | null => (typeof x === 'string' ? x : typeof x === 'number' ? String(x) : null);
const num = (x: Json | undefined): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

export function parseConfig(doc: Json): ApiConfig | null {
  if (!isObject(doc)) return null;
  const maxDataCells = num(doc.maxDataCells);
  if (maxDataCells === null || maxDataCells <= 0) return null;
  const langs = Array.isArray(doc.languages) ? doc.languages.map((l) => (isObject(l) ? str(l.id) : str(l))).filter((x): x is string => !!x) : [];
  return {
    maxDataCells,
    // PxWebApi reports 0 when rate limiting is not configured; SSB's guide says 30 per minute.
    maxCallsPerTimeWindow: num(doc.maxCallsPerTimeWindow) || 30,
    timeWindow: num(doc.timeWindow) || 60,
    license: str(doc.license),
    languages: langs,
    defaultLanguage: str(doc.defaultLanguage),
  };
}

function tableSummary(t: JsonObject): TableSummary | null {
  const id = str(t.id);
  if (!id) return null;
  return {
    id,
    label: str(t.label) ?? id,
    updated: str(t.updated),
    firstPeriod: str(t.firstPeriod),
    lastPeriod: str(t.lastPeriod),
    variableNames: Array.isArray(t.variableNames) ? t.variableNames.map((v) => String(v)) : [],
    discontinued: t.discontinued === true,
  };
}

export function parseTables(doc: Json): TablesPage | null {
  if (!isObject(doc) || !Array.isArray(doc.tables)) return null;
  const tables = doc.tables.filter(isObject).map(tableSummary).filter((t): t is TableSummary => t !== null);
  const page = isObject(doc.page) ? doc.page : {};
  return {
    tables,
    pageNumber: num(page.pageNumber) ?? 1,
    totalPages: num(page.totalPages) ?? 1,
    totalElements: num(page.totalElements) ?? tables.length,
  };
}

function codelists(ext: JsonObject): CodelistInfo[] {
  // SSB's own R client reads both spellings (statisticsnorway/ssb-pxwebapidata R/PxWebApi2.R).
  const raw = ext.codelists ?? ext.codeLists;
  if (!Array.isArray(raw)) return [];
  return raw
    .filter(isObject)
    .map((c) => ({ id: str(c.id) ?? '', label: str(c.label) ?? str(c.id) ?? '', type: str(c.type) ?? '' }))
    .filter((c) => c.id !== '');
}

function roleOf(doc: JsonObject, id: string): DimensionRole {
  const role = isObject(doc.role) ? doc.role : {};
  for (const r of ['time', 'geo', 'metric'] as const) {
    const list = role[r];
    if (Array.isArray(list) && list.includes(id)) return r;
  }
  if (/^(?:Tid|Time)$/i.test(id)) return 'time';
  if (/region|kommune/i.test(id)) return 'geo';
  if (/^ContentsCode$/i.test(id)) return 'metric';
  return 'other';
}

/** The JSON-stat 2 metadata of a table; `codelists` names the code lists the request applied. */
export function parseMetadata(doc: Json, tableId: string, applied: Record<string, string> = {}): TableMeta | null {
  if (!isObject(doc) || !Array.isArray(doc.id) || !isObject(doc.dimension)) return null;
  const dims: DimensionMeta[] = [];
  for (const rawId of doc.id) {
    const id = String(rawId);
    const d = doc.dimension[id];
    if (!isObject(d) || !isObject(d.category)) return null;
    const cat = d.category;
    const codes: string[] = [];
    if (isObject(cat.index)) for (const [c, i] of Object.entries(cat.index)) codes[Number(i)] = c;
    else if (Array.isArray(cat.index)) cat.index.forEach((c) => codes.push(String(c)));
    else if (isObject(cat.label)) codes.push(...Object.keys(cat.label));
    if (codes.some((c) => c === undefined)) return null;
    const labels = isObject(cat.label) ? cat.label : {};
    const units: Record<string, string> = {};
    if (isObject(cat.unit)) {
      for (const [c, u] of Object.entries(cat.unit)) if (isObject(u) && typeof u.base === 'string') units[c] = u.base;
    }
    const ext = isObject(d.extension) ? d.extension : {};
    dims.push({
      id,
      label: str(d.label) ?? id,
      role: roleOf(doc, id),
      codes,
      labels: codes.map((c) => str(labels[c]) ?? c),
      elimination: ext.elimination === true,
      codelists: codelists(ext),
      units,
    });
  }
  const px = isObject(doc.extension) && isObject(doc.extension.px) ? doc.extension.px : {};
  return {
    id: str(px.tableid) ?? tableId,
    label: str(doc.label) ?? tableId,
    updated: str(doc.updated),
    source: str(doc.source),
    notes: Array.isArray(doc.note) ? doc.note.map((n) => String(n)) : [],
    dimensions: dims,
    codelists: { ...applied },
  };
}
