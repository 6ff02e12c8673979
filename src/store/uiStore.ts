/** UI state that is not part of the analysis: language, active view, highlighted municipality. */
import { create } from 'zustand';
import type { Language } from '../i18n/language';

export interface UiState {
  language: Language;
  setLanguage(lang: Language): void;
}

export const useUiStore = create<UiState>((set) => ({
  language: 'nb',
  setLanguage: (language) => set({ language }),
}));
