/** Public surface of the variable builder. */
export { buildVariables, SIZE_CLASS_COLUMN } from './buildVariables';
export { checkFormula, checkFormulaNames, parseFormula, previewFormula, buildFormula, FUNCTIONS, MAX_FORMULA_LENGTH } from './formula';
export { EXPENDITURE_PRESETS, expenditureFromPreset } from './presets';
export { SIZE_CLASS_LABELS, SIZE_CLASS_UPPER, sizeClassOf, sizeClassColumn } from './sizeClass';
export { coverageDef, unitCostDef } from './ratio';
export { accountsOverview, parseAge } from './catalogue';
export { singleAgeVariables } from './ageGroups';
export { previewColumn } from './preview';
export type * from './types';
