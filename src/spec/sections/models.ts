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
  design: z.enum(['pooled', 'per-year', 'within', 'single', 'random']).default('pooled'),
  intercept: z.boolean().default(true),
  yearEffects: z.boolean().default(true),
  se: z.enum(['classical', 'hc1', 'cluster']).default('cluster'),
  cluster: z.string().nullable().default(null),
  weights: z.string().nullable().default(null),
  sample: sampleFilterSchema.nullable().default(null),
  // Optional (absent = OLS, no interactions) so that entries written before the other estimators existed stay valid.
  /** ols, robust (Stata rreg), median, quantile (at `tau`). For quantiles `se` classical = iid,
   *  hc1 = kernel sandwich (quantreg se "iid"/"ker"); robust always uses rreg's pseudo-value SEs. */
  estimator: z.enum(['ols', 'robust', 'median', 'quantile']).optional(),
  /** Quantile of `quantile` (default 0.5). */
  tau: z.number().gt(0).lt(1).optional(),
  /** criterion × year (`with: 'year'`: a coefficient per year, first year the reference) and
   *  criterion × criterion. */
  interactions: z.array(z.object({ variable: z.string(), with: z.string() })).optional(),
});
export type ModelEntry = z.infer<typeof modelEntrySchema>;

export const modelsSpecSchema = z.object({
  list: z.array(modelEntrySchema).default([]),
  /** Models shown side by side in the results table, in column order. */
  shown: z.array(z.string()).default([]),
  /** Significance thresholds for ***, **, * (ascending p); Nordlandsforskning/HELED 2021 uses 0.001/0.01/0.05. */
  stars: z.array(z.number().gt(0).lt(1)).default([0.01, 0.05, 0.1]),
  /** Under each coefficient: its standard error (default), or its t-value (SINTEF 2014's layout). */
  parens: z.enum(['se', 't']).optional(),
  /** Columns model by model (default: each model's years together) or year by year (the models of
   *  one year side by side: SINTEF 2014's OLS / robust / median). */
  columnOrder: z.enum(['model', 'year']).optional(),
});
export type ModelsSpec = z.infer<typeof modelsSpecSchema>;
