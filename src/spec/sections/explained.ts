/** Spec section `explained`: model comparison, R² decomposition and subset search. Owned by the
 *  importance views. Stability across years is its own section (`stability.ts`). */
import { z } from 'zod';
import type { ModelEntry, ModelsSpec } from './models';
import type { StabilitySpec } from './stability';

export const explainedSpecSchema = z.object({
  /** Today's key: the baseline column of the comparison (null: the first shown model). */
  baselineModelId: z.string().nullable().default(null),
  candidateModelIds: z.array(z.string()).default([]),
  /** Candidate criteria: each gives a column "baseline + criterion", and all of them are added to
   *  the models of the decomposition and of the stability view. */
  candidateCriteria: z.array(z.string()).default([]),
  /** Sample of every comparison (ΔR², one-at-a-time, stepwise): `common` = the rows all compared
   *  models can use (docs/METHODS.md §4); `own` = each model's own sample, shown with both Ns and a warning. */
  sample: z.enum(['common', 'own']).default('common'),
  /** Model whose criteria are decomposed (LMG, one-at-a-time, stepwise, last-in). */
  decompositionModelId: z.string().nullable().default(null),
  /** Above this many criteria LMG is sampled over orderings. */
  lmgExactMax: z.number().int().default(15),
  lmgSamples: z.number().int().default(20000),
  lmgSeed: z.number().int().default(1),
  subsets: z
    .object({
      enabled: z.boolean().default(false),
      /** Empty: the analysed model's criteria. */
      candidates: z.array(z.string()).default([]),
      top: z.number().int().default(5),
    })
    .default({ enabled: false, candidates: [], top: 5 }),
});
export type ExplainedSpec = z.infer<typeof explainedSpecSchema>;

/** What picks the models of these views (worker stages select just these fields). */
type Picks = Pick<ExplainedSpec, 'baselineModelId' | 'decompositionModelId' | 'candidateCriteria'>;
type ModelPicks = Pick<ModelsSpec, 'list' | 'shown'>;

/** The baseline ("today's key") model entry: the chosen one, else the first shown, else the first. */
export function baselineEntry(explained: Pick<Picks, 'baselineModelId'>, models: ModelPicks): ModelEntry | null {
  const list = models.list;
  const id = explained.baselineModelId ?? models.shown[0] ?? list[0]?.id ?? null;
  return list.find((m) => m.id === id) ?? list[0] ?? null;
}

/** Baseline plus one candidate criterion (the comparison's candidate columns). */
export function withCriteria(entry: ModelEntry, criteria: string[], id: string, label: string): ModelEntry {
  const add = criteria.filter((c) => !entry.regressors.includes(c) && !entry.controls.includes(c) && c !== entry.dependent);
  return { ...entry, id, label, regressors: [...entry.regressors, ...add] };
}

/** Adds the candidate criteria under test to a model (they are tested everywhere in these views). */
function withCandidates(entry: ModelEntry, explained: Pick<Picks, 'candidateCriteria'>): ModelEntry {
  const add = explained.candidateCriteria.filter((c) => !entry.regressors.includes(c));
  return add.length === 0 ? entry : withCriteria(entry, add, `${entry.id}+kandidater`, `${entry.label} + ${add.join(', ')}`);
}

/** The model that the decomposition analyses: its own model (else the baseline), plus the candidates. */
export function analysedEntry(explained: Picks, models: ModelPicks): ModelEntry | null {
  const own = explained.decompositionModelId ? models.list.find((m) => m.id === explained.decompositionModelId) : null;
  const entry = own ?? baselineEntry(explained, models);
  return entry ? withCandidates(entry, explained) : null;
}

/** The model whose stability across years is shown: its own model (else the analysed one), plus the candidates. */
export function stabilityEntry(stability: Pick<StabilitySpec, 'modelId'>, explained: Picks, models: ModelPicks): ModelEntry | null {
  const own = stability.modelId ? models.list.find((m) => m.id === stability.modelId) : null;
  return own ? withCandidates(own, explained) : analysedEntry(explained, models);
}
