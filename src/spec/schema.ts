/**
 * The AnalysisSpec: the single, versioned description of an analysis. The UI edits it, the worker
 * turns spec + data into results, the CLI runs it from a file, a project file stores it.
 */
import { z } from 'zod';
import { dataSpecSchema } from './sections/data';
import { variablesSpecSchema } from './sections/variables';
import { modelsSpecSchema } from './sections/models';
import { explainedSpecSchema } from './sections/explained';
import { costKeySpecSchema, districtSpecSchema, redistributionSpecSchema } from './sections/costkey';
import { presentSpecSchema } from './sections/present';

export const SPEC_VERSION = 1;

export const analysisSpecSchema = z.object({
  version: z.literal(SPEC_VERSION),
  title: z.string().default('Ny analyse'),
  data: dataSpecSchema.default(dataSpecSchema.parse({})),
  variables: variablesSpecSchema.default(variablesSpecSchema.parse({})),
  models: modelsSpecSchema.default(modelsSpecSchema.parse({})),
  explained: explainedSpecSchema.default(explainedSpecSchema.parse({})),
  costKey: costKeySpecSchema.default(costKeySpecSchema.parse({})),
  redistribution: redistributionSpecSchema.default(redistributionSpecSchema.parse({})),
  district: districtSpecSchema.default(districtSpecSchema.parse({})),
  present: presentSpecSchema.default(presentSpecSchema.parse({})),
});

export type AnalysisSpec = z.infer<typeof analysisSpecSchema>;

/** zod hands out its default objects and arrays by reference, so every spec is cloned: mutating one
 *  analysis must never leak into the next. */
export function emptySpec(): AnalysisSpec {
  return structuredClone(analysisSpecSchema.parse({ version: SPEC_VERSION }));
}
