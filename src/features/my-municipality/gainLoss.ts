/**
 * The keys a municipality report compares (see KeyGainLossTable) and the report's tables for the
 * xlsx and CSV exports. Rows are read from the results; nothing is computed here.
 */
import type { CandidateKey } from '../../results/costKey';
import type { KeyOutcome } from '../../engine/costkey';
import { rowsTable, type ReportTable } from '../../export/reportTable';
import type { Language } from '../../i18n/language';
import { myStrings } from './strings';

export interface GainLossKey {
  id: string;
  label: string;
  /** Change against the current key per unit, in kroner and kroner per inhabitant (base order). */
  change: ArrayLike<number>;
  changePerCapita: ArrayLike<number>;
  /** Shown next to the label (e.g. weights that do not sum to 1). */
  warning?: string;
  /** The key the report is about (the proposed key). */
  emphasis?: boolean;
}

/** The proposed key first, then the cost-key stage's candidates (scenarios append theirs). */
export function reportKeys(outcome: KeyOutcome, candidates: readonly CandidateKey[], lang: Language): GainLossKey[] {
  const s = myStrings[lang];
  return [
    { id: 'proposed', label: s.proposed, change: outcome.change, changePerCapita: outcome.changePerCapita, emphasis: true, warning: outcome.sumOk ? undefined : s.sumWarning },
    ...candidates.map((c) => ({ id: c.id, label: c.label, change: c.change, changePerCapita: c.changePerCapita, warning: c.sumOk ? undefined : s.sumWarning })),
  ];
}

export function gainLossReportTable(keys: GainLossKey[], unit: number, name: string, lang: Language, notes: string[]): ReportTable {
  const s = myStrings[lang];
  return rowsTable({
    id: 'my-gain-loss',
    title: `${s.exportTitle(name)}: ${s.candidates}`,
    rowHeader: s.key,
    columns: [
      { header: s.change, format: 'integer' },
      { header: s.perCapita, format: 'integer' },
    ],
    rows: keys.map((k) => ({ label: k.warning ? `${k.label} (${k.warning})` : k.label, values: [k.change[unit], k.changePerCapita[unit]] })),
    notes,
  });
}

export interface CriterionRow {
  label: string;
  value: number | null;
  national: number | null;
  /** Unit of value and national («per 1 000 innb.», «%», or empty). */
  unit: string;
  ratio: number;
  weight: number;
  deviation: number;
}

export function criteriaReportTable(rows: CriterionRow[], name: string, lang: Language, notes: string[]): ReportTable {
  const s = myStrings[lang];
  return rowsTable({
    id: 'my-criteria',
    title: `${s.exportTitle(name)}: ${s.criteriaTable}`,
    rowHeader: s.criterion,
    columns: [
      { header: s.value, format: 'significant', digits: 4 },
      { header: s.national, format: 'significant', digits: 4 },
      { header: '', format: 'text' },
      { header: s.ratio, format: 'decimal', digits: 3 },
      { header: s.weight, format: 'decimal', digits: 4 },
      { header: s.contribution, format: 'decimal', digits: 4 },
    ],
    rows: rows.map((r) => ({ label: r.label, values: [r.value, r.national, r.unit, r.ratio, r.weight, r.deviation] })),
    notes,
  });
}

export interface PeerRow {
  code: string;
  name: string;
  population: number;
  index: number;
  changePerCapita: number;
}

export function peersReportTable(rows: PeerRow[], name: string, caption: string, lang: Language): ReportTable {
  const s = myStrings[lang];
  return rowsTable({
    id: 'my-peers',
    title: `${s.exportTitle(name)}: ${s.peers}`,
    rowHeader: s.number,
    columns: [
      { header: s.kommune, format: 'text' },
      { header: s.population, format: 'integer' },
      { header: s.index, format: 'decimal', digits: 4 },
      { header: s.perCapita, format: 'integer' },
    ],
    rows: rows.map((r) => ({ label: r.code, values: [r.name, r.population, r.index, r.changePerCapita] })),
    notes: [caption],
  });
}
