/**
 * A model comparison fitted on the sample the user chose (docs/METHODS.md §4): by default the common sample —
 * each model is fitted on its own sample first, the rows all successful fits used are intersected, and
 * every model is refitted on those rows, so ΔR² measures the criteria and not a change of sample.
 * With `own`, each column keeps its own sample; the comparison then says so (both Ns next to each ΔR²).
 */
import { fitModel } from '../model/fitModel';
import type { ModelResult, ModelSpec } from '../model/types';
import type { Table } from '../table';
import { intersectRows, rowsUsed, sameRows, sampleExclusions, variablesOf } from './commonRows';
import { compareModels, type ModelComparison, type NamedResult } from './compare';
import { restrictRows } from './subTable';

export type SampleMode = 'common' | 'own';

export interface ComparedModel {
  id: string;
  label: string;
  spec: ModelSpec;
  /** The model's fit on its own sample, when already known (the models stage's result). */
  own?: ModelResult;
}

export interface CompareOptions {
  mode: SampleMode;
  thresholds?: number[];
  /** How a model is fitted (the worker passes its guarded fit, which refuses unknown columns). */
  fit?: (table: Table, model: ComparedModel) => ModelResult;
  /** The common sample when it is already fixed (sub-models of a decomposition use the
   *  decomposition's rows, so their R² match it); by default the intersection of the own samples. */
  rows?: Int32Array;
}

export function compareOnSample(table: Table, models: ComparedModel[], opts: CompareOptions): ModelComparison {
  const fit = opts.fit ?? ((t: Table, m: ComparedModel) => fitModel(t, m.spec));
  const own = models.map((m) => m.own ?? fit(table, m));
  const named = (result: (i: number) => ModelResult | undefined): NamedResult[] =>
    models.map((m, i) => ({ id: m.id, label: m.label, result: result(i), own: own[i] }));
  if (opts.mode === 'own') return compareModels(named((i) => own[i]), opts.thresholds, { mode: 'own' });

  const used = own.map(rowsUsed).filter((r): r is Int32Array => r !== null);
  if (used.length === 0) return compareModels(named((i) => own[i]), opts.thresholds, { mode: 'common' });
  const common = opts.rows ?? intersectRows(used);
  const { nExcluded, byVariable } = sampleExclusions(own, common);
  if (used.every((r) => sameRows(r, common)))
    return compareModels(named((i) => own[i]), opts.thresholds, { mode: 'common', nExcluded, excluded: byVariable });

  const names = [...new Set(models.flatMap((m) => variablesOf(m.spec)))];
  const sub = restrictRows(table, common, names);
  // A model that failed on its own sample stays failed (its problem is the reason); the others are
  // refitted on the common rows.
  const refit = models.map((m, i) => (rowsUsed(own[i]) ? fit(sub, m) : own[i]));
  return compareModels(named((i) => refit[i]), opts.thresholds, { mode: 'common', nExcluded, excluded: byVariable });
}
