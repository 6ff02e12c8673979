/** «Fjern demodata»: the analysis without the demo, as a pure spec transformation (store/actions.ts runs it). */
import { emptySpec, type AnalysisSpec } from './schema';

/**
 * The spec without the demo: the user's own files stay, with their data settings; everything the
 * demo brought (variables, models, keys, presets, scenarios …) goes, because it points at demo
 * variables. What remains is an analysis of the user's files only, so nothing of the demo survives
 * into it. `realVariables` are the imported variables that come from the user's files.
 */
export function specWithoutDemo(spec: AnalysisSpec, realVariables: ReadonlySet<string>): AnalysisSpec {
  const sources = spec.data.sources.filter((s) => !s.demo);
  if (sources.length === 0) return emptySpec();
  const next = emptySpec();
  const isReal = (v: string | null) => v === null || realVariables.has(v);
  next.data = {
    ...structuredClone(spec.data),
    sources: structuredClone(sources),
    changeTableSourceId: sources.some((s) => s.id === spec.data.changeTableSourceId) ? spec.data.changeTableSourceId : null,
    ...(spec.data.rates ? { rates: spec.data.rates.filter((r) => isReal(r.variable) && isReal(r.denominator) && isReal(r.numerator)) } : {}),
  };
  if (realVariables.has(spec.variables.population)) next.variables.population = spec.variables.population;
  return next;
}

