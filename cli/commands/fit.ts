/**
 * `analyze -- fit`: one regression model on a tidy CSV, through the same pipeline and fitModel the
 * dashboard uses: the arguments become an AnalysisSpec (the CSV as a ready-table source, one model,
 * the derived variables of `--spec FILE`), which `--print-spec` prints.
 *
 *   npm run --silent analyze -- fit --data FILE [--unit COL] [--year COL] --formula "y ~ x1 + x2"
 *     [--design pooled|per-year|within|single|random] [--se classical|hc1|cluster] [--cluster COL]
 *     [--estimator ols|robust|median|quantile] [--tau 0.25]
 *     [--weights COL] [--years 2014[,2015]] [--no-intercept] [--spec FILE] [--json] [--print-spec]
 *
 * Defaults: design pooled when --year is given, else single; SE cluster for pooled/within (by
 * --cluster or --unit), HC1 for per-year, classical for single, random effects and the robust and
 * quantile estimators. Year effects are on for pooled, within and random. `y ~ x1 + x2 - 1` (or
 * `+ 0`) also drops the intercept; `x:year` adds x per year (first year the reference), `a:b` the
 * product a·b.
 */
import { readFileSync } from 'node:fs';
import { numberValue, required, yearsValue, type Args } from '../args';
import { defineCommand } from '../command';
import { checkedSpec, newSpec, printSpec, runAnalysis, tableSource } from '../analysis';
import { parseFormula } from '../formula';
import { PRINT_SPEC, UsageError, type OptionDef } from '../options';
import type { Design, Estimator, FitOutcome, SeType } from '../../src/engine/model/types';
import { problem, type Problem } from '../../src/engine/problem';
import type { AnalysisSpec } from '../../src/spec/schema';
import { modelEntrySchema } from '../../src/spec/sections/models';
import { variablesSpecSchema, type VariablesSpec } from '../../src/spec/sections/variables';

const DESIGNS: readonly Design[] = ['pooled', 'per-year', 'within', 'single', 'random'];
const ESTIMATORS: readonly Estimator[] = ['ols', 'robust', 'median', 'quantile'];
const SES: readonly SeType[] = ['classical', 'hc1', 'cluster'];

function num(x: number | undefined): number | null {
  return x === undefined || !Number.isFinite(x) ? null : x;
}

/** What the robust, quantile and random-effects estimators add to the common JSON shape. */
function estimatorJson(fit: Extract<FitOutcome, { ok: true }>): Record<string, unknown> {
  const e = fit.estimator;
  const out: Record<string, unknown> = {};
  if (fit.waldTests?.length) {
    out.wald = fit.waldTests.map((w) => ({ variable: w.label, terms: w.terms, f: w.f, df1: w.df1, df2: num(w.df2), p: w.p }));
  }
  if (!e) return out;
  if (e.kind === 'robust') {
    out.robust = {
      huber_iterations: e.huberIterations, biweight_iterations: e.biweightIterations, log: e.log, scale: e.scale,
      lambda: e.lambda, n_nonzero_weights: e.nNonzero, screened_rows: e.screened, tune: e.tune, tolerance: e.tolerance,
    };
  } else if (e.kind === 'quantile') {
    out.quantile = {
      tau: e.tau, se_method: e.seMethod, bandwidth: e.bandwidth, objective: e.objective, pseudo_r2: num(e.pseudoR2),
      iterations: e.iterations, nonunique: e.nonunique,
    };
  } else {
    out.random_effects = {
      sigma2_idiosyncratic: e.sigma2Idios, sigma2_unit: e.sigma2Unit, theta_min: e.thetaMin, theta_max: e.thetaMax,
      time_invariant: e.timeInvariant,
    };
    out.hausman = e.hausman ? { statistic: e.hausman.statistic, df: e.hausman.df, p: e.hausman.p, compared: e.hausman.compared } : null;
  }
  return out;
}

