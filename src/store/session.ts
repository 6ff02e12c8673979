/** Starts a browser session: restores the autosaved analysis and view state (or loads the demo) and
 *  autosaves edits of either. */
import { useAnalysisStore } from './analysisStore';
import { loadDemo, reloadSources } from './actions';
import { readSavedSpec, readSavedView, saveSpec, saveView } from './persistence';
import { selectViewState, useUiStore } from './uiStore';
import { readViewState } from '../spec/viewState';

const AUTOSAVE_MS = 400;

export async function startSession(): Promise<void> {
  const store = useAnalysisStore.getState();
  let restored = false;
  let savedView: ReturnType<typeof readViewState> = {};
  try {
    // The view state first: a session saved before the view state had its own key carries it in its
    // (version 1) spec, and replaceSpec then takes it from there.
    savedView = readViewState(await readSavedView());
    useUiStore.getState().setView(savedView);
    const saved = await readSavedSpec();
    // Any saved analysis comes back, an empty one too: after «Ny analyse» a reload stays empty.
    if (saved !== undefined && store.replaceSpec(saved)) {
      restored = true;
      await reloadSources();
    }
  } catch {
    restored = false;
  }
  // A first visit (nothing saved) opens on the demo, as the README promises. The demo starts with a
  // fresh view state, so what the user looked at last time (on the demo: the demo's spec is not saved
  // until it is edited) is put back.
  if (!restored) {
    await loadDemo();
    useUiStore.getState().setView(savedView);
  }

  let timer: ReturnType<typeof setTimeout> | null = null;
  useAnalysisStore.subscribe((s, prev) => {
    if (s.spec === prev.spec) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void saveSpec(s.spec), AUTOSAVE_MS);
  });
  let viewTimer: ReturnType<typeof setTimeout> | null = null;
  useUiStore.subscribe((s, prev) => {
    const view = selectViewState(s);
    const before = selectViewState(prev);
    if ((Object.keys(view) as (keyof typeof view)[]).every((k) => view[k] === before[k])) return;
    if (viewTimer) clearTimeout(viewTimer);
    viewTimer = setTimeout(() => void saveView(view), AUTOSAVE_MS);
  });
}
