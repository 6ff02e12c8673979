/**
 * Regression results in the layout Norwegian cost-key reports use (SØF 2017, Table 6): one column per
 * model, coefficient with stars and the standard error in parentheses underneath, then N, R² and
 * clusters at the bottom; year dummies summarised as one "Årseffekter: Ja" row.
 */
import type { FitSuccess, ModelResult } from '../engine/model/types';
import { DEFAULT_STAR_THRESHOLDS, starLegend, stars } from '../engine/ols/stars';
import type { ModelEntry } from '../spec/sections/models';
import type { Language } from '../i18n/language';
import type { ReportCell, ReportRow, ReportRowGroup, ReportTable } from './reportTable';
import { estimatorName, estimatorSe, layoutTerms, orderColumns, termKind } from './regressionLayout';

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
  /** Standard errors (default) or t-values in parentheses, as the results table shows them. */
  parens?: 'se' | 't';
  /** Columns model by model (default) or each year's models side by side. */
  columnOrder?: 'model' | 'year';
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
    tNote: 't-verdier i parentes.',
    estimator: 'Estimator',
    pseudoR2: 'Pseudo-R²',
    hausman: 'Hausman-test (faste mot tilfeldige), χ²',
    hausmanP: 'Hausman-test, p',
    wald: (v: string) => `Lik effekt av ${v} alle år (Wald F)`,
    waldP: (v: string) => `Lik effekt av ${v} alle år, p`,
    byYear: (v: string) => `${v} × år`,
    inYear: (y: string) => `× ${y}`,
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
    tNote: 't values in parentheses.',
    estimator: 'Estimator',
    pseudoR2: 'Pseudo R²',
    hausman: 'Hausman test (fixed vs random), χ²',
    hausmanP: 'Hausman test, p',
    wald: (v: string) => `Equal effect of ${v} in every year (Wald F)`,
    waldP: (v: string) => `Equal effect of ${v} in every year, p`,
    byYear: (v: string) => `${v} × year`,
    inYear: (y: string) => `× ${y}`,
    se: { cluster: 'clustered by municipality (CR1)', hc1: 'robust (HC1)', classical: 'classical' } as Record<string, string>,
    seKind: 'Standard errors',
    failed: (c: string, m: string) => `Model ${c} could not be estimated: ${m}`,
    dep: 'Dependent variable',
    mixed: 'differ between columns',
  },
};

interface Col {
  header: string;
  year: number | null;
  fit: FitSuccess | null;
  failure?: string;
  design: ModelResult['design'];
  entry?: ModelEntry;
}

function expandColumns(inputs: RegressionColumnInput[], lang: Language, order: 'model' | 'year' | undefined): Col[] {
  const cols: Omit<Col, 'header'>[] = [];
  const names: string[] = [];
  inputs.forEach((inp) => {
    for (const f of inp.result.fits) {
      const yearPart = inp.result.design === 'per-year' && f.year !== null ? ` ${f.year}` : '';
      names.push(`${inp.label}${yearPart}`);
      const base = { year: inp.result.design === 'per-year' ? f.year : null, design: inp.result.design, entry: inp.entry };
      if (f.outcome.ok) cols.push({ ...base, fit: f.outcome });
      else {
        const p = f.outcome.problem;
        cols.push({ ...base, fit: null, failure: lang === 'nb' ? p.message : p.messageEn });
      }
    }
  });
  const labelled = cols.map((c, i) => ({ ...c, name: names[i] }));
  return orderColumns(labelled, order).map(({ name, ...c }, i) => ({ ...c, header: `(${i + 1}) ${name}` }));
}