export function fitToJson(design: Design, fit: FitOutcome, estimator: Estimator = 'ols'): Record<string, unknown> {
  const dropped = fit.dropped.map((d) => ({ row: d.row, unit: d.unit ?? null, year: d.year ?? null, variables: d.variables, reasons: d.reasons }));
  if (!fit.ok) {
    const error: Record<string, unknown> = { code: fit.problem.code, message: fit.problem.message, message_en: fit.problem.messageEn };
    if (fit.collinear) error.collinear = fit.collinear;
    return { design, ...(estimator !== 'ols' ? { estimator } : {}), error, dropped };
  }
  const coefficients: Record<string, unknown> = {};
  for (const c of fit.coefficients) {
    coefficients[c.name] = { estimate: c.estimate, se: c.se, t: c.t, p: c.p, ci_low: c.ciLow, ci_high: c.ciHigh };
  }
  return {
    design,
    ...(estimator !== 'ols' ? { estimator } : {}),
    se: fit.se,
    n: fit.n,
    k: fit.k,
    n_clusters: fit.nClusters ?? null,
    n_units: fit.nUnits ?? null,
    df_resid: fit.dfResid,
    // null = standard normal (z), as random effects report.
    df_t: num(fit.dfT),
    r2: num(fit.r2),
    adj_r2: num(fit.adjR2),
    within_r2: num(fit.withinR2),
    rmse: num(fit.rmse),
    f: fit.f ? { value: fit.f.value, df1: fit.f.df1, df2: fit.f.df2, p: fit.f.p } : null,
    dropped,
    coefficients,
    ...estimatorJson(fit),
  };
}

function fmt(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  return a !== 0 && (a < 1e-3 || a >= 1e7) ? x.toExponential(digits - 1) : x.toFixed(digits);
}

function table(design: Design, label: string, fit: FitOutcome): string {
  if (!fit.ok) return `${label}Feil / error: ${fit.problem.message}\n  ${fit.problem.messageEn}\n`;
  const w = Math.max(12, ...fit.coefficients.map((c) => c.name.length));
  const head = `${'term'.padEnd(w)} ${'estimate'.padStart(12)} ${'se'.padStart(12)} ${'t'.padStart(9)} ${'p'.padStart(10)}`;
  const lines = fit.coefficients.map(
    (c) => `${c.name.padEnd(w)} ${fmt(c.estimate).padStart(12)} ${fmt(c.se).padStart(12)} ${c.t.toFixed(2).padStart(9)} ${fmt(c.p).padStart(10)}`,
  );
  const foot = [
    `design ${design}, SE ${fit.se}, N = ${fit.n}${fit.nClusters ? `, clusters = ${fit.nClusters}` : ''}, df(t) = ${Number.isFinite(fit.dfT) ? fit.dfT : '∞ (z)'}`,
    ...(Number.isNaN(fit.r2) ? [] : [`R² = ${fit.r2.toFixed(4)}, adj. R² = ${fit.adjR2.toFixed(4)}${fit.withinR2 !== undefined ? `, within R² = ${fit.withinR2.toFixed(4)}` : ''}, RMSE = ${fmt(fit.rmse)}`]),
    fit.f ? `F(${fit.f.df1}, ${fit.f.df2}) = ${fmt(fit.f.value)}, p = ${fmt(fit.f.p)}` : 'F: –',
    `dropped rows: ${fit.dropped.length}${fit.dropped.length ? ` (${fit.dropped.slice(0, 10).map((d) => d.row).join(', ')}${fit.dropped.length > 10 ? ', …' : ''})` : ''}`,
    ...estimatorLines(fit),
  ];
  return `${label}${head}\n${lines.join('\n')}\n${foot.join('\n')}\n`;
}

