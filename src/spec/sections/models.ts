/** Spec section: the regression models (engine ModelSpec + id and label) and the results-table options. */
import { z } from 'zod';

export const sampleFilterSchema = z.object({
  years: z.array(z.number().int()).nullable().default(null),
  units: z.array(z.string()).nullable().default(null),
  excludeUnits: z.array(z.string()).nullable().default(null),
  sizeClasses: z.array(z.number().int().min(1).max(6)).nullable().default(null),
  sizeClassColumn: z.string().nullable().default(null),
});

export const modelEntrySchema = z.object({
  id: z.string(),
  label: z.string(),
  dependent: z.string(),
  regressors: z.array(z.string()),
  controls: z.array(z.string()).default([]),
  design: z.enum(['pooled', 'per-year', 'within', 'single']).default('pooled'),
  intercept: z.boolean().default(true),
  yearEffects: z.boolean().default(true),
  se: z.enum(['classical', 'hc1', 'cluster']).default('cluster'),
  cluster: z.string().nullable().default(null),
  weights: z.string().nullable().default(null),
  sample: sampleFilterSchema.nullable().default(null),
});
export type ModelEntry = z.infer<typeof modelEntrySchema>;

export const modelsSpecSchema = z.object({
  list: z.array(modelEntrySchema).default([]),
  /** Models shown side by side in the results table, in column order. */
  shown: z.array(z.string()).default([]),
  /** Significance thresholds for ***, **, * (ascending p). */
  stars: z.array(z.number().gt(0).lt(1)).default([0.01, 0.05, 0.1]),
});
export type ModelsSpec = z.infer<typeof modelsSpecSchema>;