export function buildRegressionTable(inputs: RegressionColumnInput[], opts: RegressionTableOptions): ReportTable {
  const t = T[opts.lang];
  const thresholds = opts.stars ?? DEFAULT_STAR_THRESHOLDS;
  const lbl = (name: string) => opts.labels?.[name] ?? name;
  const cols = expandColumns(inputs, opts.lang, opts.columnOrder);
  const parensT = opts.parens === 't';

  // Row order (regressionLayout.ts, as the results table): criteria and controls, products, each
  // criterion × year group, then the year dummies (when shown) and the constant last.
  const first: string[] = [];
  for (const inp of inputs) for (const n of [...(inp.entry?.regressors ?? []), ...(inp.entry?.controls ?? [])]) if (!first.includes(n)) first.push(n);
  const present = cols.flatMap((c) => (c.fit?.coefficients ?? []).map((k) => k.name));
  const layout = layoutTerms(first, present);
  const hasYear = layout.years.length > 0;
  const coefPair = (name: string, label: string): ReportRow[] => {
    const est: ReportCell[] = [];
    const under: ReportCell[] = [];
    for (const c of cols) {
      const k = c.fit?.coefficients.find((x) => x.name === name);
      if (!k) {
        est.push({ value: null });
        under.push({ value: null });
        continue;
      }
      est.push({ value: k.estimate, format: 'significant', digits: 4, stars: stars(k.p, thresholds) || undefined });
      under.push(parensT ? { value: k.t, format: 'decimal', digits: 2, parens: true } : { value: k.se, format: 'significant', digits: 4, parens: true });
    }
    return [{ label, cells: est, kind: 'coef' }, { label: '', cells: under, kind: 'se' }];
  };
  const termLabel = (name: string): string => {
    const k = termKind(name);
    if (k.kind === 'intercept') return t.constant;
    if (k.kind === 'year-interaction') return t.inYear(k.year);
    if (k.kind === 'interaction') return `${lbl(k.a)} × ${lbl(k.b)}`;
    return lbl(name);
  };
  const coefGroups: ReportRowGroup[] = [{ rows: layout.main.flatMap((n) => coefPair(n, termLabel(n))) }];
  for (const g of layout.yearGroups) coefGroups.push({ label: t.byYear(lbl(g.variable)), rows: g.names.flatMap((n) => coefPair(n, termLabel(n))) });
  const tail = [...(opts.showYearEffects ? layout.years : []), ...(layout.intercept ? [layout.intercept] : [])];
  // Without interaction groups the coefficients stay one group (the constant at its end).
  if (tail.length && layout.yearGroups.length === 0) coefGroups[0].rows.push(...tail.flatMap((n) => coefPair(n, termLabel(n))));
  else if (tail.length) coefGroups.push({ rows: tail.flatMap((n) => coefPair(n, termLabel(n))) });

  const stat = (lbl: string, f: (c: Col) => ReportCell): ReportRow => ({ label: lbl, kind: 'stat', cells: cols.map(f) });
  const statRows: ReportRow[] = [];
  if (cols.some((c) => c.fit?.estimator || c.design === 'random')) {
    statRows.push(stat(t.estimator, (c) => ({ value: c.entry ? estimatorName(c.entry, opts.lang) : null, format: 'text' })));
  }
  if (hasYear || cols.some((c) => c.entry?.yearEffects)) {
    statRows.push(stat(t.yearFx, (c) => ({ value: c.fit ? (c.fit.coefficients.some((k) => isYearDummyName(k.name)) ? t.yes : t.no) : null, format: 'text' })));
  }
  if (cols.some((c) => c.design === 'within')) {
    statRows.push(stat(t.unitFx, (c) => ({ value: c.fit ? (c.design === 'within' ? t.yes : t.no) : null, format: 'text' })));
  }
  statRows.push(stat(t.n, (c) => ({ value: c.fit ? c.fit.n : null, format: 'integer' })));
  const finite = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? v : null);
  statRows.push(stat(t.r2, (c) => ({ value: finite(c.fit?.r2), format: 'decimal', digits: 3 })));
  statRows.push(stat(t.adjR2, (c) => ({ value: finite(c.fit?.adjR2), format: 'decimal', digits: 3 })));
  if (cols.some((c) => c.fit?.estimator?.kind === 'quantile')) {
    statRows.push(stat(t.pseudoR2, (c) => ({ value: c.fit?.estimator?.kind === 'quantile' ? finite(c.fit.estimator.pseudoR2) : null, format: 'decimal', digits: 3 })));
  }
  if (cols.some((c) => c.fit?.estimator?.kind === 'random')) {
    const h = (c: Col) => (c.fit?.estimator?.kind === 'random' ? c.fit.estimator.hausman : null);
    statRows.push(stat(t.hausman, (c) => ({ value: h(c)?.statistic ?? null, format: 'decimal', digits: 2 })));
    statRows.push(stat(t.hausmanP, (c) => ({ value: h(c)?.p ?? null, format: 'decimal', digits: 3 })));
  }
  for (const v of [...new Set(cols.flatMap((c) => (c.fit?.waldTests ?? []).map((w) => w.label)))]) {
    const w = (c: Col) => c.fit?.waldTests?.find((x) => x.label === v) ?? null;
    statRows.push(stat(t.wald(lbl(v)), (c) => ({ value: w(c)?.f ?? null, format: 'decimal', digits: 2 })));
    statRows.push(stat(t.waldP(lbl(v)), (c) => ({ value: w(c)?.p ?? null, format: 'decimal', digits: 3 })));
  }
  if (cols.some((c) => c.fit?.withinR2 !== undefined)) {
    statRows.push(stat(t.withinR2, (c) => ({ value: c.fit?.withinR2 ?? null, format: 'decimal', digits: 3 })));
  }
  if (cols.some((c) => c.fit?.nClusters !== undefined)) {
    statRows.push(stat(t.clusters, (c) => ({ value: c.fit?.nClusters ?? null, format: 'integer' })));
  }

  const notes: string[] = [];
  const deps = [...new Set(inputs.map((i) => i.entry?.dependent).filter((d): d is string => Boolean(d)))];
  if (deps.length > 0) notes.push(`${t.dep}: ${deps.map((d) => opts.labels?.[d] ?? d).join(', ')}.`);
  const seTypes = [...new Set(cols.filter((c) => c.fit).map((c) => (c.fit && estimatorSe(c.fit, opts.lang)) ?? t.se[c.fit?.se ?? 'classical']))];
  notes.push(`${parensT ? t.tNote : t.seNote} ${t.seKind}: ${seTypes.length === 1 ? seTypes[0] : t.mixed}.`);
  notes.push(starLegend(thresholds, opts.lang, { compact: true }));
  for (const c of cols) if (c.failure) notes.push(t.failed(c.header, c.failure));

  return {
    id: opts.id ?? 'regression',
    title: opts.title,
    rowHeader: t.variable,
    columns: cols.map((c) => c.header),
    groups: [...coefGroups, { rows: statRows }],
    notes,
    source: opts.source,
    synthetic: opts.synthetic ?? false,
  };
}
