/**
 * Total-key stage (view «Samlet nøkkel»): resolves each sector's index source from the spec and the
 * results of the cost-key stage — the proposed or today's key of this analysis, a saved preset, a key
 * computed by method A from a fitted model, an index column, or flat 1 — and hands them to the engine
 * (`totalKeyFromTable`), which computes sector indices, sector weights, the total index, need per
 * inhabitant, the change when the analysed sector's sub-key is replaced, and the identity checks.
 * It runs after the cost-key stage, so an edited cost key reaches the total key on the next worker run
 * (the live slider path stays in the cost-key views).
 */
import {
  coefficientWeights,
  fitCoefficients,
  keyData,
  toKeyRecord,
  totalKeyFromTable,
  yearEffectFor,
  normaliseRounding,
  sectorCoverage,
  sectorWeightPresets,
  type KeyRecord,
  type SectorIndexSource,
  type SectorInput,
} from '../../engine/costkey';
import { problem } from '../../engine/problem';
import type { Table } from '../../engine/table';
import type { AnalysisSpec } from '../../spec/schema';
import type { SectorSource } from '../../spec/sections/totalKey';
import type { ModelResult } from '../../engine/model/types';
import type { CostKeyResults } from '../../results/costKey';
import type { SectorSourceText, TotalKeyResults } from '../../results/totalKey';
import { pickFit } from './costkey';
import { defineStage } from './types';

/** The section, the saved keys and key settings of the cost-key section, the models, the population. */
function select(spec: AnalysisSpec) {
  const { presets, year, remainder, alpha, yearEffect } = spec.costKey;
  return { totalKey: spec.totalKey, costKey: { presets, year, remainder, alpha, yearEffect }, models: spec.models.list, population: spec.variables.population };
}
export type TotalKeyInput = ReturnType<typeof select>;
/** What resolving a key source reads (the scenarios stage resolves its keys the same way). */
export type KeySourceInput = Pick<TotalKeyInput, 'costKey' | 'models' | 'population'>;

function unresolved(code: string, nb: string, en: string): SectorIndexSource {
  return { kind: 'unresolved', problem: problem(code, nb, en) };
}

/** Method A key of a fitted model, national values over the model's own key-year sample. */
function modelKey(spec: KeySourceInput, table: Table, models: Record<string, ModelResult> | undefined, modelId: string, year: number | null, label: string): SectorIndexSource {
  const entry = spec.models.find((m) => m.id === modelId);
  if (!entry) return unresolved('unknown-model', `Modellen «${modelId}» for sektoren «${label}» finnes ikke.`, `Model "${modelId}" of sector "${label}" does not exist.`);
  const fit = pickFit(models?.[modelId], year);
  if (!fit) return unresolved('model-not-fitted', `Modellen «${entry.label}» for sektoren «${label}» er ikke estimert.`, `Model "${entry.label}" of sector "${label}" has not been fitted.`);
  const criteria = entry.regressors.filter((r) => !entry.controls.includes(r));
  const data = keyData(table, {
    unit: table.unit ?? 'kommune',
    unitName: table.unitName,
    population: spec.population,
    yearColumn: table.year,
    year,
    criteria,
    controls: entry.controls,
    dependent: null,
  });
  if (!('prep' in data)) return { kind: 'unresolved', problem: data.problems[0] };
  const w = coefficientWeights({ criteria, controls: entry.controls, ...fitCoefficients(fit), national: data.national, remainder: spec.costKey.remainder, dropped: [], alpha: spec.costKey.alpha, yearEffect: yearEffectFor(fit, data.year, spec.costKey.yearEffect) });
  return { kind: 'key', key: toKeyRecord(w.criteria, w.basic) };
}

