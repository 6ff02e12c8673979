import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnalysisSpec } from '../spec/schema';
import type { AnalysisResults } from '../worker/results';
import { RUN_DEBOUNCE_MS, useAnalysisStore } from './analysisStore';
import { setAnalysisClient, type AnalysisClient } from './workerClient';

/** A fake worker whose runs resolve only when the test says so. */
function fakeClient() {
  const pending: { spec: AnalysisSpec; resolve(r: AnalysisResults | null): void }[] = [];
  const client: AnalysisClient = {
    loadDemo: async () => ({ spec: null, sources: [], problems: [] }),
    importFiles: async () => ({ sources: [], problems: [] }),
    cancelImport: async () => {},
    run: (spec) => new Promise((resolve) => pending.push({ spec, resolve })),
    removeSource: async () => {},
    loadedSources: async (ids) => ids.map(() => true),
    analysisData: async () => new Uint8Array(),
    previewFormula: async () => ({ ok: false, problem: { code: 'x', severity: 'error', message: '', messageEn: '' } }),
  };
  return { client, pending };
}

const result = (title: string): AnalysisResults => ({ specHash: title, problems: [] });

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

  it('reports a failed run as a Norwegian problem', async () => {
    setAnalysisClient({ ...fake.client, run: () => Promise.reject(new Error('boom')) });
    useAnalysisStore.getState().updateSpec((d) => void (d.title = 'x'));
    await vi.advanceTimersByTimeAsync(RUN_DEBOUNCE_MS + 1);
    const s = useAnalysisStore.getState();
    expect(s.status).toBe('error');
    expect(s.problems.at(-1)?.message).toContain('boom');
  });
});
