/**
 * What the session itself has to tell the user, apart from the analysis: whether
 * autosave works, a saved session or file record that was kept aside because it could not be used,
 * and an import that was running when the page last stopped. The status line and the restore prompt
 * read it; src/store/session.ts and the data actions write it.
 */
import { create } from 'zustand';
import type { DamagedEntry, ImportMarker, SaveFailure } from './persistence';

export type SaveState =
  | { ok: true }
  | {
      ok: false;
      reason: SaveFailure;
      /** The file that could not be stored (its data are read, but will not come back after a reload). */
      file?: string;
    };

export interface SessionState {
  save: SaveState;
  /** Files saved earlier that are gone (the browser's site data were cleared while the page was open). */
  lostFiles: string[];
  damaged: DamagedEntry[];
  /** The import that was running when the page last stopped, until the user has chosen what to do. */
  crashed: ImportMarker | null;
  /** Title of the analysis restored from the last session (null: nothing of the user's was restored). */
  restoredTitle: string | null;
  setSave(save: SaveState): void;
  setLostFiles(names: string[]): void;
  setDamaged(entries: DamagedEntry[]): void;
  setCrashed(marker: ImportMarker | null): void;
  setRestoredTitle(title: string | null): void;
}

export const useSessionStore = create<SessionState>((set) => ({
  save: { ok: true },
  lostFiles: [],
  damaged: [],
  crashed: null,
  restoredTitle: null,
  setSave: (save) => set({ save }),
  setLostFiles: (lostFiles) => set({ lostFiles }),
  setDamaged: (damaged) => set({ damaged }),
  setCrashed: (crashed) => set({ crashed }),
  setRestoredTitle: (restoredTitle) => set({ restoredTitle }),
}));
