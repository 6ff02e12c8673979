/**
 * Variable labels for display: the dataset's label for each variable name (`andel_0_22` →
 * «Andel 0–22 år»). Views and messages show labels wherever a name would appear; raw names stay in
 * scripts and formulas.
 */
import { useMemo } from 'react';
import { useAnalysisStore } from '../store/analysisStore';
import type { Problem } from '../engine/problem';

export function useVariableLabels(): Map<string, string> {
  const cols = useAnalysisStore((st) => st.results?.dataset?.numericColumns);
  return useMemo(() => new Map((cols ?? []).filter((c) => c.label && c.label !== c.name).map((c) => [c.name, c.label])), [cols]);
}

/** A message with the variable names it quotes («x» or "x") replaced by their labels. */
export function relabelText(text: string, labels: ReadonlyMap<string, string>): string {
  if (labels.size === 0) return text;
  return text.replace(/([«"])([a-z0-9_]+)([»"])/g, (all, open: string, name: string, close: string) => {
    const label = labels.get(name);
    return label ? `${open}${label}${close}` : all;
  });
}

/** The problem's message in the language, with names quoted in it shown as labels. */
export function problemMessage(p: Problem, lang: 'nb' | 'en', labels: ReadonlyMap<string, string>): string {
  return relabelText(lang === 'nb' ? p.message : p.messageEn, labels);
}
