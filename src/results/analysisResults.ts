/**
 * Everything the worker derives from (spec, data). Each section is filled by one pipeline step or
 * stage (src/worker/stages); views read their own section from the store and only render it.
 * Owners add their section's field here (optional until the stage has run) and its type in a file
 * of its own in this folder: views import result types from here, never from the worker.
 */
import type { Problem } from '../engine/problem';
import type { ModelResult } from '../engine/model/types';
import type { DescribeResult } from '../engine/describe';
import type { DerivedVariableInfo } from '../engine/variables/types';
import type { VariableInfo } from '../ingest/types';
import type { Measure } from '../engine/variables/units';
import type { CostKeyResults } from './costKey';
import type { DistrictResults } from './district';
import type { ExplainedResults } from './explained';
import type { StabilityResults } from './stability';
import type { TotalKeyResults } from './totalKey';
import type { KeyUncertaintyResults } from './keyUncertainty';
import type { ScenariosResults } from './scenarios';

/** A numeric column as the pickers show it: what it measures, its unit and where it came from. */
export interface NumericColumnInfo {
  name: string;
  label: string;
  /** Count, per inhabitant, share, amount … (engine/variables/units.ts). */
  measure: Measure;
  /** Unit text («1000 kr per innbygger», «antall», «andel»); '' when unknown. */
  unit: string;
  /** `imported` or the variable builder's kind (ratio, expenditure, age-group …). */
  origin: 'imported' | DerivedVariableInfo['kind'];
  /** File name (imported) or the builder's recipe (derived). */
  source: string;
  /** Variables a derived column was computed from (a ratio's numerator first). */
  inputs?: string[];
}

/** What the views need to know about the data without holding the table on the main thread. */
export interface DatasetSummary {
  nRows: number;
  nUnits: number;
  years: number[];
  /** Imported variables (from ingest). */
  catalogue: VariableInfo[];
  /** Variables added by the variable builder. */
  derived: DerivedVariableInfo[];
  /** Every numeric column of the final table (imported and derived), for pickers. */
  numericColumns: NumericColumnInfo[];
  /** Unit code → name, for pickers and labels. */
  units: { code: string; name: string }[];
  /** Some source is synthetic demo data (the one rule, src/spec/synthetic.ts). */
  demo: boolean;
  /** Share of the rows (municipality-years) with values from synthetic sources; 0 without demo data. */
  syntheticShare?: number;
  /** Ingest's validation report (shape owned by ingest). */
  validation?: unknown;
}

/** The sections that a stage (or the dataset step) computes and caches, each with a version. */
export interface ResultSections {
  dataset?: DatasetSummary;
  models?: Record<string, ModelResult>;
  describe?: DescribeResult;
  costKey?: CostKeyResults;
  /** null: no districts or no keys yet. */
  district?: DistrictResults | null;
  totalKey?: TotalKeyResults;
  explained?: ExplainedResults;
  stability?: StabilityResults;
  keyUncertainty?: KeyUncertaintyResults;
  scenarios?: ScenariosResults;
}

export type SectionKey = keyof ResultSections;

export interface AnalysisResults extends ResultSections {
  /** Hash of the spec the results belong to. */
  specHash: string;
  /** Problems of the data (files not loaded, dataset and variable problems); each section has its own. */
  problems: Problem[];
}
