/** «Oppdater fra SSB»: one line per source saying what changed, in the current language. */
import { formatInteger } from '../../../i18n/format';
import type { Language } from '../../../i18n/language';
import type { DatasetChanges } from '../../../ssb/diff';
import { ssbStrings } from './strings';

export function changesText(c: DatasetChanges, lang: Language): string {
  const s = ssbStrings[lang];
  const n = (x: number) => formatInteger(x, lang);
  const parts: string[] = [];
  if (c.yearsAdded.length) parts.push(`${c.yearsAdded.length === 1 ? s.newYear : s.newYears} ${c.yearsAdded.join(', ')}`);
  if (c.yearsRemoved.length) parts.push(`${c.yearsRemoved.length === 1 ? s.goneYear : s.goneYears} ${c.yearsRemoved.join(', ')}`);
  if (c.cellsChanged) parts.push(`${n(c.cellsChanged)} ${s.changed}`);
  if (c.cellsAdded) parts.push(`${n(c.cellsAdded)} ${s.addedCells}`);
  if (c.cellsRemoved) parts.push(`${n(c.cellsRemoved)} ${s.removedCells}`);
  const text = parts.length ? parts.join(', ') : s.noChange;
  const day = (x: string | null) => x?.slice(0, 10) ?? s.unknown;
  const updated = c.updatedAfter !== c.updatedBefore ? `; ${s.updatedBySsb} ${day(c.updatedAfter)} (${s.was} ${day(c.updatedBefore)})` : '';
  return text + updated;
}
