/** Spec section: which files were imported and how each one was read. Owned by ingest. */
import { z } from 'zod';

export const columnMappingSchema = z.object({
  /** Column holding the municipality (code, or `0301 Oslo`-style label). */
  unitColumn: z.string().nullable(),
  /** Column holding the year (long layout); null for wide layouts or one-year files. */
  yearColumn: z.string().nullable(),
  /** Value columns: one for long layouts, one per year (or per variable × year) for wide layouts. */
  valueColumns: z.array(z.string()),
  /** Columns whose values name dimensions (function, art, age, sex, contents …). */
  dimensionColumns: z.array(z.string()),
  layout: z.enum(['long', 'wide']),
  /** Year used when the file has no year (e.g. a one-year download). */
  fixedYear: z.number().int().nullable().default(null),
  /** Prefix for the variable names made from this file. */
  variablePrefix: z.string().default(''),
  /** Column holding the municipality name when it is separate from the code. */
  nameColumn: z.string().nullable().optional(),
  /** Decimal comma (`1,5`) rather than point; null = sniffed. */
  decimalComma: z.boolean().nullable().optional(),
  /** Unit of the values (e.g. `1000 kr`, `personer`); null = taken from the file when it says. */
  unit: z.string().nullable().optional(),
  /**
   * `national`: the file is one series for the whole country by year (a price index, a deflator),
   * without a municipality column; the dataset repeats each year's value on every municipality of
   * that year. Absent = municipality data.
   */
  role: z.enum(['municipality', 'national']).optional(),
  /**
   * How quarters (`2016K1`) or months (`2016M01`) become years: `auto` by content (stocks such as the
   * population → the last period, rates and indices → mean, flows such as kroner → sum), `pick` one
   * quarter/month (`period` 1–4 or 1–12), `mean` or `sum` of the year. Absent = `auto`.
   */
  periodRule: z
    .object({ kind: z.enum(['auto', 'pick', 'mean', 'sum']), period: z.number().int().min(1).max(12).nullable().default(null) })
    .optional(),
  /** Read every value of a one-year file as this year (e.g. a 2025 index joined with 2022 population). */
  yearAs: z.number().int().nullable().optional(),
});
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

/**
 * One dimension of a PxWebApi v2 data query, in the API's own shape (`VariableSelection` of
 * PxTools/PxApiSpecs PxAPI-2.yml): value codes or selection expressions (`*`, `top(5)`, `from(2015)`,
 * `range(a,b)`, `03*`), on the table's own values or on a code list (`agg_KommSummer`). An empty
 * `valueCodes` leaves the dimension out of the query (elimination: SSB sums it or uses its total).
 */
export const ssbDimSelectionSchema = z.object({
  variableCode: z.string(),
  codelist: z.string().nullable().default(null),
  valueCodes: z.array(z.string()),
});
export type SsbDimSelection = z.infer<typeof ssbDimSelectionSchema>;

/** A data query against one Statistikkbanken table: what «Oppdater fra SSB» and the scripts re-run. */
export const ssbQuerySchema = z.object({
  tableId: z.string(),
  lang: z.enum(['no', 'en']).default('no'),
  selection: z.array(ssbDimSelectionSchema),
});
export type SsbQuery = z.infer<typeof ssbQuerySchema>;

/** Where a fetched source came from (shown on the source card, in exports and scripts). */
export const ssbProvenanceSchema = z.object({
  /** API base URL, e.g. https://data.ssb.no/api/pxwebapi/v2. */
  api: z.string(),
  query: ssbQuerySchema,
  /** The table's title as the API gave it (`12367: Detaljerte regnskapstall …`). */
  title: z.string(),
  /** The table's last-updated time from its metadata (ISO), null when the API did not say. */
  updated: z.string().nullable(),
  /** When the data were fetched (ISO). */
  fetchedAt: z.string(),
  /** The GET requests actually made (split over the cell and URL limits), in order. */
  urls: z.array(z.string()),
  /** Cells in the reassembled table. */
  cells: z.number().int().nonnegative(),
  /** Recipe that added the source (`barnevern`, `sosialhjelp`), null for a hand-built query. */
  recipe: z.string().nullable().default(null),
});
export type SsbProvenance = z.infer<typeof ssbProvenanceSchema>;

