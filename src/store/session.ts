/** Starts a browser session: restores the autosaved analysis (or loads the demo) and autosaves edits. */
import { useAnalysisStore } from './analysisStore';
import { loadDemo, reloadSources } from './actions';
import { readSavedSpec, saveSpec } from './persistence';

const AUTOSAVE_MS = 400;

export async function startSession(): Promise<void> {
  const store = useAnalysisStore.getState();
  let restored = false;
  try {
    const saved = await readSavedSpec();
    if (
      saved !== undefined &&
      store.replaceSpec(saved) &&
      useAnalysisStore.getState().spec.data.sources.length > 0
    ) {
      restored = true;
      await reloadSources();
    }
  } catch {
    restored = false;
  }
  // A first visit (or an empty saved session) opens on the demo, as the README promises.
  if (!restored) await loadDemo();

  let timer: ReturnType<typeof setTimeout> | null = null;
  useAnalysisStore.subscribe((s, prev) => {
    if (s.spec === prev.spec) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void saveSpec(s.spec), AUTOSAVE_MS);
  });
}
