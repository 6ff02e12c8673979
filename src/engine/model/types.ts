/**
 * Engine-level description of one regression model and of its result. The AnalysisSpec stores
 * models in this shape (plus an id and a label), the CLI builds it from a formula, and the oracle
 * tests build it from a case's neutral spec.
 */
import type { Problem } from '../problem';

/** pooled = OLS over all rows with year dummies; per-year = one cross-section per year;
 *  within = unit fixed effects (demeaned) with year dummies; single = plain OLS on the selected rows. */
export type Design = 'pooled' | 'per-year' | 'within' | 'single';
export type SeType = 'classical' | 'hc1' | 'cluster';

export interface SampleFilter {
  /** Keep only these years (null = all). */
  years?: number[] | null;
  /** Keep only these units (null = all). */
  units?: string[] | null;
  /** Drop these units. */
  excludeUnits?: string[] | null;
  /** Keep only rows whose size class (column `sizeClassColumn`, values 1–6) is listed. */
  sizeClasses?: number[] | null;
  sizeClassColumn?: string | null;
}

export interface ModelSpec {
  dependent: string;
  /** Criteria (and candidate criteria), in reporting order. */
  regressors: string[];
  /** Controls: regressors that a cost key holds at their national value and that R² decompositions
   *  keep in every sub-model (e.g. frie inntekter). Reported after the criteria. */
  controls?: string[];
  design: Design;
  /** Ignored by `within` (the constant is absorbed). */
  intercept: boolean;
  /** Year dummies (first year present in the sample is the base) for pooled and within. */
  yearEffects: boolean;
  se: SeType;
  /** Cluster column; defaults to the table's unit column. */
  cluster?: string | null;
  /** Analytic weights column (WLS). */
  weights?: string | null;
  sample?: SampleFilter | null;
}

export interface Coefficient {
  name: string;
  estimate: number;
  se: number;
  t: number;
  p: number;
  ciLow: number;
  ciHigh: number;
}

/** A row removed by listwise deletion, and the variables that caused it. */
export interface DroppedRow {
  /** 0-based row index in the table. */
  row: number;
  unit?: string;
  year?: number;
  /** Variable names with no usable value in this row. */
  variables: string[];
  /** Missing reason per variable (same order): missing, suppressed, not-applicable … */
  reasons: string[];
}

export interface FitSuccess {
  ok: true;
  n: number;
  /** Columns of the design matrix (intercept, regressors, year dummies). */
  k: number;
  dfResid: number;
  /** Degrees of freedom of the t distribution used for p and CI (n−k, or G−1 when clustered). */
  dfT: number;
  r2: number;
  adjR2: number;
  withinR2?: number;
  rmse: number;
  /** Overall F test of all slopes except the intercept (Wald form for robust SEs). */
  f: { value: number; df1: number; df2: number; p: number } | null;
  nClusters?: number;
  nUnits?: number;
  /** CR1 or HC1 small-sample factor that was applied. */
  seFactor?: number;
  se: SeType;
  coefficients: Coefficient[];
  /** Row-major k×k covariance of the coefficients, same order as `coefficients`. */
  vcov: Float64Array;
  /** Table rows used, ascending. */
  rows: Int32Array;
  /** Years present in the estimation sample, ascending (when the table has a year column). */
  years: number[];
  yMean: number;
  dropped: DroppedRow[];
  warnings: Problem[];
}

export interface FitFailure {
  ok: false;
  problem: Problem;
  n: number;
  k: number;
  rank?: number;
  /** Variables in an exact linear dependency (`intercept` = the constant). */
  collinear?: string[];
  dropped: DroppedRow[];
}

export type FitOutcome = FitSuccess | FitFailure;

export interface ModelResult {
  design: Design;
  /** One fit for pooled/within/single, one per year for per-year (ascending). */
  fits: { year: number | null; outcome: FitOutcome }[];
}