export function resolveSource(
  src: SectorSource,
  label: string,
  spec: KeySourceInput,
  table: Table,
  costKey: CostKeyResults | undefined,
  models: Record<string, ModelResult> | undefined,
  year: number | null,
): { source: SectorIndexSource; text: SectorSourceText } {
  const key = (k: KeyRecord | null | undefined, nb: string, en: string, missingNb: string, missingEn: string) =>
    k ? { source: { kind: 'key' as const, key: k }, text: { nb, en } } : { source: unresolved('no-key', missingNb, missingEn), text: { nb, en } };
  switch (src.kind) {
    case 'proposed': {
      const m = costKey?.modelLabel;
      return key(
        costKey?.proposed,
        m ? `Foreslått nøkkel (modell «${m}»)` : 'Foreslått nøkkel',
        m ? `Proposed key (model "${m}")` : 'Proposed key',
        `Sektoren «${label}» bruker analysens foreslåtte nøkkel, men den finnes ikke ennå. Velg metode og modell under Kostnadsnøkkel.`,
        `Sector "${label}" uses the analysis's proposed key, which does not exist yet. Choose a method and a model under Cost key.`,
      );
    }
    case 'current': {
      // Says where today's key comes from (published, saved, computed from a model …) wherever it is used.
      const c = costKey?.currentText;
      return key(
        costKey?.current,
        c ? `Dagens nøkkel: ${c.nb}` : 'Dagens nøkkel',
        c ? `Current key: ${c.en}` : 'Current key',
        `Sektoren «${label}» bruker analysens dagens nøkkel, men den finnes ikke ennå.`,
        `Sector "${label}" uses the analysis's current key, which does not exist yet.`,
      );
    }
    case 'preset': {
      const p = spec.costKey.presets.find((x) => x.id === src.presetId);
      return key(
        p ? normaliseRounding(p.weights).key : null,
        p ? `Lagret nøkkel «${p.label}»${p.source ? ` (${p.source})` : ''}` : `Lagret nøkkel «${src.presetId}»`,
        p ? `Saved key "${p.label}"${p.source ? ` (${p.source})` : ''}` : `Saved key "${src.presetId}"`,
        `Den lagrede nøkkelen «${src.presetId}» for sektoren «${label}» finnes ikke.`,
        `Saved key "${src.presetId}" of sector "${label}" does not exist.`,
      );
    }
    case 'model': {
      const entry = spec.models.find((m) => m.id === src.modelId);
      const name = entry?.label ?? src.modelId;
      return { source: modelKey(spec, table, models, src.modelId, year, label), text: { nb: `Nøkkel beregnet fra modellen «${name}» (metode A) – ikke en publisert nøkkel`, en: `Key computed from the model "${name}" (method A) – not a published key` } };
    }
    case 'index': {
      if (!src.variable)
        return {
          source: unresolved('no-index-variable', `Velg indeksvariabel for sektoren «${label}».`, `Choose the index variable of sector "${label}".`),
          text: { nb: 'Indeks i dataene (ikke valgt)', en: 'Index in the data (not chosen)' },
        };
      const lab = table.columns.get(src.variable)?.label ?? src.variable;
      const r = src.rescale ? { nb: ', skalert til gjennomsnitt 1', en: ', rescaled to mean 1' } : { nb: '', en: '' };
      return { source: { kind: 'index', variable: src.variable, rescale: src.rescale }, text: { nb: `Indeks i dataene: «${lab}»${r.nb}`, en: `Index in the data: "${lab}"${r.en}` } };
    }
    case 'flat':
      return { source: { kind: 'flat' }, text: { nb: 'Ikke modellert (indeks 1 for alle)', en: 'Not modelled (index 1 for all)' } };
  }
}

/** The total-key stage on a whole spec (tests, CLI): the same selection the pipeline hands the stage. */
export function runTotalKey(spec: AnalysisSpec, table: Table, costKey: CostKeyResults | undefined, models: Record<string, ModelResult> | undefined): TotalKeyResults {
  return totalKeyFrom(select(spec), table, costKey, models);
}

function totalKeyFrom(spec: TotalKeyInput, table: Table, costKey: CostKeyResults | undefined, models: Record<string, ModelResult> | undefined): TotalKeyResults {
  const t = spec.totalKey;
  if (t.sectors.length === 0) return { configured: false, result: null, sources: [], coverage: null };
  const year = spec.costKey.year ?? costKey?.year ?? null;
  const sources: TotalKeyResults['sources'] = [];
  const sectors: SectorInput[] = t.sectors.map((s) => {
    const a = resolveSource(s.source, s.label, spec, table, costKey, models, year);
    const b = s.compareWith ? resolveSource(s.compareWith, s.label, spec, table, costKey, models, year) : null;
    sources.push({ id: s.id, source: a.text, compareWith: b?.text ?? null });
    return {
      id: s.id,
      label: s.label,
      source: a.source,
      compareWith: b?.source ?? null,
      // A spending variable not chosen yet counts as «not given» (the engine then asks for it).
      spending:
        s.spending.kind === 'variable'
          ? s.spending.variable
            ? { kind: 'variable', variable: s.spending.variable, unitNok: s.spending.unitNok }
            : { kind: 'none' }
          : s.spending,
      weight: s.weight,
    };
  });
  const result = totalKeyFromTable(table, {
    unit: table.unit ?? 'kommune',
    unitName: table.unitName,
    population: spec.population,
    yearColumn: table.year,
    year,
    sectors,
    weightMode: t.weightMode,
    perCapita: t.perCapita,
  });
  // A total key of fewer sectors than the real one spreads the sector weights over those alone
  // (barnevern ≈ 0,49 instead of ≈ 0,04): say which sectors are missing and what it does.
  const preset = sectorWeightPresets[0];
  const cov = result && preset ? sectorCoverage(result.sectors.map((x) => ({ id: x.id, label: x.label, weight: x.weight })), preset) : null;
  const coverage = cov && cov.missing.length > 0 && cov.sectors.some((x) => x.realWeight !== null) ? cov : null;
  return { configured: true, result, sources, coverage };
}

export const totalKeyStage = defineStage({
  key: 'totalKey',
  select,
  // The cost-key and model results it reads re-run it when they change (the pipeline tracks them).
  run: (ctx) => totalKeyFrom(ctx.input, ctx.table, ctx.results.costKey, ctx.results.models),
});
