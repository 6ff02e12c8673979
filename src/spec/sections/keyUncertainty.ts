/** Spec section `keyUncertainty`: the cluster bootstrap of the cost key computed from a model
 *  (docs/METHODS.md §8): how sure each weight is and each municipality's gain or loss. Off by default; the
 *  cost-key view switches it on. Replications and seed are stated next to every result. */
import { z } from 'zod';

export const keyUncertaintySpecSchema = z.object({
  enabled: z.boolean().default(false),
  replications: z.number().int().min(50).max(20000).default(999),
  seed: z.number().int().min(0).default(1),
});
export type KeyUncertaintySpec = z.infer<typeof keyUncertaintySpecSchema>;
