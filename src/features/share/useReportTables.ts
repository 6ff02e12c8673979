/** The report tables the share view and the presentation offer, built from the store's results. */
import { useMemo } from 'react';
import { useAnalysisStore, selectIsSynthetic, selectSyntheticShare } from '../../store/analysisStore';
import { useLanguage } from '../../i18n/useLanguage';
import type { Language } from '../../i18n/language';
import { buildRegressionTable } from '../../export/regressionTable';
import type { ReportTable } from '../../export/reportTable';

/** The regression table in the screen's language (preview, slides). */
export function useRegressionTable(): ReportTable | null {
  const build = useRegressionTableBuilder();
  const lang = useLanguage();
  return useMemo(() => build(lang), [build, lang]);
}

/** The regression table in any language: CSV follows the chosen CSV style, not the screen. */
export function useRegressionTableBuilder(): (lang: Language) => ReportTable | null {
  const spec = useAnalysisStore((s) => s.spec);
  const models = useAnalysisStore((s) => s.results?.models);
  const numeric = useAnalysisStore((s) => s.results?.dataset?.numericColumns);
  const demo = useAnalysisStore(selectIsSynthetic);
  const share = useAnalysisStore(selectSyntheticShare);
  return useMemo(() => (lang: Language) => {
    const ids = spec.models.shown.length ? spec.models.shown : spec.models.list.map((m) => m.id);
    const inputs = ids
      .map((id) => spec.models.list.find((m) => m.id === id))
      .filter((m): m is NonNullable<typeof m> => Boolean(m))
      .flatMap((m) => {
        const r = models?.[m.id];
        return r ? [{ label: m.label, result: r, entry: m }] : [];
      });
    if (!inputs.length) return null;
    const labels: Record<string, string> = {};
    for (const c of numeric ?? []) labels[c.name] = c.label;
    const table = buildRegressionTable(inputs, {
      id: 'regresjon',
      title: lang === 'nb' ? 'Regresjonsresultater' : 'Regression results',
      lang,
      stars: spec.models.stars,
      parens: spec.models.parens,
      columnOrder: spec.models.columnOrder,
      labels,
      synthetic: demo,
    });
    return { ...table, syntheticShare: share };
  }, [spec, models, numeric, demo, share]);
}
