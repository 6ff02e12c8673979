/**
 * `analyze -- costkey`: a cost key and what it does to every unit, as the view «Kostnadsnøkkel»
 * computes it: the arguments become an AnalysisSpec (the CSV as a ready-table source, the key's model,
 * the `costKey` section with the dashboard's defaults) that runs through the worker's pipeline (models
 * and cost-key stages); `--print-spec` prints it. Every weight method of the dashboard (docs/METHODS.md
 * «Cost-key weights»):
 *   A `coefficient`         w_j = b_j·x̄_j/ŷ, controls at their national values (`--remainder`)
 *   B `explained-variance`  (adjusted) R² split by LMG / bivariate / last-in (`--importance`, `--r2`,
 *                           `--target`, `--rounding`)
 *   C `sub-function`        a sub-function model (`--sub-formula`) scaled by the service total (`--total`)
 *   D `manual`              typed weights (`--weights`) or a preset of today's keys (`--preset`)
 * Without `--current` (or `--current-formula`) the change is measured against a flat per-capita key
 * (index 1 for every unit), so it equals the equalisation amount.
 *
 *   npm run --silent analyze -- costkey --data FILE --unit COL --year COL --years 2022
 *     --formula "y ~ x1 + x2 + control" --controls control --population COL --method coefficient
 *     [--remainder population|rescale] [--current "x1=...,x2=..."|preset:ID] [--y-unit-nok 1000]
 *     [--se hc1|classical|cluster] [--name COL] [--drop x2] [--bootstrap 999 [--seed 1]] --json
 *
 * `--bootstrap B` (methods A and C): the spec's `keyUncertainty` section is switched on, so the
 * pipeline's key-uncertainty stage (the view's) refits the key's model over B cluster-bootstrap draws
 * of units; the JSON gains `bootstrap` (weights with 90/95 % intervals and sign shares, replications,
 * seed, identities) and per unit the change's intervals, loss/gain shares and `sign_uncertain`.
 */
import { numberValue, listValue, required, yearsValue, type Args } from '../args';
import { defineCommand } from '../command';
import { checkedSpec, newSpec, printSpec, runAnalysis, tableSource } from '../analysis';
import { parseFormula } from '../formula';
import { PRINT_SPEC, UsageError, type OptionDef } from '../options';
import { BASIC, keyPresets, parseKeyString, toKeyRecord, withBasicRemainder, type KeyRecord } from '../../src/engine/costkey';
import type { ModelResult } from '../../src/engine/model/types';
import type { AnalysisSpec } from '../../src/spec/schema';
import type { CostKeySpec } from '../../src/spec/sections/costkey';
import { modelEntrySchema, type ModelEntry } from '../../src/spec/sections/models';
import { pickFit } from '../../src/worker/stages/costkey';

const METHODS: readonly CostKeySpec['method'][] = ['coefficient', 'explained-variance', 'sub-function', 'manual'];
/** The methods' letters in docs/METHODS.md and the view. */
const METHOD_LETTERS: Record<string, CostKeySpec['method']> = { A: 'coefficient', B: 'explained-variance', C: 'sub-function', D: 'manual' };
const DESIGNS = ['single', 'pooled', 'per-year'] as const;

