/** Invariances any correct least-squares engine has, on random data (fast-check). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitModel } from '../model/fitModel';
import type { FitSuccess, ModelSpec } from '../model/types';
import { makeTable, numericColumn, stringColumn, type Table } from '../table';
import { stars } from './stars';

interface Data {
  y: number[];
  x1: number[];
  x2: number[];
  w: number[];
  g: string[];
}

const grid = (lo: number, hi: number, div: number) => fc.integer({ min: lo, max: hi }).map((v) => v / div);

const data = fc.integer({ min: 12, max: 40 }).chain((n) =>
  fc.record({
    // Values on a grid keep the designs away from denormal spikes, whose refusal is a coin toss.
    y: fc.array(grid(-10000, 10000, 100), { minLength: n, maxLength: n }),
    x1: fc.array(grid(-1000, 1000, 100), { minLength: n, maxLength: n }),
    x2: fc.array(grid(0, 500, 100), { minLength: n, maxLength: n }),
    w: fc.array(grid(50, 300, 100), { minLength: n, maxLength: n }),
    g: fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { minLength: n, maxLength: n }),
  }),
);

function table(d: Data, extra: Record<string, number[]> = {}): Table {
  return makeTable(
    [
      stringColumn('g', d.g),
      numericColumn('y', d.y),
      numericColumn('x1', d.x1),
      numericColumn('x2', d.x2),
      numericColumn('w', d.w),
      ...Object.entries(extra).map(([k, v]) => numericColumn(k, v)),
    ],
    { unit: 'g' },
  );
}

const base: ModelSpec = { dependent: 'y', regressors: ['x1', 'x2'], design: 'single', intercept: true, yearEffects: false, se: 'hc1' };

function fit(t: Table, spec: ModelSpec): FitSuccess | null {
  const o = fitModel(t, spec).fits[0].outcome;
  return o.ok ? o : null;
}

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(1e-12, Math.abs(b));

describe('fit invariances', () => {
  it('rescaling a regressor rescales its coefficient and SE and leaves t unchanged', () => {
    fc.assert(
      fc.property(data, fc.constantFrom(0.001, 7, 1000), fc.constantFrom<ModelSpec['se']>('classical', 'hc1', 'cluster'), (d, s, se) => {
        const a = fit(table(d), { ...base, se });
        const b = fit(table({ ...d, x1: d.x1.map((v) => v * s) }), { ...base, se });
        if (!a || !b) return a === null && b === null;
        expect(rel(b.coefficients[1].estimate * s, a.coefficients[1].estimate)).toBeLessThan(1e-7);
        expect(rel(b.coefficients[1].se * s, a.coefficients[1].se)).toBeLessThan(1e-7);
        expect(Math.abs(b.coefficients[1].t - a.coefficients[1].t)).toBeLessThan(1e-6 * (1 + Math.abs(a.coefficients[1].t)));
        expect(Math.abs(b.r2 - a.r2)).toBeLessThan(1e-9);
        return true;
      }),
      { numRuns: 60 },
    );
  });

  it('a duplicated column is refused, naming both', () => {
    fc.assert(
      fc.property(data, (d) => {
        const o = fitModel(table(d, { x1copy: d.x1 }), { ...base, regressors: ['x1', 'x2', 'x1copy'] }).fits[0].outcome;
        expect(o.ok).toBe(false);
        if (o.ok) return false;
        // x1 may itself be constant in a tiny sample; then it is named with the intercept first.
        if (new Set(d.x1).size > 1) expect(o.collinear).toEqual(['x1', 'x1copy']);
        expect(o.problem.code).toBe('collinear');
        return true;
      }),
      { numRuns: 60 },
    );
  });

  it('permuting rows leaves the results unchanged', () => {
    fc.assert(
      fc.property(data, fc.integer({ min: 1, max: 1000 }), (d, seed) => {
        const n = d.y.length;
        const perm = Array.from({ length: n }, (_, i) => i).sort((i, j) => ((i * 7919 + seed) % n) - ((j * 7919 + seed) % n) || i - j);
        const p = <T,>(v: T[]): T[] => perm.map((i) => v[i]);
        const spec: ModelSpec = { ...base, se: 'cluster', weights: 'w' };
        const a = fit(table(d), spec);
        const b = fit(table({ y: p(d.y), x1: p(d.x1), x2: p(d.x2), w: p(d.w), g: p(d.g) }), spec);
        if (!a || !b) return a === null && b === null;
        a.coefficients.forEach((c, j) => {
          expect(Math.abs(b.coefficients[j].estimate - c.estimate)).toBeLessThan(1e-8 * (1 + Math.abs(c.estimate)));
          expect(Math.abs(b.coefficients[j].se - c.se)).toBeLessThan(1e-8 * (1 + c.se));
        });
        return true;
      }),
      { numRuns: 60 },
    );
  });

  it('equal weights give OLS', () => {
    fc.assert(
      fc.property(data, fc.double({ min: 0.1, max: 50, noNaN: true }), fc.constantFrom<ModelSpec['se']>('classical', 'hc1', 'cluster'), (d, c, se) => {
        const a = fit(table(d), { ...base, se });
        const b = fit(table({ ...d, w: d.w.map(() => c) }), { ...base, se, weights: 'w' });
        if (!a || !b) return a === null && b === null;
        a.coefficients.forEach((x, j) => {
          expect(Math.abs(b.coefficients[j].estimate - x.estimate)).toBeLessThan(1e-8 * (1 + Math.abs(x.estimate)));
          expect(Math.abs(b.coefficients[j].se - x.se)).toBeLessThan(1e-8 * (1 + x.se));
        });
        expect(Math.abs(b.rmse - a.rmse)).toBeLessThan(1e-8 * (1 + a.rmse));
        return true;
      }),
      { numRuns: 60 },
    );
  });
});

describe('refusals', () => {
  const d: Data = { y: [1, 2, 3, 5, 4, 6, 8, 7], x1: [1, 3, 2, 5, 4, 7, 6, 8], x2: [2, 2, 2, 2, 2, 2, 2, 2], w: [1, 1, 1, 1, 1, 1, 1, 0], g: ['a', 'a', 'a', 'a', 'a', 'a', 'a', 'a'] };
  const refuse = (t: Table, spec: ModelSpec) => {
    const o = fitModel(t, spec).fits[0].outcome;
    expect(o.ok).toBe(false);
    return o.ok ? null : o;
  };
  it('names a constant dummy with the intercept', () => {
    expect(refuse(table(d), base)?.collinear).toEqual(['intercept', 'x2']);
  });
  it('refuses one cluster, constant y, bad weights, unknown names, N ≤ k, non-finite values', () => {
    expect(refuse(table(d), { ...base, regressors: ['x1'], se: 'cluster' })?.problem.code).toBe('one-cluster');
    expect(refuse(table({ ...d, y: d.y.map(() => 3) }), { ...base, regressors: ['x1'] })?.problem.code).toBe('constant-dependent');
    expect(refuse(table(d), { ...base, regressors: ['x1'], weights: 'w' })?.problem.code).toBe('invalid-weights');
    expect(refuse(table(d), { ...base, regressors: ['nope'] })?.problem.code).toBe('unknown-variable');
    const tiny = table({ ...d, y: d.y.slice(0, 2), x1: d.x1.slice(0, 2), x2: d.x2.slice(0, 2), w: d.w.slice(0, 2), g: d.g.slice(0, 2) });
    expect(refuse(tiny, { ...base, regressors: ['x1'] })?.problem.code).toBe('too-few-observations');
    const t = table(d);
    const x1 = t.columns.get('x1');
    if (x1?.kind === 'number') x1.values[2] = Infinity;
    expect(refuse(t, { ...base, regressors: ['x1'] })?.problem.code).toBe('non-finite');
  });
  it('lists dropped rows with the variables and reasons', () => {
    const t = makeTable([numericColumn('y', [1, 2, NaN, 4, 5, 7, 6]), numericColumn('x', [1, 3, 2, NaN, 4, 5, 7])]);
    const o = fitModel(t, { ...base, regressors: ['x'] }).fits[0].outcome;
    expect(o.dropped).toEqual([
      { row: 2, variables: ['y'], reasons: ['missing'] },
      { row: 3, variables: ['x'], reasons: ['missing'] },
    ]);
  });
});

describe('panel refusals', () => {
  const units = ['a', 'a', 'a', 'b', 'b', 'b', 'c', 'c', 'c', 'd', 'd', 'd'];
  const years = [1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3];
  const y = [1, 3, 2, 5, 4, 7, 6, 8, 9, 4, 2, 6];
  const x = [0.5, 0.1, 0.9, 0.3, 0.7, 0.2, 0.8, 0.4, 0.6, 0.35, 0.95, 0.15];
  const t = makeTable(
    [
      stringColumn('u', units),
      numericColumn('aar', years),
      numericColumn('y', y),
      numericColumn('x', x),
      numericColumn('fixed', [1, 1, 1, 2, 2, 2, 3, 3, 3, 5, 5, 5]),
      numericColumn('trend', years.map((v) => 10 * v)),
    ],
    { unit: 'u', year: 'aar' },
  );
  const spec: ModelSpec = { dependent: 'y', regressors: ['x'], design: 'pooled', intercept: true, yearEffects: true, se: 'cluster' };
  it('within refuses a time-invariant regressor', () => {
    const o = fitModel(t, { ...spec, design: 'within', regressors: ['x', 'fixed'] }).fits[0].outcome;
    expect(o.ok).toBe(false);
    if (!o.ok) expect(o.collinear).toEqual(['fixed']);
  });
  it('pooled refuses a regressor that only varies by year, naming the year dummies', () => {
    const o = fitModel(t, { ...spec, regressors: ['x', 'trend'] }).fits[0].outcome;
    expect(o.ok).toBe(false);
    if (!o.ok) expect(o.collinear).toEqual(['intercept', 'trend', 'year_2', 'year_3']);
  });
  it('pooled and within fit, with year dummies after the regressors', () => {
    const p = fitModel(t, spec).fits[0].outcome;
    const w = fitModel(t, { ...spec, design: 'within' }).fits[0].outcome;
    expect(p.ok && p.coefficients.map((c) => c.name)).toEqual(['(Intercept)', 'x', 'year_2', 'year_3']);
    expect(w.ok && w.coefficients.map((c) => c.name)).toEqual(['x', 'year_2', 'year_3']);
    expect(w.ok && w.nUnits).toBe(4);
  });
});

describe('stars', () => {
  it('uses the configurable thresholds', () => {
    expect(stars(0.005)).toBe('***');
    expect(stars(0.03)).toBe('**');
    expect(stars(0.07)).toBe('*');
    expect(stars(0.2)).toBe('');
    expect(stars(0.03, [0.001, 0.01])).toBe('');
  });
});
