/**
 * `analyze -- costkey`: a cost key from a regression (METHODS §3 A) and what it does to every unit
 * (§4): weights, national values, need index, need per inhabitant, equalisation amount and the change
 * against the current key. `--current` lists criteria weights; whatever they leave of 1 goes to the
 * basic criterion (population). Without `--current` the change is measured against a flat per-capita
 * key (index 1 for every unit), so it equals the equalisation amount.
 *
 *   npm run --silent analyze -- costkey --data FILE --unit COL --year COL --years 2022
 *     --formula "y ~ x1 + x2 + control" --controls control --population COL --method coefficient
 *     [--remainder population|rescale] [--current "x1=...,x2=..."] [--y-unit-nok 1000]
 *     [--se hc1|classical|cluster] [--name COL] [--drop x2] [--weights "x1=..,x2=.." (method manual)] --json
 */
import type { Args } from '../args';
import { required } from '../args';
import type { Command } from './types';
import { readTidyCsv } from '../tidyCsv';
import { parseFormula } from './fit';
import {
  BASIC,
  coefficientWeights,
  evaluateOnBase,
  fitCoefficients,
  keyData,
  makeKeyBase,
  manualWeights,
  parseKeyString,
  toKeyRecord,
  withBasicRemainder,
  type WeightsResult,
} from '../../src/engine/costkey';
import { fitModel } from '../../src/engine/model/fitModel';
import type { ModelSpec, SeType } from '../../src/engine/model/types';
import type { Problem } from '../../src/engine/problem';

function list(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}


export async function runCostKey(args: Args) {
  const unit = required(args, 'unit');
  const yearCol = args.values.get('year') ?? null;
  const years = list(args.values.get('years')).map(Number);
  const population = required(args, 'population');
  const { dependent, regressors } = parseFormula(required(args, 'formula'));
  const controls = list(args.values.get('controls'));
  const criteria = regressors.filter((r) => !controls.includes(r));
  const method = args.values.get('method') ?? 'coefficient';
  const remainder = (args.values.get('remainder') ?? 'population') as 'population' | 'rescale';
  if (remainder !== 'population' && remainder !== 'rescale') throw new Error('--remainder population|rescale');
  const yUnitNok = Number(args.values.get('y-unit-nok') ?? 1);
  const se = (args.values.get('se') ?? 'hc1').toLowerCase() as SeType;
  const dropped = list(args.values.get('drop'));
  const nameCol = args.values.get('name') ?? null;

  const table = readTidyCsv(required(args, 'data'), [unit, ...(nameCol ? [nameCol] : [])]);
  table.unit = unit;
  if (yearCol) table.year = yearCol;
  if (nameCol) table.unitName = nameCol;
  const keyYear = years.length ? Math.max(...years) : null;
  const problems: Problem[] = [];

  let weights: WeightsResult;
  let regression: Record<string, unknown> | null = null;
  const data = keyData(table, { unit, unitName: nameCol, population, yearColumn: yearCol, year: keyYear, criteria, controls, dependent });
  if (!('prep' in data)) throw new Error(data.problems.map((p) => p.messageEn).join('; '));
  problems.push(...data.problems);

  if (method === 'coefficient') {
    // One year: a plain cross-section; several: pooled with year dummies, key on the last year.
    const spec: ModelSpec = {
      dependent,
      regressors: criteria,
      controls,
      design: years.length > 1 ? 'pooled' : 'single',
      intercept: true,
      yearEffects: years.length > 1,
      se,
      sample: years.length ? { years } : null,
    };
    const fit = fitModel(table, spec).fits[0]?.outcome;
    if (!fit || !fit.ok) throw new Error(fit ? fit.problem.messageEn : 'no fit');
    const { coefficients, p } = fitCoefficients(fit);
    weights = coefficientWeights({ criteria, controls, coefficients, p, national: data.national, remainder, dropped });
    regression = {
      n: fit.n,
      k: fit.k,
      r2: fit.r2,
      adj_r2: fit.adjR2,
      se,
      coefficients: Object.fromEntries(fit.coefficients.map((c) => [c.name, { estimate: c.estimate, se: c.se, t: c.t, p: c.p }])),
    };
  } else if (method === 'manual') {
    weights = manualWeights(criteria, withBasicRemainder(criteria, parseKeyString(required(args, 'weights'))), dropped);
  } else throw new Error(`--method ${method}: bare «coefficient» og «manual» i CLI / only "coefficient" and "manual" in the CLI`);
  problems.push(...weights.warnings);

  const currentText = args.values.get('current');
  const current = currentText ? withBasicRemainder(criteria, parseKeyString(currentText)) : null;
  const perCapitaNok = data.yObsNational * yUnitNok;
  const base = makeKeyBase(data.prep, data.names, perCapitaNok, current);
  const ev = evaluateOnBase(base, toKeyRecord(weights.criteria, weights.basic));

  const named = (rec: Record<string, number>): Record<string, number> =>
    Object.fromEntries([[population, rec[BASIC] ?? 0], ...criteria.map((c) => [c, rec[c] ?? 0])]);
  return {
    method,
    year: data.year,
    weights: named(toKeyRecord(weights.criteria, weights.basic)),
    weights_sum: weights.sum,
    weights_current: current ? named(current) : null,
    national: data.national,
    yhat_national: weights.yhatNational ?? null,
    y_obs_national: data.yObsNational,
    per_capita_nok: perCapitaNok,
    population_total: data.prep.populationTotal,
    regression,
    checks: ev.checks,
    units: data.prep.units.map((u, i) => ({
      unit: u,
      ...(nameCol ? { name: data.names[i] } : {}),
      population: data.prep.population[i],
      index: ev.index[i],
      need_per_capita: ev.needPerCapita[i],
      amount: ev.amount[i],
      index_current: base.indexCurrent[i],
      amount_current: ev.amountCurrent[i],
      change: ev.change[i],
      change_per_capita: ev.changePerCapita[i],
    })),
    problems,
  };
}

export const costKeyCommand: Command = {
  summary: 'Kostnadsnøkkel fra regresjon: vekter, indeks og omfordeling / cost key from a regression',
  async run(args: Args): Promise<number> {
    const out = await runCostKey(args);
    if (args.flags.has('json')) process.stdout.write(JSON.stringify(out, null, 2) + '\n');
    else {
      const w = Object.entries(out.weights).map(([k, v]) => `  ${k.padEnd(24)} ${v.toFixed(4)}`);
      const u = out.units.map((x) => `  ${x.unit.padEnd(8)} indeks ${x.index.toFixed(4)}  endring ${Math.round(x.change)} kr (${x.change_per_capita.toFixed(0)} kr/innb.)`);
      process.stdout.write(['Vekter / weights:', ...w, '', 'Enheter / units:', ...u].join('\n') + '\n');
    }
    for (const p of out.problems) if (p.severity !== 'info') process.stderr.write(`${p.severity}: ${p.message}\n`);
    return out.problems.some((p) => p.severity === 'error') ? 1 : 0;
  },
};
