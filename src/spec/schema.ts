/**
 * The AnalysisSpec: the single, versioned description of an analysis. The UI edits it, the worker
 * turns spec + data into results, the CLI runs it from a file, a project file stores it.
 * One top-level section per worker stage, so a stage's `select` picks whole sections or fields of
 * them (src/worker/stages). What the user is looking at is not here: see `viewState.ts`.
 */
import { z } from 'zod';
import { dataSpecSchema } from './sections/data';
import { variablesSpecSchema } from './sections/variables';
import { describeSpecSchema } from './sections/describe';
import { modelsSpecSchema } from './sections/models';
import { explainedSpecSchema } from './sections/explained';
import { stabilitySpecSchema } from './sections/stability';
import { costKeySpecSchema, districtSpecSchema, redistributionSpecSchema } from './sections/costkey';
import { totalKeySpecSchema } from './sections/totalKey';
import { keyUncertaintySpecSchema } from './sections/keyUncertainty';
import { scenariosSpecSchema } from './sections/scenarios';

/** 2: `costKey.total` → `totalKey`, `explained.stability` → `stability` (with its own `alpha`),
 *  `variables.describe` → `describe`; view state (`present`, `redistribution.myMunicipality`,
 *  `redistribution.groupBy`) moved out of the spec. */
export const SPEC_VERSION = 2;

export const analysisSpecSchema = z.object({
  version: z.literal(SPEC_VERSION),
  title: z.string().default('Ny analyse'),
  data: dataSpecSchema.default(dataSpecSchema.parse({})),
  variables: variablesSpecSchema.default(variablesSpecSchema.parse({})),
  describe: describeSpecSchema.default(describeSpecSchema.parse({})),
  models: modelsSpecSchema.default(modelsSpecSchema.parse({})),
  explained: explainedSpecSchema.default(explainedSpecSchema.parse({})),
  stability: stabilitySpecSchema.default(stabilitySpecSchema.parse({})),
  costKey: costKeySpecSchema.default(costKeySpecSchema.parse({})),
  totalKey: totalKeySpecSchema.default(totalKeySpecSchema.parse({})),
  redistribution: redistributionSpecSchema.default(redistributionSpecSchema.parse({})),
  district: districtSpecSchema.default(districtSpecSchema.parse({})),
  /** Added in version 2 without a version bump: a spec without it gets the default (off). */
  keyUncertainty: keyUncertaintySpecSchema.default(keyUncertaintySpecSchema.parse({})),
  /** Added in version 2 without a version bump: a spec without it has no scenarios. */
  scenarios: scenariosSpecSchema.default(scenariosSpecSchema.parse({})),
});

export type AnalysisSpec = z.infer<typeof analysisSpecSchema>;

/** zod hands out its default objects and arrays by reference, so every spec is cloned: mutating one
 *  analysis must never leak into the next. */
export function emptySpec(): AnalysisSpec {
  return structuredClone(analysisSpecSchema.parse({ version: SPEC_VERSION }));
}
