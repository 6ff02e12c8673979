/**
 * Stage `stability`: the stability model fitted per year (HC1, SØF 2017, Tables 7 and 15), leave-one-year-
 * out pooled refits, and — only when enabled — the cluster bootstrap of the pooled model.
 */
import { problem, type Problem } from '../../engine/problem';
import { isProblem } from '../../engine/importance/sample';
import { perYearStability } from '../../engine/stability/perYear';
import { leaveOneYearOutAsync, leaveOneYearOutJob } from '../../engine/stability/leaveOneYearOut';
import { bootstrapJob, clusterBootstrapAsync } from '../../engine/stability/bootstrap';
import { runJob } from '../../pool/runner';
import { equalAcrossYears } from '../../engine/stability/equalAcrossYears';
import type { AnalysisSpec } from '../../spec/schema';
import { stabilityEntry } from '../../spec/sections/explained';
import type { StabilityResults } from '../../results/stability';
import { toModelSpec } from './models';
import { commonSampleFor } from './explained';
import { defineStage, type StageContext } from './types';

/** The section, and what picks the model: the decomposition's choice of model and candidate
 *  criteria, the model list and the shown order (the default baseline is the first shown). */
function select(spec: AnalysisSpec) {
  const { baselineModelId, decompositionModelId, candidateCriteria } = spec.explained;
  return {
    stability: spec.stability,
    explained: { baselineModelId, decompositionModelId, candidateCriteria },
    models: { list: spec.models.list, shown: spec.models.shown },
  };
}

async function run(ctx: StageContext<ReturnType<typeof select>>): Promise<StabilityResults> {
  const { input: spec, table } = ctx;
  const st = spec.stability;
  const problems: Problem[] = [];
  const entry = stabilityEntry(st, spec.explained, spec.models);
  const out: StabilityResults = {
    modelId: entry?.id ?? null,
    label: entry?.label ?? '',
    criteria: entry ? [...entry.regressors] : [],
    perYear: null,
    leaveOneYearOut: null,
    bootstrap: null,
    problems,
  };
  if (!entry || !entry.dependent || entry.regressors.length === 0) return out;
  // Nothing is estimated without the model's columns or a year: said, not an empty view.
  const missing = [entry.dependent, ...entry.regressors, ...entry.controls].filter((n) => !table.columns.has(n));
  if (missing.length > 0) {
    const list = missing.map((a) => `«${a}»`).join(', ');
    problems.push(
      problem(
        'unknown-variable',
        `Stabiliteten over år kan ikke beregnes: finner ikke ${missing.length === 1 ? 'variabelen' : 'variablene'} ${list} i datasettet.`,
        `Stability across years cannot be computed: the data has no variable ${list}.`,
        { model: entry.id, variables: missing },
      ),
    );
    return out;
  }
  if (!table.year) {
    problems.push(
      problem(
        'stability-no-year',
        'Stabiliteten over år kan ikke beregnes: dataene har ingen årskolonne.',
        'Stability across years cannot be computed: the data have no year column.',
        { model: entry.id },
      ),
    );
    return out;
  }
  const modelSpec = toModelSpec(entry);

  ctx.progress(0, 'Estimerer per år');
  out.perYear = perYearStability(table, modelSpec, { alpha: st.alpha });
  problems.push(...out.perYear.problems.map((p) => ({ ...p, severity: 'warning' as const })));

  await ctx.pause();
  if (ctx.cancelled()) return out;
  ctx.progress(0.1, 'Tester lik effekt alle år');
  out.equalAcrossYears = equalAcrossYears(table, modelSpec);

  if (st.leaveOneYearOut) {
    await ctx.pause();
    if (ctx.cancelled()) return out;
    ctx.progress(0.2, 'Utelater ett år om gangen');
    const loyo = await leaveOneYearOutAsync(
      table,
      modelSpec,
      {
        pause: () => ctx.pause(),
        cancelled: () => ctx.cancelled(),
        progress: (f, state) => ctx.progress(0.2 + 0.2 * f, 'Utelater ett år om gangen', { ...state, name: leaveOneYearOutJob.name, fraction: f }),
      },
      runJob,
    );
    // A part's refusal carries its job's name, so the view shows it in that part's panel.
    if (isProblem(loyo)) problems.push({ ...loyo, where: { ...loyo.where, job: leaveOneYearOutJob.name } });
    else out.leaveOneYearOut = loyo;
  }

  if (st.bootstrap) {
    const s = commonSampleFor(table, { ...entry, design: 'pooled' });
    if (isProblem(s)) {
      problems.push({ ...s, where: { ...s.where, job: bootstrapJob.name } });
      return out;
    }
    const res = await clusterBootstrapAsync(
      s,
      { B: st.bootstrapB, seed: st.seed },
      {
        pause: () => ctx.pause(),
        cancelled: () => ctx.cancelled(),
        progress: (f, state) => ctx.progress(0.4 + 0.6 * f, 'Klyngebootstrap', { ...state, name: bootstrapJob.name, fraction: f }),
      },
      runJob,
    );
    if (isProblem(res)) problems.push({ ...res, where: { ...res.where, job: bootstrapJob.name } });
    else out.bootstrap = res;
  }
  ctx.progress(1, 'Ferdig');
  return out;
}

export const stabilityStage = defineStage({ key: 'stability', select, run });
