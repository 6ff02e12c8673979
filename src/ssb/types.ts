/**
 * What the client reads from PxWebApi v2 (shapes from PxTools/PxApiSpecs PxAPI-2.yml: ConfigResponse,
 * TablesResponse, the JSON-stat 2 `Dataset` of /tables/{id}/metadata with `extension.codelists`).
 */

/** `/config` (ConfigResponse): the limits the client must respect. */
export interface ApiConfig {
  /** Most data cells one data request may select (SSB: 800 000). */
  maxDataCells: number;
  /** Requests allowed per `timeWindow` seconds per IP (SSB: 30 per 60). */
  maxCallsPerTimeWindow: number;
  timeWindow: number;
  license: string | null;
  languages: string[];
  defaultLanguage: string | null;
}

/** One hit of `/tables?query=` (TablesResponse.tables[]). */
export interface TableSummary {
  id: string;
  label: string;
  updated: string | null;
  firstPeriod: string | null;
  lastPeriod: string | null;
  variableNames: string[];
  discontinued: boolean;
}

export interface TablesPage {
  tables: TableSummary[];
  pageNumber: number;
  totalPages: number;
  totalElements: number;
}

/** A code list offered for a dimension (`extension.codelists[]`, CodelistInformation). */
export interface CodelistInfo {
  id: string;
  label: string;
  /** `Aggregation` (agg_…: values are sums of the table's values) or `Valueset` (vs_…: a subset). */
  type: string;
}

export type DimensionRole = 'geo' | 'time' | 'metric' | 'other';

export interface DimensionMeta {
  id: string;
  label: string;
  role: DimensionRole;
  /** Value codes in the table's order. */
  codes: string[];
  labels: string[];
  /** The dimension may be left out of a query (`extension.elimination`). */
  elimination: boolean;
  codelists: CodelistInfo[];
  /** Unit per value code (contents dimension), e.g. `1000 kr`. */
  units: Record<string, string>;
}

export interface TableMeta {
  id: string;
  label: string;
  /** Last updated (ISO), `updated` of the metadata dataset. */
  updated: string | null;
  source: string | null;
  notes: string[];
  dimensions: DimensionMeta[];
  /** Code lists applied when the metadata was read (`codelist[Dim]=…`): the values are the list's. */
  codelists: Record<string, string>;
}
