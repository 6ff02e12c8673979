/**
 * Per-municipality rows of the redistribution (read straight from the key outcome, nothing computed)
 * and their report-table form for the xlsx and CSV exports.
 */
import type { KeyBase, KeyOutcome } from '../../engine/costkey';
import type { KeyBootstrapResult } from '../../engine/costkey/keyBootstrap';
import { rowsTable, type ReportTable } from '../../export/reportTable';
import type { Language } from '../../i18n/language';
import { redistributionStrings } from './strings';
import { uncertaintyStrings } from '../costkey/uncertaintyStrings';

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

/**
 * The table as a report table for the exports (xlsx keeps full precision; CSV follows the chosen
 * style: nb `;`, decimal comma and these Norwegian headers, en `,` and point), in the given language.
 * The key bootstrap's columns (95 % interval of the change per inhabitant, sign uncertain) only when
 * the rows carry intervals, so the plain export keeps its shape.
 */
export function redistributionReportTable(rows: RedistributionRow[], lang: Language): ReportTable {
  const s = redistributionStrings[lang];
  const su = uncertaintyStrings[lang];
  const boot = rows.some((r) => r.low95 !== undefined);
  return rowsTable({
    id: 'redistribution',
    title: `${s.title}: ${s.table}`,
    rowHeader: s.number,
    columns: [
      { header: s.kommune, format: 'text' },
      { header: s.population, format: 'integer' },
      { header: s.index, format: 'decimal', digits: 4 },
      { header: s.indexCurrent, format: 'decimal', digits: 4 },
      { header: s.need, format: 'integer' },
      { header: s.amount, format: 'integer' },
      { header: s.change, format: 'integer' },
      { header: s.changePerCapita, format: 'integer' },
      ...(boot
        ? [
            { header: s.low95, format: 'integer' as const },
            { header: s.high95, format: 'integer' as const },
            { header: su.signUncertain, format: 'text' as const },
          ]
        : []),
    ],
    rows: rows.map((r) => ({
      label: r.unit,
      values: [
        r.name, r.population, r.index, r.indexCurrent, r.needPerCapita, r.amount, r.change, r.changePerCapita,
        ...(boot ? [r.low95 ?? null, r.high95 ?? null, r.signUncertain ? s.yes : s.no] : []),
      ],
    })),
  });
}
