import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnalysisSpec } from '../spec/schema';
import type { AnalysisResults, DatasetSummary, SectionKey } from '../results/analysisResults';
import type { CostKeyResults } from '../results/costKey';
import type { ExplainedResults } from '../results/explained';
import type { StabilityResults } from '../results/stability';
import { diffResults, type SectionVersions } from '../results/update';
import type { AnalysisApi } from '../worker/api';
import { packModels } from '../results/droppedPack';
import { RUN_DEBOUNCE_MS, useAnalysisStore } from './analysisStore';
import { setAnalysisClient, type AnalysisClient } from './workerClient';
import { useUiStore } from './uiStore';
import { nextTask } from '../ingest/nextTask';
import { holdDrawing } from './drawHold';

/** What the worker's `run` answers (the real API's type: an update of the changed sections). */
type RunAnswer = NonNullable<Awaited<ReturnType<AnalysisApi['run']>>>;

/**
 * A fake worker whose runs resolve only when the test says so (with whole results, or an update).
 * Every field takes the worker API's own types, and the sections below are built without casts, so
 * an update of an old shape (e.g. models not packed) fails `npm run typecheck`.
 */
function fakeClient() {
  const pending: {
    spec: AnalysisSpec;
    have: SectionVersions;
    upTo?: SectionKey[];
    resolve(r: AnalysisResults | null): void;
    update(u: RunAnswer): void;
  }[] = [];
  const client: AnalysisClient = {
    loadDemo: async () => ({ spec: null, sources: [], problems: [] }),
    importFiles: async () => ({ sources: [], problems: [] }),
    importSsb: async () => ({ source: null, problems: [], bytes: null, changes: null }),
    cancelImport: async () => {},
    run: (spec, _progress, have = {}, upTo) =>
      new Promise((resolve) =>
        pending.push({ spec, have, upTo, resolve: (r) => resolve(r && diffResults(r, {}, have)), update: (u) => resolve(u) }),
      ),
    removeSource: async () => {},
    loadedSources: async (ids) => ids.map(() => true),
    analysisData: async () => new Uint8Array(),
    previewFormula: async () => ({ ok: false, problem: { code: 'x', severity: 'error', message: '', messageEn: '' } }),
  };
  return { client, pending };
}

const result = (title: string): AnalysisResults => ({ specHash: title, problems: [] });

// Whole sections of the real result types (empty but complete), for the updates the fake answers.
const datasetSection = (nRows = 1): DatasetSummary => ({ nRows, nUnits: 1, years: [2024], catalogue: [], derived: [], numericColumns: [], units: [], demo: true });
const explainedSection = (): ExplainedResults => ({ baselineId: null, comparison: null, analysed: null, relimp: null, oneAtATime: null, stepwise: null, subsets: null, problems: [] });
const stabilitySection = (): StabilityResults => ({ modelId: null, label: '', criteria: [], perYear: null, leaveOneYearOut: null, bootstrap: null, problems: [] });
const costKeySection = (): CostKeyResults => ({
  problems: [], method: 'coefficient', modelId: null, modelLabel: null, dependent: null, year: null, criteria: [], labels: {}, national: {},
  yObsNational: 0, yUnitNok: 0, computed: null, proposed: null, edited: false, current: null, currentLabel: null, currentKind: 'none',
  currentText: { nb: '', en: '' }, base: null, outcome: null, candidates: [], flags: [], choices: [], currentFlags: [], refitted: [],
});

