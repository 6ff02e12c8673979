/**
 * Everything the worker derives from (spec, data). Each section is filled by one stage
 * (src/worker/stages); views read their section from the store and only render it.
 * Owners add their section's field here (optional until the stage has run).
 */
import type { Problem } from '../engine/problem';
import type { ModelResult } from '../engine/model/types';

export interface AnalysisResults {
  /** Hash of the spec the results belong to. */
  specHash: string;
  problems: Problem[];
  models?: Record<string, ModelResult>;
}
