/**
 * From a stored query (SsbQuery: value codes and expressions per dimension) to concrete GET requests:
 * expressions are expanded against the table's metadata so the client knows the number of cells and
 * can split a selection; the URL form is the API's own (`valueCodes[Dim]=a,b&codelist[Dim]=id`,
 * PxAPI-2.yml GetTableData; examples in SSB's user guide and statisticsnorway/ssb-pxwebapidata).
 *
 * `outputValues[Dim]=aggregated|single` is not sent: it was removed from the specification
 * (PxTools/PxApiSpecs #128, February 2025), and its default was `aggregated`, which is what a merged
 * municipality series needs.
 */
import type { SsbQuery } from '../spec/sections/data';
import { expandValueCodes } from './expressions';
import type { TableMeta } from './types';

export interface RequestDim {
  variableCode: string;
  codelist: string | null;
  /** Explicit value codes, in the table's (or code list's) order. */
  codes: string[];
  /**
   * The selection as the user gave it (`*`, `top(5)`, `????`), sent instead of the codes while the
   * dimension is not split: a short URL that means the same to the server. Splitting drops it.
   */
  expr?: string[];
}

/** One concrete data request: every listed dimension with explicit codes; absent ones are eliminated. */
export interface DataRequest {
  tableId: string;
  lang: 'no' | 'en';
  dims: RequestDim[];
}

export interface ResolvedQuery {
  request: DataRequest;
  /** Dimension value order of the whole selection (what a single response would have). */
  order: Record<string, string[]>;
  /** Value codes or expressions that matched nothing. */
  unknown: { variableCode: string; valueCode: string }[];
  /** Dimensions the query names that the table does not have. */
  unknownDims: string[];
  /** Dimensions that cannot be left out but are not in the query. */
  missingMandatory: string[];
  /** Dimensions whose code list differs from the one the metadata was read with. */
  codelistMismatch: string[];
}

export function resolveQuery(meta: TableMeta, query: SsbQuery): ResolvedQuery {
  const dims: RequestDim[] = [];
  const order: Record<string, string[]> = {};
  const unknown: ResolvedQuery['unknown'] = [];
  const unknownDims: string[] = [];
  const codelistMismatch: string[] = [];
  const byId = new Map(meta.dimensions.map((d) => [d.id.toLowerCase(), d]));
  for (const sel of query.selection) {
    const dim = byId.get(sel.variableCode.toLowerCase());
    if (!dim) {
      unknownDims.push(sel.variableCode);
      continue;
    }
    if ((meta.codelists[dim.id] ?? null) !== (sel.codelist ?? null)) codelistMismatch.push(dim.id);
    if (sel.valueCodes.length === 0) continue;
    const ex = expandValueCodes(dim, sel.valueCodes);
    for (const v of ex.unknown) unknown.push({ variableCode: dim.id, valueCode: v });
    dims.push({ variableCode: dim.id, codelist: sel.codelist ?? null, codes: ex.codes, expr: sel.valueCodes });
    order[dim.id] = ex.codes;
  }
  const missingMandatory = meta.dimensions.filter((d) => !d.elimination && !dims.some((x) => x.variableCode === d.id)).map((d) => d.id);
  // Keep the table's dimension order: the response's `id` follows the table, not the query.
  const rank = new Map(meta.dimensions.map((d, i) => [d.id, i]));
  dims.sort((a, b) => (rank.get(a.variableCode) ?? 0) - (rank.get(b.variableCode) ?? 0));
  return {
    request: { tableId: meta.id, lang: query.lang, dims },
    order,
    unknown,
    unknownDims,
    missingMandatory,
    codelistMismatch,
  };
}

export function cellCount(req: DataRequest): number {
  return req.dims.reduce((n, d) => n * d.codes.length, 1);
}

/** Code lists a query applies, as `{ Dim: id }` (the metadata must be read with the same ones). */
export function queryCodelists(query: SsbQuery): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of query.selection) if (s.codelist) out[s.variableCode] = s.codelist;
  return out;
}

const enc = (s: string) => encodeURIComponent(s);

/** `codelist[Dim]=id&…` for the metadata and data endpoints. */
export function codelistParams(codelists: Record<string, string>): string {
  return Object.entries(codelists)
    .map(([dim, id]) => `&codelist[${enc(dim)}]=${enc(id)}`)
    .join('');
}

export function metadataUrl(api: string, tableId: string, lang: string, codelists: Record<string, string> = {}): string {
  return `${api}/tables/${enc(tableId)}/metadata?lang=${enc(lang)}${codelistParams(codelists)}`;
}

export function tablesUrl(api: string, text: string, lang: string, pageSize = 20, pageNumber = 1): string {
  return `${api}/tables?lang=${enc(lang)}&query=${enc(text)}&pageSize=${pageSize}&pageNumber=${pageNumber}`;
}

export function configUrl(api: string): string {
  return `${api}/config`;
}

/** The GET URL of one data request (JSON-stat 2). Codes are percent-encoded (`105+` keeps its plus). */
export function dataUrl(api: string, req: DataRequest): string {
  let url = `${api}/tables/${enc(req.tableId)}/data?lang=${enc(req.lang)}&outputFormat=json-stat2`;
  for (const d of req.dims) {
    url += `&valueCodes[${enc(d.variableCode)}]=${(d.expr ?? d.codes).map(enc).join(',')}`;
    if (d.codelist) url += `&codelist[${enc(d.variableCode)}]=${enc(d.codelist)}`;
  }
  return url;
}
