/**
 * Running a recipe on the page: each item resolved against the API's metadata (recipes/resolve.ts),
 * the found ones fetched like any SSB query, then the variable definitions and the model added for
 * what arrived. On the synthetic demo the recipe starts a new, empty analysis — real and fictional
 * municipalities do not mix.
 */
import { problem, type Problem } from '../engine/problem';
import { emptySpec } from '../spec/schema';
import type { SourceSpec } from '../spec/sections/data';
import type { FetchProgress } from '../ssb/client';
import { alignYears, resolveItem, type ResolvedItem } from '../ssb/recipes/resolve';
import type { Found, Recipe } from '../ssb/recipes/types';
import { selectIsDemo, useAnalysisStore } from './analysisStore';
import { fetchingOff, fetchSsbSource, problemsOf, ssbClient } from './ssbActions';
import { useUiStore } from './uiStore';

export interface RecipeItemOutcome extends ResolvedItem {
  fetched: boolean;
  source: SourceSpec | null;
  problems: Problem[];
}

export interface RecipeOutcome {
  items: RecipeItemOutcome[];
  problems: Problem[];
  /** The recipe started a new analysis (the demo was loaded). */
  newAnalysis: boolean;
  cancelled: boolean;
}

function upsert<T extends { id: string }>(list: T[], items: T[] | undefined): T[] {
  const out = [...list];
  for (const it of items ?? []) {
    const i = out.findIndex((x) => x.id === it.id);
    if (i >= 0) out[i] = it;
    else out.push(it);
  }
  return out;
}

export async function runRecipe(
  recipe: Recipe,
  years: number,
  opts: { signal?: AbortSignal; onProgress?(p: FetchProgress): void; onItems?(items: RecipeItemOutcome[]): void } = {},
): Promise<RecipeOutcome> {
  const client = ssbClient();
  const empty: RecipeOutcome = { items: [], problems: [], newAnalysis: false, cancelled: false };
  if (!client) return { ...empty, problems: [fetchingOff()] };
  const items: RecipeItemOutcome[] = [];
  const report = () => opts.onItems?.([...items]);
  try {
    for (const item of recipe.items) {
      const r = await resolveItem(client, item, years, opts.signal);
      items.push({ ...r, fetched: false, source: null, problems: [] });
      report();
    }
  } catch (e) {
    const ps = problemsOf(e);
    return { ...empty, items, problems: ps, cancelled: ps.some((p) => p.code === 'ssb-cancelled') };
  }

  alignYears(items, years);
  const store = useAnalysisStore.getState();
  // Only when something can be fetched: a recipe that finds nothing leaves the analysis as it was.
  const newAnalysis = selectIsDemo(store) && items.some((it) => it.ok);
  if (newAnalysis) {
    const fresh = emptySpec();
    const built = recipe.build({ items: new Set(), optional: new Map(), contents: new Map() });
    fresh.title = built.title;
    fresh.data.structure = '2024';
    // A new analysis: the demo's import messages and view state (chosen municipality …) go with it.
    store.setImportProblems([]);
    useUiStore.getState().resetView();
    store.replaceSpec(fresh);
  }

  let stopped = false;
  for (const it of items) {
    if (!it.ok || !it.query || stopped) continue;
    const out = await fetchSsbSource(it.query, { id: `ssb_${recipe.id}_${it.item.key}`, prefix: it.item.prefix, recipe: recipe.id, signal: opts.signal, onProgress: opts.onProgress });
    it.fetched = out.source !== null;
    it.source = out.source;
    it.problems = out.problems;
    report();
    if (out.problems.some((p) => p.code === 'ssb-cancelled' || p.code === 'ssb-offline')) stopped = true;
  }

  const found: Found = { items: new Set(), optional: new Map(), contents: new Map() };
  for (const it of items) {
    if (!it.fetched) continue;
    found.items.add(it.item.key);
    found.optional.set(it.item.key, it.optionalFound);
    if (it.contents) found.contents.set(it.item.key, it.contents);
  }
  const built = recipe.build(found);
  useAnalysisStore.getState().updateSpec((d) => {
    const v = built.variables;
    if (v.population) d.variables.population = v.population;
    d.variables.expenditure = upsert(d.variables.expenditure, v.expenditure);
    d.variables.ageGroups = upsert(d.variables.ageGroups, v.ageGroups);
    d.variables.ratios = upsert(d.variables.ratios, v.ratios);
    d.variables.formulas = upsert(d.variables.formulas, v.formulas);
    d.models.list = upsert(d.models.list, built.models);
    for (const m of built.models) if (!d.models.shown.includes(m.id)) d.models.shown.push(m.id);
  });

  const missing = items.flatMap((it) => it.missing.map((m) => ({ it, m })));
  const problems: Problem[] = [];
  if (missing.length) {
    problems.push(
      problem(
        'ssb-recipe-missing',
        `Oppskriften «${recipe.name.nb}» fant ikke: ${missing.map(({ it, m }) => `${m.nb} [${it.item.name.nb}]`).join('; ')}. Resten er hentet.`,
        `The recipe "${recipe.name.en}" did not find: ${missing.map(({ it, m }) => `${m.en} [${it.item.name.en}]`).join('; ')}. The rest was fetched.`,
        undefined,
        'warning',
      ),
    );
  }
  const cancelled = items.some((it) => it.problems.some((p) => p.code === 'ssb-cancelled'));
  problems.push(...items.flatMap((it) => it.problems).filter((p) => p.code !== 'ssb-cancelled'));
  return { items, problems, newAnalysis, cancelled };
}
