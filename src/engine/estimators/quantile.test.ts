import { describe, expect, it } from 'vitest';
import { fitQuantile, hallSheather } from './quantile';
import { solveQuantileLp } from './quantileLp';
import { INTERCEPT } from '../ols/fit';
import { getNumeric, type Table } from '../table';
import { close } from '../../../test/oracle/loadCase';
import { fixtures, farFrom, readFixtureTable, TOL, TOL_P, type QuantileFixture } from '../../../test/oracle/estimators/load';

const panel = readFixtureTable('panel.csv');

function designFromRows(t: Table, rows: number[], dep: string, regs: string[]) {
  const n = rows.length;
  const k = regs.length + 1;
  const x = new Float64Array(n * k).fill(1, 0, n);
  regs.forEach((r, j) => {
    const v = (getNumeric(t, r) as { values: Float64Array }).values;
    rows.forEach((row, i) => (x[(j + 1) * n + i] = v[row]));
  });
  const yv = (getNumeric(t, dep) as { values: Float64Array }).values;
  return { x, n, k, y: Float64Array.from(rows, (r) => yv[r]), names: [INTERCEPT, ...regs], intercept: 0 };
}

const coefs = (o: ReturnType<typeof fitQuantile>['outcome'], f: (c: { estimate: number; se: number; t: number; p: number }) => number) =>
  o.ok ? Object.fromEntries(o.coefficients.map((c) => [c.name, f(c)])) : {};

function check(e: QuantileFixture, rows: number[]) {
  const d = designFromRows(panel, rows, fixtures.dependent, fixtures.regressors);
  for (const se of ['iid', 'ker'] as const) {
    const got = fitQuantile(d, e.tau, se);
    expect(got.outcome.ok).toBe(true);
    if (!got.outcome.ok || !got.info) return;
    expect(got.outcome.n).toBe(e.n);
    expect(farFrom(coefs(got.outcome, (c) => c.estimate), e.coefficients)).toEqual([]);
    expect(close(got.info.objective, e.objective, TOL)).toBe(true);
    expect(close(got.info.bandwidth, e.bandwidth, TOL)).toBe(true);
    const want = e[se];
    if (want.nonunique) {
      // R warned that the sparsity fit has no unique solution: another optimum is as good, so only
      // the flag is compared.
      expect(got.info.nonunique).toBe(true);
      continue;
    }
    expect(farFrom(coefs(got.outcome, (c) => c.se), want.se)).toEqual([]);
    expect(farFrom(coefs(got.outcome, (c) => c.t), want.t)).toEqual([]);
    expect(farFrom(coefs(got.outcome, (c) => c.p), want.p, TOL_P)).toEqual([]);
  }
}

describe('median and quantile regression against quantreg (br; summary.rq iid and ker)', () => {
  it.each(fixtures.quantile.median_xsec.map((e) => [e.year, e] as const))('median, per-year cross-section %i', (_y, e) => {
    check(e, e.rows as number[]);
  });
  it.each([
    ['q25', fixtures.quantile.q25],
    ['q75', fixtures.quantile.q75],
  ] as const)('%s of 2019', (_n, e) => {
    check(e, fixtures.quantile.median_xsec.find((m) => m.year === 2019)?.rows as number[]);
  });

  it('Hall–Sheather bandwidth as quantreg::bandwidth.rq', () => {
    // R: bandwidth.rq(0.5, 340); bandwidth.rq(0.25, 100)
    expect(hallSheather(0.5, 340)).toBeCloseTo(0.13920116988866968, 14);
    expect(hallSheather(0.25, 100)).toBeCloseTo(0.14496914586992257, 14);
  });

  it('the median of a sample is the intercept-only LP solution', () => {
    const y = new Float64Array([5, 1, 9, 3, 7]);
    const sol = solveQuantileLp(new Float64Array(5).fill(1), 5, 1, y, 0.5);
    expect('failure' in sol).toBe(false);
    if (!('failure' in sol)) expect(sol.b[0]).toBe(5);
  });

  it('is invariant to moving a point along its residual sign (property)', () => {
    const e = fixtures.quantile.median_xsec[0];
    const d = designFromRows(panel, e.rows as number[], fixtures.dependent, fixtures.regressors);
    const base = fitQuantile(d, 0.5, 'iid');
    expect(base.outcome.ok).toBe(true);
    if (!base.outcome.ok) return;
    const b = base.outcome.coefficients.map((c) => c.estimate);
    const y2 = Float64Array.from(d.y);
    let moved = 0;
    for (let i = 0; i < d.n; i++) {
      let fit = 0;
      for (let j = 0; j < d.k; j++) fit += d.x[j * d.n + i] * b[j];
      const r = d.y[i] - fit;
      if (Math.abs(r) > 1e-6) {
        // Pushed further out on the same side: the subgradient condition is unchanged.
        y2[i] = d.y[i] + (r > 0 ? 1 : -1) * (1 + (i % 7)) * 10;
        moved++;
      }
    }
    expect(moved).toBeGreaterThan(d.n / 2);
    const after = fitQuantile({ ...d, y: y2 }, 0.5, 'iid');
    expect(after.outcome.ok).toBe(true);
    if (after.outcome.ok) after.outcome.coefficients.forEach((c, j) => expect(close(c.estimate, b[j], TOL)).toBe(true));
  });

  it('refuses like OLS and rejects τ outside (0, 1)', () => {
    const n = 10;
    const x = new Float64Array(n * 3).fill(1, 0, n);
    for (let i = 0; i < n; i++) {
      x[n + i] = i;
      x[2 * n + i] = 3 * i;
    }
    const y = Float64Array.from({ length: n }, (_, i) => Math.cos(i));
    const col = fitQuantile({ x, n, k: 3, y, names: [INTERCEPT, 'a', 'b'], intercept: 0 }, 0.5, 'iid');
    expect(col.outcome.ok).toBe(false);
    if (!col.outcome.ok) expect(col.outcome.problem.where?.variables).toEqual(['a', 'b']);
    const bad = fitQuantile({ x: x.slice(0, 2 * n), n, k: 2, y, names: [INTERCEPT, 'a'], intercept: 0 }, 1, 'iid');
    expect(bad.outcome.ok).toBe(false);
  });
});
