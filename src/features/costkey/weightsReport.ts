/** The weights table («Vekter») as a report table for xlsx and CSV, in the given language. */
import { BASIC } from '../../engine/costkey';
import { rowsTable, type ReportTable } from '../../export/reportTable';
import type { Language } from '../../i18n/language';
import { formatPStatement } from '../../i18n/format';
import { costKeyStrings } from './strings';

export interface WeightsRow {
  criterion: string;
  label: string;
  national?: number;
  coefficient?: number;
  p?: number;
  computed?: number;
  current?: number;
  proposed?: number;
}

export function weightsReportTable(rows: WeightsRow[], lang: Language, source: string): ReportTable {
  const s = costKeyStrings[lang];
  const t = rowsTable({
    id: 'weights',
    title: s.weightsTable,
    rowHeader: s.criterion,
    columns: [
      { header: s.national, format: 'significant', digits: 5 },
      { header: s.coefficient, format: 'significant', digits: 5 },
      { header: s.p, format: 'decimal', digits: 3 },
      { header: s.computed, format: 'decimal', digits: 4 },
      { header: s.current, format: 'decimal', digits: 4 },
      { header: s.proposed, format: 'decimal', digits: 4 },
    ],
    rows: rows.map((r) => ({
      label: r.criterion === BASIC ? s.basicCriterion : r.label,
      values: [r.national ?? null, r.coefficient ?? null, r.p ?? null, r.computed ?? null, r.current ?? null, r.proposed ?? null],
    })),
    notes: [source],
  });
  // p-values below 0,001 are written «< 0,001» as on screen, in every export.
  for (const row of t.groups[0].rows) {
    const p = row.cells[2];
    if (typeof p.value === 'number' && p.value < 0.001) row.cells[2] = { value: formatPStatement(p.value, lang).slice(2), format: 'text' };
  }
  return t;
}
