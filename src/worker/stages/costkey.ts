/**
 * Cost-key stage: weights by the chosen method (docs/METHODS.md §7) from the fitted model in
 * ctx.results.models, the proposed key (the user's edited weights, else the computed ones), the
 * current key, the redistribution of §4 for every municipality (spec section `redistribution`) and
 * the candidate keys. The `base` it returns lets the UI re-evaluate an edited weight vector with
 * one k×n pass (engine `evaluateOnBase`) without a round trip. The district allocation is a stage
 * of its own (district.ts).
 */
import {
  BASIC,
  coefficientWeights,
  countyOf,
  evaluateOnBase,
  explainedVarianceWeights,
  fitCoefficients,
  keyData,
  makeKeyBase,
  manualWeights,
  nationalMean,
  subFunctionWeights,
  toKeyRecord,
  type FitSummary,
  type GroupKind,
  type KeyRecord,
  type WeightsResult,
  yearEffectFor,
} from '../../engine/costkey';
import { buildCommonSample, isProblem } from '../../engine/importance/sample';
import { partialOut } from '../../engine/importance/partialOut';
import { relativeImportance } from '../../engine/importance/relimp';
import type { FitSuccess, ModelResult } from '../../engine/model/types';
import { problem, type Problem } from '../../engine/problem';
import { columnAsText, getNumeric, type Table } from '../../engine/table';
import type { AnalysisSpec } from '../../spec/schema';
import type { ModelEntry } from '../../spec/sections/models';
import type { CostKeyResults } from '../../results/costKey';
import { defineStage } from './types';

/**
 * What the stage reads of the spec. Method B decomposes R² with the LMG settings of «Forklart
 * variasjon» (so both views give the same split); the other methods do not read them, so changing
 * them re-runs nothing here.
 */
function select(spec: AnalysisSpec) {
  const ck = spec.costKey;
  const ex = spec.explained;
  return {
    costKey: ck,
    models: spec.models.list,
    population: spec.variables.population,
    groupings: spec.variables.groupings,
    redistribution: spec.redistribution,
    lmg: ck.method === 'explained-variance' ? { exactMax: ex.lmgExactMax, samples: ex.lmgSamples, seed: ex.lmgSeed } : null,
  };
}
export type CostKeyInput = ReturnType<typeof select>;

const KOSTRA_COLUMNS = ['kostragruppe', 'kostra_gruppe', 'kostra_group'];

function empty(ck: CostKeyInput['costKey'], problems: Problem[]): CostKeyResults {
  return {
    problems,
    method: ck.method,
    modelId: ck.modelId,
    modelLabel: null,
    dependent: null,
    year: null,
    criteria: [],
    labels: {},
    national: {},
    yObsNational: NaN,
    yUnitNok: 1,
    computed: null,
    proposed: null,
    edited: false,
    current: null,
    currentLabel: null,
    base: null,
    outcome: null,
    candidates: [],
  };
}

/** The fit whose coefficients make the key: the key year's fit of a per-year model, else the one fit. */
export function pickFit(res: ModelResult | undefined, year: number | null): FitSuccess | null {
  if (!res) return null;
  const ok = res.fits.filter((f) => f.outcome.ok);
  const hit = ok.find((f) => year !== null && f.year === year) ?? ok[ok.length - 1];
  return hit && hit.outcome.ok ? hit.outcome : null;
}

function yUnitOf(table: Table, dependent: string | null, override: number | null): number {
  if (override) return override;
  const unit = dependent ? getNumeric(table, dependent)?.unit : undefined;
  return unit && /1\s?000/.test(unit) ? 1000 : 1;
}

function groupColumn(table: Table, groupings: CostKeyInput['groupings'], rows: number[]): string[] | null {
  const def = groupings.find((g) => g.kind === 'column' && /kostra/i.test(`${g.id} ${g.label} ${g.column ?? ''}`));
  const name = def?.column ?? KOSTRA_COLUMNS.find((c) => table.columns.has(c));
  const text = name ? columnAsText(table, name) : undefined;
  return text ? rows.map((i) => text[i]) : null;
}