const OPTIONS: OptionDef[] = [
  { name: 'data', kind: 'value', arg: 'FILE', help: 'tidy CSV (én rad per enhet og år) / tidy CSV (one row per unit and year)' },
  { name: 'unit', kind: 'value', arg: 'COL', help: 'enhetskolonnen / unit id column' },
  { name: 'name', kind: 'value', arg: 'COL', help: 'navnekolonnen / unit name column' },
  { name: 'year', kind: 'value', arg: 'COL', help: 'årskolonnen / year column' },
  { name: 'years', kind: 'value', arg: '2022[,2021]', help: 'modellens år; nøkkelåret er det siste / the model’s years; the key year is the last' },
  { name: 'population', kind: 'value', arg: 'COL', help: 'innbyggere (grunnkriteriet) / population (the basic criterion)' },
  { name: 'formula', kind: 'value', arg: '"y ~ x1 + x2 + control"', help: 'nøkkelens modell (kriterier og kontroller) / the key’s model (criteria and controls)' },
  { name: 'controls', kind: 'value', arg: 'c1,c2', help: 'kontroller holdt på nasjonal verdi / controls held at their national value' },
  { name: 'method', kind: 'value', choices: [...METHODS, ...Object.keys(METHOD_LETTERS)], help: 'A, B, C eller D (standard coefficient) / A, B, C or D (default coefficient)' },
  { name: 'design', kind: 'value', choices: DESIGNS, help: 'modell: standard single for ett år, pooled for flere / model: default single for one year, pooled for several' },
  { name: 'se', kind: 'value', choices: ['classical', 'hc1', 'cluster'], help: 'standardfeil (standard hc1) / standard errors (default hc1)' },
  { name: 'remainder', kind: 'value', choices: ['population', 'rescale'], help: 'A: resten til innbyggere eller skaler kriteriene / A: remainder to population or rescale' },
  { name: 'importance', kind: 'value', choices: ['lmg', 'bivariate', 'last-in'], help: 'B: mål for relativ betydning (standard lmg) / B: relative importance (default lmg)' },
  { name: 'r2', kind: 'value', choices: ['adjusted', 'plain'], help: 'B: justert (standard) eller vanlig R² / B: adjusted (default) or plain R²' },
  { name: 'target', kind: 'value', arg: 'COL', help: 'B: kriteriet som tar resten (standard innbyggere) / B: criterion taking the remainder (default population)' },
  { name: 'rounding', kind: 'value', arg: '0.05', help: 'B: avrund vektene til dette steget / B: round the weights to this step' },
  { name: 'sub-formula', kind: 'value', arg: '"f243 ~ x1 + x2"', help: 'C: modellen for delfunksjonen / C: the sub-function model' },
  { name: 'total', kind: 'value', arg: 'COL', help: 'C: tjenestens samlede utgift per innbygger / C: the service’s total spending per inhabitant' },
  { name: 'weights', kind: 'value', arg: '"x1=0.3,x2=0.25"', help: 'D: vektene (innbyggere tar resten) / D: the weights (population takes the rest)' },
  { name: 'preset', kind: 'value', choices: keyPresets.map((p) => p.id), help: 'D: et forhåndsvalg av dagens nøkler / D: a preset of today’s keys' },
  { name: 'current', kind: 'value', arg: '"x1=0.3,x2=0.25"|preset:ID', help: 'dagens nøkkel / today’s key' },
  { name: 'current-formula', kind: 'value', arg: '"y ~ x1 + control"', help: 'dagens nøkkel fra en modell (metode A) / today’s key from a model (method A)' },
  { name: 'drop', kind: 'value', arg: 'x2[,x3]', help: 'kriterier tatt ut av nøkkelen / criteria dropped from the key' },
  { name: 'year-effect', kind: 'value', choices: ['key-year', 'base-year'], help: 'A: årseffekten i ŷ (pooled): nøkkelåret (standard) eller basisåret / A: year effect in ŷ (pooled): key year (default) or base year' },
  { name: 'alpha', kind: 'value', arg: '0.1', help: 'nivå for «ikke signifikant» (standard 0.1) / level of the «not significant» warning (default 0.1)' },
  { name: 'y-unit-nok', kind: 'value', arg: '1000', help: 'kroner per enhet av y (1000 for «1000 kr») / kroner per unit of y' },
  { name: 'per-capita', kind: 'value', arg: 'KR', help: 'nasjonal utgift per innbygger U (standard: observert ȳ) / national spending per inhabitant U (default: observed ȳ)' },
  { name: 'bootstrap', kind: 'value', arg: '999', help: 'A, C: klyngebootstrap med så mange trekk (50–20000) / A, C: cluster bootstrap with this many replications (50–20000)' },
  { name: 'seed', kind: 'value', arg: '1', help: 'frø for --bootstrap (standard 1) / seed of --bootstrap (default 1)' },
  PRINT_SPEC,
];

const KEY_MODEL = 'key';
const SUB_MODEL = 'sub';
const CURRENT_MODEL = 'current';

