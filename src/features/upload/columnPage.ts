/**
 * Which columns of a file the mapping step shows. A file may have up to MAX_COLUMNS (16 384)
 * columns; mounting a checkbox, two select options and a preview cell per column for all of them
 * blocked the page for seconds (trace of a 16 000-column CSV: one 7 s task of DOM inserts). So the
 * step shows one page of columns at a time, found by a search over all of them; the chosen ones
 * are always shown, so a choice never disappears from view.
 */
export const COLUMN_PAGE = 40;

export interface ColumnPage {
  /** Indexes into the headers, in file order. */
  shown: number[];
  /** Columns that match the search (all columns without a search). */
  matches: number;
}

export function columnPage(headers: readonly string[], query: string, limit: number, chosen: ReadonlySet<string>): ColumnPage {
  const q = query.trim().toLowerCase();
  const shown: number[] = [];
  let matches = 0;
  for (let i = 0; i < headers.length; i++) {
    const hit = !q || headers[i].toLowerCase().includes(q);
    if (hit) matches++;
    if ((hit && matches <= limit) || chosen.has(headers[i])) shown.push(i);
  }
  return { shown, matches };
}
