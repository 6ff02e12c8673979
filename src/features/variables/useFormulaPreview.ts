/**
 * Min, max, mean and missing of a formula before it is added. The worker evaluates it over the
 * analysis table it already holds (the main thread has no data); requests are debounced and only the
 * latest answer is kept, so typing never shows a stale preview.
 */
import { useEffect, useRef, useState } from 'react';
import { useAnalysisStore } from '../../store/analysisStore';
import { getAnalysisClient } from '../../store/workerClient';
import type { FormulaPreviewResult } from '../../results/formulaPreview';

const DEBOUNCE_MS = 300;

export function useFormulaPreview(expression: string | null): { pending: boolean; result: FormulaPreviewResult | null } {
  const spec = useAnalysisStore((st) => st.spec);
  const [state, setState] = useState<{ expr: string | null; result: FormulaPreviewResult | null }>({ expr: null, result: null });
  const latest = useRef(0);
  useEffect(() => {
    const id = ++latest.current;
    if (!expression) return;
    const timer = setTimeout(() => {
      getAnalysisClient()
        .previewFormula(spec, expression)
        .then((result) => {
          if (id === latest.current) setState({ expr: expression, result });
        })
        .catch(() => {
          // A failed preview is not an error the user must act on: the formula is checked again on add.
          if (id === latest.current) setState({ expr: expression, result: null });
        });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [expression, spec]);
  const current = expression !== null && state.expr === expression;
  return { pending: expression !== null && !current, result: current ? state.result : null };
}