function presetWeights(id: string, fill: KeyRecord, option: string): { weights: KeyRecord; label: string; source: string } {
  const p = keyPresets.find((x) => x.id === id);
  if (!p) throw new UsageError(`ukjent forhåndsvalg / unknown preset «${id}» for --${option}\nGyldige verdier / valid values: ${keyPresets.map((x) => x.id).join(', ')}`);
  const weights: KeyRecord = {};
  for (const [k, v] of Object.entries(p.weights)) weights[k] = fill[k] ?? v;
  const open = Object.keys(weights).filter((k) => !Number.isFinite(weights[k]));
  if (open.length)
    throw new UsageError(`forhåndsvalget «${id}» mangler vekter for ${open.join(', ')}: gi dem med --weights / the preset "${id}" needs weights for ${open.join(', ')}: give them with --weights`);
  const criteria = Object.keys(weights).filter((k) => k !== BASIC);
  return { weights: withBasicRemainder(criteria, weights), label: p.label.nb, source: p.source };
}

/** A key given on the command line: `a=0.3,b=0.2` (the basic criterion takes the rest) or `preset:ID`. */
function keyOption(text: string, criteria: string[], option: string): { weights: KeyRecord; label: string; source: string } {
  if (text.startsWith('preset:')) return presetWeights(text.slice(7), {}, option);
  const key = parseKeyString(text);
  const named = [...criteria, ...Object.keys(key).filter((k) => k !== BASIC && !criteria.includes(k))];
  return { weights: withBasicRemainder(named, key), label: `--${option}`, source: 'analyze costkey' };
}

function modelEntry(id: string, formula: string, controls: string[], base: Partial<Record<keyof ModelEntry, unknown>>): ModelEntry {
  const f = parseFormula(formula);
  return modelEntrySchema.parse({
    ...base,
    id,
    label: formula,
    dependent: f.dependent,
    regressors: f.regressors.filter((r) => !controls.includes(r)),
    controls: f.regressors.filter((r) => controls.includes(r)),
    intercept: f.intercept,
  });
}

