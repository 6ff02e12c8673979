/**
 * Cost-key stage: weights by the chosen method (METHODS §3) from the fitted model in
 * ctx.results.models, the proposed key (the user's edited weights, else the computed ones), the
 * current key, and the redistribution of §4 for every municipality, plus candidate keys and the
 * district allocation. The `base` it returns lets the UI re-evaluate an edited weight vector with
 * one k×n pass (engine `evaluateOnBase`) without a round trip.
 */
import {
  BASIC,
  coefficientWeights,
  countyOf,
  districtChange,
  districtShares,
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
  type KeyBase,
  type KeyOutcome,
  type KeyRecord,
  type WeightsResult,
} from '../../engine/costkey';
import { buildCommonSample, isProblem } from '../../engine/importance/sample';
import { partialOut } from '../../engine/importance/partialOut';
import { relativeImportance } from '../../engine/importance/relimp';
import type { FitSuccess, ModelResult } from '../../engine/model/types';
import { problem, type Problem } from '../../engine/problem';
import { columnAsText, getNumeric, type Table } from '../../engine/table';
import type { AnalysisSpec } from '../../spec/schema';
import type { ModelEntry } from '../../spec/sections/models';
import type { Stage } from './types';

export interface CandidateKey {
  id: string;
  label: string;
  source: string;
  key: KeyRecord;
  sumOk: boolean;
  /** Change against the current key, kroner and kroner per inhabitant, per unit. */
  change: Float64Array;
  changePerCapita: Float64Array;
}

export interface DistrictResults {
  districts: string[];
  criteria: string[];
  keys: { id: string; label: string; source: string; shares: Float64Array }[];
  currentKeyId: string | null;
  proposedKeyId: string | null;
  budget: number;
  change: ReturnType<typeof districtChange> | null;
  problems: Problem[];
}

export interface CostKeyResults {
  problems: Problem[];
  method: AnalysisSpec['costKey']['method'];
  modelId: string | null;
  modelLabel: string | null;
  dependent: string | null;
  year: number | null;
  criteria: string[];
  /** Human labels of the criteria (variable labels), by name. */
  labels: Record<string, string>;
  national: Record<string, number>;
  yObsNational: number;
  yUnitNok: number;
  /** Weights as the method computes them (null without a usable model). */
  computed: WeightsResult | null;
  proposed: KeyRecord | null;
  /** Whether `proposed` is the user's edit (true) or the computed key. */
  edited: boolean;
  current: KeyRecord | null;
  currentLabel: string | null;
  base: KeyBase | null;
  outcome: KeyOutcome | null;
  candidates: CandidateKey[];
  district: DistrictResults | null;
}

const KOSTRA_COLUMNS = ['kostragruppe', 'kostra_gruppe', 'kostra_group'];

