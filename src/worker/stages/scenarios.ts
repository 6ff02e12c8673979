/**
 * Scenarios stage: up to five named candidate keys, each evaluated against the key in
 * force with the one key evaluation (`evaluateOnBase` through `scenarioOutcome`). A scenario's key is
 * resolved as a sector source of the total key is (`resolveSource`: key in force, proposed key, saved
 * key, method A key of a model) or taken as typed. All scenarios share one base: the cost key's own
 * (same municipalities, U and key in force as Omfordeling) when their criteria are all in it, else the
 * same key year with the extra criteria joined — the municipalities lacking one of them are then left
 * out of the comparison and counted in a message.
 */
import {
  BASIC,
  keyData,
  makeKeyBase,
  scenarioOutcome,
  signDiffers,
  signTolerance,
  type GroupKind,
  type KeyBase,
  type KeyRecord,
} from '../../engine/costkey';
import type { ModelResult } from '../../engine/model/types';
import { problem, type Problem } from '../../engine/problem';
import { getNumeric, type Table } from '../../engine/table';
import type { AnalysisSpec } from '../../spec/schema';
import type { Scenario } from '../../spec/sections/scenarios';
import type { CostKeyResults } from '../../results/costKey';
import type { ScenarioResult, ScenariosResults } from '../../results/scenarios';
import type { SectorSourceText } from '../../results/totalKey';
import { resolveSource } from './totalKey';
import { defineStage } from './types';

/** Without scenarios the stage reads nothing else (and no result section): no re-run for other edits. */
function select(spec: AnalysisSpec) {
  const list = spec.scenarios.list;
  if (!list.length) return { scenarios: list, costKey: null, models: [], population: '' };
  const { presets, year, remainder, alpha, yearEffect } = spec.costKey;
  return { scenarios: list, costKey: { presets, year, remainder, alpha, yearEffect }, models: spec.models.list, population: spec.variables.population };
}
export type ScenariosInput = ReturnType<typeof select>;

const NO_GROUPS: Record<GroupKind, string[] | null> = { 'size-class': null, county: null, 'kostra-group': null };

function emptyResults(configured: boolean, problems: Problem[]): ScenariosResults {
  return {
    configured,
    reference: { label: null, flat: true },
    year: null,
    perCapitaNok: NaN,
    units: [],
    names: [],
    population: new Float64Array(0),
    indexCurrent: new Float64Array(0),
    groups: NO_GROUPS,
    scenarios: [],
    signDiffers: new Uint8Array(0),
    signTolerance: 0,
    problems,
  };
}

function typedText(source: string): SectorSourceText {
  return source ? { nb: `Vekter skrevet inn (${source})`, en: `Typed weights (${source})` } : { nb: 'Vekter skrevet inn', en: 'Typed weights' };
}

/** A scenario's key, or why there is none. */
function scenarioKey(
  s: Scenario,
  input: ScenariosInput & { costKey: NonNullable<ScenariosInput['costKey']> },
  table: Table,
  costKey: CostKeyResults,
  models: Record<string, ModelResult> | undefined,
): { key: KeyRecord | null; text: SectorSourceText; problems: Problem[] } {
  if (s.source.kind === 'weights') {
    const text = typedText(s.source.source);
    const unfilled = Object.entries(s.source.weights).filter(([, w]) => !Number.isFinite(w)).map(([c]) => c);
    if (unfilled.length)
      return {
        key: null,
        text,
        problems: [problem('scenario-weight-missing', `Scenarioet «${s.label}» mangler vekt for ${unfilled.join(', ')}.`, `Scenario "${s.label}" has no weight for ${unfilled.join(', ')}.`)],
      };
    return { key: s.source.weights, text, problems: [] };
  }
  const r = resolveSource(s.source, s.label, input, table, costKey, models, costKey.year);
  const text = r.text;
  if (r.source.kind === 'key') return { key: r.source.key, text, problems: [] };
  if (r.source.kind === 'unresolved') return { key: null, text, problems: [r.source.problem] };
  return { key: null, text, problems: [] };
}

/** Criteria of a key that carry weight, and those the data lack. */
function keyCriteria(key: KeyRecord, table: Table): { used: string[]; missing: string[] } {
  const used: string[] = [];
  const missing: string[] = [];
  for (const [c, w] of Object.entries(key)) {
    if (c === BASIC || w === 0) continue;
    if (getNumeric(table, c)) used.push(c);
    else missing.push(c);
  }
  return { used, missing };
}

/** The cost key's base, or one with extra criteria joined (same year, U and key in force). The groups
 *  are the cost key's, looked up by unit: the extra criteria can only leave units out, never add. */
