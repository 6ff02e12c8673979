/**
 * Regression results in the layout Norwegian cost-key reports use (SØF 2017, Table 6): one column per
 * model, coefficient with stars and the standard error in parentheses underneath, then N, R² and
 * clusters at the bottom; year dummies summarised as one "Årseffekter: Ja" row.
 */
import type { FitSuccess, ModelResult } from '../engine/model/types';
import { DEFAULT_STAR_THRESHOLDS, stars } from '../engine/ols/stars';
import type { ModelEntry } from '../spec/sections/models';
import type { Language } from '../i18n/language';
import type { ReportCell, ReportRow, ReportTable } from './reportTable';

export interface RegressionColumnInput {
  label: string;
  result: ModelResult;
  entry?: ModelEntry;
}

export interface RegressionTableOptions {
  id?: string;
  title: string;
  lang: Language;
  /** Ascending p thresholds; p below the first gets the most stars. Default .01/.05/.1. */
  stars?: number[];
  /** Variable name → label shown in the row header. */
  labels?: Record<string, string>;
  /** Show each year dummy instead of one summary row. */
  showYearEffects?: boolean;
  source?: string;
  synthetic?: boolean;
}

const INTERCEPT_NAMES = new Set(['intercept', '(Intercept)', '_cons', 'const']);

export function isInterceptName(name: string): boolean {
  return INTERCEPT_NAMES.has(name);
}

/** The engine names year dummies `year_2016` (oracle convention); tolerate `aar2016`-style too. */
export function isYearDummyName(name: string): boolean {
  return /^(year|aar|år)[_:.]?\d{4}$/i.test(name);
}

const T = {
  nb: {
    variable: 'Variabel',
    constant: 'Konstant',
    n: 'Observasjoner',
    r2: 'R²',
    adjR2: 'Justert R²',
    withinR2: 'R² innen',
    clusters: 'Klynger (kommuner)',
    yearFx: 'Årseffekter',
    unitFx: 'Kommunefaste effekter',
    yes: 'Ja',
    no: 'Nei',
    seNote: 'Standardfeil i parentes.',
    se: { cluster: 'gruppert på kommune (CR1)', hc1: 'robuste (HC1)', classical: 'klassiske' } as Record<string, string>,
    seKind: 'Standardfeil',
    failed: (c: string, m: string) => `Modell ${c} kunne ikke estimeres: ${m}`,
    dep: 'Avhengig variabel',
    mixed: 'varierer mellom kolonnene',
  },
  en: {
    variable: 'Variable',
    constant: 'Constant',
    n: 'Observations',
    r2: 'R²',
    adjR2: 'Adjusted R²',
    withinR2: 'Within R²',
    clusters: 'Clusters (municipalities)',
    yearFx: 'Year effects',
    unitFx: 'Municipality fixed effects',
    yes: 'Yes',
    no: 'No',
    seNote: 'Standard errors in parentheses.',
    se: { cluster: 'clustered by municipality (CR1)', hc1: 'robust (HC1)', classical: 'classical' } as Record<string, string>,
    seKind: 'Standard errors',
    failed: (c: string, m: string) => `Model ${c} could not be estimated: ${m}`,
    dep: 'Dependent variable',
    mixed: 'differ between columns',
  },
};

interface Col {
  header: string;
  fit: FitSuccess | null;
  failure?: string;
  design: ModelResult['design'];
  entry?: ModelEntry;
}

function expandColumns(inputs: RegressionColumnInput[], lang: Language): Col[] {
  const cols: Col[] = [];
  inputs.forEach((inp) => {
    for (const f of inp.result.fits) {
      const n = cols.length + 1;
      const yearPart = inp.result.design === 'per-year' && f.year !== null ? ` ${f.year}` : '';
      const header = `(${n}) ${inp.label}${yearPart}`;
      if (f.outcome.ok) cols.push({ header, fit: f.outcome, design: inp.result.design, entry: inp.entry });
      else {
        const p = f.outcome.problem;
        cols.push({ header, fit: null, failure: lang === 'nb' ? p.message : p.messageEn, design: inp.result.design, entry: inp.entry });
      }
    }
  });
  return cols;
}