describe('useAnalysisStore', () => {
  let fake: ReturnType<typeof fakeClient>;
  beforeEach(() => {
    vi.useFakeTimers();
    fake = fakeClient();
    setAnalysisClient(fake.client);
  });
  afterEach(() => {
    vi.useRealTimers();
    setAnalysisClient(null);
  });

  it('refuses an invalid edit, keeps the old spec and explains why in Norwegian', () => {
    const before = useAnalysisStore.getState().spec;
    const ok = useAnalysisStore.getState().updateSpec((d) => {
      (d.models as { stars: unknown }).stars = 'not a list';
    });
    expect(ok).toBe(false);
    expect(useAnalysisStore.getState().spec).toBe(before);
    expect(useAnalysisStore.getState().problems[0].message).toMatch(/Ugyldig verdi/);
  });

  it('debounces edits into one run and ignores a superseded run', async () => {
    const { updateSpec } = useAnalysisStore.getState();
    updateSpec((d) => void (d.title = 'a'));
    updateSpec((d) => void (d.title = 'b'));
    expect(useAnalysisStore.getState().status).toBe('running');
    await vi.advanceTimersByTimeAsync(RUN_DEBOUNCE_MS + 1);
    expect(fake.pending.map((p) => p.spec.title)).toEqual(['b']);

    updateSpec((d) => void (d.title = 'c'));
    await vi.advanceTimersByTimeAsync(RUN_DEBOUNCE_MS + 1);
    expect(fake.pending.map((p) => p.spec.title)).toEqual(['b', 'c']);

    // The newer run finishes first; the older one's late answer must not overwrite it.
    fake.pending[1].resolve(result('c'));
    await vi.advanceTimersByTimeAsync(0);
    fake.pending[0].resolve(result('b'));
    await vi.advanceTimersByTimeAsync(0);
    expect(useAnalysisStore.getState().results?.specHash).toBe('c');
    expect(useAnalysisStore.getState().status).toBe('ready');
  });

  it('with no results yet, shows the open view\'s sections first and stays running until the rest arrive', async () => {
    useAnalysisStore.setState({ results: null, resultVersions: {} });
    const store = useAnalysisStore.getState();
    store.setShownSections(['dataset']);
    try {
      store.replaceSpec({ ...store.spec, title: 'first load' });
      store.flushRun();
      await vi.advanceTimersByTimeAsync(0);
      expect(fake.pending.map((p) => p.upTo)).toEqual([['dataset']]);
      const dataset = datasetSection();
      fake.pending[0].update({ specHash: 'h', problems: [], versions: { dataset: 1 }, changed: { dataset } });
      await vi.advanceTimersByTimeAsync(0);
      const shown = useAnalysisStore.getState().results?.dataset;
      expect(shown).toEqual(dataset);
      expect(useAnalysisStore.getState().status).toBe('running');
      // The second pass asks for everything, holding the dataset it already has (in a later task).
      await vi.waitFor(() => expect(fake.pending).toHaveLength(2));
      expect(fake.pending[1].upTo).toBeUndefined();
      expect(fake.pending[1].have).toEqual({ dataset: 1 });
      // The models section crosses packed (src/results/droppedPack.ts).
      fake.pending[1].update({ specHash: 'h', problems: [], versions: { dataset: 1, models: 1 }, changed: { models: packModels({}) } });
      await vi.advanceTimersByTimeAsync(0);
      expect(useAnalysisStore.getState().results?.dataset).toBe(shown);
      expect(useAnalysisStore.getState().results?.models).toEqual({});
      expect(useAnalysisStore.getState().status).toBe('ready');
      // With results held, an edit runs once (no view's sections disappear meanwhile).
      useAnalysisStore.getState().updateSpec((d) => void (d.title = 'edited'));
      await vi.advanceTimersByTimeAsync(RUN_DEBOUNCE_MS + 1);
      expect(fake.pending.slice(2).map((p) => p.upTo)).toEqual([undefined]);
    } finally {
      useAnalysisStore.getState().setShownSections(null);
    }
  });

  it('on a first load, asks for the rest only in a background task, after the first results are applied', async () => {
    const held: { priority: string; go: () => void }[] = [];
    vi.stubGlobal('scheduler', {
      postTask: (cb: () => void, o: { priority: string }) =>
        o.priority === 'background' ? new Promise<void>((ok) => held.push({ priority: o.priority, go: () => ok(cb()) })) : nextTask().then(cb),
    });
    useAnalysisStore.setState({ results: null, resultVersions: {} });
    const store = useAnalysisStore.getState();
    store.setShownSections(['dataset']);
    try {
      store.replaceSpec({ ...store.spec, title: 'rest later' });
      store.flushRun();
      vi.useRealTimers();
      await nextTask();
      expect(fake.pending.map((p) => p.upTo)).toEqual([['dataset']]);
      const dataset = { nRows: 1, nUnits: 1, years: [2024], catalogue: [], derived: [], numericColumns: [], units: [], demo: true };
      fake.pending[0].update({ specHash: 'h', problems: [], versions: { dataset: 1 }, changed: { dataset } });
      await nextTask();
      await nextTask();
      // The first results are in the store (the view draws them) and the rest is not asked yet.
      expect(useAnalysisStore.getState().results?.dataset).toEqual(dataset);
      expect(fake.pending).toHaveLength(1);
      expect(held).toHaveLength(1);
      // The open view is still drawing a part (useDeferredMount holds it): the rest waits for it too.
      const drawing = holdDrawing();
      held[0].go();
      for (let i = 0; i < 5; i++) await nextTask();
      expect(fake.pending).toHaveLength(1);
      drawing();
      await vi.waitFor(() => expect(fake.pending).toHaveLength(2));
      expect(fake.pending[1].upTo).toBeUndefined();
    } finally {
      useAnalysisStore.getState().setShownSections(null);
      vi.unstubAllGlobals();
    }
  });

  it('takes the view state out of a version-1 spec into the UI store; a view-state change runs nothing', async () => {
    useUiStore.getState().resetView();
    const ok = useAnalysisStore.getState().replaceSpec({ version: 1, title: 'gammel', redistribution: { myMunicipality: '0301', groupBy: 'county', phaseInYears: 2 } });
    expect(ok).toBe(true);
    expect(useUiStore.getState().myMunicipality).toBe('0301');
    expect(useUiStore.getState().redistributionGroupBy).toBe('county');
    expect(useAnalysisStore.getState().spec.redistribution).toEqual({ nationalPerCapita: null, phaseInYears: 2 });
    await vi.advanceTimersByTimeAsync(RUN_DEBOUNCE_MS + 1);
    const runs = fake.pending.length;
    useUiStore.getState().setView({ myMunicipality: '5001', redistributionGroupBy: 'size-class' });
    await vi.advanceTimersByTimeAsync(RUN_DEBOUNCE_MS + 1);
    expect(fake.pending.length).toBe(runs);
    expect(useAnalysisStore.getState().spec.title).toBe('gammel');
  });

  it('merges only the sections that changed: an unchanged section keeps its object, its subscribers are not called', async () => {
    const { updateSpec } = useAnalysisStore.getState();
    const dataset = datasetSection();
    const explained = explainedSection();
    const costKey1 = costKeySection();
    updateSpec((d) => void (d.title = 'v1'));
    await vi.advanceTimersByTimeAsync(RUN_DEBOUNCE_MS + 1);
    fake.pending.at(-1)!.update({ specHash: 'v1', problems: [], versions: { dataset: 1, explained: 1, costKey: 1 }, changed: { dataset, explained, costKey: costKey1 } });
    await vi.advanceTimersByTimeAsync(0);
    expect(useAnalysisStore.getState().results?.explained).toBe(explained);

    // What a view subscribed to its own section would see.
    const notified: string[] = [];
    const stop = useAnalysisStore.subscribe((s, prev) => {
      for (const k of ['dataset', 'explained', 'costKey'] as const) if (s.results?.[k] !== prev.results?.[k]) notified.push(k);
    });
    updateSpec((d) => void (d.costKey.alpha = 0.05));
    await vi.advanceTimersByTimeAsync(RUN_DEBOUNCE_MS + 1);
    const run = fake.pending.at(-1)!;
    expect(run.have).toEqual({ dataset: 1, explained: 1, costKey: 1 });
    const costKey2 = costKeySection();
    run.update({ specHash: 'v2', problems: [], versions: { dataset: 1, explained: 1, costKey: 2 }, changed: { costKey: costKey2 } });
    await vi.advanceTimersByTimeAsync(0);
    stop();
    const r = useAnalysisStore.getState().results!;
    expect(r.specHash).toBe('v2');
    expect(r.costKey).toBe(costKey2);
    expect(r.explained).toBe(explained);
    expect(r.dataset).toBe(dataset);
    expect(notified).toEqual(['costKey']);
    expect(useAnalysisStore.getState().resultVersions).toEqual({ dataset: 1, explained: 1, costKey: 2 });
  });

  it('asks for every section again when an update refers to a version the store does not hold', async () => {
    const { updateSpec } = useAnalysisStore.getState();
    updateSpec((d) => void (d.title = 'x1'));
    await vi.advanceTimersByTimeAsync(RUN_DEBOUNCE_MS + 1);
    const held = useAnalysisStore.getState().resultVersions;
    fake.pending.at(-1)!.update({ specHash: 'x1', problems: [], versions: { ...held, stability: 99 }, changed: {} });
    await vi.advanceTimersByTimeAsync(0);
    const again = fake.pending.at(-1)!;
    expect(again.have).toEqual({});
    const stability = stabilitySection();
    again.update({ specHash: 'x1', problems: [], versions: { stability: 99 }, changed: { stability } });
    await vi.advanceTimersByTimeAsync(0);
    expect(useAnalysisStore.getState().results).toEqual({ specHash: 'x1', problems: [], stability });
    expect(useAnalysisStore.getState().status).toBe('ready');
  });

  it('reports a failed run as a Norwegian problem', async () => {
    setAnalysisClient({ ...fake.client, run: () => Promise.reject(new Error('boom')) });
    useAnalysisStore.getState().updateSpec((d) => void (d.title = 'x'));
    await vi.advanceTimersByTimeAsync(RUN_DEBOUNCE_MS + 1);
    const s = useAnalysisStore.getState();
    expect(s.status).toBe('error');
    expect(s.problems.at(-1)?.message).toContain('boom');
  });
  it('applies a run\'s results in a task after the one that delivered them (unpacking and render never share a task)', async () => {
    const { updateSpec } = useAnalysisStore.getState();
    updateSpec((d) => void (d.title = 'later-task'));
    await vi.advanceTimersByTimeAsync(RUN_DEBOUNCE_MS + 1);
    vi.useRealTimers();
    fake.pending.at(-1)!.resolve(result('later-task'));
    // Every microtask of the delivering task: the results are not in the store yet.
    for (let i = 0; i < 50; i++) await Promise.resolve();
    expect(useAnalysisStore.getState().results?.specHash).not.toBe('later-task');
    await nextTask();
    await nextTask();
    expect(useAnalysisStore.getState().results?.specHash).toBe('later-task');
    expect(useAnalysisStore.getState().status).toBe('ready');
  });

  it('applies a run\'s results in a user-blocking task where the browser has one (ahead of render slices)', async () => {
    const priorities: string[] = [];
    vi.stubGlobal('scheduler', {
      postTask: (cb: () => void, o: { priority: string }) => {
        priorities.push(o.priority);
        return nextTask().then(cb);
      },
    });
    try {
      const { updateSpec } = useAnalysisStore.getState();
      updateSpec((d) => void (d.title = 'urgent'));
      await vi.advanceTimersByTimeAsync(RUN_DEBOUNCE_MS + 1);
      vi.useRealTimers();
      fake.pending.at(-1)!.resolve(result('urgent'));
      for (let i = 0; i < 50; i++) await Promise.resolve();
      expect(useAnalysisStore.getState().results?.specHash).not.toBe('urgent');
      await nextTask();
      await nextTask();
      expect(useAnalysisStore.getState().results?.specHash).toBe('urgent');
      expect(priorities).toEqual(['user-blocking']);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
