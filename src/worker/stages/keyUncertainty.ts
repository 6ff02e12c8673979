/**
 * Key-uncertainty stage: when switched on, the cluster bootstrap over
 * municipalities of the model behind the cost key — the key's own model for method A, the
 * sub-function model for method C — re-applying the method's weight rule in every replication and
 * recomputing every municipality's change against the current key (engine `keyBootstrap`). It reads
 * the cost-key stage's results (key data, national values, current key), so it follows every
 * re-run of that stage. Methods B (R² split by LMG in every replication) and D (typed weights, no
 * estimate) are refused with the reason.
 *
 * The replication blocks run on the worker pool (src/pool/runner.ts; in this thread where there is
 * none), with progress and cancel. The job is a pure function over replication blocks
 * (`runReplications`), so the pool changes not a single number.
 */
import { keyBootstrap, keyBootstrapJob, keyBootstrapPoolJob, keyBootstrapSample, type WeightRule } from '../../engine/costkey/keyBootstrap';
import { isProblem } from '../../engine/importance/sample';
import { runJob } from '../../pool/runner';
import type { ModelResult } from '../../engine/model/types';
import type { JobState } from '../../engine/parallel/job';
import { problem, type Problem } from '../../engine/problem';
import type { Table } from '../../engine/table';
import type { AnalysisSpec } from '../../spec/schema';
import type { CostKeyResults } from '../../results/costKey';
import type { KeyUncertaintyResults } from '../../results/keyUncertainty';
import { pickFit } from './costkey';
import { toModelSpec } from './models';
import { defineStage } from './types';

/** Switched off, the stage reads nothing else (and no result section), so it never re-runs for an
 *  edit elsewhere; switched on, it follows the cost key's settings and results and the models. */
function select(spec: AnalysisSpec): KeyUncertaintyInput {
  if (!spec.keyUncertainty.enabled) return { keyUncertainty: spec.keyUncertainty, costKey: null, models: [] };
  const { method, modelId, subFunction, remainder, dropped } = spec.costKey;
  return {
    keyUncertainty: spec.keyUncertainty,
    costKey: { method, modelId, subFunctionModelId: subFunction.modelId, remainder, dropped },
    models: spec.models.list,
  };
}
export interface KeyUncertaintyInput {
  keyUncertainty: AnalysisSpec['keyUncertainty'];
  costKey: { method: AnalysisSpec['costKey']['method']; modelId: string | null; subFunctionModelId: string | null; remainder: 'population' | 'rescale'; dropped: string[] } | null;
  models: AnalysisSpec['models']['list'];
}

const refuse = (code: string, nb: string, en: string): Problem => problem(code, nb, en, undefined, 'warning');

function ruleOf(input: KeyUncertaintyInput & { costKey: NonNullable<KeyUncertaintyInput['costKey']> }, ck: CostKeyResults): WeightRule | Problem {
  const { method } = input.costKey;
  const entry = input.models.find((m) => m.id === input.costKey.modelId);
  const criteria = ck.criteria;
  if (method === 'coefficient')
    return { method: 'coefficient', criteria, controls: entry?.controls ?? [], national: ck.national, remainder: input.costKey.remainder, dropped: input.costKey.dropped, yearEffect: ck.computed?.yearEffect ?? null };
  if (method === 'sub-function' && ck.totalPerCapita !== undefined)
    return { method: 'sub-function', criteria, national: ck.national, totalPerCapita: ck.totalPerCapita, dropped: input.costKey.dropped };
  if (method === 'explained-variance')
    return refuse(
      'bootstrap-method-b',
      'Usikkerhet for metode B (forklart varians) beregnes ikke: hver replikasjon måtte gjenta R²-dekomponeringen (LMG). Bruk metode A eller C for intervaller.',
      'Uncertainty for method B (explained variance) is not computed: every replication would have to repeat the R² decomposition (LMG). Use method A or C for intervals.',
    );
  return refuse(
    'bootstrap-no-model',
    'Usikkerhet kan bare beregnes for en nøkkel fra en modell (metode A eller C); denne nøkkelen er skrevet inn.',
    'Uncertainty can only be computed for a key from a model (method A or C); this key is typed in.',
  );
}