function importanceWeights(
  table: Table,
  entry: ModelEntry,
  res: ModelResult,
  ck: CostKeyInput['costKey'],
  lmg: NonNullable<CostKeyInput['lmg']>,
  criteria: string[],
  p: Record<string, number>,
): WeightsResult | Problem {
  const fits: FitSummary[] = [];
  const importance: Record<string, number>[] = [];
  // A model refused as a whole (weights, collinearity …) gives no R² to split: its reason is the answer.
  const refused = res.fits.every((f) => !f.outcome.ok) ? res.fits[0]?.outcome : undefined;
  if (refused && !refused.ok) return refused.problem;
  if (res.fits.some((f) => f.outcome.ok && f.outcome.estimator)) {
    return problem(
      'explained-variance-ols',
      'Forklart-varians-metoden bygger på R², som bare minste kvadraters metode gir: velg en OLS-modell, eller koeffisientmetoden.',
      'The explained-variance method rests on R², which only least squares gives: choose an OLS model, or the coefficient method.',
      { model: entry.id },
    );
  }
  for (const f of res.fits) {
    if (!f.outcome.ok) continue;
    fits.push({ year: f.year, r2: f.outcome.r2, adjR2: f.outcome.adjR2 });
    // Per-year models decompose each year's cross-section; pooled/single models their own sample.
    const sample = f.year !== null ? { ...(entry.sample ?? {}), years: [f.year] } : entry.sample;
    const cs = buildCommonSample(table, {
      dependent: entry.dependent,
      criteria,
      controls: entry.controls,
      intercept: entry.intercept,
      yearEffects: entry.design === 'pooled' && entry.yearEffects,
      weights: entry.weights,
      sample,
    });
    if (isProblem(cs)) return cs;
    const red = partialOut(cs);
    if (isProblem(red)) return red;
    const ri = relativeImportance(red, lmg);
    if (isProblem(ri)) return ri;
    const values = ck.importance === 'lmg' ? ri.lmg : ck.importance === 'bivariate' ? ri.oneAtATimeIncrement : ri.lastIn;
    importance.push(Object.fromEntries(ri.criteria.map((c, j) => [c, values[j]])));
  }
  return explainedVarianceWeights({
    criteria,
    fits,
    useAdjusted: ck.useAdjusted,
    importance,
    target: ck.target ?? BASIC,
    rounding: ck.rounding,
    dropped: ck.dropped,
    p,
    alpha: ck.alpha,
  });
}

/**
 * Criteria named by the fixed keys (today's key, presets, an edited key) join the key data, so those
 * keys are evaluated on the same sample and national values as the computed one. A criterion the data
 * lack would silently lose its weight in the index, so it is reported instead.
 */
function fixedKeyCriteria(ck: CostKeyInput['costKey'], table: Table, problems: Problem[]): string[] {
  const keys = [
    ...(ck.current ? [{ label: ck.current.label, weights: ck.current.weights }] : []),
    ...ck.presets.map((p) => ({ label: p.label, weights: p.weights })),
    ...(ck.manual ? [{ label: 'Foreslått nøkkel', weights: ck.manual }] : []),
  ];
  const found: string[] = [];
  for (const k of keys) {
    for (const [name, w] of Object.entries(k.weights)) {
      if (name === BASIC || w === 0) continue;
      if (getNumeric(table, name)) {
        if (!found.includes(name)) found.push(name);
      } else
        problems.push(
          problem(
            'key-criterion-missing',
            `Nøkkelen «${k.label}» bruker kriteriet «${name}», som ikke finnes i dataene; vekten ${w} er ikke med i indeksen. Velg variabelen for kriteriet under Forhåndsvalg.`,
            `The key "${k.label}" uses the criterion "${name}", which is not in the data; its weight ${w} is not in the index. Choose the criterion's variable under Presets.`,
            undefined,
            'warning',
          ),
        );
    }
  }
  return found;
}

/** The cost-key stage on a whole spec (tests, CLI): the same selection the pipeline hands the stage. */
export function runCostKey(spec: AnalysisSpec, table: Table, models: Record<string, ModelResult> | undefined): CostKeyResults {
  return costKeyFrom(select(spec), table, models);
}

