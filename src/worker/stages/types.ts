/**
 * A stage turns (its part of the spec, the table, earlier results) into one section of
 * AnalysisResults. Stages run in the worker in the order of src/worker/stages/index.ts.
 *
 * `select(spec)` returns exactly the spec paths the stage reads, and `run` receives only that
 * selection (`ctx.input`), never the whole spec: a stage cannot read what it did not select, so its
 * cache key — the hash of the selection, with the table's key and the versions of the result
 * sections it read — cannot go stale. A selection may depend on the spec (e.g. the cost-key stage
 * selects the LMG settings only for method B), so a setting the stage ignores re-runs nothing.
 * Long loops `await ctx.pause()` and then check `cancelled()`.
 */
import type { AnalysisSpec } from '../../spec/schema';
import type { Table } from '../../engine/table';
import type { AnalysisResults, SectionKey } from '../../results/analysisResults';
import type { JobProgress } from '../api';

export interface StageContext<I> {
  /** The stage's `select(spec)`: the only part of the spec it sees. */
  input: I;
  /** The joined dataset with all derived variables. */
  table: Table;
  /** Earlier sections; the pipeline records which ones the stage reads. */
  results: Readonly<AnalysisResults>;
  cancelled(): boolean;
  /** The stage's share done; `job`: a parallel job's own progress, for the view that shows it. */
  progress(fraction: number, label: string, job?: JobProgress): void;
  /** Yields to the worker's event loop so a newer request can arrive; await it in long loops,
   *  then check `cancelled()`. */
  pause(): Promise<void>;
}

export interface Stage<K extends SectionKey = SectionKey, I = unknown> {
  key: K;
  /** Exactly the spec paths this stage reads (plain JSON; hashed into the stage's cache key). */
  select(spec: AnalysisSpec): I;
  run(ctx: StageContext<I>): AnalysisResults[K] | Promise<AnalysisResults[K]>;
}

/** Declares a stage with its selection's type inferred from `select`. */
export function defineStage<K extends SectionKey, I>(stage: Stage<K, I>): Stage<K, I> {
  return stage;
}

/** A stage of any key and selection, for lists of stages. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyStage = Stage<SectionKey, any>;
