/**
 * A stage turns (spec, table, earlier results) into one section of AnalysisResults. Stages run in
 * the worker in the order of src/worker/stages/index.ts, are skipped when the parts of the spec they
 * depend on (`inputs`) did not change (and no earlier section they read was recomputed), and check
 * `cancelled()` in long loops.
 */
import type { AnalysisSpec } from '../../spec/schema';
import type { Table } from '../../engine/table';
import type { AnalysisResults } from '../results';

export interface StageContext {
  spec: AnalysisSpec;
  /** The joined dataset with all derived variables. */
  table: Table;
  results: AnalysisResults;
  cancelled(): boolean;
  progress(fraction: number, label: string): void;
  /** Yields to the worker's event loop so a newer request can arrive; await it in long loops,
   *  then check `cancelled()`. */
  pause(): Promise<void>;
}

export interface Stage<K extends keyof AnalysisResults = keyof AnalysisResults> {
  key: K;
  /** The parts of the spec this stage reads (JSON-hashed to decide whether to re-run). */
  inputs(spec: AnalysisSpec): unknown;
  run(ctx: StageContext): AnalysisResults[K] | Promise<AnalysisResults[K]>;
}
