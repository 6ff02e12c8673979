/** Spec section: explained variance, subset search and stability. Owned by the importance views. */
import { z } from 'zod';

export const explainedSpecSchema = z.object({
  /** Today's key: the baseline column of the comparison. */
  baselineModelId: z.string().nullable().default(null),
  candidateModelIds: z.array(z.string()).default([]),
  /** Model whose criteria are decomposed (LMG, one-at-a-time, stepwise, last-in). */
  decompositionModelId: z.string().nullable().default(null),
  /** Above this many criteria LMG is sampled over orderings. */
  lmgExactMax: z.number().int().default(15),
  lmgSamples: z.number().int().default(20000),
  subsets: z
    .object({
      enabled: z.boolean().default(false),
      candidates: z.array(z.string()).default([]),
      top: z.number().int().default(5),
    })
    .default({ enabled: false, candidates: [], top: 5 }),
  stability: z
    .object({
      modelId: z.string().nullable().default(null),
      leaveOneYearOut: z.boolean().default(true),
      bootstrap: z.boolean().default(false),
      bootstrapB: z.number().int().min(10).max(100000).default(999),
      seed: z.number().int().default(1),
    })
    .default({ modelId: null, leaveOneYearOut: true, bootstrap: false, bootstrapB: 999, seed: 1 }),
});
export type ExplainedSpec = z.infer<typeof explainedSpecSchema>;
