/**
 * Stage `explained`: the model comparison (baseline = today's key, candidate columns), the R²
 * decomposition of the analysed model (one-at-a-time, stepwise, last-in, LMG) with coefficient
 * tables fitted on the decomposition's common sample, and — only when enabled — the subset search.
 * Every comparison is on a common sample unless the spec asks for each model's own sample
 * (`explained.sample`); the decomposition itself is always on one sample (LMG needs it).
 */
import { problem, type Problem } from '../../engine/problem';
import type { Table } from '../../engine/table';
import { buildCommonSample, isProblem, type CommonSample } from '../../engine/importance/sample';
import { partialOut } from '../../engine/importance/partialOut';
import { relativeImportanceAsync } from '../../engine/importance/relimp';
import { searchSubsetsAsync, subsetsJob } from '../../engine/importance/search';
import { runJob } from '../../pool/runner';
import { compareModels, type ModelComparison, type NamedResult } from '../../engine/importance/compare';
import { compareOnSample, type ComparedModel } from '../../engine/importance/compareOnSample';
import { restrictRows } from '../../engine/importance/subTable';
import type { ModelEntry } from '../../spec/sections/models';
import { analysedEntry, baselineEntry, withCriteria } from '../../spec/sections/explained';
import type { AnalysisSpec } from '../../spec/schema';
import type { ExplainedResults } from '../../results/explained';
import { fitEntry, toModelSpec } from './models';
import type { ModelResult } from '../../engine/model/types';
import { defineStage, type StageContext } from './types';

/** The decomposition works on the pooled design with year effects, or on one cross-section. */
export function commonSampleFor(table: Table, entry: ModelEntry, criteria = entry.regressors): CommonSample | Problem {
  if (entry.design === 'within') {
    return problem(
      'design-not-supported',
      'Dekomponering av R² støttes ikke for modeller med faste kommuneeffekter.',
      'R² decomposition is not supported for unit fixed-effects models.',
      { model: entry.id },
    );
  }
  return buildCommonSample(table, {
    dependent: entry.dependent,
    criteria,
    controls: entry.controls,
    intercept: entry.intercept,
    yearEffects: entry.yearEffects && entry.design === 'pooled',
    weights: entry.weights,
    cluster: entry.cluster,
    sample: entry.sample,
  });
}

function variant(entry: ModelEntry, regressors: string[], id: string, label: string): ModelEntry {
  return { ...entry, id, label, regressors };
}

function fitsOn(sub: Table, entries: ModelEntry[]): NamedResult[] {
  return entries.map((e) => ({ id: e.id, label: e.label, result: fitEntry(sub, e) }));
}

/** A spec entry as a compared model; `own` is its fit on the whole table when already known. */
function compared(e: ModelEntry, own?: ModelResult): ComparedModel {
  return { id: e.id, label: e.label, spec: toModelSpec(e), own };
}

/** The guarded fit of the worker (unknown columns become refusals), for the comparison engine. */
const fitCompared = (entries: Map<string, ModelEntry>) => (t: Table, m: ComparedModel) => fitEntry(t, entries.get(m.id)!);

/** Sub-models of the decomposition (one at a time, stepwise): on the decomposition's own rows, so their
 *  R² are those of the decomposition table, or each on its own sample when the user chose that. */
function variantsTable(table: Table, rows: Int32Array, entries: ModelEntry[], mode: 'common' | 'own', thresholds: number[]): ModelComparison {
  const byId = new Map(entries.map((e) => [e.id, e]));
  return compareOnSample(table, entries.map((e) => compared(e)), { mode, thresholds, fit: fitCompared(byId), rows });
}

/** The section, and the models (list, the shown order for the default baseline, the star thresholds). */
function select(spec: AnalysisSpec) {
  return { explained: spec.explained, models: spec.models };
}

