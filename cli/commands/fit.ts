/**
 * `analyze -- fit`: one regression model on a tidy CSV, through the same fitModel the dashboard uses.
 *
 *   npm run --silent analyze -- fit --data FILE [--unit COL] [--year COL] --formula "y ~ x1 + x2"
 *     [--design pooled|per-year|within|single] [--se classical|hc1|cluster] [--cluster COL]
 *     [--weights COL] [--years 2014[,2015]] [--no-intercept] [--spec FILE] [--json]
 *
 * Defaults: design pooled when --year is given, else single; SE cluster for pooled/within (by
 * --cluster or --unit), HC1 for per-year, classical for single. Year effects are on for pooled and
 * within. `y ~ x1 + x2 - 1` (or `+ 0`) also drops the intercept.
 */
import type { Args } from '../args';
import { required } from '../args';
import type { Command } from './types';
import { readTidyCsv } from '../tidyCsv';
import { fitModel } from '../../src/engine/model/fitModel';
import { applySpecVariables } from '../../src/engine/variables/applySpec';
import { readFileSync } from 'node:fs';
import type { Design, FitOutcome, ModelSpec, SeType } from '../../src/engine/model/types';
import type { Table } from '../../src/engine/table';

const DESIGNS: Design[] = ['pooled', 'per-year', 'within', 'single'];
const SES: SeType[] = ['classical', 'hc1', 'cluster'];

export function parseFormula(formula: string): { dependent: string; regressors: string[]; intercept: boolean } {
  const [lhs, rhs] = formula.split('~');
  if (!lhs?.trim() || rhs === undefined) throw new Error(`ugyldig formel «${formula}» / invalid formula "${formula}" (y ~ x1 + x2)`);
  let intercept = true;
  const regressors: string[] = [];
  for (const raw of rhs.replace(/-\s*1\b/g, '+ __noint').split('+')) {
    const term = raw.trim();
    if (term === '' || term === '1') continue;
    if (term === '__noint' || term === '0') intercept = false;
    else regressors.push(term);
  }
  return { dependent: lhs.trim(), regressors, intercept };
}

function num(x: number | undefined): number | null {
  return x === undefined || !Number.isFinite(x) ? null : x;
}

export function fitToJson(design: Design, fit: FitOutcome): Record<string, unknown> {
  const dropped = fit.dropped.map((d) => ({ row: d.row, unit: d.unit ?? null, year: d.year ?? null, variables: d.variables, reasons: d.reasons }));
  if (!fit.ok) {
    const error: Record<string, unknown> = { code: fit.problem.code, message: fit.problem.message, message_en: fit.problem.messageEn };
    if (fit.collinear) error.collinear = fit.collinear;
    return { design, error, dropped };
  }
  const coefficients: Record<string, unknown> = {};
  for (const c of fit.coefficients) {
    coefficients[c.name] = { estimate: c.estimate, se: c.se, t: c.t, p: c.p, ci_low: c.ciLow, ci_high: c.ciHigh };
  }
  return {
    design,
    se: fit.se,
    n: fit.n,
    k: fit.k,
    n_clusters: fit.nClusters ?? null,
    n_units: fit.nUnits ?? null,
    df_resid: fit.dfResid,
    df_t: fit.dfT,
    r2: fit.r2,
    adj_r2: fit.adjR2,
    within_r2: num(fit.withinR2),
    rmse: fit.rmse,
    f: fit.f ? { value: fit.f.value, df1: fit.f.df1, df2: fit.f.df2, p: fit.f.p } : null,
    dropped,
    coefficients,
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
    `design ${design}, SE ${fit.se}, N = ${fit.n}${fit.nClusters ? `, clusters = ${fit.nClusters}` : ''}, df(t) = ${fit.dfT}`,
    `R² = ${fit.r2.toFixed(4)}, adj. R² = ${fit.adjR2.toFixed(4)}${fit.withinR2 !== undefined ? `, within R² = ${fit.withinR2.toFixed(4)}` : ''}, RMSE = ${fmt(fit.rmse)}`,
    fit.f ? `F(${fit.f.df1}, ${fit.f.df2}) = ${fmt(fit.f.value)}, p = ${fmt(fit.f.p)}` : 'F: –',
    `dropped rows: ${fit.dropped.length}${fit.dropped.length ? ` (${fit.dropped.slice(0, 10).map((d) => d.row).join(', ')}${fit.dropped.length > 10 ? ', …' : ''})` : ''}`,
  ];
  return `${label}${head}\n${lines.join('\n')}\n${foot.join('\n')}\n`;
}

export function specFromArgs(args: Args): { spec: ModelSpec; unit?: string; year?: string } {
  const f = parseFormula(required(args, 'formula'));
  const unit = args.values.get('unit');
  const year = args.values.get('year');
  const design = (args.values.get('design') ?? (year ? 'pooled' : 'single')) as Design;
  if (!DESIGNS.includes(design)) throw new Error(`ukjent --design ${design} / unknown --design (${DESIGNS.join('|')})`);
  const cluster = args.values.get('cluster') ?? null;
  const defaultSe: SeType = design === 'per-year' ? 'hc1' : design === 'single' ? 'classical' : cluster || unit ? 'cluster' : 'hc1';
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
    yearEffects: design === 'pooled' || design === 'within',
    se,
    cluster,
    weights: args.values.get('weights') ?? null,
    sample: years.length ? { years } : null,
  };
  return { spec, unit, year };
}

export const fitCommand: Command = {
  summary: 'Regresjon (pooled, per år, within, enkel) / regression (OLS, WLS, HC1, CR1)',
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
        for (const f of result.fits) byYear[String(f.year)] = { year: f.year, ...fitToJson(result.design, f.outcome) };
        out = byYear;
      } else out = fitToJson(result.design, result.fits[0].outcome);
      process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    } else {
      for (const f of result.fits) process.stdout.write(table(result.design, f.year !== null ? `— ${f.year} —\n` : '', f.outcome));
    }
    return failed ? 1 : 0;
  },
};
