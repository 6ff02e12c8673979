import { useUiStore } from '../store/uiStore';
import type { Language } from './language';

export function useLanguage(): Language {
  return useUiStore((s) => s.language);
}