export function buildRegressionTable(inputs: RegressionColumnInput[], opts: RegressionTableOptions): ReportTable {
  const t = T[opts.lang];
  const thresholds = opts.stars ?? DEFAULT_STAR_THRESHOLDS;
  const label = (name: string) => (isInterceptName(name) ? t.constant : (opts.labels?.[name] ?? name));
  const cols = expandColumns(inputs, opts.lang);

  // Row order: regressors in order of first appearance, intercept last (as in the reports).
  const names: string[] = [];
  let hasIntercept = false;
  let hasYear = false;
  for (const c of cols) {
    for (const k of c.fit?.coefficients ?? []) {
      if (isInterceptName(k.name)) hasIntercept = true;
      else if (isYearDummyName(k.name) && !opts.showYearEffects) hasYear = true;
      else if (!names.includes(k.name)) names.push(k.name);
    }
  }
  if (hasIntercept) names.push('intercept');

  const coefRows: ReportRow[] = [];
  for (const name of names) {
    const est: ReportCell[] = [];
    const se: ReportCell[] = [];
    for (const c of cols) {
      const k = c.fit?.coefficients.find((x) => (name === 'intercept' ? isInterceptName(x.name) : x.name === name));
      if (!k) {
        est.push({ value: null });
        se.push({ value: null });
        continue;
      }
      est.push({ value: k.estimate, format: 'significant', digits: 4, stars: stars(k.p, thresholds) || undefined });
      se.push({ value: k.se, format: 'significant', digits: 4, parens: true });
    }
    coefRows.push({ label: label(name), cells: est, kind: 'coef' }, { label: '', cells: se, kind: 'se' });
  }

  const stat = (lbl: string, f: (c: Col) => ReportCell): ReportRow => ({ label: lbl, kind: 'stat', cells: cols.map(f) });
  const statRows: ReportRow[] = [];
  if (hasYear || cols.some((c) => c.entry?.yearEffects)) {
    statRows.push(stat(t.yearFx, (c) => ({ value: c.fit ? (c.fit.coefficients.some((k) => isYearDummyName(k.name)) ? t.yes : t.no) : null, format: 'text' })));
  }
  if (cols.some((c) => c.design === 'within')) {
    statRows.push(stat(t.unitFx, (c) => ({ value: c.fit ? (c.design === 'within' ? t.yes : t.no) : null, format: 'text' })));
  }
  statRows.push(stat(t.n, (c) => ({ value: c.fit ? c.fit.n : null, format: 'integer' })));
  statRows.push(stat(t.r2, (c) => ({ value: c.fit ? c.fit.r2 : null, format: 'decimal', digits: 3 })));
  statRows.push(stat(t.adjR2, (c) => ({ value: c.fit ? c.fit.adjR2 : null, format: 'decimal', digits: 3 })));
  if (cols.some((c) => c.fit?.withinR2 !== undefined)) {
    statRows.push(stat(t.withinR2, (c) => ({ value: c.fit?.withinR2 ?? null, format: 'decimal', digits: 3 })));
  }
  if (cols.some((c) => c.fit?.nClusters !== undefined)) {
    statRows.push(stat(t.clusters, (c) => ({ value: c.fit?.nClusters ?? null, format: 'integer' })));
  }

  const notes: string[] = [];
  const deps = [...new Set(inputs.map((i) => i.entry?.dependent).filter((d): d is string => Boolean(d)))];
  if (deps.length > 0) notes.push(`${t.dep}: ${deps.map((d) => opts.labels?.[d] ?? d).join(', ')}.`);
  const seTypes = [...new Set(cols.map((c) => c.fit?.se).filter((s): s is NonNullable<typeof s> => Boolean(s)))];
  notes.push(`${t.seNote} ${t.seKind}: ${seTypes.length === 1 ? t.se[seTypes[0]] : t.mixed}.`);
  notes.push(
    [...thresholds]
      .sort((a, b) => a - b)
      .map((p, i, arr) => `${'*'.repeat(arr.length - i)} p<${opts.lang === 'nb' ? String(p).replace('.', ',') : p}`)
      .join(', '),
  );
  for (const c of cols) if (c.failure) notes.push(t.failed(c.header, c.failure));

  return {
    id: opts.id ?? 'regression',
    title: opts.title,
    rowHeader: t.variable,
    columns: cols.map((c) => c.header),
    groups: [{ rows: coefRows }, { rows: statRows }],
    notes,
    source: opts.source,
    synthetic: opts.synthetic ?? false,
  };
}
