/**
 * Stability results as report tables: coefficients per year (SØF 2017, Table 7: estimate with stars
 * over its SE, consistency flags), leave-one-year-out, and the cluster-bootstrap intervals.
 */
import type { PerYearStability } from '../engine/stability/perYear';
import type { LeaveOneYearOut } from '../engine/stability/leaveOneYearOut';
import type { BootstrapResult } from '../engine/stability/bootstrap';
import type { Language } from '../i18n/language';
import { stars } from '../engine/ols/stars';
import type { ReportCell, ReportRow, ReportTable } from './reportTable';
import { rowsTable } from './reportTable';

const T = {
  nb: {
    criterion: 'Kriterium',
    perYear: 'Koeffisienter per år',
    sign: 'Samme fortegn alle år',
    signif: 'Signifikante år',
    cv: 'Variasjonskoeffisient',
    yes: 'Ja',
    no: 'Nei',
    r2: 'R²',
    n: 'Observasjoner',
    se: 'Standardfeil i parentes.',
    loyo: 'Ett år utelatt (samlet modell)',
    left: 'Utelatt år',
    none: 'Ingen (alle år)',
    maxShift: 'Største endring',
    boot: 'Klyngebootstrap',
    estimate: 'Koeffisient',
    bootSe: 'Bootstrap-SE',
    low: 'Nedre',
    high: 'Øvre',
    bootNote: (b: number, level: number) => `${b} replikasjoner; persentilintervall ${Math.round(level * 100)} %.`,
  },
  en: {
    criterion: 'Criterion',
    perYear: 'Coefficients per year',
    sign: 'Same sign every year',
    signif: 'Significant years',
    cv: 'Coefficient of variation',
    yes: 'Yes',
    no: 'No',
    r2: 'R²',
    n: 'Observations',
    se: 'Standard errors in parentheses.',
    loyo: 'Leave one year out (pooled model)',
    left: 'Year left out',
    none: 'None (all years)',
    maxShift: 'Largest change',
    boot: 'Cluster bootstrap',
    estimate: 'Coefficient',
    bootSe: 'Bootstrap SE',
    low: 'Lower',
    high: 'Upper',
    bootNote: (b: number, level: number) => `${b} replicates; ${Math.round(level * 100)} % percentile interval.`,
  },
};

export interface StabilityTableOptions {
  lang: Language;
  /** Title suffix, e.g. the model's label. */
  model: string;
  labels?: Map<string, string>;
  stars?: number[];
  synthetic?: boolean;
}

const num = (x: number | null | undefined): number | null => (x !== null && x !== undefined && Number.isFinite(x) ? x : null);

export function perYearReportTable(py: PerYearStability, opts: StabilityTableOptions): ReportTable {
  const t = T[opts.lang];
  const name = (c: string) => opts.labels?.get(c) ?? c;
  const rows: ReportRow[] = [];
  for (const c of py.criteria) {
    const find = (y: number) => c.years.find((e) => e.year === y);
    const est: ReportCell[] = py.years.map((y) => {
      const e = find(y);
      return e ? { value: e.estimate, format: 'significant', digits: 4, stars: stars(e.p, opts.stars) || undefined } : { value: null };
    });
    const se: ReportCell[] = py.years.map((y) => {
      const e = find(y);
      return e ? { value: e.se, format: 'significant', digits: 4, parens: true } : { value: null };
    });
    rows.push(
      {
        label: name(c.name),
        kind: 'coef',
        cells: [
          ...est,
          { value: c.signConsistent ? t.yes : t.no, format: 'text' },
          { value: `${c.nSignificant}/${c.years.length}`, format: 'text' },
          { value: num(c.cv), format: 'decimal', digits: 2 },
        ],
      },
      { label: '', kind: 'se', cells: [...se, { value: null }, { value: null }, { value: null }] },
    );
  }
  const blanks = (): ReportCell[] => [{ value: null }, { value: null }, { value: null }];
  const stats: ReportRow[] = [
    { label: t.r2, kind: 'stat', cells: [...py.r2.map((r): ReportCell => ({ value: num(r), format: 'decimal', digits: 3 })), ...blanks()] },
    { label: t.n, kind: 'stat', cells: [...py.n.map((n): ReportCell => ({ value: num(n), format: 'integer' })), ...blanks()] },
  ];
  return {
    id: 'stability-per-year',
    title: `${t.perYear} – ${opts.model}`,
    rowHeader: t.criterion,
    columns: [...py.years.map(String), t.sign, `${t.signif} (p<${opts.lang === 'nb' ? String(py.alpha).replace('.', ',') : py.alpha})`, t.cv],
    groups: [{ rows }, { rows: stats }],
    // A year that could not be estimated has empty cells; its reason («2024: bare 1 observasjon …»).
    notes: [t.se, ...(py.errors ?? []).flatMap((e) => (e ? [opts.lang === 'nb' ? e.message : e.messageEn] : []))],
    synthetic: opts.synthetic ?? false,
  };
}

export function leaveOneOutReportTable(loyo: LeaveOneYearOut, opts: StabilityTableOptions): ReportTable {
  const t = T[opts.lang];
  const fits = loyo.all ? [loyo.all, ...loyo.fits] : loyo.fits;
  return rowsTable({
    id: 'stability-loyo',
    title: `${t.loyo} – ${opts.model}`,
    rowHeader: t.left,
    columns: [
      { header: t.n, format: 'integer' },
      { header: t.r2, format: 'decimal', digits: 3 },
      ...loyo.criteria.map((c) => ({ header: opts.labels?.get(c) ?? c, format: 'significant' as const, digits: 4 })),
    ],
    rows: [
      ...fits.map((f) => ({
        label: Number.isNaN(f.year) ? t.none : String(f.year),
        values: [num(f.n), num(f.r2), ...f.estimate.map(num)],
      })),
      { label: t.maxShift, values: [null, null, ...loyo.maxShift.map(num)] },
    ],
    synthetic: opts.synthetic,
  });
}

export function bootstrapReportTable(b: BootstrapResult, opts: StabilityTableOptions): ReportTable {
  const t = T[opts.lang];
  const pct = Math.round(b.level * 100);
  const keep = b.names.map((n, j) => ({ n, j })).filter(({ n }) => !n.startsWith('year_') && n !== 'intercept');
  return rowsTable({
    id: 'stability-bootstrap',
    title: `${t.boot} – ${opts.model}`,
    rowHeader: t.criterion,
    columns: [
      { header: t.estimate, format: 'significant', digits: 4 },
      { header: t.bootSe, format: 'significant', digits: 4 },
      { header: `${t.low} ${pct} %`, format: 'significant', digits: 4 },
      { header: `${t.high} ${pct} %`, format: 'significant', digits: 4 },
    ],
    rows: keep.map(({ n, j }) => ({ label: opts.labels?.get(n) ?? n, values: [num(b.estimate[j]), num(b.se[j]), num(b.ciLow[j]), num(b.ciHigh[j])] })),
    notes: [t.bootNote(b.valid, b.level)],
    synthetic: opts.synthetic,
  });
}
