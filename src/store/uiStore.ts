/**
 * UI state: what the user is looking at, never what is computed. No worker stage reads it, so
 * changing it re-runs nothing. The language lives in localStorage (read synchronously before the
 * first paint); the view state (`src/spec/viewState.ts`) is autosaved to IndexedDB next to the spec
 * (src/store/session.ts) and carried in project files.
 */
import { create } from 'zustand';
import type { Language } from '../i18n/language';
import { defaultViewState, type ViewState } from '../spec/viewState';

const LANG_KEY = 'kostnadsnokkel-lab:language';

function initialLanguage(): Language {
  try {
    return globalThis.localStorage?.getItem(LANG_KEY) === 'en' ? 'en' : 'nb';
  } catch {
    return 'nb';
  }
}

export interface UiState extends ViewState {
  language: Language;
  setLanguage(lang: Language): void;
  /** Changes some view-state fields (the rest stay). */
  setView(patch: Partial<ViewState>): void;
  /** Back to the defaults (a new analysis: the demo, or a project without view state). */
  resetView(): void;
}

/** The persisted part of the UI state, without the functions. */
export function selectViewState(s: UiState): ViewState {
  return { myMunicipality: s.myMunicipality, redistributionGroupBy: s.redistributionGroupBy, slides: s.slides, csvStyle: s.csvStyle };
}

export const useUiStore = create<UiState>((set) => ({
  language: initialLanguage(),
  setLanguage: (language) => {
    try {
      globalThis.localStorage?.setItem(LANG_KEY, language);
    } catch {
      // Private mode may forbid storage; the choice then lasts for this page only.
    }
    set({ language });
  },
  ...defaultViewState(),
  setView: (patch) => set(patch),
  resetView: () => set(defaultViewState()),
}));