/** The cost-key analysis of the arguments, with the dashboard's defaults for what they leave open. */
export function costKeySpecFromArgs(args: Args): { spec: AnalysisSpec; files: Record<string, string> } {
  const data = required(args, 'data');
  const unit = required(args, 'unit');
  const population = required(args, 'population');
  const given = args.values.get('method') ?? 'coefficient';
  const method = METHOD_LETTERS[given] ?? (given as CostKeySpec['method']);
  const formula = args.values.get('formula');
  if (!formula && method !== 'manual') throw new UsageError(`mangler --formula / missing --formula (metode / method ${method})`);
  const controls = listValue(args, 'controls');
  const years = yearsValue(args);
  const design = (args.values.get('design') ?? (years.length > 1 ? 'pooled' : 'single')) as (typeof DESIGNS)[number];
  const base: Partial<Record<keyof ModelEntry, unknown>> = {
    design,
    yearEffects: design === 'pooled',
    se: (args.values.get('se') ?? 'hc1') as ModelEntry['se'],
    sample: years.length ? { years } : null,
  };
  const spec = newSpec(`analyze costkey: ${formula ?? method}`);
  spec.data.sources = [tableSource('data', data, { unit, year: args.values.get('year') ?? null, name: args.values.get('name') ?? null })];
  spec.variables.population = population;
  const models: ModelEntry[] = [];
  const main = formula ? modelEntry(KEY_MODEL, formula, controls, base) : null;
  if (main) models.push(main);
  const criteria = main?.regressors ?? [];

  const ck = spec.costKey;
  ck.method = method;
  ck.modelId = main ? KEY_MODEL : null;
  ck.year = years.length ? Math.max(...years) : null;
  ck.dropped = listValue(args, 'drop');
  ck.yUnitNok = numberValue(args, 'y-unit-nok') ?? null;
  ck.alpha = numberValue(args, 'alpha') ?? ck.alpha;
  if (args.values.has('remainder')) ck.remainder = args.values.get('remainder') as CostKeySpec['remainder'];
  // Pooled over years: ŷ holds the year effect at the key year (default) or the base year.
  if (args.values.has('year-effect')) ck.yearEffect = args.values.get('year-effect') as CostKeySpec['yearEffect'];
  spec.redistribution.nationalPerCapita = numberValue(args, 'per-capita') ?? null;
  const replications = numberValue(args, 'bootstrap');
  const seed = numberValue(args, 'seed');
  if (seed !== undefined && replications === undefined) throw new UsageError('--seed gjelder --bootstrap / --seed applies to --bootstrap');
  if (replications !== undefined) {
    if (!(Number.isInteger(replications) && replications >= 50 && replications <= 20000)) throw new UsageError('--bootstrap: et heltall 50–20000 / an integer 50–20000');
    if (seed !== undefined && !(Number.isInteger(seed) && seed >= 0)) throw new UsageError('--seed: et heltall ≥ 0 / an integer ≥ 0');
    if (method !== 'coefficient' && method !== 'sub-function')
      throw new UsageError('--bootstrap gjelder en nøkkel fra en modell (metode A eller C) / --bootstrap applies to a key from a model (method A or C)');
    spec.keyUncertainty = { enabled: true, replications, seed: seed ?? 1 };
  }

  // Options of one method are refused with another: they would change nothing, silently.
  const only: Record<string, CostKeySpec['method']> = {
    remainder: 'coefficient',
    importance: 'explained-variance',
    r2: 'explained-variance',
    target: 'explained-variance',
    rounding: 'explained-variance',
    'sub-formula': 'sub-function',
    total: 'sub-function',
    weights: 'manual',
    preset: 'manual',
  };
  for (const [option, m] of Object.entries(only))
    if (args.values.has(option) && m !== method && !(option === 'remainder' && args.values.has('current-formula')))
      throw new UsageError(`--${option} gjelder --method ${m} / --${option} applies to --method ${m}`);

  if (method === 'explained-variance') {
    if (args.values.has('importance')) ck.importance = args.values.get('importance') as CostKeySpec['importance'];
    if (args.values.has('r2')) ck.useAdjusted = args.values.get('r2') === 'adjusted';
    ck.target = args.values.get('target') ?? null;
    ck.rounding = numberValue(args, 'rounding') ?? null;
  } else if (method === 'sub-function') {
    const sub = modelEntry(SUB_MODEL, required(args, 'sub-formula'), controls, base);
    models.push(sub);
    ck.subFunction = { modelId: SUB_MODEL, functionVariable: sub.dependent, totalVariable: required(args, 'total') };
  } else if (method === 'manual') {
    const typed = args.values.has('weights') ? parseKeyString(required(args, 'weights')) : {};
    const presetId = args.values.get('preset');
    if (presetId) {
      const p = presetWeights(presetId, typed, 'preset');
      ck.presets = [{ id: presetId, label: p.label, source: p.source, weights: p.weights }];
      ck.manual = p.weights;
    } else {
      if (!args.values.has('weights')) throw new UsageError('mangler --weights eller --preset / missing --weights or --preset (metode / method manual)');
      ck.manual = keyOption(required(args, 'weights'), criteria, 'weights').weights;
    }
  }

  const currentText = args.values.get('current');
  const currentFormula = args.values.get('current-formula');
  if (currentText && currentFormula) throw new UsageError('bruk enten --current eller --current-formula / use either --current or --current-formula');
  if (currentText) {
    const c = keyOption(currentText, criteria, 'current');
    ck.current = { id: 'current', label: c.label, source: c.source, weights: c.weights };
  } else if (currentFormula) {
    models.push(modelEntry(CURRENT_MODEL, currentFormula, controls, base));
    ck.currentModelId = CURRENT_MODEL;
  } else {
    // The CLI's documented comparison: a flat per-capita key (index 1 for every unit).
    ck.current = { id: 'flat', label: 'Flat nøkkel per innbygger', source: 'analyze costkey', weights: { [BASIC]: 1 } };
  }
  spec.models.list = models;
  return { spec: checkedSpec(spec), files: { data } };
}

function regressionJson(res: ModelResult | undefined, year: number | null, se: string) {
  const fit = pickFit(res, year);
  if (!fit) return null;
  return {
    n: fit.n,
    k: fit.k,
    r2: fit.r2,
    adj_r2: fit.adjR2,
    se,
    coefficients: Object.fromEntries(fit.coefficients.map((c) => [c.name, { estimate: c.estimate, se: c.se, t: c.t, p: c.p }])),
  };
}

