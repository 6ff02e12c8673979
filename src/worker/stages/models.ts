/** Fits every model of spec.models.list; a model that cannot be fitted gets a refusal, never a crash. */
import { problem } from '../../engine/problem';
import type { Table } from '../../engine/table';
import type { ModelResult, ModelSpec } from '../../engine/model/types';
import type { ModelEntry } from '../../spec/sections/models';
import { defaultDeps } from '../engine';
import { defineStage } from './types';

export function toModelSpec(entry: ModelEntry): ModelSpec {
  return {
    dependent: entry.dependent,
    regressors: entry.regressors,
    controls: entry.controls,
    design: entry.design,
    intercept: entry.intercept,
    yearEffects: entry.yearEffects,
    se: entry.se,
    cluster: entry.cluster,
    weights: entry.weights,
    sample: entry.sample,
    estimator: entry.estimator,
    tau: entry.tau,
    interactions: entry.interactions,
  };
}

function refusal(design: ModelSpec['design'], p: ReturnType<typeof problem>): ModelResult {
  return { design, fits: [{ year: null, outcome: { ok: false, problem: p, n: 0, k: 0, dropped: [] } }] };
}

/** The engine may assume its columns exist; the spec can name columns the data no longer has. */
function missingColumns(table: Table, spec: ModelSpec): string[] {
  const sample = spec.sample;
  const needed = [
    spec.dependent,
    ...spec.regressors,
    ...(spec.controls ?? []),
    ...(spec.weights ? [spec.weights] : []),
    ...(spec.se === 'cluster' && spec.cluster ? [spec.cluster] : []),
    ...(sample?.sizeClasses?.length && sample.sizeClassColumn ? [sample.sizeClassColumn] : []),
  ];
  return needed.filter((n, i) => n && needed.indexOf(n) === i && !table.columns.has(n));
}

export function fitEntry(
  table: Table,
  entry: ModelEntry,
  fit: (t: Table, s: ModelSpec) => ModelResult = defaultDeps.fitModel,
): ModelResult {
  const spec = toModelSpec(entry);
  const where = { model: entry.id };
  if (!entry.dependent) {
    return refusal(
      spec.design,
      problem('no-dependent', 'Velg en avhengig variabel.', 'Choose a dependent variable.', where),
    );
  }
  const absent = missingColumns(table, spec);
  if (absent.length > 0) {
    const list = absent.map((a) => `«${a}»`).join(', ');
    return refusal(
      spec.design,
      problem(
        'unknown-variable',
        `Finner ikke ${absent.length === 1 ? 'variabelen' : 'variablene'} ${list} i datasettet.`,
        `The data has no variable ${list}.`,
        { ...where, variables: absent },
      ),
    );
  }
  try {
    return fit(table, spec);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return refusal(
      spec.design,
      problem(
        'engine-error',
        `Modellen kunne ikke estimeres: ${msg}`,
        `The model could not be estimated: ${msg}`,
        where,
      ),
    );
  }
}

export const modelsStage = defineStage({
  key: 'models',
  select: (spec) => spec.models.list,
  async run(ctx) {
    const out: Record<string, ModelResult> = {};
    const list = ctx.input;
    for (let i = 0; i < list.length; i++) {
      await ctx.pause();
      if (ctx.cancelled()) return out;
      ctx.progress(i / list.length, `Estimerer ${list[i].label}`);
      out[list[i].id] = fitEntry(ctx.table, list[i]);
    }
    return out;
  },
});
