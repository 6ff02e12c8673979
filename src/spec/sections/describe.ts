/** Spec section `describe`: what the descriptives stage summarises (view «Beskrivende statistikk»).
 *  Until spec version 2 it was nested as `variables.describe`; `migrate.ts` moves it. */
import { z } from 'zod';

export const describeSpecSchema = z.object({
  /** Variables in the mean (SD) and percentile tables; [] = every derived variable. */
  variables: z.array(z.string()).default([]),
  /** Variables of the correlation matrix; [] = the same as `variables`. */
  correlation: z.array(z.string()).default([]),
  /** Variable of the size class × year bar chart; null = the first described variable. */
  bySizeClass: z.string().nullable().default(null),
  /** Pool the percentile table over all years (SØF 2017, Table 23) or use one year. */
  percentileYear: z.number().int().nullable().default(null),
});
export type DescribeSpec = z.infer<typeof describeSpecSchema>;

