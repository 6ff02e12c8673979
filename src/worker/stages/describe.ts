/**
 * Descriptives stage: mean (SD) per year, percentiles, correlations and size-class means of the
 * variables chosen in spec.describe (default: the derived variables, else the models'
 * variables). The statistics are computed here so the views only render.
 */
import { describeTable, type DescribeResult } from '../../engine/describe';
import { SIZE_CLASS_COLUMN } from '../../engine/variables/buildVariables';
import type { AnalysisSpec } from '../../spec/schema';
import { defineStage } from './types';

/** More than this many variables make the tables and the heat map unreadable. */
const DEFAULT_MAX = 12;

/** What the stage reads: the section, and of the models only the variables they name. */
function select(spec: AnalysisSpec) {
  return { describe: spec.describe, modelVariables: spec.models.list.map((m) => [m.dependent, ...m.regressors, ...m.controls]) };
}
type DescribeInput = ReturnType<typeof select>;

export function defaultDescribeVariables(input: DescribeInput, derived: { name: string; kind?: unknown }[], has: (name: string) => boolean): string[] {
  const chosen = input.describe.variables.filter(has);
  if (chosen.length) return chosen;
  const fromDerived = derived.filter((d) => d.kind !== 'size-class' && d.kind !== 'grouping').map((d) => d.name);
  const fromModels = input.modelVariables.flat();
  return [...new Set([...fromDerived, ...fromModels])].filter(has).slice(0, DEFAULT_MAX);
}

export const describeStage = defineStage({
  key: 'describe',
  select,
  run(ctx): DescribeResult {
    const { table, input } = ctx;
    const spec = input.describe;
    const derived = ctx.results.dataset?.derived ?? [];
    const has = (name: string) => table.columns.get(name)?.kind === 'number';
    const variables = defaultDescribeVariables(input, derived, has);
    const labels: Record<string, string> = {};
    for (const v of ctx.results.dataset?.numericColumns ?? []) labels[v.name] = v.label;
    ctx.progress(0.1, 'Beskrivende statistikk');
    return describeTable(table, {
      variables,
      correlation: spec.correlation.filter(has),
      bySizeClass: spec.bySizeClass && has(spec.bySizeClass) ? spec.bySizeClass : null,
      percentileYear: spec.percentileYear,
      sizeClassColumn: SIZE_CLASS_COLUMN,
      labels,
    });
  },
});
