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
  allowedChoices,
  normaliseRounding,
  publishedKeyFor,
  sectorOfFunctions,
  type KeyPreset,
  flaggedCriteria,
  zeroAndRenormalise,
  type CriterionChoice,
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
import type { CostKeyResults, FlaggedKeyCriterion } from '../../results/costKey';
import { fitEntry } from './models';
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
    // The KOSTRA functions of the dependent's expenditure definition pick the published key.
    expenditure: spec.variables.expenditure,
    redistribution: spec.redistribution,
    lmg: ck.method === 'explained-variance' ? { exactMax: ex.lmgExactMax, samples: ex.lmgSamples, seed: ex.lmgSeed } : null,
  };
}
export type CostKeyInput = ReturnType<typeof select>;

const KOSTRA_COLUMNS = ['kostragruppe', 'kostra_gruppe', 'kostra_group'];

const NO_CURRENT = { nb: 'ingen dagens nøkkel – lik fordeling per innbygger', en: 'no current key – the same amount per inhabitant' };

/**
 * The published key of the sector the key model's dependent belongs to (from the KOSTRA functions of
 * its expenditure definition), with the user's variable mapping if the preset was added and mapped,
 * or a problem naming the criteria the data lack.
 */
function publishedCurrent(input: CostKeyInput, dependent: string | null, table: Table): { preset: KeyPreset; weights: KeyRecord } | { problem: Problem } | null {
  const def = dependent ? input.expenditure.find((e) => e.id === dependent) : undefined;
  const sector = def ? sectorOfFunctions(def.functions) : null;
  const preset = sector ? publishedKeyFor(sector) : null;
  if (!preset) return null;
  const weights = input.costKey.presets.find((p) => p.id === preset.id)?.weights ?? preset.weights;
  const lacking = Object.keys(weights).filter((c) => c !== BASIC && weights[c] !== 0 && !getNumeric(table, c));
  if (lacking.length === 0) return { preset, weights };
  const names = (lang: 'nb' | 'en') => lacking.map((c) => `«${preset.criteria[c]?.[lang] ?? c}» (${c})`).join(', ');
  return {
    problem: problem(
      'published-key-incomplete',
      `Den publiserte nøkkelen «${preset.label.nb}» kan ikke brukes som dagens nøkkel: dataene mangler ${names('nb')}. Lag kriteriene under Variabler eller koble dem til variabler under Forhåndsvalg, eller velg dagens nøkkel selv.`,
      `The published key "${preset.label.en}" cannot be used as today's key: the data lack ${names('en')}. Build the criteria under Variables or map them to variables under Presets, or choose today's key yourself.`,
      { variables: lacking },
      'warning',
    ),
  };
}

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
    currentKind: 'none',
    currentText: NO_CURRENT,
    base: null,
    outcome: null,
    candidates: [],
    flags: [],
    choices: allowedChoices(ck.method),
    currentFlags: [],
    refitted: [],
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
  // Criteria the user dropped from the model: it is estimated again without them (methods A and B).
  const refit = new Set(allowedChoices(ck.method).includes('refit') ? ck.refit : []);
  const allCriteria = entry ? entry.regressors.filter((r) => !entry.controls.includes(r)) : manualCriteria;
  const criteria = allCriteria.filter((c) => !refit.has(c));
  const controls = entry?.controls ?? [];
  const dependent = entry?.dependent ?? null;
  const ownRes = ck.modelId ? models?.[ck.modelId] : undefined;
  const keyEntry = entry && refit.size > 0 ? { ...entry, id: `${entry.id}:uten`, regressors: entry.regressors.filter((r) => !refit.has(r)) } : entry;
  const res = keyEntry && keyEntry !== entry ? fitEntry(table, keyEntry) : ownRes;
  const year = ck.year ?? (res ? (pickFit(res, null)?.years.at(-1) ?? null) : null);
  // Today's key from a model: its criteria and controls join the key data so both keys share one
  // sample and one set of national values.
  const currentEntry = !ck.current && ck.currentModelId ? (input.models.find((m) => m.id === ck.currentModelId) ?? null) : null;
  const currentCriteria = currentEntry ? currentEntry.regressors.filter((r) => !currentEntry.controls.includes(r)) : [];
  const keyCriteria = [...allCriteria, ...currentCriteria.filter((c) => !allCriteria.includes(c))];
  for (const c of fixedKeyCriteria(ck, table, problems)) if (!keyCriteria.includes(c)) keyCriteria.push(c);
  // Nothing chosen as today's key: the published key of the sector, where one exists.
  const pub = !ck.current && !ck.currentModelId ? publishedCurrent(input, dependent, table) : null;
  if (pub && 'problem' in pub) problems.push(pub.problem);
  const published = pub && 'preset' in pub ? pub : null;
  if (published) for (const c of Object.keys(published.weights)) if (c !== BASIC && !keyCriteria.includes(c)) keyCriteria.push(c);
  const keyControls = [...controls, ...(currentEntry?.controls ?? []).filter((c) => !controls.includes(c))];
  const data = keyData(table, { unit, unitName: table.unitName, population: input.population, yearColumn: table.year, year, criteria: keyCriteria, controls: keyControls, dependent });
  if (!('prep' in data)) return empty(ck, data.problems);
  problems.push(...data.problems);

  let totalPerCapita: number | undefined;
  /** The weights of the chosen method from one fit of the key model, with some criteria set to zero. */
  const weightsOf = (e: ModelEntry | null, r: ModelResult | undefined, crit: string[], dropped: string[], report: boolean): WeightsResult | null => {
    const f = pickFit(r, data.year);
    const coef = f ? fitCoefficients(f) : null;
    if (ck.method === 'coefficient' && coef) {
      return coefficientWeights({ criteria: crit, controls, ...coef, national: data.national, remainder: ck.remainder, dropped, alpha: ck.alpha, yearEffect: f ? yearEffectFor(f, data.year, ck.yearEffect) : null });
    } else if (ck.method === 'explained-variance' && e && r && input.lmg) {
      const w = importanceWeights(table, e, r, ck, input.lmg, crit, coef?.p ?? {});
      if ('method' in w) return w;
      if (report) problems.push(w);
    } else if (ck.method === 'sub-function') {
      const sf = ck.subFunction;
      const sfFit = pickFit(sf.modelId ? models?.[sf.modelId] : undefined, data.year);
      const total = sf.totalVariable ? getNumeric(table, sf.totalVariable) : undefined;
      if (sfFit && total) {
        const perCapita = nationalMean(total.values, getNumeric(table, input.population)?.values ?? [], data.tableRows);
        if (report) totalPerCapita = perCapita;
        return subFunctionWeights({ criteria: crit, ...fitCoefficients(sfFit), national: data.national, totalPerCapita: perCapita, dropped, alpha: ck.alpha });
      }
      if (report) problems.push(problem('sub-function-incomplete', 'Velg delfunksjonsmodell og samlet utgift for metode C.', 'Choose the sub-function model and total spending for method C.'));
    } else if (ck.method === 'manual') {
      // «Set to zero» on a typed key re-normalises the others in proportion, so it still adds to one.
      const typed = ck.manual ?? {};
      return manualWeights(crit, dropped.length ? zeroAndRenormalise(typed, dropped) : typed, dropped);
    } else if (!f && report) {
      // Say why, when the model was refused (weights, collinearity …): the reason is the message.
      const refusal = r?.fits.find((x) => !x.outcome.ok)?.outcome;
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
    return null;
  };
  const computed = weightsOf(keyEntry, res, criteria, ck.dropped, true);
  if (computed) problems.push(...computed.warnings);
  // The flags come from the key as computed before any choice, so a criterion set to zero or dropped
  // from the model stays listed with its choice (and can be taken back).
  const choices = allowedChoices(ck.method);
  const unchosen = refit.size > 0 || ck.dropped.length > 0 ? weightsOf(entry, ownRes, allCriteria, [], false) : computed;
  const choiceOf = (c: string): CriterionChoice => (refit.has(c) ? 'refit' : ck.dropped.includes(c) ? 'zero' : 'keep');
  const flags: FlaggedKeyCriterion[] = unchosen
    ? flaggedCriteria(unchosen.criteria, ck.alpha).map((f) => ({ criterion: f.name, weight: f.weight, ...(f.p !== undefined ? { p: f.p } : {}), flags: f.flags, choice: choiceOf(f.name) }))
    : [];
  const edited = ck.manual !== null && ck.method !== 'manual';
  const proposed = ck.manual ?? (computed ? toKeyRecord(computed.criteria, computed.basic) : null);
  // Without a chosen current key, changes are measured against the computed key, so an edit shows
  // exactly what it moves; with neither, against a flat per-capita key (index 1).
  const computedKey = computed && ck.method !== 'manual' ? toKeyRecord(computed.criteria, computed.basic) : null;
  let currentFromModel: KeyRecord | null = null;
  let currentFlags: FlaggedKeyCriterion[] = [];
  if (currentEntry) {
    const currentFit = pickFit(models?.[currentEntry.id], data.year);
    if (currentFit) {
      const w = coefficientWeights({ criteria: currentCriteria, controls: currentEntry.controls, ...fitCoefficients(currentFit), national: data.national, remainder: ck.remainder, dropped: [], alpha: ck.alpha, yearEffect: yearEffectFor(currentFit, data.year, ck.yearEffect) });
      currentFromModel = toKeyRecord(w.criteria, w.basic);
      currentFlags = flaggedCriteria(w.criteria, ck.alpha).map((f) => ({ criterion: f.name, weight: f.weight, ...(f.p !== undefined ? { p: f.p } : {}), flags: f.flags, choice: 'keep' as const }));
    } else
      problems.push(problem('current-model-not-fitted', `Modellen for dagens nøkkel («${currentEntry.label}») er ikke estimert.`, `The model of today's key ("${currentEntry.label}") has not been fitted.`, { model: currentEntry.id }, 'warning'));
  }
  // Fixed keys are used as their source gives them, divided by their sum when that is off by rounding only.
  const saved = ck.current ? normaliseRounding(ck.current.weights).key : null;
  const publishedKey = published ? normaliseRounding(published.weights).key : null;
  const current = saved ?? currentFromModel ?? publishedKey ?? computedKey;
  const currentLabel = ck.current?.label ?? (currentFromModel ? currentEntry!.label : published ? published.preset.label.nb : computedKey ? 'Beregnet nøkkel' : null);
  const currentKind: CostKeyResults['currentKind'] = saved ? 'saved' : currentFromModel ? 'model' : publishedKey ? 'published' : computedKey ? 'computed' : 'none';
  const currentText = {
    saved: () => ({ nb: `«${ck.current!.label}»${ck.current!.source ? ` (kilde: ${ck.current!.source})` : ''}`, en: `"${ck.current!.label}"${ck.current!.source ? ` (source: ${ck.current!.source})` : ''}` }),
    model: () => ({
      nb: `beregnet fra modellen «${currentEntry!.label}» (metode A) – ikke en publisert nøkkel`,
      en: `computed from the model "${currentEntry!.label}" (method A) – not a published key`,
    }),
    published: () => ({
      nb: `publisert nøkkel «${published!.preset.label.nb}» (kilde: ${published!.preset.source})`,
      en: `published key "${published!.preset.label.en}" (source: ${published!.preset.source})`,
    }),
    computed: () => ({
      nb: 'ingen dagens nøkkel valgt – endringene måles mot den beregnede nøkkelen',
      en: 'no current key chosen – changes are measured against the computed key',
    }),
    none: () => NO_CURRENT,
  }[currentKind]();
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
  for (const p of ck.presets) candidateList.push({ id: p.id, label: p.label, source: p.source, key: normaliseRounding(p.weights).key });
  const candidates = candidateList.map((c) => {
    const o = evaluateOnBase(base, c.key, 1);
    return { ...c, sumOk: o.sumOk, change: o.change, changePerCapita: o.changePerCapita };
  });
  const labels: Record<string, string> = {};
  for (const c of keyCriteria) labels[c] = table.columns.get(c)?.label ?? c;
  // A criterion dropped from the model keeps its row (weight 0) so the choice can be taken back.
  const shownCriteria = [...criteria, ...allCriteria.filter((c) => refit.has(c))];
  return {
    problems,
    method: ck.method,
    modelId: ck.modelId,
    modelLabel: entry?.label ?? null,
    dependent,
    year: data.year,
    criteria: shownCriteria,
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
    currentKind,
    currentText,
    base,
    outcome,
    candidates,
    flags,
    choices,
    currentFlags,
    refitted: [...refit],
  };
}

export const costKeyStage = defineStage({
  key: 'costKey',
  select,
  run: (ctx) => costKeyFrom(ctx.input, ctx.table, ctx.results.models),
});
