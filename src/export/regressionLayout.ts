/**
 * How the report tables lay regression results out, shared by the results table on screen and the
 * exported tables (so the xlsx/CSV follows what the user sees): what kind each term is, the row
 * order with interactions grouped, the column order (model by model or year by year), the star
 * schemes of the seeds, and the words for each estimator.
 */
import type { Estimator, FitSuccess } from '../engine/model/types';
import type { Language } from '../i18n/language';

export type TermKind =
  | { kind: 'intercept' }
  | { kind: 'year'; year: string }
  | { kind: 'year-interaction'; variable: string; year: string }
  | { kind: 'interaction'; a: string; b: string }
  | { kind: 'plain' };

const INTERCEPTS = new Set(['intercept', '(Intercept)', '_cons', 'const']);

export function termKind(name: string): TermKind {
  if (INTERCEPTS.has(name)) return { kind: 'intercept' };
  const y = /^year_(\d+)$/.exec(name);
  if (y) return { kind: 'year', year: y[1] };
  const yi = /^(.+):year_(\d+)$/.exec(name);
  if (yi) return { kind: 'year-interaction', variable: yi[1], year: yi[2] };
  const colon = name.indexOf(':');
  if (colon > 0) return { kind: 'interaction', a: name.slice(0, colon), b: name.slice(colon + 1) };
  return { kind: 'plain' };
}

export interface TermLayout {
  /** Criteria, controls and other plain terms, then the a × b products. */
  main: string[];
  /** One group per variable interacted with the year: its x:year_t terms in year order. */
  yearGroups: { variable: string; names: string[] }[];
  years: string[];
  intercept: string | null;
}

/**
 * Rows in report order: `first` (criteria then controls, in the models' order) and any other plain
 * term, products a × b, then each criterion × year group, the year effects, the constant last.
 */
export function layoutTerms(first: string[], present: Iterable<string>): TermLayout {
  const all = [...new Set(present)];
  const has = new Set(all);
  const main = first.filter((n) => has.has(n));
  const products: string[] = [];
  const groups = new Map<string, string[]>();
  const years: string[] = [];
  let intercept: string | null = null;
  for (const n of all) {
    const k = termKind(n);
    if (k.kind === 'intercept') intercept = n;
    else if (k.kind === 'year') years.push(n);
    else if (k.kind === 'year-interaction') groups.set(k.variable, [...(groups.get(k.variable) ?? []), n]);
    else if (k.kind === 'interaction') products.push(n);
    else if (!main.includes(n)) main.push(n);
  }
  const byYear = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
  return {
    main: [...main, ...products],
    yearGroups: [...groups].map(([variable, names]) => ({ variable, names: names.sort(byYear) })),
    years: years.sort(byYear),
    intercept,
  };
}

/** Column order: as listed (each model's years together) or by year (each year's models together,
 *  SINTEF 2014's OLS / robust / median); columns without a year keep their place after the years. */
export function orderColumns<T extends { year: number | null }>(cols: T[], order: 'model' | 'year' | undefined): T[] {
  if (order !== 'year') return cols;
  return cols
    .map((c, i) => ({ c, i }))
    .sort((a, b) => (a.c.year ?? Infinity) - (b.c.year ?? Infinity) || a.i - b.i)
    .map((x) => x.c);
}

/** The reports' star schemes (ascending thresholds, docs/REFERENCES.md): SØF 2017 and SINTEF 2014 *0.1 **0.05 ***0.01; Nordlandsforskning/HELED 2021 0.05/0.01/0.001. */
export const STAR_SCHEMES = {
  standard: [0.01, 0.05, 0.1],
  strict: [0.001, 0.01, 0.05],
} as const;

const WORDS = {
  nb: {
    ols: 'OLS',
    robust: 'Robust (rreg)',
    median: 'Median',
    quantile: (tau: string) => `Kvantil τ = ${tau}`,
    random: 'Tilfeldige effekter (GLS)',
    se: {
      robust: 'pseudoverdier (rreg)',
      iid: 'iid (quantreg)',
      ker: 'kjerne-sandwich (quantreg)',
      random: 'klassiske (GLS), z',
    },
  },
  en: {
    ols: 'OLS',
    robust: 'Robust (rreg)',
    median: 'Median',
    quantile: (tau: string) => `Quantile τ = ${tau}`,
    random: 'Random effects (GLS)',
    se: {
      robust: 'pseudo-values (rreg)',
      iid: 'iid (quantreg)',
      ker: 'kernel sandwich (quantreg)',
      random: 'classical (GLS), z',
    },
  },
};

/** Short name of a model's estimator for a table row ("Robust (rreg)", "Kvantil τ = 0,25" …). */
export function estimatorName(entry: { estimator?: Estimator; tau?: number; design: string }, lang: Language): string {
  const w = WORDS[lang];
  if (entry.design === 'random') return w.random;
  const e = entry.estimator ?? 'ols';
  if (e === 'quantile') {
    const tau = String(entry.tau ?? 0.5);
    return w.quantile(lang === 'nb' ? tau.replace('.', ',') : tau);
  }
  return e === 'ols' ? w.ols : e === 'robust' ? w.robust : w.median;
}

/** Words for the standard errors of a fit that is not plain OLS, or null (OLS: the SE type says it). */
export function estimatorSe(fit: FitSuccess, lang: Language): string | null {
  const e = fit.estimator;
  if (!e) return null;
  const w = WORDS[lang].se;
  if (e.kind === 'robust') return w.robust;
  if (e.kind === 'quantile') return e.seMethod === 'iid' ? w.iid : w.ker;
  return w.random;
}
