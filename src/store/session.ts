/**
 * Starts a browser session: restores the autosaved analysis and view state (or loads the demo) and
 * autosaves edits of either.
 *
 * A saved session must never take the app down or be lost silently:
 * - An import that was running when the page died (persistence `importing`) is not replayed: its
 *   files are held back (not read) until the user chooses in the restore prompt, so a file that
 *   crashes the tab cannot crash every reload.
 * - The saved spec is validated (schema, version, limits) before it is used; one that cannot be
 *   used is kept aside (downloadable) before anything can overwrite it, and the demo opens instead.
 * - A stored file record that is not a file is kept aside and the session restored without it.
 * - Autosave failures go to the session store, which the status line shows with what to do.
 * - Each edit is journaled synchronously (journal.ts) before the debounced IndexedDB write, and the
 *   journal is applied at start when it is newer: an edit made just before a reload comes back.
 */
import { useAnalysisStore } from './analysisStore';
import { loadDemo, reloadSources } from './actions';
import {
  clearImporting,
  deleteFile,
  deleteSavedSpec,
  acknowledgeReopened,
  filesStoredSinceReopen,
  holdCrashed,
  inspectFile,
  keepAside,
  listDamaged,
  readCrashed,
  readImporting,
  readSavedSpec,
  readSavedSpecAt,
  readSavedView,
  readSavedViewAt,
  SaveError,
  saveSpec,
  saveView,
  type ImportMarker,
} from './persistence';
import { selectViewState, useUiStore } from './uiStore';
import { useSessionStore } from './sessionStore';
import { readViewState } from '../spec/viewState';
import { loadSpec } from '../spec/migrate';
import type { AnalysisSpec } from '../spec/schema';
import { clearJournal, dropJournal, editStamp, newerThanSaved, readJournal, writeJournal, type JournalKind } from './journal';

const AUTOSAVE_MS = 400;

/** The crash marker of the last page, held until the user has chosen (see persistence). */
async function takeCrashMarker(): Promise<ImportMarker | undefined> {
  const fresh = await readImporting();
  if (fresh) {
    await holdCrashed(fresh);
    await clearImporting();
    return fresh;
  }
  return readCrashed();
}

/** Files of the spec whose stored record is not a file: kept aside, deleted, and held back. */
async function setAsideDamagedFiles(spec: AnalysisSpec): Promise<Set<string>> {
  const out = new Set<string>();
  for (const s of spec.data.sources.filter((x) => !x.demo)) {
    const state = await inspectFile(s.id).catch(() => 'missing' as const);
    if (state === 'ok' || state === 'missing') continue;
    await keepAside({
      what: 'file',
      name: s.fileName,
      reason: `Den lagrede kopien av «${s.fileName}» er skadet (ikke en fil).`,
      reasonEn: `The stored copy of "${s.fileName}" is damaged (not a file).`,
      value: state.record,
    }).catch(() => undefined);
    await deleteFile(s.id);
    out.add(s.id);
  }
  return out;
}

/**
 * Autosave: a failure is shown in the status line (with what to do), a later success clears it. Once
 * the write of the edit stamped `at` has committed, its journal entry is no longer needed.
 */
async function autosave(write: () => Promise<{ reopened: boolean }>, journal?: { kind: JournalKind; at: number }): Promise<void> {
  const session = useSessionStore.getState();
  try {
    const { reopened } = await write();
    if (journal) clearJournal(journal.kind, journal.at);
    if (reopened) {
      // The browser's site data were cleared under the page: files stored before are gone.
      const kept = filesStoredSinceReopen();
      const lost = useAnalysisStore.getState().spec.data.sources.filter((s) => !s.demo && !kept.has(s.id)).map((s) => s.fileName);
      session.setLostFiles(lost);
      acknowledgeReopened();
    }
    if (!session.save.ok && !session.save.file) session.setSave({ ok: true });
  } catch (e) {
    session.setSave({ ok: false, reason: e instanceof SaveError ? e.reason : 'unknown' });
  }
}

