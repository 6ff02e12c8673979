/**
 * UI state: what the user is looking at, never what is computed. No worker stage reads it, so
 * changing it re-runs nothing. The language and «Tillat henting fra SSB» live in localStorage (read
 * synchronously before the first paint; the SSB setting belongs to this machine, not to a project);
 * the view state (`src/spec/viewState.ts`) is autosaved to IndexedDB next to the spec
 * (src/store/session.ts) and carried in project files.
 */
import { create } from 'zustand';
import type { Language } from '../i18n/language';
import { defaultViewState, type ViewState } from '../spec/viewState';

const LANG_KEY = 'kostnadsnokkel-lab:language';
const SSB_KEY = 'kostnadsnokkel-lab:ssb-fetch';

function initialLanguage(): Language {
  try {
    return globalThis.localStorage?.getItem(LANG_KEY) === 'en' ? 'en' : 'nb';
  } catch {
    return 'nb';
  }
}

function initialSsbFetch(): boolean {
  try {
    return globalThis.localStorage?.getItem(SSB_KEY) !== 'off';
  } catch {
    return true;
  }
}

export interface UiState extends ViewState {
  language: Language;
  setLanguage(lang: Language): void;
  /** Changes some view-state fields (the rest stay). */
  setView(patch: Partial<ViewState>): void;
  /** Back to the defaults (a new analysis: the demo, or a project without view state). */
  resetView(): void;
  /** «Tillat henting fra SSB»: off = the page makes no request to SSB (kept on this machine). */
  ssbFetch: boolean;
  setSsbFetch(on: boolean): void;
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
  ssbFetch: initialSsbFetch(),
  setSsbFetch: (ssbFetch) => {
    try {
      globalThis.localStorage?.setItem(SSB_KEY, ssbFetch ? 'on' : 'off');
    } catch {
      // As for the language: without storage the choice lasts for this page only.
    }
    set({ ssbFetch });
  },
}));
