/**
 * The explained-variance comparison (today's key as the baseline column, candidates beside it) in the
 * report layout of seed 000 Table 6: coefficient with stars, SE in parentheses underneath, then year
 * effects, N, R², ΔR² and ΔR² in percent. Also used for one-at-a-time and stepwise tables (no ΔR²).
 */
import type { ModelComparison } from '../engine/importance/compare';
import type { Language } from '../i18n/language';
import type { ReportCell, ReportRow, ReportTable } from './reportTable';

const T = {
  nb: {
    variable: 'Variabel',
    constant: 'Konstant',
    yearFx: 'Årseffekter',
    yes: 'Ja',
    no: 'Nei',
    failed: 'feilet',
    n: 'Observasjoner',
    r2: 'R²',
    dR2: 'ΔR² mot dagens nøkkel',
    dR2Pct: 'ΔR² i prosent',
    se: 'Standardfeil i parentes.',
  },
  en: {
    variable: 'Variable',
    constant: 'Constant',
    yearFx: 'Year effects',
    yes: 'Yes',
    no: 'No',
    failed: 'failed',
    n: 'Observations',
    r2: 'R²',
    dR2: "ΔR² against today's key",
    dR2Pct: 'ΔR² in percent',
    se: 'Standard errors in parentheses.',
  },
};

export interface ComparisonTableOptions {
  id: string;
  title: string;
  lang: Language;
  labels?: Map<string, string> | Record<string, string>;
  /** ΔR² rows (only when the first column is a baseline). */
  delta?: boolean;
  synthetic?: boolean;
}

function lookup(labels: ComparisonTableOptions['labels'], name: string): string | undefined {
  if (!labels) return undefined;
  return labels instanceof Map ? labels.get(name) : labels[name];
}

export function comparisonReportTable(c: ModelComparison, opts: ComparisonTableOptions): ReportTable {
  const t = T[opts.lang];
  const label = (n: string) => (n === 'intercept' || n === '(Intercept)' ? t.constant : (lookup(opts.labels, n) ?? n));
  const coefRows: ReportRow[] = [];
  for (const r of c.rows) {
    const est: ReportCell[] = c.columns.map((col) => {
      const cell = col.cells[r];
      return cell ? { value: cell.estimate, format: 'significant', digits: 4, stars: cell.stars || undefined } : { value: null };
    });
    const se: ReportCell[] = c.columns.map((col) => {
      const cell = col.cells[r];
      return cell ? { value: cell.se, format: 'significant', digits: 4, parens: true } : { value: null };
    });
    coefRows.push({ label: label(r), cells: est, kind: 'coef' }, { label: '', cells: se, kind: 'se' });
  }
  const num = (x: number): number | null => (Number.isFinite(x) ? x : null);
  const stat = (lbl: string, f: (i: number) => ReportCell): ReportRow => ({ label: lbl, kind: 'stat', cells: c.columns.map((_, i) => f(i)) });
  const statRows: ReportRow[] = [
    stat(t.yearFx, (i) => ({ value: c.columns[i].ok ? (c.columns[i].yearEffects ? t.yes : t.no) : t.failed, format: 'text' })),
    stat(t.n, (i) => ({ value: c.columns[i].n, format: 'integer' })),
    stat(t.r2, (i) => ({ value: num(c.columns[i].r2), format: 'decimal', digits: 3 })),
  ];
  if (opts.delta) {
    // The baseline column is the reference: its ΔR² is left empty, not 0.
    statRows.push(stat(t.dR2, (i) => ({ value: i === 0 ? null : num(c.columns[i].deltaR2), format: 'decimal', digits: 4 })));
    statRows.push(stat(t.dR2Pct, (i) => ({ value: i === 0 ? null : num(c.columns[i].deltaR2Pct), format: 'percent', digits: 1 })));
  }
  const starNote = c.starThresholds.map((p, i) => `${'*'.repeat(c.starThresholds.length - i)} p<${opts.lang === 'nb' ? String(p).replace('.', ',') : p}`).join(', ');
  return {
    id: opts.id,
    title: opts.title,
    rowHeader: t.variable,
    columns: c.columns.map((col, i) => `(${i + 1}) ${col.label}`),
    groups: [{ rows: coefRows }, { rows: statRows }],
    notes: [t.se, starNote],
    synthetic: opts.synthetic ?? false,
  };
}