function costKeyFrom(input: CostKeyInput, table: Table, models: Record<string, ModelResult> | undefined): CostKeyResults {
  const ck = input.costKey;
  const problems: Problem[] = [];
  const entry = input.models.find((m) => m.id === ck.modelId) ?? null;
  const manualCriteria = Object.keys(ck.manual ?? {}).filter((c) => c !== BASIC);
  if (!entry && !(ck.method === 'manual' && manualCriteria.length)) {
    if (ck.modelId) problems.push(problem('unknown-model', 'Modellen for nøkkelen finnes ikke.', 'The model of the key does not exist.', { model: ck.modelId }));
    return empty(ck, problems);
  }
  const unit = table.unit ?? 'kommune';
  const criteria = entry ? entry.regressors.filter((r) => !entry.controls.includes(r)) : manualCriteria;
  const controls = entry?.controls ?? [];
  const dependent = entry?.dependent ?? null;
  const res = ck.modelId ? models?.[ck.modelId] : undefined;
  const year = ck.year ?? (res ? (pickFit(res, null)?.years.at(-1) ?? null) : null);
  // Today's key from a model: its criteria and controls join the key data so both keys share one
  // sample and one set of national values.
  const currentEntry = !ck.current && ck.currentModelId ? (input.models.find((m) => m.id === ck.currentModelId) ?? null) : null;
  const currentCriteria = currentEntry ? currentEntry.regressors.filter((r) => !currentEntry.controls.includes(r)) : [];
  const keyCriteria = [...criteria, ...currentCriteria.filter((c) => !criteria.includes(c))];
  for (const c of fixedKeyCriteria(ck, table, problems)) if (!keyCriteria.includes(c)) keyCriteria.push(c);
  const keyControls = [...controls, ...(currentEntry?.controls ?? []).filter((c) => !controls.includes(c))];
  const data = keyData(table, { unit, unitName: table.unitName, population: input.population, yearColumn: table.year, year, criteria: keyCriteria, controls: keyControls, dependent });
  if (!('prep' in data)) return empty(ck, data.problems);
  problems.push(...data.problems);

  const fit = pickFit(res, data.year);
  const coef = fit ? fitCoefficients(fit) : null;
  let computed: WeightsResult | null = null;
  let totalPerCapita: number | undefined;
  if (ck.method === 'coefficient' && coef) {
    computed = coefficientWeights({ criteria, controls, ...coef, national: data.national, remainder: ck.remainder, dropped: ck.dropped, alpha: ck.alpha, yearEffect: fit ? yearEffectFor(fit, data.year, ck.yearEffect) : null });
  } else if (ck.method === 'explained-variance' && entry && res && input.lmg) {
    const w = importanceWeights(table, entry, res, ck, input.lmg, criteria, coef?.p ?? {});
    if ('method' in w) computed = w;
    else problems.push(w);
  } else if (ck.method === 'sub-function') {
    const sf = ck.subFunction;
    const sfFit = pickFit(sf.modelId ? models?.[sf.modelId] : undefined, data.year);
    const total = sf.totalVariable ? getNumeric(table, sf.totalVariable) : undefined;
    if (sfFit && total) {
      totalPerCapita = nationalMean(total.values, getNumeric(table, input.population)?.values ?? [], data.tableRows);
      computed = subFunctionWeights({ criteria, ...fitCoefficients(sfFit), national: data.national, totalPerCapita, dropped: ck.dropped, alpha: ck.alpha });
    } else
      problems.push(problem('sub-function-incomplete', 'Velg delfunksjonsmodell og samlet utgift for metode C.', 'Choose the sub-function model and total spending for method C.'));
  } else if (ck.method === 'manual') {
    computed = manualWeights(criteria, ck.manual ?? {}, ck.dropped);
  } else if (!fit) {
    // Say why, when the model was refused (weights, collinearity …): the reason is the message.
    const refusal = res?.fits.find((f) => !f.outcome.ok)?.outcome;
    const why = refusal && !refusal.ok ? refusal.problem : null;
    problems.push(
      problem(
        'model-not-fitted',
        `Modellen for nøkkelen er ikke estimert${why ? `: ${why.message}` : '.'}`,
        `The model of the key has not been fitted${why ? `: ${why.messageEn}` : '.'}`,
        { ...why?.where, model: ck.modelId ?? undefined },
      ),
    );
  }
  if (computed) problems.push(...computed.warnings);

  const edited = ck.manual !== null && ck.method !== 'manual';
  const proposed = ck.manual ?? (computed ? toKeyRecord(computed.criteria, computed.basic) : null);
  // Without a chosen current key, changes are measured against the computed key, so an edit shows
  // exactly what it moves; with neither, against a flat per-capita key (index 1).
  const computedKey = computed && ck.method !== 'manual' ? toKeyRecord(computed.criteria, computed.basic) : null;
  let currentFromModel: KeyRecord | null = null;
  if (currentEntry) {
    const currentFit = pickFit(models?.[currentEntry.id], data.year);
    if (currentFit) {
      const w = coefficientWeights({ criteria: currentCriteria, controls: currentEntry.controls, ...fitCoefficients(currentFit), national: data.national, remainder: ck.remainder, dropped: [], alpha: ck.alpha, yearEffect: yearEffectFor(currentFit, data.year, ck.yearEffect) });
      currentFromModel = toKeyRecord(w.criteria, w.basic);
    } else
      problems.push(problem('current-model-not-fitted', `Modellen for dagens nøkkel («${currentEntry.label}») er ikke estimert.`, `The model of today's key ("${currentEntry.label}") has not been fitted.`, { model: currentEntry.id }, 'warning'));
  }
  const current = ck.current?.weights ?? currentFromModel ?? computedKey;
  const currentLabel = ck.current?.label ?? (currentFromModel ? currentEntry!.label : computedKey ? 'Beregnet nøkkel' : null);
  const yUnitNok = yUnitOf(table, dependent, ck.yUnitNok);
  const perCapitaNok = input.redistribution.nationalPerCapita ?? data.yObsNational * yUnitNok;
  if (!Number.isFinite(perCapitaNok))
    problems.push(problem('no-national-spending', 'Nasjonal utgift per innbygger mangler; beløp kan ikke beregnes.', 'National spending per inhabitant is missing; amounts cannot be computed.', undefined, 'warning'));
  const sizeCol = getNumeric(table, 'size_class');
  const groups: Record<GroupKind, string[] | null> = {
    'size-class': sizeCol ? data.tableRows.map((i) => (sizeCol.missing[i] ? '' : String(sizeCol.values[i]))) : null,
    county: data.prep.units.map(countyOf),
    'kostra-group': groupColumn(table, input.groupings, data.tableRows),
  };
  const base = makeKeyBase(data.prep, data.names, perCapitaNok, current, groups);
  const outcome = proposed ? evaluateOnBase(base, proposed, input.redistribution.phaseInYears) : null;
  if (outcome && !outcome.sumOk)
    problems.push(problem('weights-sum', `Vektene summerer til ${outcome.sum.toFixed(4)}, ikke 1.`, `The weights add up to ${outcome.sum.toFixed(4)}, not 1.`));

  const candidateList: { id: string; label: string; source: string; key: KeyRecord }[] = [];
  if (computed) candidateList.push({ id: '__computed__', label: 'Beregnet nøkkel', source: ck.method, key: toKeyRecord(computed.criteria, computed.basic) });
  if (edited && ck.manual) candidateList.push({ id: '__proposed__', label: 'Foreslått nøkkel', source: 'manual', key: ck.manual });
  for (const p of ck.presets) candidateList.push({ id: p.id, label: p.label, source: p.source, key: p.weights });
  const candidates = candidateList.map((c) => {
    const o = evaluateOnBase(base, c.key, 1);
    return { ...c, sumOk: o.sumOk, change: o.change, changePerCapita: o.changePerCapita };
  });
  const labels: Record<string, string> = {};
  for (const c of keyCriteria) labels[c] = table.columns.get(c)?.label ?? c;
  return {
    problems,
    method: ck.method,
    modelId: ck.modelId,
    modelLabel: entry?.label ?? null,
    dependent,
    year: data.year,
    criteria,
    labels,
    national: data.national,
    yObsNational: data.yObsNational,
    yUnitNok,
    computed,
    ...(totalPerCapita !== undefined ? { totalPerCapita } : {}),
    proposed,
    edited,
    current,
    currentLabel,
    base,
    outcome,
    candidates,
  };
}

export const costKeyStage = defineStage({
  key: 'costKey',
  select,
  run: (ctx) => costKeyFrom(ctx.input, ctx.table, ctx.results.models),
});
