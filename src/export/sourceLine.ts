/**
 * The «Kilde» line under an exported chart or table: which files or SSB tables (with the fetch date)
 * the figures were computed from. One home, so a chart file, a slide and a report say the same.
 */
import type { AnalysisSpec } from '../spec/schema';
import type { Language } from '../i18n/language';

const L = {
  nb: { demo: 'syntetiske demodata', table: 'SSB-tabell', fetched: 'hentet', from: (list: string) => `Kostnadsnøkkel-lab, beregnet fra ${list}`, none: 'Kostnadsnøkkel-lab' },
  en: { demo: 'synthetic demo data', table: 'SSB table', fetched: 'fetched', from: (list: string) => `Kostnadsnøkkel-lab, computed from ${list}`, none: 'Kostnadsnøkkel-lab' },
};

export function sourceLine(spec: Pick<AnalysisSpec, 'data'>, lang: Language): string {
  const t = L[lang];
  const parts: string[] = [];
  for (const s of spec.data.sources) {
    if (s.role === 'change-table') continue;
    const text = s.ssb ? `${t.table} ${s.ssb.query.tableId} (${t.fetched} ${s.ssb.fetchedAt.slice(0, 10)})` : s.demo ? t.demo : s.fileName;
    if (!parts.includes(text)) parts.push(text);
  }
  return parts.length ? t.from(parts.join('; ')) : t.none;
}
