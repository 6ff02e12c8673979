/**
 * Per-municipality rows of the redistribution (read straight from the key outcome, nothing computed)
 * and their CSV form: the export hook for the table and for the export feature.
 */
import type { KeyBase, KeyOutcome } from '../../engine/costkey';

export interface RedistributionRow {
  pos: number;
  unit: string;
  name: string;
  population: number;
  index: number;
  indexCurrent: number;
  needPerCapita: number;
  amount: number;
  change: number;
  changePerCapita: number;
}

export function redistributionRows(base: KeyBase, o: KeyOutcome): RedistributionRow[] {
  return base.prep.units.map((unit, i) => ({
    pos: i,
    unit,
    name: base.names[i],
    population: base.prep.population[i],
    index: o.index[i],
    indexCurrent: base.indexCurrent[i],
    needPerCapita: o.needPerCapita[i],
    amount: o.amount[i],
    change: o.change[i],
    changePerCapita: o.changePerCapita[i],
  }));
}

/** CSV with full precision and `.` decimals (for spreadsheets and scripts, not for reading). */
export function redistributionCsv(rows: RedistributionRow[]): string {
  const head = 'kommune,navn,innbyggere,index,index_current,need_per_capita_nok,equalisation_nok,change_nok,change_per_capita_nok';
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = rows.map((r) =>
    [q(r.unit), q(r.name), r.population, r.index, r.indexCurrent, r.needPerCapita, r.amount, r.change, r.changePerCapita].join(','),
  );
  return [head, ...lines].join('\n') + '\n';
}

export function downloadText(filename: string, text: string, type = 'text/csv'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