function sharedBase(costKey: CostKeyResults & { base: KeyBase }, extra: string[], table: Table, population: string): { base: KeyBase; problems: Problem[] } {
  const ck = costKey.base;
  if (!extra.length) return { base: ck, problems: [] };
  const data = keyData(table, { unit: table.unit ?? 'kommune', unitName: table.unitName, population, yearColumn: table.year, year: costKey.year, criteria: [...ck.prep.criteria, ...extra] });
  if (!('prep' in data)) return { base: ck, problems: data.problems };
  const pos = new Map(ck.prep.units.map((u, i) => [u, i]));
  const groups = { ...NO_GROUPS };
  for (const g of Object.keys(groups) as GroupKind[]) {
    const src = ck.groups[g];
    groups[g] = src ? data.prep.units.map((u) => src[pos.get(u) ?? -1] ?? '') : null;
  }
  const problems: Problem[] = [];
  const left = ck.prep.units.length - data.prep.units.length;
  if (left > 0)
    problems.push(
      problem(
        'scenario-units-left-out',
        `${left} kommuner mangler verdi for et kriterium som bare scenarioene bruker (${extra.join(', ')}), og er ikke med i sammenligningen av scenarioer.`,
        `${left} municipalities have no value for a criterion only the scenarios use (${extra.join(', ')}) and are not in the scenario comparison.`,
        undefined,
        'warning',
      ),
    );
  return { base: makeKeyBase(data.prep, data.names, ck.perCapitaNok, costKey.current, groups), problems };
}

/** The scenarios stage on a whole spec (tests, CLI): the same selection the pipeline hands the stage. */
export function runScenarios(spec: AnalysisSpec, table: Table, costKey: CostKeyResults | undefined, models: Record<string, ModelResult> | undefined): ScenariosResults {
  return scenariosFrom(select(spec), table, costKey, models);
}

function scenariosFrom(input: ScenariosInput, table: Table, costKey: CostKeyResults | undefined, models: Record<string, ModelResult> | undefined): ScenariosResults {
  const sel = input.costKey;
  if (!input.scenarios.length || !sel) return emptyResults(false, []);
  if (!costKey?.base)
    return emptyResults(true, [
      problem(
        'scenarios-no-key-data',
        'Scenarioene sammenlignes med dagens nøkkel på kostnadsnøkkelens data: velg modell og metode under Kostnadsnøkkel først.',
        'Scenarios are compared with the key in force on the cost key’s data: choose a model and method under Cost key first.',
      ),
    ]);
  const ck = costKey as CostKeyResults & { base: KeyBase };
  const resolved = input.scenarios.map((s) => ({ s, ...scenarioKey(s, { ...input, costKey: sel }, table, ck, models) }));
  const inBase = new Set(ck.base.prep.criteria);
  const extra: string[] = [];
  for (const r of resolved) {
    if (!r.key) continue;
    const { used, missing } = keyCriteria(r.key, table);
    if (missing.length) {
      r.problems.push(
        problem(
          'scenario-criterion-missing',
          `Scenarioet «${r.s.label}» bruker ${missing.map((c) => `«${c}»`).join(', ')}, som ikke finnes i dataene.`,
          `Scenario "${r.s.label}" uses ${missing.map((c) => `"${c}"`).join(', ')}, which the data lack.`,
        ),
      );
      r.key = null;
      continue;
    }
    for (const c of used) if (!inBase.has(c) && !extra.includes(c)) extra.push(c);
  }
  const shared = sharedBase(ck, extra, table, input.population);
  const base = shared.base;
  const scenarios: ScenarioResult[] = resolved.map((r) => {
    const outcome = r.key ? scenarioOutcome(base, r.key) : null;
    const problems = [...r.problems];
    if (outcome && !outcome.sumOk)
      problems.push(
        problem('weights-sum', `Vektene i «${r.s.label}» summerer til ${outcome.sum.toFixed(4)}, ikke 1.`, `The weights of "${r.s.label}" add up to ${outcome.sum.toFixed(4)}, not 1.`),
      );
    return { id: r.s.id, label: r.s.label, source: r.text, outcome, problems };
  });
  const n = base.prep.units.length;
  const perCapita = scenarios.flatMap((s) => (s.outcome ? [s.outcome.changePerCapita] : []));
  return {
    configured: true,
    reference: { label: ck.current ? ck.currentLabel : null, flat: !ck.current },
    year: ck.year,
    perCapitaNok: base.perCapitaNok,
    units: base.prep.units,
    names: base.names,
    population: base.prep.population,
    indexCurrent: base.indexCurrent,
    groups: base.groups,
    scenarios,
    signDiffers: signDiffers(perCapita, n, signTolerance(base.perCapitaNok)),
    signTolerance: signTolerance(base.perCapitaNok),
    problems: shared.problems,
  };
}

export const scenariosStage = defineStage({
  key: 'scenarios',
  select,
  // The cost-key and model results it reads re-run it when they change (the pipeline tracks them);
  // without scenarios no result section is touched, so it follows nothing.
  run: (ctx) => (ctx.input.costKey ? scenariosFrom(ctx.input, ctx.table, ctx.results.costKey, ctx.results.models) : emptyResults(false, [])),
});
