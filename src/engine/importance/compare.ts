/**
 * Model comparison in the report layout (SØF 2017, Tables 6 and 13): today's key as the baseline
 * column, candidate models beside it, one row per coefficient with shared significance stars,
 * N and R² per column, and ΔR² against the baseline in absolute terms and in percent. `sample` says
 * whether the columns share one sample (then N is stated once) or each has its own (then every ΔR²
 * compares two different samples and both Ns go next to it).
 */
import { stars as starsFor } from '../ols/stars';
import type { EstimatorInfo, ModelResult } from '../model/types';

export type EstimatorKind = EstimatorInfo['kind'];
import type { Problem } from '../problem';

export interface ComparisonCell {
  estimate: number;
  se: number;
  p: number;
  stars: string;
}

export interface ComparisonColumn {
  id: string;
  label: string;
  ok: boolean;
  /** N of the fit shown (the common sample's N when the comparison is on a common sample). */
  n: number;
  /** N of the model on its own sample (its filter and listwise deletion only). */
  ownN: number;
  /** NaN for estimators without R² (robust, quantile, random effects): see `estimator`. */
  r2: number;
  adjR2: number;
  /** The fit's estimator when it is not least squares (its kind): R² is then NaN and the table says why. */
  estimator?: EstimatorKind;
  /** Koenker–Machado pseudo R² of a quantile (median) fit, as the fit reports it: its own measure of fit. */
  pseudoR2?: number;
  /** r2 − r2 of the baseline (0 for the baseline itself; NaN when either fit failed). */
  deltaR2: number;
  /** deltaR2 / r2 of the baseline. */
  deltaR2Pct: number;
  nClusters?: number;
  se?: string;
  /** Coefficient name → cell; year dummies are summarised in `yearEffects`. */
  cells: Record<string, ComparisonCell>;
  yearEffects: boolean;
  problem?: Problem;
}

/** Which sample the columns were fitted on. */
export interface ComparisonSample {
  /** `common`: every column on the rows all of them can use; `own`: each on its own sample. */
  mode: 'common' | 'own';
  /** The one N of all fitted columns, or null when they differ (only possible in `own` mode). */
  n: number | null;
  /** Rows that some model could use but that are outside the common sample (0 in `own` mode). */
  nExcluded: number;
  /** Those rows by the variable that kept them out (null: another model's sample filter). */
  excluded: { variable: string | null; rows: number }[];
}

export interface ModelComparison {
  /** Row order: the baseline's coefficients, then new ones in the order the columns bring them. */
  rows: string[];
  columns: ComparisonColumn[];
  starThresholds: number[];
  sample: ComparisonSample;
}

export interface NamedResult {
  id: string;
  label: string;
  result: ModelResult | undefined;
  /** The model's result on its own sample when `result` is a refit on a common sample. */
  own?: ModelResult;
}

const isYear = (name: string) => name.startsWith('year_');

function column(m: NamedResult, thresholds: number[]): ComparisonColumn {
  const out = m.result?.fits[0]?.outcome;
  const ownOut = (m.own ?? m.result)?.fits[0]?.outcome;
  const ownN = ownOut?.n ?? 0;
  if (!out || !out.ok) {
    return {
      id: m.id,
      label: m.label,
      ok: false,
      n: out?.n ?? 0,
      ownN,
      r2: NaN,
      adjR2: NaN,
      deltaR2: NaN,
      deltaR2Pct: NaN,
      cells: {},
      yearEffects: false,
      problem: out && !out.ok ? out.problem : undefined,
    };
  }
  const cells: Record<string, ComparisonCell> = {};
  let yearEffects = false;
  for (const c of out.coefficients) {
    if (isYear(c.name)) {
      yearEffects = true;
      continue;
    }
    cells[c.name] = { estimate: c.estimate, se: c.se, p: c.p, stars: starsFor(c.p, thresholds) };
  }
  return {
    id: m.id,
    label: m.label,
    ok: true,
    n: out.n,
    ownN,
    r2: out.r2,
    adjR2: out.adjR2,
    deltaR2: 0,
    deltaR2Pct: 0,
    nClusters: out.nClusters,
    se: out.se,
    cells,
    yearEffects,
    ...(out.estimator && { estimator: out.estimator.kind }),
    ...(out.estimator?.kind === 'quantile' && { pseudoR2: out.estimator.pseudoR2 }),
  };
}

/**
 * The first column is the baseline; ΔR² of every column is measured against it. Without `sample`
 * the comparison describes itself: common when every fitted column has the same N.
 */
export function compareModels(
  models: NamedResult[],
  thresholds: number[] = [0.01, 0.05, 0.1],
  sample?: Partial<ComparisonSample>,
): ModelComparison {
  const columns = models.map((m) => column(m, thresholds));
  const ns = new Set(columns.filter((c) => c.ok).map((c) => c.n));
  const commonN = ns.size === 1 ? [...ns][0] : null;
  const mode = sample?.mode ?? (ns.size <= 1 ? 'common' : 'own');
  const base = columns[0];
  for (const c of columns) {
    const ok = base && base.ok && c.ok;
    c.deltaR2 = ok ? c.r2 - base.r2 : NaN;
    c.deltaR2Pct = ok && base.r2 !== 0 ? (c.r2 - base.r2) / base.r2 : NaN;
  }
  const rows: string[] = [];
  const intercepts: string[] = [];
  for (const c of columns) {
    for (const name of Object.keys(c.cells)) {
      if (rows.includes(name) || intercepts.includes(name)) continue;
      // The constant goes last, as in the report tables.
      if (name === '(Intercept)' || name === 'intercept') intercepts.push(name);
      else rows.push(name);
    }
  }
  return {
    rows: [...rows, ...intercepts],
    columns,
    starThresholds: thresholds,
    sample: { mode, n: commonN, nExcluded: sample?.nExcluded ?? 0, excluded: sample?.excluded ?? [] },
  };
}