export async function startSession(): Promise<void> {
  const store = useAnalysisStore.getState();
  const session = useSessionStore.getState();
  let restored = false;
  let savedView: ReturnType<typeof readViewState> = {};
  // Set when the saved session could not be kept aside: it is then not overwritten by autosave.
  let protectSaved = false;
  // Read before anything else runs: the edits the last page made that IndexedDB may not have.
  const journal = { spec: readJournal('spec'), view: readJournal('view') };
  /** Journal entries applied over the IndexedDB copies, saved there once the session is up. */
  const applied: { spec?: number; view?: number } = {};
  // The reads are independent: all are asked for at once (on a first visit the demo's first
  // results wait for them; one after the other they were several IndexedDB round trips), and their
  // answers are taken in the order they were used before.
  const crashedRead = takeCrashMarker();
  const viewRead = readSavedView().catch(() => undefined);
  const viewAtRead = readSavedViewAt();
  const specRead = readSavedSpec();
  const specAtRead = readSavedSpecAt();
  // Read and dropped unawaited if an earlier read throws (no unhandled rejection).
  for (const read of [viewAtRead, specRead, specAtRead]) read.catch(() => undefined);
  try {
    const crashed = await crashedRead;
    if (crashed) session.setCrashed(crashed);
    // The view state first: a session saved before the view state had its own key carries it in its
    // (version 1) spec, and replaceSpec then takes it from there.
    const viewEdit = newerThanSaved(journal.view, await viewAtRead);
    if (viewEdit) applied.view = viewEdit.at;
    savedView = readViewState(viewEdit ? viewEdit.value : await viewRead);
    useUiStore.getState().setView(savedView);
    let saved = await specRead;
    const specEdit = newerThanSaved(journal.spec, await specAtRead);
    if (specEdit && loadSpec(specEdit.value).ok) {
      saved = specEdit.value;
      applied.spec = specEdit.at;
    } else if (specEdit) {
      // A journaled spec that does not load is not worth keeping aside: the IndexedDB copy is used.
      dropJournal('spec');
    }
    if (saved !== undefined) {
      const loaded = loadSpec(saved);
      if (!loaded.ok) {
        await keepAside({
          what: 'session',
          reason: loaded.problems.map((p) => p.message).join(' '),
          reasonEn: loaded.problems.map((p) => p.messageEn).join(' '),
          value: saved,
        })
          .then(() => deleteSavedSpec())
          .catch(() => {
            protectSaved = true;
          });
      } else if (store.replaceSpec(saved)) {
        // Any saved analysis comes back, an empty one too: after «Ny analyse» a reload stays empty.
        restored = true;
        const holdBack = await setAsideDamagedFiles(loaded.spec);
        for (const f of crashed?.files ?? []) if (f.id) holdBack.add(f.id);
        if (loaded.spec.data.sources.some((s) => !s.demo)) session.setRestoredTitle(loaded.spec.title);
        await reloadSources(holdBack);
      }
    }
  } catch {
    // The store could not be read at all (private window, blocked storage): start on the demo.
    restored = false;
  }
  // After any keeping aside above; the demo does not wait for the list (the prompt shows it when read).
  void listDamaged()
    .catch(() => [])
    .then((damaged) => session.setDamaged(damaged));
  // A first visit (nothing saved) or an unusable saved session (kept aside above) opens on the demo,
  // as the README promises. The demo starts with a fresh view state, so what the user looked at last
  // time (on the demo: the demo's spec is not saved until it is edited) is put back.
  if (!restored) {
    await loadDemo();
    useUiStore.getState().setView(savedView);
  }

  // The journaled edits the session came back with are saved to IndexedDB now (nothing else would).
  if (applied.spec !== undefined && !protectSaved) {
    const at = applied.spec;
    void autosave(() => saveSpec(useAnalysisStore.getState().spec, at), { kind: 'spec', at });
  }
  if (applied.view !== undefined) {
    const at = applied.view;
    void autosave(() => saveView(selectViewState(useUiStore.getState()), at), { kind: 'view', at });
  }

  let timer: ReturnType<typeof setTimeout> | null = null;
  useAnalysisStore.subscribe((s, prev) => {
    if (s.spec === prev.spec || protectSaved) return;
    // Journaled at once (synchronously, before a reload can start); written to IndexedDB debounced.
    const at = editStamp();
    writeJournal('spec', s.spec, at);
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void autosave(() => saveSpec(s.spec, at), { kind: 'spec', at }), AUTOSAVE_MS);
  });
  let viewTimer: ReturnType<typeof setTimeout> | null = null;
  useUiStore.subscribe((s, prev) => {
    const view = selectViewState(s);
    const before = selectViewState(prev);
    if ((Object.keys(view) as (keyof typeof view)[]).every((k) => view[k] === before[k])) return;
    const at = editStamp();
    writeJournal('view', view, at);
    if (viewTimer) clearTimeout(viewTimer);
    viewTimer = setTimeout(() => void autosave(() => saveView(view, at), { kind: 'view', at }), AUTOSAVE_MS);
  });
}
