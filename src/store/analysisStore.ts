/**
 * The analysis store: the AnalysisSpec is the one source of truth; results are derived from it by
 * the worker and never edited by hand. Every accepted spec change schedules a run (debounced), and a
 * newer run supersedes an older one.
 */
import { create } from 'zustand';
import { problem, type Problem } from '../engine/problem';
import { loadSpec } from '../spec/migrate';
import { emptySpec, type AnalysisSpec } from '../spec/schema';
import { usesDemoData } from '../spec/sections/data';
import { mixesSyntheticAndReal } from '../spec/synthetic';
import type { Progress } from '../worker/api';
import type { VariableInfo } from '../worker/ingestTypes';
import type { AnalysisResults, SectionKey } from '../results/analysisResults';
import { mergeResults, type SectionVersions } from '../results/update';
import { getAnalysisClient } from './workerClient';
import { answerTask, restTask } from './answerTask';
import { useUiStore } from './uiStore';

export type Status = 'idle' | 'loading' | 'running' | 'ready' | 'error';

export interface AnalysisState {
  spec: AnalysisSpec;
  /** Merged from the worker's updates: a section keeps its object while it is unchanged, so a view
   *  that selects its own section (`s.results?.costKey`) re-renders only when that section changes. */
  results: AnalysisResults | null;
  /** Version of each section of `results` (the worker sends only sections whose version differs). */
  resultVersions: SectionVersions;
  status: Status;
  progress: Progress | null;
  /** Everything to show in the problem list: spec, import and result problems. */
  problems: Problem[];
  /** Imported variables (from the latest results). */
  catalogue: VariableInfo[];
  /** Problems from the latest spec edit that was refused, and from the latest import. */
  specProblems: Problem[];
  importProblems: Problem[];

  /** Clones the spec, applies the recipe, validates. Returns false (and shows why) when invalid. */
  updateSpec(recipe: (draft: AnalysisSpec) => void): boolean;
  /** Replaces the whole spec (project file, restore). Returns false when invalid. View state that an
   *  older spec version held (e.g. the chosen municipality) goes to the UI store. */
  replaceSpec(raw: unknown): boolean;
  /** Runs the pipeline now (after the debounce). */
  requestRun(): void;
  /** Starts a run waiting for its debounce at once (a spec replaced whole has no edits to gather). */
  flushRun(): void;
  /**
   * The result sections the open view shows, when it needs fewer than all (null: all). With no
   * results yet (a first load), a run computes those first and shows them, then the rest.
   */
  setShownSections(sections: readonly SectionKey[] | null): void;
  setImportProblems(p: Problem[]): void;
  setStatus(status: Status, progress?: Progress | null): void;
}

export const RUN_DEBOUNCE_MS = 150;

let debounce: ReturnType<typeof setTimeout> | null = null;
let runToken = 0;
let shownSections: readonly SectionKey[] | null = null;

