/** Data actions that talk to the worker and to IndexedDB, outside the store's pure state updates. */
import { problem, type Problem } from '../engine/problem';
import { emptySpec } from '../spec/schema';
import { specWithoutDemo } from '../spec/withoutDemo';
import type { SourceSpec } from '../spec/sections/data';
import { useAnalysisStore } from './analysisStore';
import { deleteFile, readFile, saveFile } from './persistence';
import { getAnalysisClient } from './workerClient';
import { useUiStore } from './uiStore';
import { demoBaseUrl, takeEarlyDemo } from './earlyDemo';

const progress = (p: { fraction: number; label: string }) =>
  useAnalysisStore.getState().setStatus('loading', p);

/** Loads the bundled synthetic demo: its files and its spec replace the current analysis, and the
 *  view state starts afresh (no municipality chosen, default slides). */
export async function loadDemo(): Promise<boolean> {
  const store = useAnalysisStore.getState();
  store.setStatus('loading', { fraction: 0, label: 'Laster demodata' });
  try {
    // The page may have begun the load already (earlyDemo.ts).
    const out = (await takeEarlyDemo(progress)) ?? (await getAnalysisClient().loadDemo(demoBaseUrl(), progress));
    store.setImportProblems(out.problems);
    if (!out.spec) {
      store.setStatus('error');
      return false;
    }
    useUiStore.getState().resetView();
    if (!store.replaceSpec(out.spec)) return false;
    // A whole spec has no further edits to gather: run now, not after the debounce.
    store.flushRun();
    return true;
  } catch (e) {
    failed(e);
    return false;
  }
}

/**
 * «Ny analyse»: an empty analysis — no files, variables, models or keys. The worker drops every file
 * and the saved bytes are deleted. The empty analysis is autosaved, so a reload stays empty (only a
 * first visit, with nothing saved, opens on the demo).
 */
export async function newAnalysis(): Promise<boolean> {
  const store = useAnalysisStore.getState();
  const client = getAnalysisClient();
  for (const s of store.spec.data.sources) {
    await client.removeSource(s.id);
    if (!s.demo) await deleteFile(s.id);
  }
  store.setImportProblems([]);
  forgetDemoView();
  return store.replaceSpec(emptySpec());
}

/** «Fjern demodata» in one step: the demo files and everything that came with them go; the user's files stay. */
export async function removeDemo(): Promise<boolean> {
  const store = useAnalysisStore.getState();
  const demo = store.spec.data.sources.filter((s) => s.demo);
  const realNames = new Set(store.spec.data.sources.filter((s) => !s.demo).map((s) => s.fileName));
  const realVariables = new Set(
    store.catalogue.filter((v) => v.source.split(', ').some((f) => realNames.has(f))).map((v) => v.name),
  );
  const client = getAnalysisClient();
  for (const s of demo) await client.removeSource(s.id);
  store.setImportProblems(store.importProblems.filter((p) => !p.where?.file || realNames.has(p.where.file)));
  forgetDemoView();
  return store.replaceSpec(specWithoutDemo(store.spec, realVariables));
}

/** The view state may point at the demo (a 9xxx municipality, slides of demo models): it starts afresh;
 *  the CSV style is the user's preference, not the analysis's, and stays. */
function forgetDemoView(): void {
  const ui = useUiStore.getState();
  const csvStyle = ui.csvStyle;
  ui.resetView();
  ui.setView({ csvStyle });
}

/** Imports uploaded files, keeps their bytes for the next session and adds them to the spec. */
export async function importFiles(files: { name: string; bytes: Uint8Array }[]): Promise<SourceSpec[]> {
  const store = useAnalysisStore.getState();
  store.setStatus('loading', { fraction: 0, label: 'Leser filer' });
  try {
    const out = await getAnalysisClient().importFiles(
      files.map((f) => ({ name: f.name, bytes: f.bytes.slice() })),
      progress,
    );
    await Promise.all(out.sources.map((s, i) => saveFile(s.id, files[i].name, files[i].bytes)));
    store.setImportProblems(out.problems);
    const ids = new Set(out.sources.map((s) => s.id));
    store.updateSpec((d) => {
      d.data.sources = [...d.data.sources.filter((s) => !ids.has(s.id)), ...out.sources];
    });
    return out.sources;
  } catch (e) {
    failed(e);
    return [];
  }
}

/** Stops the file the worker is reading; its import then returns without it. */
export async function cancelImport(): Promise<void> {
  await getAnalysisClient().cancelImport();
}

export async function removeSource(id: string): Promise<void> {
  await getAnalysisClient().removeSource(id);
  await deleteFile(id);
  useAnalysisStore.getState().updateSpec((d) => {
    d.data.sources = d.data.sources.filter((s) => s.id !== id);
  });
}

/** After a reload the worker is empty: re-read the demo and the saved uploads the spec refers to. */
export async function reloadSources(): Promise<void> {
  const store = useAnalysisStore.getState();
  const sources = store.spec.data.sources;
  const client = getAnalysisClient();
  const loaded = await client.loadedSources(sources.map((s) => s.id));
  const missing = sources.filter((_, i) => !loaded[i]);
  if (missing.length === 0) return;
  store.setStatus('loading', { fraction: 0, label: 'Gjenoppretter data' });
  const problems: Problem[] = [];
  if (missing.some((s) => s.demo)) {
    const demo = await client.loadDemo(demoBaseUrl(), progress);
    problems.push(...demo.problems);
  }
  const uploads: { name: string; bytes: Uint8Array; source: SourceSpec }[] = [];
  for (const s of missing.filter((x) => !x.demo)) {
    const saved = await readFile(s.id);
    if (saved) uploads.push({ name: saved.name, bytes: saved.bytes, source: s });
  }
  if (uploads.length > 0) {
    const out = await client.importFiles(uploads, progress);
    problems.push(...out.problems);
  }
  store.setImportProblems(problems);
  store.requestRun();
}

function failed(e: unknown): void {
  const msg = e instanceof Error ? e.message : String(e);
  const store = useAnalysisStore.getState();
  store.setImportProblems([
    problem('load-failed', `Kunne ikke laste data: ${msg}`, `Could not load data: ${msg}`),
  ]);
  store.setStatus('error');
}

/**
 * Re-reads a saved upload with a changed SourceSpec (mapping, encoding, delimiter, sheet, role) and
 * puts the result in the spec. Added by the ingest/data view; the bytes come from the session store.
 */
export async function reimportSource(source: SourceSpec): Promise<boolean> {
  const store = useAnalysisStore.getState();
  const saved = await readFile(source.id);
  if (!saved) {
    store.setImportProblems([
      problem(
        'file-not-saved',
        `«${source.fileName}» er ikke lagret i økta; last fila opp på nytt.`,
        `"${source.fileName}" is not saved in this session; upload the file again.`,
        { file: source.fileName },
      ),
    ]);
    return false;
  }
  store.setStatus('loading', { fraction: 0, label: `Leser ${source.fileName}` });
  try {
    const out = await getAnalysisClient().importFiles(
      [{ name: saved.name, bytes: saved.bytes.slice(), source }],
      progress,
    );
    store.setImportProblems(out.problems);
    const next = out.sources[0] ?? source;
    return store.updateSpec((d) => {
      d.data.sources = d.data.sources.map((s) => (s.id === source.id ? next : s));
    });
  } catch (e) {
    failed(e);
    return false;
  }
}
