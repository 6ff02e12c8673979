/** Results of the explained-variance stage (src/worker/stages/explained.ts). */
import type { Problem } from '../engine/problem';
import type { RelImpResult } from '../engine/importance/relimp';
import type { SubsetSearchResult } from '../engine/importance/search';
import type { ModelComparison } from '../engine/importance/compare';

export interface AnalysedModelInfo {
  id: string;
  label: string;
  dependent: string;
  criteria: string[];
  controls: string[];
  n: number;
  nDropped: number;
  years: number[];
}

export interface ExplainedResults {
  baselineId: string | null;
  comparison: ModelComparison | null;
  analysed: AnalysedModelInfo | null;
  relimp: RelImpResult | null;
  /** SØF 2017 Table 25: each criterion alone with the always-in columns (common sample). */
  oneAtATime: ModelComparison | null;
  /** SØF 2017 Table 20: criteria added in descending one-at-a-time R² (common sample). */
  stepwise: ModelComparison | null;
  subsets: (SubsetSearchResult & { refits: ModelComparison }) | null;
  problems: Problem[];
}