/** The JSON of `costkey --json` (shape documented in README.md), from the pipeline's results. */
export async function runCostKey(args: Args) {
  const { spec, files } = costKeySpecFromArgs(args);
  const { results } = await runAnalysis(spec, files, ['models', 'costKey', 'keyUncertainty']);
  const res = results.costKey!;
  const ck = spec.costKey;
  const failed = (id: string | null) => {
    const r = id ? results.models?.[id] : undefined;
    const f = r?.fits.find((x) => !x.outcome.ok)?.outcome;
    return f && !f.ok ? `${f.problem.message} / ${f.problem.messageEn}` : null;
  };
  if (!res.computed || !res.base || !res.outcome) {
    const why = failed(ck.modelId) ?? failed(ck.subFunction.modelId) ?? res.problems.map((p) => `${p.message} / ${p.messageEn}`).join('\n');
    throw new Error(why || 'nøkkelen kunne ikke beregnes / the key could not be computed');
  }
  const population = spec.variables.population;
  const named = (rec: KeyRecord): Record<string, number> =>
    Object.fromEntries([[population, rec[BASIC] ?? 0], ...[...new Set([...res.criteria, ...Object.keys(rec)])].filter((c) => c !== BASIC).map((c) => [c, rec[c] ?? 0])]);
  const base = res.base;
  const outcome = res.outcome;
  const withName = args.values.has('name');
  const proposed = ck.method === 'manual' ? res.proposed! : toKeyRecord(res.computed.criteria, res.computed.basic);
  const ku = spec.keyUncertainty.enabled ? results.keyUncertainty : undefined;
  if (ku && !ku.result) throw new Error(ku.problems.map((p) => `${p.message} / ${p.messageEn}`).join('\n') || 'bootstrap: ingen resultater / no results');
  const boot = ku?.result ?? null;
  return {
    method: res.method,
    year: res.year,
    weights: named(proposed),
    weights_sum: res.computed.sum,
    weights_current: args.values.has('current') || args.values.has('current-formula') ? (res.current ? named(res.current) : null) : null,
    national: res.national,
    yhat_national: res.computed.yhatNational ?? null,
    year_effect: res.computed.yearEffect ? { at: res.computed.yearEffect.at, year: res.computed.yearEffect.year, base_year: res.computed.yearEffect.baseYear, value: res.computed.yearEffect.value } : null,
    y_obs_national: res.yObsNational,
    per_capita_nok: base.perCapitaNok,
    population_total: base.prep.populationTotal,
    regression: ck.method === 'manual' ? null : regressionJson(results.models?.[KEY_MODEL], res.year, spec.models.list[0]?.se ?? 'hc1'),
    bootstrap: boot && {
      replications: boot.B,
      valid: boot.valid,
      failed: boot.failed,
      seed: boot.seed,
      method: 'cluster bootstrap over units; percentile intervals (R type 7)',
      model: ku?.modelLabel ?? null,
      clusters: boot.nClusters,
      identities: boot.identities,
      weights: Object.fromEntries(
        boot.weights.map((w) => [
          w.name === BASIC ? population : w.name,
          { estimate: w.estimate, ci90: [w.low90, w.high90], ci95: [w.low95, w.high95], same_sign_share: w.sameSign },
        ]),
      ),
    },
    checks: outcome.checks,
    units: base.prep.units.map((u, i) => ({
      unit: u,
      ...(withName ? { name: base.names[i] } : {}),
      population: base.prep.population[i],
      index: outcome.index[i],
      need_per_capita: outcome.needPerCapita[i],
      amount: outcome.amount[i],
      index_current: base.indexCurrent[i],
      amount_current: outcome.amountCurrent[i],
      change: outcome.change[i],
      change_per_capita: outcome.changePerCapita[i],
      ...(boot
        ? {
            change_per_capita_ci90: [boot.low90[i], boot.high90[i]],
            change_per_capita_ci95: [boot.low95[i], boot.high95[i]],
            share_loss: boot.shareLoss[i],
            share_gain: boot.shareGain[i],
            sign_uncertain: boot.signUncertain[i] === 1,
          }
        : {}),
    })),
    problems: res.problems,
  };
}

export const costKeyCommand = defineCommand({
  name: 'costkey',
  summary: 'Kostnadsnøkkel (metode A–D): vekter, indeks og omfordeling / cost key (methods A–D): weights, index and redistribution',
  options: OPTIONS,
  async run(args: Args): Promise<number> {
    if (args.flags.has('print-spec')) return printSpec(costKeySpecFromArgs(args).spec);
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
});
