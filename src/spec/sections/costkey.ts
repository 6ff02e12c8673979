/** Spec section: cost-key weights, need index, redistribution, district mode. Owned by cost key. */
import { z } from 'zod';

export const keyWeightsSchema = z.object({
  id: z.string(),
  label: z.string(),
  /** criterion variable → weight; `innbyggere` (the basic criterion) is the key `__basic__`. */
  weights: z.record(z.string(), z.number()),
  source: z.string().default(''),
});
export type KeyWeights = z.infer<typeof keyWeightsSchema>;

/**
 * Where a sector's index in the total key comes from: the key of this analysis (the cost-key view's
 * proposed key, or today's key), a saved preset/manual key (`costKey.presets` by id), a key computed
 * by method A from a fitted model, an index column already in the data (e.g. a published Grønt hefte
 * sector index), or a flat index 1 (a sector that is not modelled: it moves no money).
 */
export const sectorSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('proposed') }),
  z.object({ kind: z.literal('current') }),
  z.object({ kind: z.literal('preset'), presetId: z.string() }),
  z.object({ kind: z.literal('model'), modelId: z.string() }),
  /** `rescale`: divide by its population-weighted mean over the kept units so the mean is exactly 1. */
  z.object({ kind: z.literal('index'), variable: z.string(), rescale: z.boolean().default(false) }),
  z.object({ kind: z.literal('flat') }),
]);
export type SectorSource = z.infer<typeof sectorSourceSchema>;

/** National spending per inhabitant U_s of a sector: from a variable (kr or 1000 kr per inhabitant;
 *  its population-weighted national mean in the key year), typed in kroner, or not given. */
export const sectorSpendingSchema = z.discriminatedUnion('kind', [
  /** `unitNok`: kroner per unit of the variable (1000 for «1000 kr»); null = read from its unit. */
  z.object({ kind: z.literal('variable'), variable: z.string(), unitNok: z.number().positive().nullable().default(null) }),
  z.object({ kind: z.literal('typed'), perCapita: z.number() }),
  z.object({ kind: z.literal('none') }),
]);
export type SectorSpending = z.infer<typeof sectorSpendingSchema>;

export const totalKeySectorSchema = z.object({
  id: z.string(),
  label: z.string(),
  source: sectorSourceSchema.default(() => ({ kind: 'flat' as const })),
  /** The sector's index before the change (e.g. today's key when `source` is the proposed key);
   *  null = unchanged. The total key's change is Σ_s v_s·(I_is − I_is^before). */
  compareWith: sectorSourceSchema.nullable().default(null),
  spending: sectorSpendingSchema.default(() => ({ kind: 'none' as const })),
  /** Typed sector weight v_s (weight mode `manual`). */
  weight: z.number().nullable().default(null),
});
export type TotalKeySector = z.infer<typeof totalKeySectorSchema>;

/** A total key from sector sub-keys (anchors §1.2 steps 4–8): I_i = Σ_s v_s·I_is. */
export const totalKeySpecSchema = z.object({
  sectors: z.array(totalKeySectorSchema).default(() => []),
  /** `spending`: v_s = U_s / Σ U_s; `manual`: typed v_s (must add up to 1). */
  weightMode: z.enum(['spending', 'manual']).default('spending'),
  /** Source note of typed sector weights (e.g. the preset they came from). */
  weightsSource: z.string().default(''),
  /** U, national spending per inhabitant on all sectors (kr); null = Σ U_s of the sectors. */
  perCapita: z.number().positive().nullable().default(null),
});
export type TotalKeySpec = z.infer<typeof totalKeySpecSchema>;

export const costKeySpecSchema = z.object({
  method: z.enum(['coefficient', 'explained-variance', 'sub-function', 'manual']).default('coefficient'),
  modelId: z.string().nullable().default(null),
  /** Year of the criteria and national values (null = last year in the data). */
  year: z.number().int().nullable().default(null),
  remainder: z.enum(['population', 'rescale']).default('population'),
  rounding: z.number().nullable().default(null),
  /** Relative importance measure for method B. */
  importance: z.enum(['lmg', 'bivariate', 'last-in']).default('lmg'),
  /** Function share for method C (sub-function rule). */
  subFunction: z
    .object({ modelId: z.string().nullable(), functionVariable: z.string().nullable(), totalVariable: z.string().nullable() })
    .default({ modelId: null, functionVariable: null, totalVariable: null }),
  /** Criteria the user dropped from the key (negative or insignificant). */
  dropped: z.array(z.string()).default([]),
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
  /** The total key from sector sub-keys (view «Samlet nøkkel»); absent in older files = no sectors. */
  total: totalKeySpecSchema.default(() => ({ sectors: [], weightMode: 'spending' as const, weightsSource: '', perCapita: null })),
});
export type CostKeySpec = z.infer<typeof costKeySpecSchema>;

export const redistributionSpecSchema = z.object({
  /** National expenditure per inhabitant U (kr); null = observed national mean of the dependent. */
  nationalPerCapita: z.number().nullable().default(null),
  myMunicipality: z.string().nullable().default(null),
  phaseInYears: z.number().int().min(1).max(3).default(1),
  groupBy: z.enum(['size-class', 'county', 'kostra-group']).default('size-class'),
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
