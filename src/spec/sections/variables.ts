/** Spec section: derived variables (expenditure, per-capita criteria, formulas, corrected indicators,
 *  groupings). Owned by the variable builder. */
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
});

export const ratioDefSchema = z.object({
  id: z.string(),
  label: z.string(),
  numerator: z.string(),
  /** Denominator variable; the population variable when null. */
  denominator: z.string().nullable().default(null),
  scale: z.number().default(1),
});

export const ageGroupDefSchema = z.object({
  id: z.string(),
  label: z.string(),
  from: z.number().int(),
  to: z.number().int().nullable(),
  /** Share of population (true) or a count (false). */
  share: z.boolean().default(true),
});

export const formulaDefSchema = z.object({
  id: z.string(),
  label: z.string(),
  expression: z.string(),
});

export const residualDefSchema = z.object({
  id: z.string(),
  label: z.string(),
  target: z.string(),
  controls: z.array(z.string()),
  yearEffects: z.boolean().default(false),
});

export const groupingDefSchema = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.enum(['size-class', 'column']),
  column: z.string().nullable().default(null),
});

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
