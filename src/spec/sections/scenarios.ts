/** Spec section `scenarios`: up to five named candidate keys compared side by side
 *  against the key in force (view panels in Omfordeling, Samlet nøkkel and Min kommune; worker stage
 *  `scenarios`). Added in spec version 2 with a default (no scenarios), so older files parse as before. */
import { z } from 'zod';

/** At most this many scenarios: five columns per municipality is what a table and a chart can carry. */
export const MAX_SCENARIOS = 5;

/**
 * Where a scenario's key comes from. The first four are resolved exactly as a sector source of the
 * total key (worker/stages/totalKey.ts `resolveSource`): the key in force («current»), the analysis's
 * proposed key, a saved key of the cost-key section (`costKey.presets` by id), or the method A key of a
 * fitted model. `weights` are typed by the user or copied from a published key (its source kept).
 */
export const scenarioSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('current') }),
  z.object({ kind: z.literal('proposed') }),
  z.object({ kind: z.literal('preset'), presetId: z.string() }),
  z.object({ kind: z.literal('model'), modelId: z.string() }),
  z.object({ kind: z.literal('weights'), weights: z.record(z.string(), z.number()), source: z.string().default('') }),
]);
export type ScenarioSource = z.infer<typeof scenarioSourceSchema>;

export const scenarioSchema = z.object({
  id: z.string(),
  label: z.string(),
  source: scenarioSourceSchema,
});
export type Scenario = z.infer<typeof scenarioSchema>;

export const scenariosSpecSchema = z.object({
  list: z.array(scenarioSchema).max(MAX_SCENARIOS).default(() => []),
});
export type ScenariosSpec = z.infer<typeof scenariosSpecSchema>;
