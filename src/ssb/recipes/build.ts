/**
 * The variable-builder definitions and the model a recipe adds, from what it fetched (the set-up of
 * SØF 2017, docs/REFERENCES.md: expenditure on the sector's functions, gross minus depreciation, konsern, per inhabitant in
 * 1000 kr; the key's criteria per inhabitant; frie inntekter in 1000 kr per inhabitant as a control;
 * pooled over years with year effects and standard errors clustered by municipality). A part whose data
 * were not found is left out — the recipe lists what is missing by name.
 */
import type { ModelEntry } from '../../spec/sections/models';
import type { VariablesSpec } from '../../spec/sections/variables';
import type { Found, Named } from './types';

export interface SectorSetup {
  id: string;
  /** Expenditure variable: id, label and KOSTRA functions. */
  expenditure: { id: string; label: string; functions: string[] };
  /** The key's age criterion as a share of the population. */
  age: { id: string; label: string; from: number; to: number | null };
  /** Criteria fetched as counts, each made a share of the population (item key = variable name). */
  criteria: { key: string; id: string; label: string }[];
  model: { id: string; label: string };
  title: Named;
}

export function buildSector(setup: SectorSetup, found: Found, lang: 'nb' | 'en' = 'nb'): { variables: Partial<VariablesSpec>; models: ModelEntry[]; title: string } {
  const v: Partial<VariablesSpec> = { population: 'innbyggere', expenditure: [], ageGroups: [], ratios: [], formulas: [] };
  const has = (k: string) => found.items.has(k);
  const regressors: string[] = [];
  const controls: string[] = [];
  if (has('utgifter')) {
    const depreciation = found.optional.get('utgifter')?.[0] ?? null;
    v.expenditure!.push({
      id: setup.expenditure.id,
      label: setup.expenditure.label,
      functions: setup.expenditure.functions,
      scope: 'konsern',
      netOfDepreciation: depreciation !== null,
      deflator: null,
      perCapita: true,
      unit: '1000kr',
      grossArt: 'AGD10',
      depreciationArt: depreciation ?? '590',
      sourceUnit: null,
      denominator: null,
    });
  }
  if (has('alder') && has('innbyggere')) {
    const contents = found.contents.get('alder');
    v.ageGroups!.push({ ...setup.age, share: true, filter: contents ? { contents } : {} });
    regressors.push(setup.age.id);
  }
  for (const c of setup.criteria) {
    if (!has(c.key) || !has('innbyggere')) continue;
    v.ratios!.push({ id: c.id, label: c.label, numerator: c.key, denominator: null, scale: 1, kind: 'per-capita' });
    regressors.push(c.id);
  }
  if (has('frie_inntekter')) {
    v.formulas!.push({ id: 'frie_inntekter_1000', label: 'Frie inntekter, 1000 kr per innbygger', expression: 'frie_inntekter / 1000' });
    controls.push('frie_inntekter_1000');
  }
  const models: ModelEntry[] =
    has('utgifter') && has('innbyggere') && regressors.length
      ? [
          {
            id: setup.model.id,
            label: setup.model.label,
            dependent: setup.expenditure.id,
            regressors,
            controls,
            design: 'pooled',
            intercept: true,
            yearEffects: true,
            se: 'cluster',
            cluster: null,
            weights: null,
            sample: null,
          },
        ]
      : [];
  return { variables: v, models, title: setup.title[lang] };
}
