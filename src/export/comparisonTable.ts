/**
 * The explained-variance comparison (today's key as the baseline column, candidates beside it) in the
 * report layout of SØF 2017, Table 6: coefficient with stars, SE in parentheses underneath, then year
 * effects, N, R², ΔR² and ΔR² in percent. Also used for one-at-a-time and stepwise tables (no ΔR²).
 * On a common sample N is stated once and a note says which rows were left out and why; on each
 * model's own sample every N is shown, the Ns behind each ΔR² are given, and a note warns.
 */
import type { ModelComparison } from '../engine/importance/compare';
import { formatInteger } from '../i18n/format';
import type { Language } from '../i18n/language';
import type { ReportCell, ReportRow, ReportTable } from './reportTable';
import { starLegend } from '../engine/ols/stars';
import { comparisonFitNote, hasPseudoR2, pseudoR2Label } from './comparisonFitNote';

const T = {
  nb: {
    variable: 'Variabel',
    constant: 'Konstant',
    yearFx: 'Årseffekter',
    yes: 'Ja',
    no: 'Nei',
    failed: 'feilet',
    n: 'Observasjoner',
    commonN: 'Observasjoner (samme utvalg for alle modellene)',
    deltaN: 'N bak ΔR² (modell / dagens nøkkel)',
    r2: 'R²',
    dR2: 'ΔR² mot dagens nøkkel',
    dR2Pct: 'ΔR² i prosent',
    se: 'Standardfeil i parentes.',
    common: (n: string) => `Alle modellene er estimert på de samme ${n} radene (felles utvalg).`,
    excluded: (rows: string, what: string) => `${rows} rader som en av modellene kunne brukt, er ikke med fordi de mangler ${what}.`,
    or: 'eller',
    filter: 'en annen modells utvalgsfilter',
    own: 'Advarsel: hver modell er estimert på sitt eget utvalg. ΔR² sammenligner da ulike utvalg og blander kriteriets bidrag med endringen i utvalget.',
  },
  en: {
    variable: 'Variable',
    constant: 'Constant',
    yearFx: 'Year effects',
    yes: 'Yes',
    no: 'No',
    failed: 'failed',
    n: 'Observations',
    commonN: 'Observations (the same sample for all models)',
    deltaN: "N behind ΔR² (model / today's key)",
    r2: 'R²',
    dR2: "ΔR² against today's key",
    dR2Pct: 'ΔR² in percent',
    se: 'Standard errors in parentheses.',
    common: (n: string) => `Every model is estimated on the same ${n} rows (common sample).`,
    excluded: (rows: string, what: string) => `${rows} rows that one of the models could use are left out because they lack ${what}.`,
    or: 'or',
    filter: "another model's sample filter",
    own: "Warning: each model is estimated on its own sample. ΔR² then compares different samples and mixes the criterion's contribution with the change of sample.",
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

/**
 * What the reader must know about the sample, in plain words (shown under the table in the view and
 * exported as a note): the common N and the rows left out by variable, or the own-sample warning.
 */
export function comparisonSampleNote(c: ModelComparison, lang: Language, labels?: ComparisonTableOptions['labels']): string {
  const t = T[lang];
  const fitted = c.columns.filter((col) => col.ok);
  if (fitted.length < 2 && c.sample.nExcluded === 0) return '';
  if (c.sample.mode === 'own') return c.sample.n === null ? t.own : '';
  if (c.sample.n === null) return '';
  const parts = [t.common(formatInteger(c.sample.n, lang))];
  if (c.sample.nExcluded > 0) {
    // With several reasons each gets its count (a row may lack more than one variable).
    const counts = c.sample.excluded.length > 1;
    const names = c.sample.excluded.map((e) => {
      const what = e.variable === null ? t.filter : `«${lookup(labels, e.variable) ?? e.variable}»`;
      return counts ? `${what} (${formatInteger(e.rows, lang)})` : what;
    });
    parts.push(t.excluded(formatInteger(c.sample.nExcluded, lang), names.join(` ${t.or} `)));
  }
  return parts.join(' ');
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
  // One sample for every column: N once (first column), not repeated as if the models differed.
  const common = c.sample.mode === 'common' && c.sample.n !== null;
  const statRows: ReportRow[] = [
    stat(t.yearFx, (i) => ({ value: c.columns[i].ok ? (c.columns[i].yearEffects ? t.yes : t.no) : t.failed, format: 'text' })),
    common
      ? stat(t.commonN, (i) => (i === 0 ? { value: c.sample.n, format: 'integer' } : { value: null }))
      : stat(t.n, (i) => ({ value: c.columns[i].n, format: 'integer' })),
    stat(t.r2, (i) => ({ value: num(c.columns[i].r2), format: 'decimal', digits: 3 })),
  ];
  if (hasPseudoR2(c)) statRows.push(stat(pseudoR2Label(opts.lang), (i) => ({ value: num(c.columns[i].pseudoR2 ?? NaN), format: 'decimal', digits: 3 })));
  if (opts.delta) {
    // The baseline column is the reference: its ΔR² is left empty, not 0.
    statRows.push(stat(t.dR2, (i) => ({ value: i === 0 ? null : num(c.columns[i].deltaR2), format: 'decimal', digits: 4 })));
    statRows.push(stat(t.dR2Pct, (i) => ({ value: i === 0 ? null : num(c.columns[i].deltaR2Pct), format: 'percent', digits: 1 })));
    if (!common) {
      const base = c.columns[0];
      statRows.push(
        stat(t.deltaN, (i) =>
          i === 0 || !c.columns[i].ok || !base?.ok
            ? { value: null }
            : { value: `${formatInteger(c.columns[i].n, opts.lang)} / ${formatInteger(base.n, opts.lang)}`, format: 'text' },
        ),
      );
    }
  }
  const sampleNote = comparisonSampleNote(c, opts.lang, opts.labels);
  const fitNote = comparisonFitNote(c, opts.lang);
  const starNote = starLegend(c.starThresholds, opts.lang, { compact: true });
  return {
    id: opts.id,
    title: opts.title,
    rowHeader: t.variable,
    columns: c.columns.map((col, i) => `(${i + 1}) ${col.label}`),
    groups: [{ rows: coefRows }, { rows: statRows }],
    notes: [t.se, starNote, ...(sampleNote ? [sampleNote] : []), ...(fitNote ? [fitNote] : [])],
    synthetic: opts.synthetic ?? false,
  };
}
