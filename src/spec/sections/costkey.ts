/** Spec sections `costKey` (weights of one sector's key), `redistribution` and `district`. Owned by cost key.
 *  The total key over sectors is its own section (`totalKey.ts`). */
import { z } from 'zod';

export const keyWeightsSchema = z.object({
  id: z.string(),
  label: z.string(),
  /** criterion variable → weight; `innbyggere` (the basic criterion) is the key `__basic__`. */
  weights: z.record(z.string(), z.number()),
  source: z.string().default(''),
});
export type KeyWeights = z.infer<typeof keyWeightsSchema>;

export const costKeySpecSchema = z.object({
  method: z.enum(['coefficient', 'explained-variance', 'sub-function', 'manual']).default('coefficient'),
  modelId: z.string().nullable().default(null),
  /** Year of the criteria and national values (null = last year in the data). */
  year: z.number().int().nullable().default(null),
  /** A pooled model with year effects: ŷ of method A holds the year effect at the key year (default)
   *  or at the model's base year (δ = 0). Absent in older files = key year. */
  yearEffect: z.enum(['key-year', 'base-year']).default('key-year'),
  remainder: z.enum(['population', 'rescale']).default('population'),
  rounding: z.number().nullable().default(null),
  /** Relative importance measure for method B. */
  importance: z.enum(['lmg', 'bivariate', 'last-in']).default('lmg'),
  /** Function share for method C (sub-function rule). */
  subFunction: z
    .object({ modelId: z.string().nullable(), functionVariable: z.string().nullable(), totalVariable: z.string().nullable() })
    .default({ modelId: null, functionVariable: null, totalVariable: null }),
  /** Criteria the user set to zero (re-normalised: method A gives the share to the basic criterion or,
   *  with «rescale», to the other criteria; a fixed key is rescaled in proportion). */
  dropped: z.array(z.string()).default([]),
  /** Criteria the user dropped from the model: it is estimated again without them (methods A and B). */
  refit: z.array(z.string()).default([]),
  /** Manual/edited weights overriding the computed ones (proposed key). */
  manual: z.record(z.string(), z.number()).nullable().default(null),
  current: keyWeightsSchema.nullable().default(null),
  /** When no fixed current weights are given: today's key computed by method A from this model
   *  (e.g. the model with today's criteria), so a candidate key is compared with it. */
  currentModelId: z.string().nullable().default(null),
  presets: z.array(keyWeightsSchema).default([]),
  /** Method B: adjusted R² (default, as Fafo reports) or plain R² as the total need weight. */
  useAdjusted: z.boolean().default(true),
  /** Method B: criterion that takes the remainder; null = the basic criterion (population). */
  target: z.string().nullable().default(null),
  /** Kroner per unit of the dependent (1000 for «1000 kr»); null = read from the variable's unit. */
  yUnitNok: z.number().positive().nullable().default(null),
  /** Significance level for the «not significant» warning. */
  alpha: z.number().gt(0).lt(1).default(0.1),
});
export type CostKeySpec = z.infer<typeof costKeySpecSchema>;

export const redistributionSpecSchema = z.object({
  /** National expenditure per inhabitant U (kr); null = observed national mean of the dependent. */
  nationalPerCapita: z.number().nullable().default(null),
  phaseInYears: z.number().int().min(1).max(3).default(1),
});
export type RedistributionSpec = z.infer<typeof redistributionSpecSchema>;

export const districtSpecSchema = z.object({
  budget: z.number().default(0),
  /** district → criterion → count. */
  counts: z.record(z.string(), z.record(z.string(), z.number())).default({}),
  keys: z.array(keyWeightsSchema).default([]),
  currentKeyId: z.string().nullable().default(null),
  proposedKeyId: z.string().nullable().default(null),
  phaseInYears: z.number().int().min(1).max(3).default(1),
});
export type DistrictSpec = z.infer<typeof districtSpecSchema>;