function empty(spec: AnalysisSpec, problems: Problem[]): CostKeyResults {
  return {
    problems,
    method: spec.costKey.method,
    modelId: spec.costKey.modelId,
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
    district: null,
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

function groupColumn(table: Table, spec: AnalysisSpec, rows: number[]): string[] | null {
  const def = spec.variables.groupings.find((g) => g.kind === 'column' && /kostra/i.test(`${g.id} ${g.label} ${g.column ?? ''}`));
  const name = def?.column ?? KOSTRA_COLUMNS.find((c) => table.columns.has(c));
  const text = name ? columnAsText(table, name) : undefined;
  return text ? rows.map((i) => text[i]) : null;
}

function importanceWeights(table: Table, entry: ModelEntry, res: ModelResult, spec: AnalysisSpec, criteria: string[], p: Record<string, number>): WeightsResult | Problem {
  const fits: FitSummary[] = [];
  const importance: Record<string, number>[] = [];
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
    const ri = relativeImportance(red, { exactMax: spec.explained.lmgExactMax, samples: spec.explained.lmgSamples, seed: 1 });
    if (isProblem(ri)) return ri;
    const values = spec.costKey.importance === 'lmg' ? ri.lmg : spec.costKey.importance === 'bivariate' ? ri.oneAtATimeIncrement : ri.lastIn;
    importance.push(Object.fromEntries(ri.criteria.map((c, j) => [c, values[j]])));
  }
  return explainedVarianceWeights({
    criteria,
    fits,
    useAdjusted: spec.costKey.useAdjusted,
    importance,
    target: spec.costKey.target ?? BASIC,
    rounding: spec.costKey.rounding,
    dropped: spec.costKey.dropped,
    p,
    alpha: spec.costKey.alpha,
  });
}

function computeDistrict(spec: AnalysisSpec): DistrictResults | null {
  const d = spec.district;
  const districts = Object.keys(d.counts);
  if (districts.length === 0 || d.keys.length === 0) return null;
  const criteria = [...new Set(districts.flatMap((x) => Object.keys(d.counts[x])))];
  const counts = new Float64Array(districts.length * criteria.length);
  districts.forEach((x, i) => criteria.forEach((c, j) => (counts[i * criteria.length + j] = d.counts[x][c] ?? 0)));
  const problems: Problem[] = [];
  const keys = d.keys.map((k) => {
    const r = districtShares({ districts, criteria, counts }, k.weights);
    problems.push(...r.problems.map((p) => ({ ...p, where: { ...p.where, model: k.id } })));
    return { id: k.id, label: k.label, source: k.source, shares: r.shares };
  });
  const cur = keys.find((k) => k.id === d.currentKeyId);
  const prop = keys.find((k) => k.id === d.proposedKeyId);
  return {
    districts,
    criteria,
    keys,
    currentKeyId: d.currentKeyId,
    proposedKeyId: d.proposedKeyId,
    budget: d.budget,
    change: cur && prop ? districtChange(cur.shares, prop.shares, d.budget, d.phaseInYears) : null,
    problems,
  };
}

/**
 * Criteria named by the fixed keys (today's key, presets, an edited key) join the key data, so those
 * keys are evaluated on the same sample and national values as the computed one. A criterion the data
 * lack would silently lose its weight in the index, so it is reported instead.
 */
function fixedKeyCriteria(ck: AnalysisSpec['costKey'], table: Table, problems: Problem[]): string[] {
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

export function runCostKey(spec: AnalysisSpec, table: Table, models: Record<string, ModelResult> | undefined): CostKeyResults {
  const ck = spec.costKey;
  const problems: Problem[] = [];
  const district = computeDistrict(spec);
  const entry = spec.models.list.find((m) => m.id === ck.modelId) ?? null;
  const manualCriteria = Object.keys(ck.manual ?? {}).filter((c) => c !== BASIC);
  if (!entry && !(ck.method === 'manual' && manualCriteria.length)) {
    if (ck.modelId) problems.push(problem('unknown-model', 'Modellen for nøkkelen finnes ikke.', 'The model of the key does not exist.', { model: ck.modelId }));
    return { ...empty(spec, problems), district };
  }
  const unit = table.unit ?? 'kommune';
  const criteria = entry ? entry.regressors.filter((r) => !entry.controls.includes(r)) : manualCriteria;
  const controls = entry?.controls ?? [];
  const dependent = entry?.dependent ?? null;
  const res = ck.modelId ? models?.[ck.modelId] : undefined;
  const year = ck.year ?? (res ? (pickFit(res, null)?.years.at(-1) ?? null) : null);
  // Today's key from a model: its criteria and controls join the key data so both keys share one
  // sample and one set of national values.
  const currentEntry = !ck.current && ck.currentModelId ? (spec.models.list.find((m) => m.id === ck.currentModelId) ?? null) : null;
  const currentCriteria = currentEntry ? currentEntry.regressors.filter((r) => !currentEntry.controls.includes(r)) : [];
  const keyCriteria = [...criteria, ...currentCriteria.filter((c) => !criteria.includes(c))];
  for (const c of fixedKeyCriteria(ck, table, problems)) if (!keyCriteria.includes(c)) keyCriteria.push(c);
  const keyControls = [...controls, ...(currentEntry?.controls ?? []).filter((c) => !controls.includes(c))];
  const data = keyData(table, { unit, unitName: table.unitName, population: spec.variables.population, yearColumn: table.year, year, criteria: keyCriteria, controls: keyControls, dependent });
  if (!('prep' in data)) return { ...empty(spec, data.problems), district };
  problems.push(...data.problems);

  const fit = pickFit(res, data.year);
  const coef = fit ? fitCoefficients(fit) : null;
  let computed: WeightsResult | null = null;
  if (ck.method === 'coefficient' && coef) {
    computed = coefficientWeights({ criteria, controls, ...coef, national: data.national, remainder: ck.remainder, dropped: ck.dropped, alpha: ck.alpha });
  } else if (ck.method === 'explained-variance' && entry && res) {
    const w = importanceWeights(table, entry, res, spec, criteria, coef?.p ?? {});
    if ('method' in w) computed = w;
    else problems.push(w);
  } else if (ck.method === 'sub-function') {
    const sf = spec.costKey.subFunction;
    const sfFit = pickFit(sf.modelId ? models?.[sf.modelId] : undefined, data.year);
    const total = sf.totalVariable ? getNumeric(table, sf.totalVariable) : undefined;
    if (sfFit && total) {
      const totalPerCapita = nationalMean(total.values, getNumeric(table, spec.variables.population)?.values ?? [], data.tableRows);
      computed = subFunctionWeights({ criteria, ...fitCoefficients(sfFit), national: data.national, totalPerCapita, dropped: ck.dropped, alpha: ck.alpha });
    } else
      problems.push(problem('sub-function-incomplete', 'Velg delfunksjonsmodell og samlet utgift for metode C.', 'Choose the sub-function model and total spending for method C.'));
  } else if (ck.method === 'manual') {
    computed = manualWeights(criteria, ck.manual ?? {}, ck.dropped);
  } else if (!fit) {
    problems.push(problem('model-not-fitted', 'Modellen for nøkkelen er ikke estimert.', 'The model of the key has not been fitted.', { model: ck.modelId ?? undefined }));
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
      const w = coefficientWeights({ criteria: currentCriteria, controls: currentEntry.controls, ...fitCoefficients(currentFit), national: data.national, remainder: ck.remainder, dropped: [], alpha: ck.alpha });
      currentFromModel = toKeyRecord(w.criteria, w.basic);
    } else
      problems.push(problem('current-model-not-fitted', `Modellen for dagens nøkkel («${currentEntry.label}») er ikke estimert.`, `The model of today's key ("${currentEntry.label}") has not been fitted.`, { model: currentEntry.id }, 'warning'));
  }
  const current = ck.current?.weights ?? currentFromModel ?? computedKey;
  const currentLabel = ck.current?.label ?? (currentFromModel ? currentEntry!.label : computedKey ? 'Beregnet nøkkel' : null);
  const yUnitNok = yUnitOf(table, dependent, ck.yUnitNok);
  const perCapitaNok = spec.redistribution.nationalPerCapita ?? data.yObsNational * yUnitNok;
  if (!Number.isFinite(perCapitaNok))
    problems.push(problem('no-national-spending', 'Nasjonal utgift per innbygger mangler; beløp kan ikke beregnes.', 'National spending per inhabitant is missing; amounts cannot be computed.', undefined, 'warning'));
  const sizeCol = getNumeric(table, 'size_class');
  const groups: Record<GroupKind, string[] | null> = {
    'size-class': sizeCol ? data.tableRows.map((i) => (sizeCol.missing[i] ? '' : String(sizeCol.values[i]))) : null,
    county: data.prep.units.map(countyOf),
    'kostra-group': groupColumn(table, spec, data.tableRows),
  };
  const base = makeKeyBase(data.prep, data.names, perCapitaNok, current, groups);
  const outcome = proposed ? evaluateOnBase(base, proposed, spec.redistribution.phaseInYears) : null;
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
    proposed,
    edited,
    current,
    currentLabel,
    base,
    outcome,
    candidates,
    district,
  };
}

export const costKeyStage: Stage<'costKey'> = {
  key: 'costKey',
  // The total key (`costKey.total`) is the next stage's business: editing it must not recompute this one.
  inputs: (spec) => [{ ...spec.costKey, total: null }, spec.redistribution, spec.district, spec.models.list, spec.variables.population, spec.variables.groupings, spec.explained.lmgExactMax],
  run: (ctx) => runCostKey(ctx.spec, ctx.table, ctx.results.models),
};
