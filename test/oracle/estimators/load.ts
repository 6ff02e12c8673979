/**
 * The fixtures of the other estimators (made by make.R in this folder, committed with their data):
 * tests read them without R and without ../shared.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTable, type Table } from '../../../src/engine/table';
import { close, readCsvTable } from '../loadCase';

export const ESTIMATORS_DIR = dirname(fileURLToPath(import.meta.url));
/** The panel of the vendored oracle case panel-pooled-cluster (seed 1): the fixtures' data. Read by
 *  path, not through KNL_ORACLE_DIR, because the fixtures were computed on exactly this file. */
export const PANEL_CSV = join(ESTIMATORS_DIR, '..', 'cases', 'panel-pooled-cluster', 'data.csv');

type Named = Record<string, number>;
export interface RobustFixture {
  names: string[];
  coefficients: Named;
  se: Named;
  t: Named;
  p: Named;
  n: number;
  k: number;
  df: number;
  dropped: number[];
  scale: number;
  lambda: number;
  n_nonzero: number;
  rmse: number;
  iterations: number;
  huber_iterations: number;
  biweight_iterations: number;
  log: number[];
  weights?: number[];
  year?: number;
  rows?: number[];
  stata?: { log: number[]; coefficients: number[]; se: number[] };
}
export interface QuantileSe {
  se: Named;
  t: Named;
  p: Named;
  scale: number;
  nonunique: boolean;
}
export interface QuantileFixture {
  names: string[];
  tau: number;
  n: number;
  k: number;
  df: number;
  coefficients: Named;
  objective: number;
  bandwidth: number;
  iid: QuantileSe;
  ker: QuantileSe;
  year: number;
  rows?: number[];
}
export interface RandomFixture {
  n: number;
  n_units: number;
  balanced: boolean;
  names: string[];
  coefficients: Named;
  se: Named;
  z: Named;
  p: Named;
  sigma2_idios: number;
  sigma2_id: number;
  theta_min: number;
  theta_max: number;
  within: { names: string[]; coefficients: Named; se: Named; df: number };
  hausman: { statistic: number; df: number; p: number };
}
export interface InteractionsFixture {
  names: string[];
  n: number;
  n_clusters: number;
  df: number;
  coefficients: Named;
  se: Named;
  t: Named;
  p: Named;
  wald: { terms: string[]; f: number; df1: number; df2: number; p: number };
}
export interface EstimatorFixtures {
  regressors: string[];
  dependent: string;
  robust: { stackloss: RobustFixture; xsec: RobustFixture[]; outliers: RobustFixture; rlm_check: Record<string, number> };
  quantile: { median_xsec: QuantileFixture[]; q25: QuantileFixture; q75: QuantileFixture };
  random: { unbalanced: RandomFixture; balanced_invariant: RandomFixture };
  interactions: InteractionsFixture;
}

export const fixtures: EstimatorFixtures = JSON.parse(readFileSync(join(ESTIMATORS_DIR, 'expected.json'), 'utf8'));

/** As the oracle cases: rel 1e-8, abs 1e-10 (p: rel 1e-6, abs 1e-12). */
export const TOL = { rel: 1e-8, abs: 1e-10 };
export const TOL_P = { rel: 1e-6, abs: 1e-12 };

/** 'panel.csv' = PANEL_CSV; other names are files of this folder. */
export function readFixtureTable(file: string): Table {
  const t = readCsvTable(file === 'panel.csv' ? PANEL_CSV : join(ESTIMATORS_DIR, file), new Set(['kommune']));
  return file === 'stackloss.csv' ? t : makeTable([...t.columns.values()], { unit: 'kommune', year: 'aar' });
}

/** Names of the values that are not within tolerance (empty = all close). */
export function farFrom(got: Record<string, number>, expected: Named, tol = TOL): string[] {
  return Object.keys(expected).filter((k) => !(k in got) || !close(got[k], expected[k], tol));
}
