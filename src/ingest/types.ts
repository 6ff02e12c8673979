/**
 * Types of the ingest layer (see docs/CONTRACTS.md). An `ImportedSource` is what one file became:
 * long observations (unit × year × variable → value, missing code) in typed arrays plus what was
 * detected about the file, so the data view can show it and the user can override it.
 */
import type { Problem } from '../engine/problem';
import type { Table } from '../engine/table';
import type { ColumnMapping, SourceSpec } from '../spec/sections/data';
import type { IngestLimits } from './limits';

export interface IngestProgress {
  /** 0..1 of the bytes read. */
  fraction: number;
  bytes: number;
  totalBytes: number;
  rows: number;
  label: string;
}

export interface IngestOptions {
  source?: SourceSpec;
  onProgress?(p: IngestProgress): void;
  cancelled?(): boolean;
  /** Smaller budgets than limits.ts (tests only: the app and the CLI always use the constants). */
  limits?: Partial<IngestLimits>;
}

/** One variable read from a file: a value column (× year) × a combination of dimension values. */
export interface SourceVariable {
  name: string;
  label: string;
  unit?: string;
  dims: Record<string, string>;
  /** False for per-capita, rates, shares, indices: they cannot be summed over merged municipalities. */
  additive: boolean;
}

/** Long observations in columnar form; row i is (units[unit[i]], year[i], variables[variable[i]]). */
export interface Observations {
  n: number;
  unit: Int32Array;
  year: Int32Array;
  variable: Int32Array;
  value: Float64Array;
  /** MissingCode per observation (table.ts `Missing`). */
  missing: Uint8Array;
  /** 1-based line (CSV/xlsx row) the value came from; 0 when not applicable (JSON). */
  line: Int32Array;
}

export interface CellIssue {
  line: number;
  column: string;
  text: string;
}

/** Rows (or values) a reader or the join left out, counted per reason, for the validation report. */
export interface DroppedRows {
  reason: 'bad-unit' | 'bad-year' | 'aggregate' | 'no-year' | 'unmatched-code' | 'zero-unit-year' | 'duplicate';
  count: number;
  /** What is counted: rows of the file, values (JSON-stat cells, the join), or municipality-years. */
  of: 'rows' | 'values' | 'unit-years';
  /** First line (row of the file) it happened on, when known. */
  firstLine?: number;
}

export interface AggregateRow {
  code: string;
  label: string;
  kind: string;
}

export type PeriodRule = NonNullable<ColumnMapping['periodRule']>;
/** A period rule as applied to one variable (`auto` resolved by its content). */
export type AppliedRule = { kind: 'pick'; period: number } | { kind: 'mean' } | { kind: 'sum' };

/** How a file with quarters or months was collapsed to years (periods.ts), for the source card. */
export interface PeriodSummary {
  kind: 'quarter' | 'month';
  /** The file's rule (`auto` = by content) and what it became per variable. */
  rule: PeriodRule;
  applied: { variable: string; rule: AppliedRule }[];
  /** Years that lacked periods a mean or sum needs (left missing). */
  incompleteYears: number[];
}

export interface DetectedFormat {
  format: SourceSpec['format'] | 'unknown';
  encoding?: string;
  /** Why that encoding was chosen (BOM, valid UTF-8, Norwegian letters …). */
  encodingReason?: string;
  delimiter?: string;
  newline?: string;
  layout?: 'long' | 'wide';
  /** 1-based line of the header. */
  headerLine?: number;
  title?: string;
  sheets?: string[];
  decimalComma?: boolean;
  /** The file had quarters or months, collapsed to years. */
  periods?: PeriodSummary;
  /** The file has no header row: its first row was read as data (columns named by their content). */
  headerless?: boolean;
}

