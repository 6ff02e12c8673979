/**
 * Engine-level description of one regression model and of its result. The AnalysisSpec stores
 * models in this shape (plus an id and a label), the CLI builds it from a formula, and the oracle
 * tests build it from a case's neutral spec.
 */
import type { Problem } from '../problem';

/** pooled = OLS over all rows with year dummies; per-year = one cross-section per year;
 *  within = unit fixed effects (demeaned) with year dummies; single = plain OLS on the selected rows;
 *  random = random-effects GLS (Swamy–Arora) with year dummies and the Hausman test against within. */
export type Design = 'pooled' | 'per-year' | 'within' | 'single' | 'random';
export type SeType = 'classical' | 'hc1' | 'cluster';
/**
 * ols = least squares; robust = Stata's rreg (Cook's D screening, Huber then biweight weights,
 * pseudo-value SEs); median / quantile = the exact quantile-regression LP (τ = 0.5 / `tau`), with
 * SEs as quantreg's summary.rq se = "iid" (se classical) or "ker" (se hc1).
 */
export type Estimator = 'ols' | 'robust' | 'median' | 'quantile';

/** The year dimension as the partner of an interaction: one coefficient per year but the first. */
export const YEAR_INTERACTION = 'year';

/** `variable × with`: with a variable, their product (`a:b`); with YEAR_INTERACTION, the variable
 *  times each year dummy (`x:year_2016` …), the first year of the sample being the reference. */
export interface Interaction {
  variable: string;
  with: string;
}

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
  /** Default ols. Robust and quantile estimators take no weights and no cluster SEs. */
  estimator?: Estimator;
  /** Quantile of the quantile estimator (median = 0.5). */
  tau?: number;
  interactions?: Interaction[];
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

/** Robust regression (rreg): the iteration log and what the weights did. */
export interface RobustInfo {
  kind: 'robust';
  tune: number;
  tolerance: number;
  huberIterations: number;
  biweightIterations: number;
  /** Largest change in a weight, per iteration (Stata prints the same log). */
  log: number[];
  /** MAD scale s behind the final weights. */
  scale: number;
  lambda: number;
  /** Observations with a nonzero final weight. */
  nNonzero: number;
  /** Table rows left out by the Cook's distance screen (D > 1), ascending. */
  screened: number[];
  /** Final weight per row of `rows`. */
  weights: Float64Array;
}

export interface QuantileInfo {
  kind: 'quantile';
  tau: number;
  /** iid = quantreg summary.rq se = "iid"; ker = se = "ker" (Powell kernel sandwich). */
  seMethod: 'iid' | 'ker';
  /** Hall–Sheather bandwidth (quantreg bandwidth.rq, hs = TRUE). */
  bandwidth: number;
  /** Σ ρ_τ(residual) at the optimum. */
  objective: number;
  /** 1 − objective / objective of the τ-quantile alone (Koenker–Machado; Stata's pseudo R²). */
  pseudoR2: number;
  iterations: number;
  /** The LP optimum (or the iid sparsity fit) is not unique: another solution fits as well. */
  nonunique: boolean;
}

export interface HausmanTest {
  statistic: number;
  df: number;
  p: number;
  /** Coefficients compared (those the within model estimates, without the constant). */
  compared: string[];
}

export interface RandomEffectsInfo {
  kind: 'random';
  /** Swamy–Arora variance components: idiosyncratic (σ²_e) and unit (σ²_u). */
  sigma2Idios: number;
  sigma2Unit: number;
  thetaMin: number;
  thetaMax: number;
  /** Regressors constant within every unit: estimated here, absent from the within model. */
  timeInvariant: string[];
  /** Null when the within model could not be fitted (the refusal is in warnings). */
  hausman: HausmanTest | null;
}

export type EstimatorInfo = RobustInfo | QuantileInfo | RandomEffectsInfo;

/** Wald test that a set of coefficients is jointly zero (e.g. every x:year_t: the coefficient of x
 *  is the same in all years), F = W/q on (q, dfT) as Stata's `test`. */
export interface WaldTest {
  label: string;
  terms: string[];
  f: number;
  df1: number;
  df2: number;
  p: number;
}

export interface FitSuccess {
  ok: true;
  n: number;
  /** Columns of the design matrix (intercept, regressors, year dummies). */
  k: number;
  dfResid: number;
  /** Degrees of freedom of the t distribution used for p and CI (n−k, or G−1 when clustered;
   *  Infinity = standard normal, as plm and Stata report random effects). */
  dfT: number;
  /** NaN where R² has no meaning (robust, quantile and random-effects estimators). */
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
  /** Absent for OLS. */
  estimator?: EstimatorInfo;
  /** One per criterion × year interaction: equal coefficients across years. */
  waldTests?: WaldTest[];
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
