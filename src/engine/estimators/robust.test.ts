import { describe, expect, it } from 'vitest';
import { fitRobust } from './robust';
import { fitDesign, INTERCEPT } from '../ols/fit';
import { getNumeric } from '../table';
import { fixtures, farFrom, readFixtureTable, TOL, TOL_P, type RobustFixture } from '../../../test/oracle/estimators/load';
import type { RobustInfo } from '../model/types';

function designOf(file: string, dep: string, regs: string[]) {
  const t = readFixtureTable(file);
  const n = t.nRows;
  const k = regs.length + 1;
  const x = new Float64Array(n * k).fill(1, 0, n);
  regs.forEach((r, j) => x.set((getNumeric(t, r) as { values: Float64Array }).values, (j + 1) * n));
  const y = Float64Array.from((getNumeric(t, dep) as { values: Float64Array }).values);
  return { x, n, k, y, names: [INTERCEPT, ...regs], intercept: 0 };
}

function check(got: ReturnType<typeof fitRobust>, e: RobustFixture) {
  expect(got.outcome.ok).toBe(true);
  if (!got.outcome.ok || !got.info) return;
  const o = got.outcome;
  const by = (f: (c: (typeof o.coefficients)[number]) => number) => Object.fromEntries(o.coefficients.map((c) => [c.name, f(c)]));
  expect(o.n).toBe(e.n);
  expect(o.dfResid).toBe(e.df);
  expect(got.info.screened).toEqual(e.dropped);
  expect(got.info.huberIterations).toBe(e.huber_iterations);
  expect(got.info.biweightIterations).toBe(e.biweight_iterations);
  expect(got.info.nNonzero).toBe(e.n_nonzero);
  expect(farFrom(by((c) => c.estimate), e.coefficients)).toEqual([]);
  expect(farFrom(by((c) => c.se), e.se)).toEqual([]);
  expect(farFrom(by((c) => c.t), e.t)).toEqual([]);
  expect(farFrom(by((c) => c.p), e.p, TOL_P)).toEqual([]);
  expect(farFrom({ v: got.info.scale, l: got.info.lambda, r: o.rmse }, { v: e.scale, l: e.lambda, r: e.rmse })).toEqual([]);
  expect(farFrom(Object.fromEntries(got.info.log.map((v, i) => [i, v])), Object.fromEntries(e.log.map((v, i) => [i, v])))).toEqual([]);
  if (e.weights) expect(farFrom(Object.fromEntries(Array.from(got.info.weights, (v, i) => [i, v])), Object.fromEntries(e.weights.map((v, i) => [i, v])), { rel: 1e-7, abs: 1e-9 })).toEqual([]);
}

describe('robust regression (Stata rreg) against the R transcription', () => {
  it('stackloss: Stata prints the same iteration log, coefficients and standard errors', () => {
    const d = designOf('stackloss.csv', 'stackloss', ['airflow', 'watertemp', 'acidconc']);
    const got = fitRobust(d);
    const e = fixtures.robust.stackloss;
    check(got, e);
    // Stata's own printout (7 significant digits).
    const info = got.info as RobustInfo;
    const stata = e.stata as NonNullable<RobustFixture['stata']>;
    info.log.forEach((v, i) => expect(Math.abs(v - stata.log[i]) / stata.log[i]).toBeLessThan(1e-6));
    if (got.outcome.ok) {
      got.outcome.coefficients.forEach((c, i) => {
        expect(Math.abs(c.estimate - stata.coefficients[i]) / Math.abs(stata.coefficients[i])).toBeLessThan(1e-6);
        expect(Math.abs(c.se - stata.se[i]) / stata.se[i]).toBeLessThan(1e-6);
      });
    }
  });

  it('a cross-section with planted outliers: Cook screen, zero biweights, pseudo-value SEs', () => {
    const d = designOf('xsec-outliers.csv', fixtures.dependent, fixtures.regressors);
    const got = fitRobust(d);
    check(got, fixtures.robust.outliers);
    expect(got.info?.screened.length).toBeGreaterThan(0);
    expect(Array.from(got.info?.weights ?? []).some((w) => w === 0)).toBe(true);
  });

  it('without outliers it is close to OLS (property)', () => {
    // y = Xβ + small symmetric noise with no outliers: every weight stays near 1.
    const n = 200;
    const k = 3;
    const x = new Float64Array(n * k).fill(1, 0, n);
    const y = new Float64Array(n);
    let s = 7;
    const rand = () => ((s = (s * 16807) % 2147483647) / 2147483647) - 0.5;
    for (let i = 0; i < n; i++) {
      x[n + i] = i / n;
      x[2 * n + i] = rand();
      y[i] = 1 + 2 * x[n + i] - x[2 * n + i] + 0.01 * (rand() + rand() + rand());
    }
    const names = [INTERCEPT, 'a', 'b'];
    const rob = fitRobust({ x, n, k, y, names, intercept: 0 });
    const ols = fitDesign({ x, n, k, y, names, intercept: 0, se: 'classical' });
    expect(rob.outcome.ok && ols.ok).toBe(true);
    if (!rob.outcome.ok || !ols.ok) return;
    rob.outcome.coefficients.forEach((c, j) => {
      expect(Math.abs(c.estimate - ols.coefficients[j].estimate)).toBeLessThan(2 * ols.coefficients[j].se);
      expect(c.se / ols.coefficients[j].se).toBeGreaterThan(0.8);
      expect(c.se / ols.coefficients[j].se).toBeLessThan(1.25);
    });
  });

  it('refuses like OLS: too few observations, collinear variables named, no convergence with the count', () => {
    const n = 3;
    const x = new Float64Array([1, 1, 1, 1, 2, 3, 2, 4, 6]);
    const y = new Float64Array([1, 2, 4]);
    const col = fitRobust({ x, n, k: 3, y, names: [INTERCEPT, 'a', 'b'], intercept: 0 });
    expect(col.outcome.ok).toBe(false);
    if (!col.outcome.ok) expect(col.outcome.problem.code).toBe('too-few-observations');
    const m = 20;
    const xc = new Float64Array(m * 3).fill(1, 0, m);
    const yc = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      xc[m + i] = i;
      xc[2 * m + i] = 2 * i;
      yc[i] = Math.sin(i);
    }
    const named = fitRobust({ x: xc, n: m, k: 3, y: yc, names: [INTERCEPT, 'a', 'b'], intercept: 0 });
    expect(named.outcome.ok).toBe(false);
    if (!named.outcome.ok) {
      expect(named.outcome.problem.code).toBe('collinear');
      expect(named.outcome.problem.where?.variables).toEqual(['a', 'b']);
    }
    const d = designOf('xsec-outliers.csv', fixtures.dependent, fixtures.regressors);
    const stuck = fitRobust(d, { maxIterations: 2 });
    expect(stuck.outcome.ok).toBe(false);
    if (!stuck.outcome.ok) {
      expect(stuck.outcome.problem.code).toBe('no-convergence');
      expect(stuck.outcome.problem.message).toContain('2 iterasjoner');
    }
  });

  it('tolerances are those of the oracle cases', () => {
    expect(TOL).toEqual({ rel: 1e-8, abs: 1e-10 });
  });
});