export interface ImportedSource {
  /** The spec actually used (encoding, delimiter, sheet and mapping filled in). */
  spec: SourceSpec;
  detected: DetectedFormat;
  status: 'ok' | 'error' | 'cancelled';
  headers: string[];
  /** First rows as text, for the mapping preview. */
  preview: string[][];
  units: string[];
  unitNames: string[];
  variables: SourceVariable[];
  obs: Observations;
  aggregates: AggregateRow[];
  /** Non-numeric cells (first examples) and their total count. */
  invalidCells: CellIssue[];
  nInvalid: number;
  /** Numbers beyond ±MAX_ABS_VALUE such as 1e308 (first examples) and their count; set as invalid. */
  outOfRange?: CellIssue[];
  nOutOfRange?: number;
  /** Rows left out, per reason (unreadable municipality or year, aggregates set aside). */
  dropped?: DroppedRows[];
  /** Unit labels that could not be read as a municipality code (first examples). */
  badUnits: CellIssue[];
  /** A national series (mapping role `national`): one pseudo unit, values repeated per municipality. */
  national?: boolean;
  /** All rows as text when the file has no numeric values (e.g. a Klass change table). */
  textRows?: string[][];
  stats: { bytes: number; rows: number };
  problems: Problem[];
  /** A ready tidy table (source spec `table`): the whole file, columns as they are (tidyTable.ts). */
  table?: Table;
}

export interface VariableInfo {
  name: string;
  label: string;
  source: string;
  unit?: string;
  dims: Record<string, string>;
  years: number[];
  nUnits: number;
  nMissing: number;
  nSuppressed: number;
  /** Counts and amounts are additive (summed when municipalities merge); rates and indices are not. */
  additive?: boolean;
  /** One value per year for the whole country, repeated on every municipality row of that year. */
  national?: boolean;
}

export interface DuplicateKey {
  file: string;
  unit: string;
  year: number;
  variable: string;
  lines: number[];
}

export interface Outlier {
  variable: string;
  unit: string;
  year: number;
  value: number;
  robustZ: number;
}

export interface SourceValidation {
  file: string;
  /** SourceSpec id, so the data view can pair the report with the spec entry. */
  id: string;
  status: ImportedSource['status'];
  /** What was detected (encoding, delimiter, layout …) and the columns/first rows, for the mapping step. */
  detected: DetectedFormat;
  headers: string[];
  preview: string[][];
  nRows: number;
  variables: { name: string; label: string }[];
  nUnits: number;
  years: number[];
  nValues: number;
  nDuplicates: number;
  duplicates: DuplicateKey[];
  nNonNumeric: number;
  nonNumeric: CellIssue[];
  nOutOfRange: number;
  outOfRange: CellIssue[];
  /** Every row or value left out, with its reason (the reader's and the join's). */
  dropped: DroppedRows[];
  aggregates: AggregateRow[];
  /** Municipalities present in other files but not in this one. */
  unitsMissingHere: string[];
  /** Years inside this file's range with no values. */
  missingYears: number[];
  unmatchedCodes: string[];
}

export interface ValidationReport {
  sources: SourceValidation[];
  outliers: Outlier[];
  nOutliers: number;
  /** Old codes that the chosen municipality structure could not place. */
  unmatchedCodes: { file: string; code: string; name: string }[];
  /** Codes mapped to the chosen structure: old → new (only those that changed). */
  mappedCodes: { from: string; to: string }[];
  /**
   * Per year, the codes with data that the structure leaves out because of a split, and why
   * (src/ingest/dataset/splits.ts). Empty when nothing was left out for that reason.
   */
  splitGaps?: SplitGap[];
}

export interface SplitGap {
  year: number;
  /** Codes in the files with data this year that were left out. */
  codes: { code: string; name: string; kind: 'split' | 'received'; into: { code: string; name: string }[]; splitFrom: { code: string; name: string }[] }[];
  /** Municipalities of the chosen structure with no row this year because of it (2024: the receivers). */
  missingTargets: { code: string; name: string }[];
  /** Municipalities kept whose figures this year lack the part of a divided one they took in later (2020). */
  partialTargets: { code: string; name: string }[];
}

export interface Dataset {
  table: Table;
  catalogue: VariableInfo[];
  validation: ValidationReport;
  problems: Problem[];
  /**
   * Rows (municipality-years) holding a value from a synthetic demo source (a municipality-level
   * file; a demo national series such as the deflator does not count), for the mixed-data label.
   */
  syntheticRows?: number;
}
