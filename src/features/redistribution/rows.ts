/**
 * Per-municipality rows of the redistribution (read straight from the key outcome, nothing computed)
 * and their CSV form: the export hook for the table and for the export feature.
 */
import type { KeyBase, KeyOutcome } from '../../engine/costkey';
import type { KeyBootstrapResult } from '../../engine/costkey/keyBootstrap';

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
  /** With the key's bootstrap: the 95 % interval of the change per inhabitant, and whether it crosses 0. */
  low95?: number;
  high95?: number;
  signUncertain?: boolean;
}

export function redistributionRows(base: KeyBase, o: KeyOutcome, boot: KeyBootstrapResult | null = null): RedistributionRow[] {
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
    ...(boot ? { low95: boot.low95[i], high95: boot.high95[i], signUncertain: boot.signUncertain[i] === 1 } : {}),
  }));
}

/** CSV with full precision and `.` decimals (for spreadsheets and scripts, not for reading). */
export function redistributionCsv(rows: RedistributionRow[]): string {
  // The bootstrap columns only when the rows carry intervals, so the plain export keeps its shape.
  const boot = rows.some((r) => r.low95 !== undefined);
  const head =
    'kommune,navn,innbyggere,index,index_current,need_per_capita_nok,equalisation_nok,change_nok,change_per_capita_nok' +
    (boot ? ',change_per_capita_low95_nok,change_per_capita_high95_nok,sign_uncertain' : '');
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = rows.map((r) =>
    [
      q(r.unit), q(r.name), r.population, r.index, r.indexCurrent, r.needPerCapita, r.amount, r.change, r.changePerCapita,
      ...(boot ? [r.low95, r.high95, r.signUncertain ? 1 : 0] : []),
    ].join(','),
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
