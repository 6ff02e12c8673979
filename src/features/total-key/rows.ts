/**
 * Per-municipality rows of the total key (read straight from the worker's result, nothing computed)
 * and their report tables for the export buttons (xlsx / CSV / clipboard).
 */
import type { TotalKeyResult } from '../../engine/costkey';
import { rowsTable, type ReportTable, type SimpleColumn } from '../../export/reportTable';
import type { Language } from '../../i18n/language';
import type { TotalKeyResults } from '../../results/totalKey';
import { totalKeyStrings } from './strings';

export interface TotalKeyRow {
  pos: number;
  unit: string;
  name: string;
  population: number;
  /** Sector indices in sector order. */
  sectors: number[];
  index: number;
  indexBefore: number;
  needPerCapita: number;
  equalisation: number;
  change: number;
  changePerCapita: number;
}

export type TotalSortKey = 'unit' | 'name' | 'population' | 'index' | 'needPerCapita' | 'equalisation' | 'change' | 'changePerCapita' | `sector:${number}`;

export function totalKeyRows(r: TotalKeyResult): TotalKeyRow[] {
  if (!r.ok) return [];
  return r.units.map((unit, i) => ({
    pos: i,
    unit,
    name: r.names[i],
    population: r.population[i],
    sectors: r.sectors.map((s) => s.index[i]),
    index: r.index[i],
    indexBefore: r.indexBefore[i],
    needPerCapita: r.needPerCapita[i],
    equalisation: r.equalisation[i],
    change: r.change[i],
    changePerCapita: r.changePerCapita[i],
  }));
}

export function sortValue(row: TotalKeyRow, key: TotalSortKey): number | string {
  if (key.startsWith('sector:')) return row.sectors[Number(key.slice(7))];
  return row[key as Exclude<TotalSortKey, `sector:${number}`>];
}

/** The per-municipality table and the sector-weights table, for xlsx / CSV / clipboard. */
export function totalKeyReportTables(res: TotalKeyResults, lang: Language): ReportTable[] {
  const r = res.result;
  if (!r || !r.ok) return [];
  const s = totalKeyStrings[lang];
  const rows = totalKeyRows(r);
  const columns: SimpleColumn[] = [
    { header: s.kommune, format: 'text' },
    { header: s.population, format: 'integer' },
    ...r.sectors.map((x) => ({ header: s.indexOf(x.label), format: 'decimal' as const, digits: 6 })),
    { header: s.total, format: 'decimal', digits: 6 },
    ...(r.compared ? [{ header: s.totalBefore, format: 'decimal' as const, digits: 6 }] : []),
    { header: s.need, format: 'kroner' },
    { header: s.equalisation, format: 'kroner' },
    ...(r.compared
      ? [
          { header: s.change, format: 'kroner' as const },
          { header: s.changePerCapita, format: 'kroner' as const },
        ]
      : []),
  ];
  const year = r.year === null ? '–' : String(r.year);
  const replaced = res.sources
    .map((src, i) => (src.compareWith ? s.replaced(r.sectors[i].label, src.source[lang], src.compareWith[lang]) : null))
    .filter((x): x is string => x !== null);
  const units = rowsTable({
    id: 'total-key-units',
    title: s.exportTitle,
    rowHeader: s.number,
    columns,
    rows: rows.map((x) => ({
      label: x.unit,
      values: [
        x.name,
        x.population,
        ...x.sectors,
        x.index,
        ...(r.compared ? [x.indexBefore] : []),
        x.needPerCapita,
        x.equalisation,
        ...(r.compared ? [x.change, x.changePerCapita] : []),
      ],
    })),
    notes: [s.exportNote(year), ...replaced],
  });
  const weights = rowsTable({
    id: 'total-key-weights',
    title: s.weightsCaption,
    rowHeader: s.colSector,
    columns: [
      { header: s.colSource, format: 'text' },
      { header: s.colSpending, format: 'kroner' },
      { header: s.colWeight, format: 'decimal', digits: 4 },
    ],
    rows: [
      ...r.sectors.map((x, i) => ({ label: x.label, values: [res.sources[i]?.source[lang] ?? '', Number.isFinite(x.spending) ? x.spending : null, x.weight] })),
      { label: s.sum, values: ['', Number.isFinite(r.perCapita) ? r.perCapita : null, r.weightSum] },
    ],
  });
  return [units, weights];
}