async function run(ctx: StageContext<ReturnType<typeof select>>): Promise<ExplainedResults> {
  const { input: spec, table } = ctx;
  const ex = spec.explained;
  const thresholds = spec.models.stars;
  const problems: Problem[] = [];
  const out: ExplainedResults = {
    baselineId: null,
    comparison: null,
    analysed: null,
    relimp: null,
    oneAtATime: null,
    stepwise: null,
    subsets: null,
    problems,
  };
  const base = baselineEntry(ex, spec.models);
  if (!base) return out;
  out.baselineId = base.id;

  ctx.progress(0, 'Sammenligner modeller');
  const mode = ex.sample;
  const models = ctx.results.models;
  const entries: ModelEntry[] = [base];
  for (const id of ex.candidateModelIds) {
    const e = spec.models.list.find((m) => m.id === id);
    if (e && e.id !== base.id) entries.push(e);
  }
  for (const c of ex.candidateCriteria) entries.push(withCriteria(base, [c], `kandidat:${c}`, `+ ${c}`));
  const byId = new Map(entries.map((e) => [e.id, e]));
  await ctx.pause();
  if (ctx.cancelled()) return out;
  out.comparison = compareOnSample(
    table,
    entries.map((e) => compared(e, models?.[e.id])),
    { mode, thresholds, fit: fitCompared(byId) },
  );

  const entry = analysedEntry(ex, spec.models);
  if (!entry || entry.regressors.length === 0) return out;
  if ((entry.estimator ?? 'ols') !== 'ols' || entry.design === 'random') {
    // R² and its decompositions are least-squares quantities: said, not silently substituted.
    problems.push(
      problem(
        'decomposition-ols',
        `R²-dekomponeringen av «${entry.label}» bruker minste kvadraters metode på samme variabler og utvalg, ikke modellens egen estimator.`,
        `The R² decomposition of "${entry.label}" uses least squares on the same variables and sample, not the model's own estimator.`,
        { model: entry.id },
        'info',
      ),
    );
  }
  const s = commonSampleFor(table, entry);
  if (isProblem(s)) {
    problems.push({ ...s, where: { ...s.where, model: entry.id } });
    return out;
  }
  out.analysed = {
    id: entry.id,
    label: entry.label,
    dependent: entry.dependent,
    criteria: [...entry.regressors],
    controls: [...entry.controls],
    n: s.n,
    nDropped: s.nDropped,
    years: s.years,
  };
  const red = partialOut(s);
  if (isProblem(red)) {
    problems.push({ ...red, where: { ...red.where, model: entry.id } });
    return out;
  }
  await ctx.pause();
  if (ctx.cancelled()) return out;
  ctx.progress(0.2, 'Dekomponerer R²');
  const rel = await relativeImportanceAsync(
    red,
    { exactMax: ex.lmgExactMax, samples: ex.lmgSamples, seed: ex.lmgSeed },
    { pause: () => ctx.pause(), cancelled: () => ctx.cancelled(), progress: (f) => ctx.progress(0.2 + 0.2 * f, 'Dekomponerer R²') },
    runJob,
  );
  if (isProblem(rel)) problems.push({ ...rel, where: { ...rel.where, model: entry.id } });
  else out.relimp = rel;

  // Coefficient tables on the decomposition's sample, so N and R² agree with the decomposition.
  const used = [entry.dependent, ...entry.regressors, ...entry.controls, entry.weights ?? '', entry.cluster ?? ''];
  await ctx.pause();
  if (ctx.cancelled()) return out;
  ctx.progress(0.45, 'Estimerer enkeltkriterier');
  out.oneAtATime = variantsTable(
    table,
    s.rows,
    entry.regressors.map((c) => variant(entry, [c], `ett:${c}`, c)),
    mode,
    thresholds,
  );
  if (out.relimp) {
    const order = out.relimp.stepwiseOrder.map((j) => entry.regressors[j]);
    out.stepwise = variantsTable(
      table,
      s.rows,
      order.map((_, i) => variant(entry, order.slice(0, i + 1), `trinn:${i + 1}`, `(${i + 1})`)),
      mode,
      thresholds,
    );
  }

  if (ex.subsets.enabled) {
    const cands = ex.subsets.candidates.length > 0 ? ex.subsets.candidates : entry.regressors;
    const ss = commonSampleFor(table, entry, cands);
    const sred = isProblem(ss) ? ss : partialOut(ss);
    // The subset search's own refusals carry its job name, so the view shows them in its panel.
    const part = { model: entry.id, job: subsetsJob.name };
    if (isProblem(sred) || isProblem(ss)) {
      const p = isProblem(sred) ? sred : (ss as Problem);
      problems.push({ ...p, where: { ...p.where, ...part } });
      return out;
    }
    const res = await searchSubsetsAsync(
      sred,
      { top: ex.subsets.top },
      {
        cancelled: () => ctx.cancelled(),
        pause: () => ctx.pause(),
        progress: (f, state) => ctx.progress(0.5 + 0.45 * f, 'Søker gjennom delmengder', { ...state, name: subsetsJob.name, fraction: f }),
      },
      runJob,
    );
    if (isProblem(res)) {
      problems.push({ ...res, where: { ...res.where, ...part } });
      return out;
    }
    if (ctx.cancelled()) return out;
    // The best model of each size, refitted exactly (with the model's own SEs) on the common sample.
    const subAll = restrictRows(table, ss.rows, [...used, ...cands]);
    const best = res.bySize.map((b) => b.models[0]);
    const refits = compareModels(
      fitsOn(
        subAll,
        best.map((m) => variant(entry, m.members, `beste:${m.size}`, `k = ${m.size}`)),
      ),
      thresholds,
    );
    out.subsets = { ...res, refits };
  }
  ctx.progress(1, 'Ferdig');
  return out;
}

export const explainedStage = defineStage({ key: 'explained', select, run });
