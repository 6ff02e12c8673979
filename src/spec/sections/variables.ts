/** Spec section: derived variables (expenditure, per-capita criteria, formulas, corrected indicators,
 *  groupings). Owned by the variable builder. The descriptives settings are their own
 *  section (`describe.ts`): editing them must not rebuild the analysis table.
 *  Every field added after the scaffold has a default, so older specs still parse. */
import { z } from 'zod';

export const expenditureDefSchema = z.object({
  id: z.string(),
  label: z.string(),
  /** KOSTRA functions, e.g. ['244','251','252']. */
  functions: z.array(z.string()),
  /** konsern (A) or kasse (B). */
  scope: z.enum(['konsern', 'kasse']).default('konsern'),
  /** Subtract depreciation from gross operating expenditure. */
  netOfDepreciation: z.boolean().default(true),
  /** Price index variable and base year for fixed kroner; null = nominal. */
  deflator: z.object({ variable: z.string(), baseYear: z.number().int() }).nullable().default(null),
  perCapita: z.boolean().default(true),
  unit: z.enum(['kr', '1000kr']).default('1000kr'),
  /** KOSTRA art code of gross operating expenditure (brutto driftsutgifter). */
  grossArt: z.string().default('AGD10'),
  /** KOSTRA art code of depreciation (avskrivninger). */
  depreciationArt: z.string().default('590'),
  /** Unit of the source figures; null = read from the catalogue (`unit` mentions 1000), else 1000 kr,
   *  the unit of SSB's KOSTRA accounts tables. */
  sourceUnit: z.enum(['kr', '1000kr']).nullable().default(null),
  /** Denominator of «per capita»; null = the population variable. */
  denominator: z.string().nullable().default(null),
});
export type ExpenditureDef = z.infer<typeof expenditureDefSchema>;

export const ratioDefSchema = z.object({
  id: z.string(),
  label: z.string(),
  numerator: z.string(),
  /** Denominator variable; the population variable when null. */
  denominator: z.string().nullable().default(null),
  scale: z.number().default(1),
  /** What the ratio means (labels and help text only; the arithmetic is the same). */
  kind: z.enum(['per-capita', 'per-target-group', 'coverage', 'unit-cost', 'other']).default('per-capita'),
});
export type RatioDef = z.infer<typeof ratioDefSchema>;

export const ageGroupDefSchema = z.object({
  id: z.string(),
  label: z.string(),
  from: z.number().int(),
  to: z.number().int().nullable(),
  /** Share of population (true) or a count (false). */
  share: z.boolean().default(true),
  /** Only single-age variables whose other dims match these (e.g. { sex: '0' }); {} = all. */
  filter: z.record(z.string(), z.string()).default({}),
});
export type AgeGroupDef = z.infer<typeof ageGroupDefSchema>;

export const formulaDefSchema = z.object({
  id: z.string(),
  label: z.string(),
  expression: z.string(),
});
export type FormulaDef = z.infer<typeof formulaDefSchema>;

export const residualDefSchema = z.object({
  id: z.string(),
  label: z.string(),
  target: z.string(),
  controls: z.array(z.string()),
  yearEffects: z.boolean().default(false),
  /** Standard errors of the auxiliary regression (SØF 2017, Table 24: robust). */
  se: z.enum(['classical', 'hc1', 'cluster']).default('hc1'),
  /** Add the target's sample mean back (SØF 2017 does not: the residual has mean zero). */
  addMean: z.boolean().default(false),
});
export type ResidualDef = z.infer<typeof residualDefSchema>;

export const groupingDefSchema = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.enum(['size-class', 'column']),
  column: z.string().nullable().default(null),
});
export type GroupingDef = z.infer<typeof groupingDefSchema>;

export const variablesSpecSchema = z.object({
  population: z.string().default('innbyggere'),
  expenditure: z.array(expenditureDefSchema).default([]),
  ratios: z.array(ratioDefSchema).default([]),
  ageGroups: z.array(ageGroupDefSchema).default([]),
  formulas: z.array(formulaDefSchema).default([]),
  residualised: z.array(residualDefSchema).default([]),
  groupings: z.array(groupingDefSchema).default([]),
});
export type VariablesSpec = z.infer<typeof variablesSpecSchema>;
