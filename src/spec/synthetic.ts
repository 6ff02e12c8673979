/**
 * The one rule for synthetic labelling. The bundled demo files are synthetic (fictitious 9xxx
 * municipalities); an analysis that uses ANY of them is synthetic, and the header badge, every
 * view, chart, table export and generated script say so. When demo files and real files are mixed,
 * the label also gives the share of the data's rows (municipality-years) that come from synthetic
 * files, so nobody mistakes a mixed result for a real one.
 *
 * Everything that labels calls these functions (the yes/no rule itself is `usesDemoData` in
 * spec/sections/data.ts); there is no second test (an `every` here and a
 * `some` there once made the screen and the exports disagree).
 */
import type { Language } from '../i18n/language';
import { usesDemoData } from './sections/data';

interface SourceLike {
  demo?: boolean;
}

/** True when any source is synthetic demo data: the rule is usesDemoData (spec/sections/data.ts), here for bare source lists. */
export function usesSyntheticSources(sources: readonly SourceLike[]): boolean {
  return usesDemoData({ sources });
}

/** True when synthetic and real sources are mixed. */
export function mixesSyntheticAndReal(sources: readonly SourceLike[]): boolean {
  return usesSyntheticSources(sources) && sources.some((s) => s.demo !== true);
}

const TEXT = {
  nb: {
    short: 'Syntetiske demodata',
    figures: 'Syntetiske data – ikke virkelige tall',
    municipalities: 'Syntetiske data – ikke virkelige kommuner',
    mixed: (pct: string) => `Delvis syntetiske data: ${pct} av radene kommer fra syntetiske demofiler`,
    mixedUnknown: 'Delvis syntetiske data: noen av radene kommer fra syntetiske demofiler',
  },
  en: {
    short: 'Synthetic demo data',
    figures: 'Synthetic data – not real figures',
    municipalities: 'Synthetic data – not real municipalities',
    mixed: (pct: string) => `Partly synthetic data: ${pct} of the rows come from synthetic demo files`,
    mixedUnknown: 'Partly synthetic data: some of the rows come from synthetic demo files',
  },
};

function percent(share: number, lang: Language): string {
  const p = share * 100;
  // Never "0 %" or "100 %" for a mix: both kinds are there.
  const shown = p < 1 ? '<1' : p > 99 && p < 100 ? '>99' : String(Math.round(p));
  return lang === 'nb' ? `${shown} %` : `${shown}%`;
}

/**
 * The note a chart, table or export carries. `share` is the share of rows from synthetic sources
 * (1 = only demo data; between 0 and 1 = mixed; null = not known, e.g. a script without data).
 */
export function syntheticNote(lang: Language, share: number | null = 1, about: 'figures' | 'municipalities' = 'figures'): string {
  const t = TEXT[lang];
  if (share === null) return t[about];
  if (share >= 1) return t[about];
  return share > 0 ? t.mixed(percent(share, lang)) : t.mixedUnknown;
}

/** The badge text. */
export function syntheticBadge(lang: Language, share: number | null = 1): string {
  if (share === null || share >= 1) return TEXT[lang].short;
  return `${TEXT[lang].short} (${percent(share, lang)})`;
}
