/**
 * Descriptives stage: mean (SD) per year, percentiles, correlations and size-class means of the
 * variables chosen in spec.variables.describe (default: the derived variables, else the models'
 * variables). The statistics are computed here so the views only render.
 */
import { describeTable, type DescribeResult } from '../../engine/describe';
import { SIZE_CLASS_COLUMN } from '../../engine/variables/buildVariables';
import type { AnalysisSpec } from '../../spec/schema';
import type { Stage } from './types';

/** More than this many variables make the tables and the heat map unreadable. */
const DEFAULT_MAX = 12;

export function defaultDescribeVariables(spec: AnalysisSpec, derived: { name: string; kind?: unknown }[], has: (name: string) => boolean): string[] {
  const chosen = spec.variables.describe.variables.filter(has);
  if (chosen.length) return chosen;
  const fromDerived = derived.filter((d) => d.kind !== 'size-class' && d.kind !== 'grouping').map((d) => d.name);
  const fromModels = spec.models.list.flatMap((m) => [m.dependent, ...m.regressors, ...m.controls]);
  return [...new Set([...fromDerived, ...fromModels])].filter(has).slice(0, DEFAULT_MAX);
}

export const describeStage: Stage<'describe'> = {
  key: 'describe',
  inputs: (spec) => ({ describe: spec.variables.describe, models: spec.models.list.map((m) => [m.dependent, m.regressors, m.controls]) }),
  run(ctx): DescribeResult {
    const { table, spec } = ctx;
    const derived = ctx.results.dataset?.derived ?? [];
    const has = (name: string) => table.columns.get(name)?.kind === 'number';
    const variables = defaultDescribeVariables(spec, derived, has);
    const labels: Record<string, string> = {};
    for (const v of ctx.results.dataset?.numericColumns ?? []) labels[v.name] = v.label;
    ctx.progress(0.1, 'Beskrivende statistikk');
    return describeTable(table, {
      variables,
      correlation: spec.variables.describe.correlation.filter(has),
      bySizeClass: spec.variables.describe.bySizeClass && has(spec.variables.describe.bySizeClass) ? spec.variables.describe.bySizeClass : null,
      percentileYear: spec.variables.describe.percentileYear,
      sizeClassColumn: SIZE_CLASS_COLUMN,
      labels,
    });
  },
};
