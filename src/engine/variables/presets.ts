/** Expenditure presets of the reports (SØF 2017; docs/METHODS.md §2): the KOSTRA functions of each service. */
import type { ExpenditureDef } from '../../spec/sections/variables';

export interface ExpenditurePreset {
  id: string;
  label: { nb: string; en: string };
  functions: string[];
}

export const EXPENDITURE_PRESETS: ExpenditurePreset[] = [
  { id: 'utg_barnevern', label: { nb: 'Barnevern (244+251+252)', en: 'Child welfare (244+251+252)' }, functions: ['244', '251', '252'] },
  {
    id: 'utg_sosialhjelp',
    label: { nb: 'Sosialtjenesten (242+243+276+281)', en: 'Social assistance (242+243+276+281)' },
    functions: ['242', '243', '276', '281'],
  },
  { id: 'utg_f243', label: { nb: 'Rustiltak (243)', en: 'Substance abuse services (243)' }, functions: ['243'] },
];

/** A full expenditure definition from a preset, with the reports' defaults (docs/METHODS.md §2) (konsern, net of
 *  depreciation, per inhabitant, 1000 kr). */
export function expenditureFromPreset(presetId: string, lang: 'nb' | 'en' = 'nb'): ExpenditureDef | null {
  const p = EXPENDITURE_PRESETS.find((x) => x.id === presetId);
  if (!p) return null;
  return {
    id: p.id,
    label: p.label[lang],
    functions: [...p.functions],
    scope: 'konsern',
    netOfDepreciation: true,
    deflator: null,
    perCapita: true,
    unit: '1000kr',
    grossArt: 'AGD10',
    depreciationArt: '590',
    sourceUnit: null,
    denominator: null,
  };
}
