/**
 * Everything the worker derives from (spec, data). Each section is filled by one stage
 * (src/worker/stages); views read their section from the store and only render it.
 * Owners add their section's field here (optional until the stage has run).
 */
import type { Problem } from '../engine/problem';
import type { ModelResult } from '../engine/model/types';
import type { DerivedVariableInfo, VariableInfo } from './ingestTypes';

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
  numericColumns: { name: string; label: string }[];
  /** Unit code → name, for pickers and labels. */
  units: { code: string; name: string }[];
  /** All sources are the bundled synthetic demo. */
  demo: boolean;
  /** Ingest's validation report (shape owned by ingest). */
  validation?: unknown;
}

export interface AnalysisResults {
  /** Hash of the spec the results belong to. */
  specHash: string;
  problems: Problem[];
  dataset?: DatasetSummary;
  models?: Record<string, ModelResult>;
  describe?: import('../engine/describe').DescribeResult;
  costKey?: import('./stages/costkey').CostKeyResults;
  totalKey?: import('./stages/totalKey').TotalKeyResults;
  explained?: import('./stages/explained').ExplainedResults;
  stability?: import('./stages/stability').StabilityResults;
}
