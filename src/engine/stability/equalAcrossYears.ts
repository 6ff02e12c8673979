/**
 * Is a criterion's effect the same every year? Model 4 of Nordlandsforskning/HELED 2021 asks it with criterion × year
 * interactions in the pooled model: for each criterion in turn, the pooled model with year effects
 * plus that criterion times each year but the first, and the Wald test that all those interaction
 * terms are zero — F(T − 1, df) with the model's own standard errors (clustered by municipality by
 * default, Stata `testparm c.x#i.aar`). The other criteria keep one coefficient for all years.
 */
import type { Problem } from '../problem';
import { fitModel } from '../model/fitModel';
import type { ModelSpec, SeType } from '../model/types';

export interface EqualAcrossYearsRow {
  variable: string;
  f: number;
  df1: number;
  df2: number;
  p: number;
  n: number;
}

export interface EqualAcrossYears {
  se: SeType;
  rows: EqualAcrossYearsRow[];
  problems: Problem[];
}

export function equalAcrossYears(table: Parameters<typeof fitModel>[0], spec: ModelSpec, variables: string[] = spec.regressors): EqualAcrossYears {
  // The pooled design of the model, by OLS; a per-year model's HC1 becomes the pooled default, CR1.
  const se: SeType = spec.design === 'pooled' ? spec.se : 'cluster';
  const rows: EqualAcrossYearsRow[] = [];
  const problems: Problem[] = [];
  for (const variable of variables) {
    const r = fitModel(table, {
      ...spec,
      design: 'pooled',
      yearEffects: true,
      estimator: 'ols',
      se,
      interactions: [{ variable, with: 'year' }],
    });
    const o = r.fits[0].outcome;
    if (!o.ok) {
      problems.push({ ...o.problem, severity: 'warning', where: { ...o.problem.where, variable } });
      continue;
    }
    const w = o.waldTests?.[0];
    if (w) rows.push({ variable, f: w.f, df1: w.df1, df2: w.df2, p: w.p, n: o.n });
  }
  return { se, rows, problems };
}
