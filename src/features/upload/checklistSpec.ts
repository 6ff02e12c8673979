/**
 * The spec edit each checklist button makes (pure; checklistActions.ts runs it through the store,
 * and the real-data journey test runs it on the pipeline directly).
 */
import { expenditureFromPreset } from '../../engine/variables/presets';
import type { Language } from '../../i18n/language';
import type { AnalysisSpec } from '../../spec/schema';
import { modelEntrySchema } from '../../spec/sections/models';
import { definedIds, uniqueId } from '../variables/specOps';
import type { CheckAction } from './checklist';

/**
 * Shares of the population in age groups that do not overlap: 0–22 (the child-welfare target group),
 * 67–79 and 80+. The rest (23–66) is the base: with it too the shares would add up to 1 and be
 * collinear with the constant.
 */
const AGE_SHARES: [number, number | null][] = [
  [0, 22],
  [67, 79],
  [80, null],
];

/** The spec edit of an action (pure; `taken` are the names already in the table). */
export function applyToSpec(draft: AnalysisSpec, action: CheckAction, taken: Iterable<string>, lang: Language): void {
  const names = new Set([...taken, ...definedIds(draft.variables)]);
  const claim = (base: string) => {
    const id = uniqueId(base, names);
    names.add(id);
    return id;
  };
  switch (action.kind) {
    case 'population-from-ages': {
      const id = claim('innbyggere');
      draft.variables.ageGroups.push({ id, label: lang === 'nb' ? 'Innbyggere (sum av alle aldre)' : 'Inhabitants (sum of all ages)', from: 0, to: null, share: false, filter: {} });
      draft.variables.population = id;
      return;
    }
    case 'use-population':
      draft.variables.population = action.variable;
      return;
    case 'expenditure-preset': {
      const def = expenditureFromPreset(action.preset, lang);
      if (def) draft.variables.expenditure.push({ ...def, id: claim(def.id) });
      return;
    }
    case 'age-shares':
      for (const [a, b] of AGE_SHARES) {
        const span = b === null ? `${a}+` : `${a}–${b}`;
        const id = claim(`andel_${a}_${b ?? 'pluss'}`);
        draft.variables.ageGroups.push({ id, label: lang === 'nb' ? `Andel innbyggere ${span} år` : `Share of inhabitants aged ${span}`, from: a, to: b, share: true, filter: {} });
      }
      return;
    case 'structure':
      draft.data.structure = action.structure;
      return;
    case 'change-table':
      draft.data.changeTableSourceId = action.sourceId;
      if (draft.data.structure === 'none') draft.data.structure = '2024';
      return;
    case 'make-model': {
      const ids = new Set(draft.models.list.map((m) => m.id));
      let k = draft.models.list.length + 1;
      while (ids.has(`m${k}`)) k++;
      const id = `m${k}`;
      const single = action.design === 'single';
      draft.models.list.push(
        modelEntrySchema.parse({
          id,
          label: lang === 'nb' ? `Modell ${k}` : `Model ${k}`,
          dependent: action.dependent,
          regressors: action.regressors,
          design: action.design,
          yearEffects: !single,
          se: single ? 'hc1' : 'cluster',
        }),
      );
      if (draft.models.shown.length > 0) draft.models.shown.push(id);
      draft.costKey.modelId = id;
      return;
    }
    default:
      return;
  }
}