function estimatorLines(fit: Extract<FitOutcome, { ok: true }>): string[] {
  const e = fit.estimator;
  const out = (fit.waldTests ?? []).map((w) => `Wald, equal ${w.label} in every year: F(${w.df1}, ${w.df2}) = ${fmt(w.f)}, p = ${fmt(w.p)}`);
  if (e?.kind === 'robust') {
    out.push(
      `rreg: ${e.huberIterations} Huber + ${e.biweightIterations} biweight iterations, scale ${fmt(e.scale)}, weights 0: ${fit.n - e.nNonzero}`,
      `Cook's D > 1 (left out): ${e.screened.length ? e.screened.join(', ') : 'none'}`,
    );
  } else if (e?.kind === 'quantile') {
    out.push(`quantile τ = ${e.tau}, SE ${e.seMethod} (quantreg se = "${e.seMethod}"), pseudo R² = ${fmt(e.pseudoR2)}${e.nonunique ? ', solution may be nonunique' : ''}`);
  } else if (e?.kind === 'random') {
    out.push(`random effects (Swamy–Arora): σ²_u = ${fmt(e.sigma2Unit)}, σ²_e = ${fmt(e.sigma2Idios)}, θ ${fmt(e.thetaMin)}–${fmt(e.thetaMax)}`);
    out.push(e.hausman ? `Hausman (FE vs RE): χ²(${e.hausman.df}) = ${fmt(e.hausman.statistic)}, p = ${fmt(e.hausman.p)}` : 'Hausman: –');
  }
  return out;
}

const OPTIONS: OptionDef[] = [
  { name: 'data', kind: 'value', arg: 'FILE', help: 'tidy CSV (overskriftsrad, én rad per enhet og år) / tidy CSV (header row, one row per unit and year)' },
  { name: 'formula', kind: 'value', arg: '"y ~ x1 + x2"', help: 'modellen / the model (- 1: uten konstant / no intercept; x:year, a:b: samspill / interactions)' },
  { name: 'unit', kind: 'value', arg: 'COL', help: 'enhetskolonnen / unit id column' },
  { name: 'year', kind: 'value', arg: 'COL', help: 'årskolonnen / year column' },
  { name: 'design', kind: 'value', choices: DESIGNS, help: 'standard: pooled med --year, ellers single / default pooled with --year, else single' },
  { name: 'se', kind: 'value', choices: SES, help: 'standardfeil / standard errors (standard som i dashbordet / dashboard defaults)' },
  { name: 'cluster', kind: 'value', arg: 'COL', help: 'klyngekolonne (standard --unit) / cluster column (default --unit)' },
  { name: 'estimator', kind: 'value', choices: ESTIMATORS, help: 'estimator (standard ols) / estimator (default ols)' },
  { name: 'tau', kind: 'value', arg: '0.25', help: 'kvantil for --estimator quantile / quantile of --estimator quantile' },
  { name: 'weights', kind: 'value', arg: 'COL', help: 'analytiske vekter (WLS) / analytic weights (WLS)' },
  { name: 'years', kind: 'value', arg: '2014[,2015]', help: 'bare disse årene / these years only' },
  { name: 'no-intercept', kind: 'flag', help: 'uten konstantledd / without the intercept' },
  { name: 'spec', kind: 'value', arg: 'FILE', help: 'avledede variabler fra en lagret analyse / derived variables of a saved analysis' },
  PRINT_SPEC,
];

/**
 * The variables section of a saved analysis (a whole spec, a project file `{ spec }` or the section
 * itself), or a problem naming the invalid part.
 */
export function variablesOfSpecFile(raw: unknown): VariablesSpec | Problem {
  const obj = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const spec = (obj.spec as Record<string, unknown> | undefined) ?? obj;
  const section = spec.variables !== undefined ? spec.variables : spec;
  const parsed = variablesSpecSchema.safeParse(section);
  if (parsed.success) return parsed.data;
  const where = parsed.error.issues[0]?.path.join('.') ?? '';
  const msg = parsed.error.issues[0]?.message ?? '';
  return problem(
    'spec-variables-invalid',
    `Variabeldelen av spesifikasjonen er ugyldig (${where}): ${msg}`,
    `The variables section of the spec is invalid (${where}): ${msg}`,
    { variable: where },
  );
}

