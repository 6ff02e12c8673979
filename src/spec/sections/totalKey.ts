/** Spec section `totalKey`: a total key from sector sub-keys (view «Samlet nøkkel», worker stage
 *  `totalKey`). Until spec version 2 it was nested as `costKey.total`; `migrate.ts` moves it. */
import { z } from 'zod';

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

/** A total key from sector sub-keys (docs/METHODS.md §9): I_i = Σ_s v_s·I_is. */
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