export async function runKeyUncertainty(
  input: KeyUncertaintyInput,
  table: Table,
  costKey: CostKeyResults | undefined,
  models: Record<string, ModelResult> | undefined,
  hooks: { pause?(): Promise<void>; cancelled?(): boolean; progress?(f: number, state?: JobState): void } = {},
): Promise<KeyUncertaintyResults> {
  const u = input.keyUncertainty;
  const out: KeyUncertaintyResults = { enabled: u.enabled, result: null, units: [], modelLabel: null, currentLabel: costKey?.currentLabel ?? null, problems: [] };
  const sel = input.costKey;
  if (!u.enabled || !sel || !costKey?.base || !costKey.computed) return out;
  const rule = ruleOf({ ...input, costKey: sel }, costKey);
  if (isProblem(rule)) return { ...out, problems: [rule] };
  const modelId = sel.method === 'sub-function' ? sel.subFunctionModelId : sel.modelId;
  const entry = input.models.find((m) => m.id === modelId);
  if (!entry) return { ...out, problems: [refuse('bootstrap-no-model', 'Modellen bak nøkkelen finnes ikke.', 'The model behind the key does not exist.')] };
  out.modelLabel = entry.label;
  // A per-year model's key comes from one year's fit: that cross-section is resampled.
  const fit = pickFit(models?.[entry.id], costKey.year);
  const sample = keyBootstrapSample(table, toModelSpec(entry), entry.label, fit?.years ?? null);
  if (isProblem(sample)) return { ...out, problems: [sample] };
  if (fit && fit.n !== sample.n)
    out.problems.push(
      problem(
        'bootstrap-sample',
        `Bootstrap-utvalget har ${sample.n} rader, modellen ${fit.n}.`,
        `The bootstrap sample has ${sample.n} rows, the model ${fit.n}.`,
        { model: entry.id },
        'warning',
      ),
    );
  const job = keyBootstrapJob(sample, rule, costKey.base, { B: u.replications, seed: u.seed });
  if (isProblem(job)) return { ...out, problems: [...out.problems, job] };
  const res = await keyBootstrap(job, hooks, runJob);
  if (isProblem(res)) return { ...out, problems: [...out.problems, res] };
  if (res.failed > 0)
    out.problems.push(
      problem(
        'bootstrap-failed-replications',
        `${res.failed} av ${res.B} trekk ga en modell som ikke kunne estimeres og er holdt utenfor.`,
        `${res.failed} of ${res.B} draws gave a model that could not be estimated and are left out.`,
        undefined,
        'info',
      ),
    );
  if (!res.identities.ok)
    out.problems.push(
      problem(
        'bootstrap-identities',
        `Identitetene (snittindeks 1, endringer summerer til null) holdt ikke i ${res.identities.failures} trekk.`,
        `The identities (mean index 1, changes sum to zero) failed in ${res.identities.failures} draws.`,
      ),
    );
  return { ...out, result: res, units: costKey.base.prep.units };
}

export const keyUncertaintyStage = defineStage({
  key: 'keyUncertainty',
  select,
  // Off: no result section is touched, so none is recorded as read (the stage then follows nothing).
  run: (ctx) =>
    !ctx.input.keyUncertainty.enabled
      ? { enabled: false, result: null, units: [], modelLabel: null, currentLabel: null, problems: [] }
      : runKeyUncertainty(ctx.input, ctx.table, ctx.results.costKey, ctx.results.models, {
      pause: () => ctx.pause(),
      cancelled: () => ctx.cancelled(),
      progress: (f, state) => ctx.progress(f, 'Usikkerhet i nøkkelen (bootstrap)', { ...state, name: keyBootstrapPoolJob.name, fraction: f }),
    }),
});
