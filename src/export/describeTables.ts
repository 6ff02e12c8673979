/**
 * Descriptive statistics as report tables: mean (SD) per year (SØF 2017, Table 3), percentiles
 * (Table 23), the correlation matrix (Table 4, lower triangle, * p < 0.05) and the size-class means
 * behind the bar chart. Numbers stay numbers: mean and SD get their own columns rather than "m (sd)"
 * text, so a spreadsheet can compute with them.
 */
import type { DescribeResult } from '../engine/describe';
import type { Language } from '../i18n/language';
import { rowsTable, type ReportTable, type SimpleColumn } from './reportTable';

const T = {
  nb: {
    variable: 'Variabel',
    byYear: 'Gjennomsnitt og standardavvik per år',
    mean: 'Snitt',
    sd: 'SD',
    pooled: 'Alle år',
    n: 'N',
    pct: 'Persentiler',
    allYears: 'alle år samlet',
    corr: 'Korrelasjonsmatrise (Pearsons r)',
    corrNote: '* p < 0,05 (tosidig). Parvis komplette observasjoner.',
    size: 'Gjennomsnitt etter størrelsesklasse og år',
    sizeClass: 'Størrelsesklasse',
    year: 'År',
    count: 'Antall',
    sdNote: 'Uvektet over kommunene; standardavvik med n − 1.',
  },
  en: {
    variable: 'Variable',
    byYear: 'Mean and standard deviation per year',
    mean: 'Mean',
    sd: 'SD',
    pooled: 'All years',
    n: 'N',
    pct: 'Percentiles',
    allYears: 'all years pooled',
    corr: 'Correlation matrix (Pearson’s r)',
    corrNote: '* p < 0.05 (two-sided). Pairwise complete observations.',
    size: 'Mean by size class and year',
    sizeClass: 'Size class',
    year: 'Year',
    count: 'Count',
    sdNote: 'Unweighted over municipalities; standard deviation with n − 1.',
  },
};

export interface DescribeTableOptions {
  lang: Language;
  synthetic?: boolean;
  /** Size-class labels (1-based class k at index k − 1). */
  sizeClassLabels?: string[];
}

const num = (x: number | null | undefined): number | null => (x !== null && x !== undefined && Number.isFinite(x) ? x : null);

export function byYearReportTable(r: DescribeResult, opts: DescribeTableOptions): ReportTable {
  const t = T[opts.lang];
  const sig: Pick<SimpleColumn, 'format' | 'digits'> = { format: 'significant', digits: 4 };
  const periods = [...r.years.map(String), t.pooled];
  return rowsTable({
    id: 'describe-by-year',
    title: t.byYear,
    rowHeader: t.variable,
    columns: [...periods.flatMap((p) => [{ header: `${t.mean} ${p}`, ...sig }, { header: `${t.sd} ${p}`, ...sig }]), { header: t.n, format: 'integer' }],
    rows: r.byYear.map((row, i) => ({
      label: r.variables[i]?.label ?? row.variable,
      values: [...[...row.cells, row.pooled].flatMap((c) => [num(c?.mean), num(c?.sd)]), num(row.pooled?.n)],
    })),
    notes: [t.sdNote],
    synthetic: opts.synthetic,
  });
}

export function percentileReportTable(r: DescribeResult, opts: DescribeTableOptions): ReportTable {
  const t = T[opts.lang];
  const heads = r.percentiles.probs.map((p) => (p === 0 ? 'Min' : p === 1 ? (opts.lang === 'nb' ? 'Maks' : 'Max') : `P${Math.round(p * 100)}`));
  const def = opts.lang === 'nb' ? r.percentiles.definition.nb : r.percentiles.definition.en;
  return rowsTable({
    id: 'describe-percentiles',
    title: `${t.pct}, ${r.percentiles.year === null ? t.allYears : r.percentiles.year}`,
    rowHeader: t.variable,
    columns: [...heads.map((h) => ({ header: h, format: 'significant' as const, digits: 4 })), { header: t.n, format: 'integer' }],
    rows: r.percentiles.rows.map((row, i) => ({ label: r.variables[i]?.label ?? row.variable, values: [...row.values.map(num), row.n] })),
    notes: [def],
    synthetic: opts.synthetic,
  });
}

/** Lower triangle; the star marks p < 0.05 as in the heat map. */
export function correlationReportTable(r: DescribeResult, opts: DescribeTableOptions): ReportTable {
  const t = T[opts.lang];
  const { variables, r: rr, p } = r.correlation;
  const k = variables.length;
  const labels = new Map(r.variables.map((v) => [v.name, v.label]));
  const label = (v: string) => labels.get(v) ?? v;
  const table = rowsTable({
    id: 'describe-correlation',
    title: t.corr,
    rowHeader: t.variable,
    columns: variables.map((v) => ({ header: label(v), format: 'decimal' as const, digits: 3 })),
    rows: variables.map((v, i) => ({ label: label(v), values: variables.map((_, j) => (j <= i ? num(rr[i * k + j]) : null)) })),
    notes: [t.corrNote],
    synthetic: opts.synthetic,
  });
  table.groups[0].rows.forEach((row, i) =>
    row.cells.forEach((c, j) => {
      if (j < i && p[i * k + j] < 0.05) c.stars = '*';
    }),
  );
  return table;
}

export function sizeClassReportTable(r: DescribeResult, opts: DescribeTableOptions): ReportTable | null {
  const t = T[opts.lang];
  const d = r.bySizeClass;
  if (!d) return null;
  return rowsTable({
    id: 'describe-size-class',
    title: `${d.label}: ${t.size.toLowerCase()}`,
    rowHeader: t.sizeClass,
    columns: [{ header: t.year, format: 'text' }, { header: d.unit ? `${t.mean} (${d.unit})` : t.mean, format: 'significant', digits: 4 }, { header: t.count, format: 'integer' }],
    rows: d.cells.map((c) => ({
      label: opts.sizeClassLabels?.[c.group - 1] ?? String(c.group),
      values: [c.year === null ? t.pooled : String(c.year), num(c.mean), c.n],
    })),
    synthetic: opts.synthetic,
  });
}

export function describeReportTables(r: DescribeResult, opts: DescribeTableOptions): ReportTable[] {
  const out = [byYearReportTable(r, opts), percentileReportTable(r, opts)];
  if (r.correlation.variables.length >= 2) out.push(correlationReportTable(r, opts));
  const size = sizeClassReportTable(r, opts);
  if (size) out.push(size);
  return out;
}