export const tableKeysSchema = z.object({
  unit: z.string().nullable().default(null),
  year: z.string().nullable().default(null),
  name: z.string().nullable().default(null),
});
export type TableKeys = z.infer<typeof tableKeysSchema>;

export const sourceSpecSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  format: z.enum(['csv', 'json-stat', 'xlsx', 'json']),
  /** Overrides the sniffed encoding (csv). */
  encoding: z.string().nullable().default(null),
  delimiter: z.string().nullable().default(null),
  sheet: z.string().nullable().default(null),
  mapping: columnMappingSchema.nullable().default(null),
  /** The file came with the app (synthetic demo data). */
  demo: z.boolean().default(false),
  /** 1-based header line (csv/xlsx); 0 = the file has no header row; null = found automatically. */
  headerLine: z.number().int().nullable().optional(),
  /** `change-table`: the file is a Klass code-change table used by the structure step, not data. */
  role: z.enum(['data', 'change-table']).optional(),
  /** Set when the source was fetched from SSB's PxWebApi rather than uploaded. */
  ssb: ssbProvenanceSchema.optional(),
  /**
   * Set when the file is a ready tidy table (header row, one row per unit and year, e.g. written by a
   * script or by `analyze import`; the CLI commands read their `--data` this way): its columns are
   * used as they are, under their own names and in file order, without municipality-code mapping.
   * Names its unit, year and unit-name columns (null = none). Such a source is the whole dataset.
   */
  table: tableKeysSchema.optional(),
});
export type SourceSpec = z.infer<typeof sourceSpecSchema>;

/**
 * A rate, per-capita figure, share or index defined as numerator / denominator × scale. The
 * structure step needs this to recompute the figure for merged municipalities (Σ numerator /
 * Σ denominator × scale) instead of leaving it missing: averaging the parts would be wrong.
 * Names are dataset variable names (the catalogue's `name`).
 */
export const rateSpecSchema = z.object({
  variable: z.string(),
  /**
   * Variable holding the numerator (e.g. the amount in 1000 kr). Null: the numerator is not in the
   * data and is taken as variable × denominator / scale for each part, which gives the same ratio.
   */
  numerator: z.string().nullable().default(null),
  /** Variable holding the denominator (e.g. `innbyggere`). */
  denominator: z.string(),
  /** 1 for per capita, 100 for a percentage, 1000 for per 1 000 inhabitants. */
  scale: z.number().positive().default(1),
});
export type RateSpec = z.infer<typeof rateSpecSchema>;

export const dataSpecSchema = z.object({
  sources: z.array(sourceSpecSchema).default([]),
  /** Municipality structure the panel is mapped to; `none` keeps the codes as they are. */
  structure: z.enum(['none', '2020', '2024']).default('none'),
  /** Id of an uploaded Klass change table used in addition to the built-in ones. */
  changeTableSourceId: z.string().nullable().default(null),
  /**
   * Rates with known numerator and denominator (see `rateSpecSchema`). Optional so specs written
   * before it still parse to the same type; per-capita variables with a population variable in the
   * data are recognised without it.
   */
  rates: z.array(rateSpecSchema).optional(),
});
export type DataSpec = z.infer<typeof dataSpecSchema>;

/**
 * The one demo rule: results are labelled "Syntetiske demodata" when any source is the bundled
 * synthetic demo — a real file joined to the demo does not make its numbers real.
 */
export function usesDemoData(data: { sources: readonly { demo?: boolean }[] }): boolean {
  return data.sources.some((s) => s.demo);
}