/** The import step and the dataset step can report the same finding about a file; show it once. */
function combine(s: Pick<AnalysisState, 'specProblems' | 'importProblems' | 'results'>): Problem[] {
  const seen = new Set<string>();
  return [...s.specProblems, ...s.importProblems, ...(s.results?.problems ?? [])].filter((p) => {
    const key = `${p.code}\u0000${p.message}\u0000${p.where?.file ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export const useAnalysisStore = create<AnalysisState>((set, get) => {
  async function runNow(): Promise<void> {
    const token = ++runToken;
    const spec = get().spec;
    set({ status: 'running', progress: { fraction: 0, label: 'Beregner' } });
    try {
      const onProgress = (p: Progress) => {
        if (token === runToken) set({ progress: p });
      };
      let held = get().resultVersions;
      // A first load: the open view's sections first (status stays «running»), then the rest, which
      // the worker's cache computes without repeating them (README «Performance»: demo_interactive_ms).
      if (get().results === null && shownSections) {
        const first = await getAnalysisClient().run(spec, onProgress, held, [...shownSections]);
        await answerTask();
        if (token !== runToken || first === null) return;
        const partial = mergeResults(get().results, held, first);
        if (partial) {
          held = first.versions;
          set((s) => ({
            results: partial,
            resultVersions: first.versions,
            catalogue: partial.dataset?.catalogue ?? [],
            problems: combine({ ...s, results: partial }),
          }));
        }
        // The open view draws these first; the rest is asked once that work is done (answerTask.ts).
        await restTask();
        if (token !== runToken) return;
      }
      let update = await getAnalysisClient().run(spec, onProgress, held);
      // The results message was unpacked (structured clone, ~10 MB after a big upload) in the task that
      // received it; the store update and the views' render with it run in the next task, so the two
      // costs never add up in one (speed budget: no main-thread task over 50 ms).
      await answerTask();
      // A newer run (or edit) owns the status; a superseded run just disappears.
      if (token !== runToken || update === null) return;
      let results = mergeResults(get().results, held, update);
      if (!results) {
        // The update refers to section versions this store does not hold: ask for everything (cached
        // in the worker, so this re-runs nothing).
        held = {};
        update = await getAnalysisClient().run(spec, onProgress, held);
        await answerTask();
        if (token !== runToken || update === null) return;
        results = mergeResults(null, held, update)!;
      }
      const versions = update.versions;
      const merged = results;
      set((s) => {
        const next = { ...s, results: merged };
        return {
          results: merged,
          resultVersions: versions,
          catalogue: merged.dataset?.catalogue ?? [],
          status: 'ready',
          progress: null,
          problems: combine(next),
        };
      });
    } catch (e) {
      if (token !== runToken) return;
      const msg = e instanceof Error ? e.message : String(e);
      set((s) => {
        const err = problem(
          'worker-error',
          `Beregningen stoppet med en feil: ${msg}`,
          `The computation failed: ${msg}`,
        );
        return { status: 'error', progress: null, problems: [...combine(s), err] };
      });
    }
  }

  function schedule(): void {
    if (debounce) clearTimeout(debounce);
    // Bump the token at once so that a run already in flight cannot overwrite newer edits.
    runToken++;
    set({ status: 'running' });
    debounce = setTimeout(() => {
      debounce = null;
      void runNow();
    }, RUN_DEBOUNCE_MS);
  }

  return {
    spec: emptySpec(),
    results: null,
    resultVersions: {},
    status: 'idle',
    progress: null,
    problems: [],
    catalogue: [],
    specProblems: [],
    importProblems: [],

    updateSpec(recipe) {
      const draft = structuredClone(get().spec);
      recipe(draft);
      return get().replaceSpec(draft);
    },

    replaceSpec(raw) {
      const loaded = loadSpec(raw);
      if (!loaded.ok) {
        set((s) => ({
          specProblems: loaded.problems,
          problems: combine({ ...s, specProblems: loaded.problems }),
        }));
        return false;
      }
      if (Object.keys(loaded.view).length) useUiStore.getState().setView(loaded.view);
      set((s) => ({ spec: loaded.spec, specProblems: [], problems: combine({ ...s, specProblems: [] }) }));
      schedule();
      return true;
    },

    requestRun: schedule,

    setShownSections(sections) {
      shownSections = sections;
    },

    flushRun() {
      if (!debounce) return;
      clearTimeout(debounce);
      debounce = null;
      void runNow();
    },

    setImportProblems(p) {
      set((s) => ({ importProblems: p, problems: combine({ ...s, importProblems: p }) }));
    },

    setStatus(status, progress = null) {
      set({ status, progress });
    },
  };
});

/** The analysis uses synthetic demo data: label it everywhere (the one rule, usesDemoData). */
export function selectIsSynthetic(s: AnalysisState): boolean {
  return usesDemoData(s.spec.data);
}

/**
 * Share of the data's rows that come from synthetic sources: 0 without demo data, 1 for the demo
 * alone, in between when demo and real files are mixed (null while the worker has not counted yet).
 */
export function selectSyntheticShare(s: AnalysisState): number | null {
  if (!usesDemoData(s.spec.data)) return 0;
  if (!mixesSyntheticAndReal(s.spec.data.sources)) return 1;
  return s.results?.dataset?.syntheticShare ?? null;
}

/** Same as selectIsSynthetic (the name older code uses). */
export const selectIsDemo = selectIsSynthetic;
