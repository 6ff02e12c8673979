/**
 * Every regression case of the R oracle through fitModel (the path the worker uses). Values come
 * from the case files only, so a holdout set made with another seed must pass as well.
 */
import { describe, expect, it } from 'vitest';
import { fitModel } from '../../src/engine/model/fitModel';
import type { FitOutcome, FitSuccess, ModelSpec, SeType } from '../../src/engine/model/types';
import type { Table } from '../../src/engine/table';
import { close, loadCase, lre, toleranceFor, type OracleCase, type OracleTolerance } from './loadCase';

const CASES = [
  'petersen-classical',
  'petersen-hc1',
  'petersen-cluster-firm',
  'petersen-cluster-year',
  'longley',
  'longley-rscale',
  'panel-pooled-cluster',
  'panel-pooled-baseline-cluster',
  'panel-xsec-hc1',
  'panel-pooled-wls-cluster',
  'panel-within-cluster',
  'collinear',
  'collinear-dummies',
];

interface OracleSpec {
  dependent: string;
  regressors: string[];
  intercept: boolean;
  yearEffects: string | null;
  unitEffects: string | null;
  weights: string | null;
  se: 'classical' | 'HC1' | 'cluster';
  cluster: string | null;
  sample: Record<string, number> | null;
  splitBy?: string;
}

type Expected = Record<string, unknown> & {
  coefficients?: Record<string, number>;
  se?: Record<string, number>;
  t?: Record<string, number>;
  p?: Record<string, number>;
  dropped: number[];
};

/** The case's neutral spec as the engine's ModelSpec, and the table keyed accordingly. */
function toModel(c: OracleCase): { table: Table; spec: ModelSpec } {
  const s = c.spec as unknown as OracleSpec;
  const yearCol = s.yearEffects ?? s.splitBy ?? (s.sample ? Object.keys(s.sample)[0] : undefined);
  const unitCol = s.unitEffects ?? s.cluster ?? undefined;
  const table: Table = { ...c.table, year: yearCol, unit: unitCol };
  const design = s.unitEffects ? 'within' : s.splitBy ? 'per-year' : s.yearEffects ? 'pooled' : 'single';
  const se: SeType = s.se === 'HC1' ? 'hc1' : s.se;
  const spec: ModelSpec = {
    dependent: s.dependent,
    regressors: s.regressors,
    design,
    intercept: s.intercept,
    yearEffects: s.yearEffects !== null,
    se,
    cluster: s.cluster,
    weights: s.weights,
    sample: s.sample && yearCol ? { years: [s.sample[yearCol]] } : null,
  };
  return { table, spec };
}

const engineName = (n: string): string => (n === 'intercept' ? '(Intercept)' : n);

function compareFit(fit: FitOutcome, e: Expected, tol: OracleTolerance): void {
  expect(fit.dropped.map((d) => d.row)).toEqual(e.dropped);
  if (!fit.ok) throw new Error(`refused: ${fit.problem.messageEn}`);
  const f: FitSuccess = fit;
  expect(f.n).toBe(e.n);
  expect(f.k).toBe(e.k);
  expect(f.dfT).toBe(e.df);
  if (e.n_clusters !== undefined) expect(f.nClusters).toBe(e.n_clusters);
  if (e.n_units !== undefined) expect(f.nUnits).toBe(e.n_units);
  const byName = new Map(f.coefficients.map((c) => [c.name, c]));
  const fields = { coefficients: 'estimate', se: 'se', t: 't', p: 'p' } as const;
  for (const [key, prop] of Object.entries(fields)) {
    const exp = e[key] as Record<string, number>;
    expect(f.coefficients.map((c) => c.name)).toEqual(Object.keys(exp).map(engineName));
    for (const [name, value] of Object.entries(exp)) {
      const got = byName.get(engineName(name))?.[prop] as number;
      expect(close(got, value, toleranceFor(tol, key)), `${key}.${name}: ${got} vs ${value}`).toBe(true);
    }
  }
  const stats: [string, number | undefined][] = [
    ['r2', f.r2],
    ['adj_r2', f.adjR2],
    ['rmse', f.rmse],
    ['within_r2', f.withinR2],
  ];
  for (const [key, got] of stats) {
    if (e[key] === undefined) continue;
    const exp = e[key] as number;
    expect(close(got as number, exp, toleranceFor(tol, key)), `${key}: ${got} vs ${exp}`).toBe(true);
  }
  // With one slope, the overall F (classical or Wald) is that slope's t².
  const slopes = f.coefficients.filter((c) => c.name !== '(Intercept)');
  if (slopes.length === 1) expect(close(f.f?.value as number, slopes[0].t ** 2, { rel: 1e-9, abs: 0 })).toBe(true);
  const adj = e.cluster_adjustment as { factor: number } | undefined;
  if (adj) expect(close(f.seFactor as number, adj.factor, toleranceFor(tol, 'cluster_adjustment'))).toBe(true);
}

describe('oracle regression cases through fitModel', () => {
  for (const name of CASES) {
    it(name, () => {
      const c = loadCase(name);
      const { table, spec } = toModel(c);
      const result = fitModel(table, spec);
      const e = c.expected as Expected;
      if (e.error === 'collinear') {
        expect(result.fits).toHaveLength(1);
        const fit = result.fits[0].outcome;
        expect(fit.ok).toBe(false);
        if (fit.ok) return;
        expect(fit.problem.code).toBe('collinear');
        expect(fit.collinear).toEqual(e.collinear);
        expect(fit.n).toBe(e.n);
        expect(fit.k).toBe(e.k);
        expect(fit.rank).toBe(e.rank);
        expect(fit.dropped.map((d) => d.row)).toEqual(e.dropped);
        return;
      }
      if (Array.isArray(e.groups)) {
        const groups = e.groups as (Expected & { sample: Record<string, number> })[];
        expect(result.fits.map((f) => f.year)).toEqual(groups.map((g) => Object.values(g.sample)[0]));
        groups.forEach((g, i) => compareFit(result.fits[i].outcome, g, c.tolerance));
        return;
      }
      expect(result.fits).toHaveLength(1);
      compareFit(result.fits[0].outcome, e, c.tolerance);
      const cert = e.certified as { coefficients: Record<string, number>; se: Record<string, number>; rmse: number; r2: number } | undefined;
      if (cert && c.tolerance.min_lre !== undefined) {
        const fit = result.fits[0].outcome as FitSuccess;
        const byName = new Map(fit.coefficients.map((x) => [x.name, x]));
        const lres: number[] = [];
        for (const [n, v] of Object.entries(cert.coefficients)) lres.push(lre(byName.get(engineName(n))?.estimate as number, v));
        for (const [n, v] of Object.entries(cert.se)) lres.push(lre(byName.get(engineName(n))?.se as number, v));
        lres.push(lre(fit.rmse, cert.rmse), lre(fit.r2, cert.r2));
        console.log(`${name}: min LRE vs NIST certified = ${Math.min(...lres).toFixed(2)}`);
        expect(Math.min(...lres)).toBeGreaterThanOrEqual(c.tolerance.min_lre);
      }
    });
  }
});
