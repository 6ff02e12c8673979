/**
 * A table on a slide is read from the back of a room: at most SLIDE_TABLE_ROWS rows (a 357-row
 * redistribution table shrunk to one slide could not be read). The rest stays in the export, and the
 * slide says how many rows it shows.
 */
import type { ReportTable } from '../../export/reportTable';
import { formatInteger } from '../../i18n/format';

export const SLIDE_TABLE_ROWS = 18;

export function slideTable(table: ReportTable, lang: 'nb' | 'en', max = SLIDE_TABLE_ROWS): ReportTable {
  const total = table.groups.reduce((n, g) => n + g.rows.length, 0);
  if (total <= max) return table;
  let left = max;
  const groups = table.groups.flatMap((g) => {
    if (left <= 0) return [];
    const rows = g.rows.slice(0, left);
    left -= rows.length;
    return [{ ...g, rows }];
  });
  const note =
    lang === 'nb'
      ? `Lysbildet viser de ${formatInteger(max, lang)} første av ${formatInteger(total, lang)} radene; hele tabellen er i eksporten (Excel, CSV).`
      : `The slide shows the first ${formatInteger(max, lang)} of ${formatInteger(total, lang)} rows; the whole table is in the export (Excel, CSV).`;
  return { ...table, groups, notes: [note, ...table.notes] };
}
