/** What the variable builder's forms read from the store, in one place. */
import { useMemo } from 'react';
import { useAnalysisStore } from '../../store/analysisStore';
import type { DerivedVariableInfo } from '../../engine/variables/types';
import type { Problem } from '../../engine/problem';
import { definedIds } from './specOps';

export interface VariableData {
  options: { name: string; label: string }[];
  labels: Map<string, string>;
  derived: DerivedVariableInfo[];
  years: number[];
  /** Names already in use (imported columns and defined variables). */
  taken: Set<string>;
  problemsFor(id: string): Problem[];
}

export function useVariableData(): VariableData {
  const dataset = useAnalysisStore((s) => s.results?.dataset);
  const problems = useAnalysisStore((s) => s.results?.problems);
  const variables = useAnalysisStore((s) => s.spec.variables);
  return useMemo(() => {
    const options = dataset?.numericColumns ?? [];
    const labels = new Map(options.map((o) => [o.name, o.label]));
    // The pipeline stores the builder's output as-is; its summary type is looser than ours.
    const derived = (dataset?.derived ?? []) as unknown as DerivedVariableInfo[];
    const taken = new Set<string>([...options.map((o) => o.name), ...definedIds(variables)]);
    return {
      options,
      labels,
      derived,
      years: dataset?.years ?? [],
      taken,
      problemsFor: (id: string) => (problems ?? []).filter((p) => p.where?.variable === id),
    };
  }, [dataset, problems, variables]);
}
