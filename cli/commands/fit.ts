/**
 * `analyze -- fit`: one regression model on a tidy CSV, through the same fitModel the dashboard uses.
 *
 *   npm run --silent analyze -- fit --data FILE [--unit COL] [--year COL] --formula "y ~ x1 + x2"
 *     [--design pooled|per-year|within|single|random] [--se classical|hc1|cluster] [--cluster COL]
 *     [--estimator ols|robust|median|quantile] [--tau 0.25]
 *     [--weights COL] [--years 2014[,2015]] [--no-intercept] [--spec FILE] [--json]
 *
 * Defaults: design pooled when --year is given, else single; SE cluster for pooled/within (by
 * --cluster or --unit), HC1 for per-year, classical for single, random effects and the robust and
 * quantile estimators. Year effects are on for pooled, within and random. `y ~ x1 + x2 - 1` (or
 * `+ 0`) also drops the intercept; `x:year` adds x per year (first year the reference), `a:b` the
 * product a·b.
 */
import type { Args } from '../args';
import { required } from '../args';
import type { Command } from './types';
import { readTidyCsv } from '../tidyCsv';
import { fitModel } from '../../src/engine/model/fitModel';
import { applySpecVariables } from '../../src/engine/variables/applySpec';
import { readFileSync } from 'node:fs';
import { YEAR_INTERACTION, type Design, type Estimator, type FitOutcome, type Interaction, type ModelSpec, type SeType } from '../../src/engine/model/types';
import type { Table } from '../../src/engine/table';

const DESIGNS: Design[] = ['pooled', 'per-year', 'within', 'single', 'random'];
const ESTIMATORS: Estimator[] = ['ols', 'robust', 'median', 'quantile'];
const SES: SeType[] = ['classical', 'hc1', 'cluster'];

export function parseFormula(formula: string): { dependent: string; regressors: string[]; intercept: boolean; interactions?: Interaction[] } {
  const [lhs, rhs] = formula.split('~');
  if (!lhs?.trim() || rhs === undefined) throw new Error(`ugyldig formel «${formula}» / invalid formula "${formula}" (y ~ x1 + x2)`);
  let intercept = true;
  const regressors: string[] = [];
  const interactions: Interaction[] = [];
  for (const raw of rhs.replace(/-\s*1\b/g, '+ __noint').split('+')) {
    const term = raw.trim();
    if (term === '' || term === '1') continue;
    if (term === '__noint' || term === '0') intercept = false;
    else if (term.includes(':')) {
      const [a, b, ...rest] = term.split(':').map((t) => t.trim());
      if (!a || !b || rest.length) throw new Error(`ugyldig samspill «${term}» / invalid interaction "${term}" (a:b or x:${YEAR_INTERACTION})`);
      // x:year reads naturally either way round.
      interactions.push(a === YEAR_INTERACTION ? { variable: b, with: a } : { variable: a, with: b });
    } else regressors.push(term);
  }
  return { dependent: lhs.trim(), regressors, intercept, ...(interactions.length ? { interactions } : {}) };
}

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

export function specFromArgs(args: Args): { spec: ModelSpec; unit?: string; year?: string } {
  const f = parseFormula(required(args, 'formula'));
  const unit = args.values.get('unit');
  const year = args.values.get('year');
  const design = (args.values.get('design') ?? (year ? 'pooled' : 'single')) as Design;
  if (!DESIGNS.includes(design)) throw new Error(`ukjent --design ${design} / unknown --design (${DESIGNS.join('|')})`);
  const estimator = (args.values.get('estimator') ?? 'ols') as Estimator;
  if (!ESTIMATORS.includes(estimator)) throw new Error(`ukjent --estimator ${estimator} / unknown --estimator (${ESTIMATORS.join('|')})`);
  const tauText = args.values.get('tau');
  const tau = tauText === undefined ? undefined : Number(tauText);
  if (tau !== undefined && !(tau > 0 && tau < 1)) throw new Error(`ugyldig --tau ${tauText} (0 < τ < 1) / invalid --tau`);
  if (tau !== undefined && estimator !== 'quantile') throw new Error('--tau gjelder --estimator quantile / --tau needs --estimator quantile');
  const cluster = args.values.get('cluster') ?? null;
  const defaultSe: SeType =
    estimator !== 'ols' || design === 'random'
      ? 'classical'
      : design === 'per-year' ? 'hc1' : design === 'single' ? 'classical' : cluster || unit ? 'cluster' : 'hc1';
  const se = (args.values.get('se') ?? defaultSe) as SeType;
  if (!SES.includes(se)) throw new Error(`ukjent --se ${se} / unknown --se (${SES.join('|')})`);
  const years = (args.values.get('years') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map(Number);
  if (years.some((y) => !Number.isFinite(y))) throw new Error('ugyldig --years / invalid --years');
  const spec: ModelSpec = {
    dependent: f.dependent,
    regressors: f.regressors,
    design,
    intercept: f.intercept && !args.flags.has('no-intercept'),
    yearEffects: design === 'pooled' || design === 'within' || design === 'random',
    se,
    cluster,
    weights: args.values.get('weights') ?? null,
    sample: years.length ? { years } : null,
  };
  if (estimator !== 'ols') spec.estimator = estimator;
  if (estimator === 'quantile') spec.tau = tau ?? 0.5;
  if (f.interactions) spec.interactions = f.interactions;
  return { spec, unit, year };
}

export const fitCommand: Command = {
  summary: 'Regresjon (pooled, per år, within, tilfeldige effekter, enkel; OLS, robust, median, kvantil) / regression (OLS, WLS, HC1, CR1, rreg, qreg, RE + Hausman)',
  async run(args: Args): Promise<number> {
    const { spec, unit, year } = specFromArgs(args);
    const keepText = [unit, args.values.get('cluster')].filter((s): s is string => !!s && s !== year);
    const data: Table = readTidyCsv(required(args, 'data'), keepText);
    let t: Table = { ...data, unit: unit ?? data.unit, year: year ?? data.year };
    // --spec FILE: the spec's derived variables (expenditure, ratios, age groups, formulas, corrected
    // indicators, size classes) are evaluated on the tidy CSV before the model is fitted.
    if (args.values.has('spec')) {
      const built = applySpecVariables(t, JSON.parse(readFileSync(required(args, 'spec'), 'utf8')) as object);
      for (const p of built.problems) if (p.severity === 'error') process.stderr.write(`${p.message} / ${p.messageEn}\n`);
      t = built.table;
    }
    const result = fitModel(t, spec);
    const failed = result.fits.some((f) => !f.outcome.ok);
    if (args.flags.has('json')) {
      let out: unknown;
      if (result.design === 'per-year' && result.fits[0]?.year !== null) {
        const byYear: Record<string, unknown> = {};
        for (const f of result.fits) byYear[String(f.year)] = { year: f.year, ...fitToJson(result.design, f.outcome, spec.estimator) };
        out = byYear;
      } else out = fitToJson(result.design, result.fits[0].outcome, spec.estimator);
      process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    } else {
      for (const f of result.fits) process.stdout.write(table(result.design, f.year !== null ? `— ${f.year} —\n` : '', f.outcome));
    }
    return failed ? 1 : 0;
  },
};
