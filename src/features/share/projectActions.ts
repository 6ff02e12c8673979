/**
 * Browser side of project files: gathers the bytes of the imported files (uploads from IndexedDB,
 * demo files from the app's own demo/ folder — same origin, no network beyond the page), and opens a
 * project by storing its embedded files where the session restore looks for them.
 */
import type { AnalysisSpec } from '../../spec/schema';
import type { Problem } from '../../engine/problem';
import { problem } from '../../engine/problem';
import { openProject, saveProject, type EmbeddedFile } from '../../export/projectFile';
import { readFile, SaveError, saveFile } from '../../store/persistence';
import { loadSpec } from '../../spec/migrate';
import { reloadSources } from '../../store/actions';
import { useAnalysisStore } from '../../store/analysisStore';
import { selectViewState, useUiStore } from '../../store/uiStore';

export async function collectFiles(spec: AnalysisSpec): Promise<{ files: EmbeddedFile[]; missing: string[] }> {
  const files: EmbeddedFile[] = [];
  const missing: string[] = [];
  for (const source of spec.data.sources) {
    const stored = await readFile(source.id).catch(() => undefined);
    let bytes: Uint8Array | undefined = stored && 'bytes' in stored ? stored.bytes : undefined;
    if (!bytes && source.demo) {
      try {
        const res = await fetch(new URL(`demo/${encodeURIComponent(source.fileName)}`, document.baseURI).href);
        if (res.ok) bytes = new Uint8Array(await res.arrayBuffer());
      } catch {
        bytes = undefined;
      }
    }
    if (bytes) files.push({ source, bytes });
    else missing.push(source.fileName);
  }
  return { files, missing };
}

export async function buildProjectText(spec: AnalysisSpec, embed: boolean): Promise<{ text: string; missing: string[] }> {
  const view = selectViewState(useUiStore.getState());
  if (!embed) return { text: saveProject(spec, { view }), missing: [] };
  const { files, missing } = await collectFiles(spec);
  return { text: saveProject(spec, { files, view }), missing };
}

/** Opens a project file: embedded files are stored for the session, then the spec replaces the current one. */
export async function openProjectFile(bytes: Uint8Array): Promise<{ ok: boolean; problems: Problem[] }> {
  const opened = openProject(bytes);
  if (!opened.ok) return { ok: false, problems: opened.problems };
  const { spec, view, files, problems } = opened.project;
  // Checked (limits, schema) before anything is stored: a project that cannot be opened leaves the
  // session as it was.
  const checked = loadSpec(spec);
  if (!checked.ok) return { ok: false, problems: [...problems, ...checked.problems] };
  for (const f of files) {
    await saveFile(f.source.id, f.source.fileName, f.bytes).catch((e: unknown) => {
      const why = e instanceof SaveError ? e.reason : 'unknown';
      problems.push(problem('project-file-not-saved', `«${f.source.fileName}» kunne ikke lagres i nettleseren (${why}); den leses nå, men kommer ikke tilbake etter en omlasting.`, `"${f.source.fileName}" could not be stored in the browser (${why}); it is read now but will not come back after a reload.`, { file: f.source.fileName }, 'warning'));
    });
  }
  const store = useAnalysisStore.getState();
  if (!store.replaceSpec(spec)) return { ok: false, problems: [...problems, ...useAnalysisStore.getState().specProblems] };
  // The project's view state replaces the current one (what it does not say, back to the defaults).
  useUiStore.getState().resetView();
  useUiStore.getState().setView(view);
  try {
    await reloadSources();
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    problems.push(problem('project-reload', `Dataene kunne ikke lastes: ${msg}`, `The data could not be loaded: ${msg}`, undefined, 'warning'));
  }
  return { ok: true, problems };
}
