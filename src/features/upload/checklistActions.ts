/**
 * What each checklist button does: a spec edit (checklistSpec.ts), a re-read of a file with a
 * changed mapping, or a change of view.
 */
import type { Language } from '../../i18n/language';
import { reimportSource } from '../../store/actions';
import { useAnalysisStore } from '../../store/analysisStore';
import { viewHref } from '../../app/useActiveView';
import type { CheckAction } from './checklist';
import { applyToSpec } from './checklistSpec';

/** Runs an action: a spec edit, a re-read of a file, or a view change. */
export async function runCheckAction(action: CheckAction, lang: Language): Promise<boolean> {
  const store = useAnalysisStore.getState();
  if (action.kind === 'open-view') {
    window.location.hash = viewHref(action.view);
    return true;
  }
  if (action.kind === 'change-table') {
    const source = store.spec.data.sources.find((s) => s.id === action.sourceId);
    if (!source || !store.updateSpec((d) => applyToSpec(d, action, [], lang))) return false;
    return reimportSource({ ...source, role: 'change-table' });
  }
  if (action.kind === 'year-as' || action.kind === 'prefix') {
    const source = store.spec.data.sources.find((s) => s.id === action.sourceId);
    if (!source?.mapping) return false;
    const mapping = action.kind === 'year-as' ? { ...source.mapping, yearAs: action.year } : { ...source.mapping, variablePrefix: action.prefix };
    return reimportSource({ ...source, mapping });
  }
  const taken = store.results?.dataset?.numericColumns.map((c) => c.name) ?? [];
  return store.updateSpec((d) => applyToSpec(d, action, taken, lang));
}
