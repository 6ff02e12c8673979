/**
 * A neutral description of a results table, independent of where it goes (xlsx, CSV, clipboard,
 * presentation). Builders turn engine results into this shape; writers never see engine types, so any
 * view can hand its own rows (redistribution, weights, descriptives) to the same exporters.
 */

import type { Language } from '../i18n/language';
import { syntheticNote } from '../spec/synthetic';

/** How a number is shown. `decimal` uses `digits` decimals; `significant` picks decimals per value. */
export type CellFormat = 'text' | 'integer' | 'decimal' | 'significant' | 'percent' | 'kroner';

export interface ReportCell {
  /** A number stays a number in every export; text is neutralised against formula injection. */
  value: number | string | null;
  format?: CellFormat;
  /** Decimals for decimal/percent, significant digits for significant. */
  digits?: number;
  /** Significance stars appended to the number (`***`). */
  stars?: string;
  /** Shown in parentheses (standard errors under coefficients). */
  parens?: boolean;
  bold?: boolean;
}

export interface ReportRow {
  label: string;
  cells: ReportCell[];
  /** Layout hint: `se` rows sit under a coefficient row and have an empty label in the report. */
  kind?: 'coef' | 'se' | 'stat' | 'data';
}

export interface ReportRowGroup {
  /** Optional group heading (e.g. "Panel A" or "Størrelsesklasse 1"). */
  label?: string;
  rows: ReportRow[];
}

export interface ReportTable {
  /** Stable id (file and sheet names are derived from the title, not from this). */
  id: string;
  title: string;
  /** Header of the label column ("Variabel", "Kommune" …). */
  rowHeader: string;
  columns: string[];
  groups: ReportRowGroup[];
  notes: string[];
  /** "Kilde: …" line. */
  source?: string;
  /** True when any input was synthetic demo data: every export then says so (src/spec/synthetic.ts). */
  synthetic: boolean;
  /** Share of the data's rows from synthetic sources when demo and real files are mixed (else 1). */
  syntheticShare?: number | null;
}

/** The note every export of a synthetic table carries (one rule: src/spec/synthetic.ts). */
export function syntheticTableNote(t: Pick<ReportTable, 'syntheticShare'>, lang: Language): string {
  return `${syntheticNote(lang, t.syntheticShare ?? 1)}.`;
}

/** The note for demo data alone (kept for callers that have no table). */
export const SYNTHETIC_NOTE = { nb: syntheticTableNote({}, 'nb'), en: syntheticTableNote({}, 'en') } as const;

/** Decimals that show `sig` significant digits of x (27.55, 0.000622, −2.926 with sig = 4). */
export function significantDecimals(x: number, sig = 4): number {
  if (!Number.isFinite(x) || x === 0) return Math.max(0, sig - 1);
  const mag = Math.floor(Math.log10(Math.abs(x)));
  return Math.min(12, Math.max(0, sig - 1 - mag));
}

/** Number of decimals a numeric cell is shown with (0 for integers, kroner). */
export function cellDecimals(cell: ReportCell): number {
  const v = typeof cell.value === 'number' ? cell.value : 0;
  switch (cell.format ?? 'decimal') {
    case 'integer':
    case 'kroner':
      return 0;
    case 'significant':
      return significantDecimals(v, cell.digits ?? 4);
    case 'percent':
      return cell.digits ?? 1;
    default:
      return cell.digits ?? 2;
  }
}

/** All rows, in order, with the group they belong to (writers iterate this). */
export function* iterateRows(t: ReportTable): Generator<{ group: ReportRowGroup; row: ReportRow; first: boolean }> {
  for (const group of t.groups) {
    let first = true;
    for (const row of group.rows) {
      yield { group, row, first };
      first = false;
    }
  }
}

export interface SimpleColumn {
  header: string;
  format?: CellFormat;
  digits?: number;
}

/**
 * Generic builder for row tables other views produce (redistribution per municipality, weights,
 * descriptives): one label plus one value per column per row.
 */
export function rowsTable(input: {
  id: string;
  title: string;
  rowHeader: string;
  columns: SimpleColumn[];
  rows: { label: string; values: (number | string | null)[] }[];
  notes?: string[];
  source?: string;
  synthetic?: boolean;
}): ReportTable {
  return {
    id: input.id,
    title: input.title,
    rowHeader: input.rowHeader,
    columns: input.columns.map((c) => c.header),
    groups: [
      {
        rows: input.rows.map((r) => ({
          label: r.label,
          kind: 'data',
          cells: input.columns.map((c, j) => {
            const value = r.values[j] ?? null;
            return { value, format: typeof value === 'string' ? 'text' : (c.format ?? 'decimal'), digits: c.digits };
          }),
        })),
      },
    ],
    notes: input.notes ?? [],
    source: input.source,
    synthetic: input.synthetic ?? false,
  };
}
