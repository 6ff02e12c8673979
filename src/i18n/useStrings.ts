/**
 * Each feature keeps its own bokmål and English strings next to its code:
 *   const strings = { nb: { title: 'Modeller' }, en: { title: 'Models' } } satisfies Strings;
 *   const s = useStrings(strings);
 * so features can be built in parallel without a shared dictionary file.
 */
import { useLanguage } from './useLanguage';
import type { Language } from './language';

export type Strings<T extends Record<string, unknown> = Record<string, unknown>> = Record<Language, T>;

export function useStrings<T extends Record<string, unknown>>(strings: { nb: T; en: T }): T {
  const lang = useLanguage();
  return strings[lang];
}
