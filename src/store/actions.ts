/** Data actions that talk to the worker and to IndexedDB, outside the store's pure state updates. */
import { problem, type Problem } from '../engine/problem';
import { emptySpec } from '../spec/schema';
import { specWithoutDemo } from '../spec/withoutDemo';
import type { SourceSpec } from '../spec/sections/data';
import { useAnalysisStore } from './analysisStore';
import { clearCrashed, clearImporting, deleteFile, markImporting, readFileData, SaveError, saveFile } from './persistence';
import { useSessionStore } from './sessionStore';
import { getAnalysisClient } from './workerClient';
import { useUiStore } from './uiStore';
import { demoBaseUrl, takeEarlyDemo } from './earlyDemo';
import { answerTask } from './answerTask';

/**
 * Progress of a worker import, shown while the status is «loading». Comlink delivers a progress
 * report on the callback's own channel, so the last one («Filene er lest») can arrive after the
 * import's result, when the run it started already owns the status: then it is dropped, or the
 * status line would say «loading» for good (seen under load: the run had finished, the page waited).
 */
const progress = (p: { fraction: number; label: string }) => {
  const store = useAnalysisStore.getState();
  if (store.status === 'loading') store.setStatus('loading', p);
};

/** Loads the bundled synthetic demo: its files and its spec replace the current analysis, and the
 *  view state starts afresh (no municipality chosen, default slides). */
export async function loadDemo(): Promise<boolean> {
  const store = useAnalysisStore.getState();
  store.setStatus('loading', { fraction: 0, label: 'Laster demodata' });
  try {
    // The page may have begun the load already (earlyDemo.ts).
    const out = (await takeEarlyDemo(progress)) ?? (await getAnalysisClient().loadDemo(demoBaseUrl(), progress));
    // The worker's answer was unpacked (structured clone) in the task that received it; validating its
    // spec and the first render with it get a task of their own (speed budget: no task over 50 ms),
    // ahead of the shell's waiting render slices (answerTask.ts).
    await answerTask();
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
  // Files held back after a crash were in the spec and are deleted with it: nothing left to choose.
  useSessionStore.getState().setCrashed(null);
  await clearCrashed();
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

export interface UploadedFile {
  name: string;
  /** The picked File (stored as it is for the next session, read by the worker), or bytes. */
  data: Blob | Uint8Array;
}

export interface ImportOutcome {
  /** Files read and added to the analysis. */
  sources: SourceSpec[];
  /** Files of which nothing could be read, with why: not added, not saved. */
  failed: { name: string; problems: Problem[] }[];
}

/** A file that could not be stored: its data are read, but a reload will not bring it back. */
export function storeFailed(name: string, e: unknown): void {
  useSessionStore.getState().setSave({ ok: false, reason: e instanceof SaveError ? e.reason : 'unknown', file: name });
}

/**
 * Imports uploaded files and adds those that could be read to the spec; their files are stored for
 * the next session. A file of which nothing could be read is neither added nor stored. While the
 * worker reads, an `importing` mark names the files, so a page that dies here does not read them
 * again on the next load (session.ts tells the user instead).
 */
export async function importFiles(files: UploadedFile[]): Promise<ImportOutcome> {
  const store = useAnalysisStore.getState();
  store.setStatus('loading', { fraction: 0, label: 'Leser filer' });
  await markImporting({ phase: 'upload', files: files.map((f) => ({ name: f.name })) });
  try {
    // What is stored is the File itself (or a Blob made from bytes first). The worker reads the File
    // itself: the page never holds a big file's bytes (their garbage collection blocked it).
    const blobs = files.map((f) => (f.data instanceof Blob ? f.data : new Blob([f.data as Uint8Array<ArrayBuffer>])));
    const out = await getAnalysisClient().importFiles(
      files.map((f, i) => ({ name: f.name, bytes: blobs[i] })),
      progress,
    );
    const used = new Set<number>();
    for (const s of out.sources) {
      const i = files.findIndex((f, k) => !used.has(k) && f.name === s.fileName);
      if (i < 0) continue;
      used.add(i);
      await saveFile(s.id, files[i].name, blobs[i]).catch((e: unknown) => storeFailed(files[i].name, e));
    }
    store.setImportProblems(out.problems);
    const ids = new Set(out.sources.map((s) => s.id));
    if (out.sources.length > 0) {
      store.updateSpec((d) => {
        d.data.sources = [...d.data.sources.filter((s) => !ids.has(s.id)), ...out.sources];
      });
    } else store.setStatus('ready');
    const failedFiles = (out.failed ?? []).map((f) => ({ name: f.name, problems: out.problems.filter((p) => p.where?.file === f.name) }));
    return { sources: out.sources, failed: failedFiles };
  } catch (e) {
    failed(e);
    return { sources: [], failed: [] };
  } finally {
    await clearImporting();
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

/**
 * After a reload the worker is empty: re-read the demo and the saved uploads the spec refers to.
 * Each file is read on its own, under an `importing` mark naming it: a file that takes the page
 * down is named on the next load, which then asks before reading it again (no crash loop).
 */
export async function reloadSources(holdBack: ReadonlySet<string> = new Set()): Promise<void> {
  const store = useAnalysisStore.getState();
  // Held back: files that were being read when the page last died (the user decides; session.ts).
  const sources = store.spec.data.sources.filter((s) => !holdBack.has(s.id));
  const client = getAnalysisClient();
  const loaded = await client.loadedSources(sources.map((s) => s.id));
  const missing = sources.filter((_, i) => !loaded[i]);
  if (missing.length === 0) {
    if (holdBack.size > 0) store.requestRun();
    return;
  }
  store.setStatus('loading', { fraction: 0, label: 'Gjenoppretter data' });
  const problems: Problem[] = [];
  if (missing.some((s) => s.demo)) {
    const demo = await client.loadDemo(demoBaseUrl(), progress);
    problems.push(...demo.problems);
  }
  for (const s of missing.filter((x) => !x.demo)) {
    const saved = await readFileData(s.id).catch(() => undefined);
    if (!saved || 'damaged' in saved) continue;
    await markImporting({ phase: 'restore', files: [{ name: s.fileName, id: s.id }] });
    const out = await client.importFiles([{ name: saved.name, bytes: saved.data, source: s }], progress);
    problems.push(...out.problems);
  }
  await clearImporting();
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
  const saved = await readFileData(source.id).catch(() => undefined);
  if (!saved || 'damaged' in saved) {
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
  await markImporting({ phase: 'upload', files: [{ name: source.fileName, id: source.id }] });
  try {
    const out = await getAnalysisClient().importFiles([{ name: saved.name, bytes: saved.data, source }], progress);
    store.setImportProblems(out.problems);
    // Read with the new settings nothing at all: the file stays as it was read before.
    const next = out.sources[0];
    if (!next) {
      store.setStatus('ready');
      return false;
    }
    return store.updateSpec((d) => {
      d.data.sources = d.data.sources.map((s) => (s.id === source.id ? next : s));
    });
  } catch (e) {
    failed(e);
    return false;
  } finally {
    await clearImporting();
  }
}
