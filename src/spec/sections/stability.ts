/** Spec section `stability`: the stability view's model and checks (per year, leave one year out,
 *  cluster bootstrap). Until spec version 2 it was nested as `explained.stability` and took its
 *  significance level from the results table's second star threshold; `migrate.ts` moves it and
 *  copies that threshold into `alpha`, so old files give the same results. */
import { z } from 'zod';

export const stabilitySpecSchema = z.object({
  /** Model whose stability is shown; null = the model of the decomposition (see `stabilityEntry`). */
  modelId: z.string().nullable().default(null),
  leaveOneYearOut: z.boolean().default(true),
  bootstrap: z.boolean().default(false),
  bootstrapB: z.number().int().min(10).max(100000).default(999),
  seed: z.number().int().default(1),
  /** Significance level of the per-year «significant in k of T years» count. */
  alpha: z.number().gt(0).lt(1).default(0.05),
});
export type StabilitySpec = z.infer<typeof stabilitySpecSchema>;