/** The model of the arguments, with the dashboard's engine defaults for what they leave open. */
export function fitSpecFromArgs(args: Args): { spec: AnalysisSpec; files: Record<string, string> } {
  const f = parseFormula(required(args, 'formula'));
  const data = required(args, 'data');
  const unit = args.values.get('unit') ?? null;
  const year = args.values.get('year') ?? null;
  const design = (args.values.get('design') ?? (year ? 'pooled' : 'single')) as Design;
  const estimator = (args.values.get('estimator') ?? 'ols') as Estimator;
  const tau = numberValue(args, 'tau');
  if (tau !== undefined && !(tau > 0 && tau < 1)) throw new UsageError(`ugyldig --tau ${tau} (0 < τ < 1) / invalid --tau`);
  if (tau !== undefined && estimator !== 'quantile') throw new UsageError('--tau gjelder --estimator quantile / --tau needs --estimator quantile');
  const cluster = args.values.get('cluster') ?? null;
  const defaultSe: SeType =
    estimator !== 'ols' || design === 'random'
      ? 'classical'
      : design === 'per-year' ? 'hc1' : design === 'single' ? 'classical' : cluster || unit ? 'cluster' : 'hc1';
  const se = (args.values.get('se') ?? defaultSe) as SeType;
  const years = yearsValue(args);
  const spec = newSpec(`analyze fit: ${required(args, 'formula')}`);
  spec.data.sources = [tableSource('data', data, { unit, year })];
  // --spec FILE: the saved analysis's derived variables (expenditure, ratios, age groups, formulas,
  // corrected indicators, size classes) are built on the CSV before the model is fitted.
  const specFile = args.values.get('spec');
  if (specFile) {
    const variables = variablesOfSpecFile(JSON.parse(readFileSync(specFile, 'utf8')));
    if ('code' in variables) throw new UsageError(`--spec ${specFile}: ${variables.message} / ${variables.messageEn}`);
    spec.variables = variables;
  }
  spec.models.list = [
    modelEntrySchema.parse({
      id: 'fit',
      label: required(args, 'formula'),
      dependent: f.dependent,
      regressors: f.regressors,
      design,
      intercept: f.intercept && !args.flags.has('no-intercept'),
      yearEffects: design === 'pooled' || design === 'within' || design === 'random',
      se,
      cluster,
      weights: args.values.get('weights') ?? null,
      sample: years.length ? { years } : null,
      ...(estimator !== 'ols' ? { estimator } : {}),
      ...(estimator === 'quantile' ? { tau: tau ?? 0.5 } : {}),
      ...(f.interactions ? { interactions: f.interactions } : {}),
    }),
  ];
  return { spec: checkedSpec(spec), files: { data } };
}

export const fitCommand = defineCommand({
  name: 'fit',
  summary: 'Regresjon (pooled, per år, within, tilfeldige effekter, enkel; OLS, robust, median, kvantil) / regression (OLS, WLS, HC1, CR1, rreg, qreg, RE + Hausman)',
  options: OPTIONS,
  async run(args: Args): Promise<number> {
    const { spec, files } = fitSpecFromArgs(args);
    if (args.flags.has('print-spec')) return printSpec(spec);
    const { results } = await runAnalysis(spec, files, ['models']);
    for (const p of results.problems) if (p.severity === 'error') process.stderr.write(`${p.message} / ${p.messageEn}\n`);
    const entry = spec.models.list[0];
    const result = results.models![entry.id];
    const estimator = entry.estimator ?? 'ols';
    // Per year, a year that cannot be estimated is reported in its own `error` entry and the years
    // that fitted are the result: exit 0 while any year fitted. One model (or every year) refused: 1.
    const failed = result.design === 'per-year' && result.fits[0]?.year !== null ? !result.fits.some((f) => f.outcome.ok) : result.fits.some((f) => !f.outcome.ok);
    if (args.flags.has('json')) {
      let out: unknown;
      if (result.design === 'per-year' && result.fits[0]?.year !== null) {
        const byYear: Record<string, unknown> = {};
        for (const f of result.fits) byYear[String(f.year)] = { year: f.year, ...fitToJson(result.design, f.outcome, estimator) };
        out = byYear;
      } else out = fitToJson(result.design, result.fits[0].outcome, estimator);
      process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    } else {
      for (const f of result.fits) process.stdout.write(table(result.design, f.year !== null ? `— ${f.year} —\n` : '', f.outcome));
    }
    return failed ? 1 : 0;
  },
});
