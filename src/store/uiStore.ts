/** UI state that is not part of the analysis: language, active view, highlighted municipality. */
import { create } from 'zustand';
import type { Language } from '../i18n/language';

const LANG_KEY = 'kostnadsnokkel-lab:language';

function initialLanguage(): Language {
  try {
    return globalThis.localStorage?.getItem(LANG_KEY) === 'en' ? 'en' : 'nb';
  } catch {
    return 'nb';
  }
}

export interface UiState {
  language: Language;
  setLanguage(lang: Language): void;
  /** Municipality code highlighted across views (null = none). */
  highlightedUnit: string | null;
  setHighlightedUnit(code: string | null): void;
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
  highlightedUnit: null,
  setHighlightedUnit: (highlightedUnit) => set({ highlightedUnit }),
}));
