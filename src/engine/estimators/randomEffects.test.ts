import { describe, expect, it } from 'vitest';
import { fitRandomEffects } from './randomEffects';
import { INTERCEPT } from '../ols/fit';
import { getNumeric, type Table } from '../table';
import { close } from '../../../test/oracle/loadCase';
import { fixtures, farFrom, readFixtureTable, TOL, TOL_P, type RandomFixture } from '../../../test/oracle/estimators/load';

const panel = readFixtureTable('panel.csv');
const num = (t: Table, c: string) => (getNumeric(t, c) as { values: Float64Array; missing: Uint8Array });

/** Listwise sample, design [1, regressors, extra, year dummies], unit ids — as make.R builds it. */
function panelDesign(rowsFilter: (row: number) => boolean, extra: { name: string; values: Float64Array } | null) {
  const regs = fixtures.regressors;
  const used = [fixtures.dependent, ...regs];
  const rows: number[] = [];
  for (let r = 0; r < panel.nRows; r++) if (used.every((c) => num(panel, c).missing[r] === 0) && rowsFilter(r)) rows.push(r);
  const year = num(panel, 'aar').values;
  const years = [...new Set(rows.map((r) => year[r]))].sort((a, b) => a - b);
  const cols = [...regs.map((c) => num(panel, c).values), ...(extra ? [extra.values] : [])];
  const names = [INTERCEPT, ...regs, ...(extra ? [extra.name] : []), ...years.slice(1).map((y) => `year_${y}`)];
  const n = rows.length;
  const k = names.length;
  const x = new Float64Array(n * k).fill(1, 0, n);
  cols.forEach((v, j) => rows.forEach((r, i) => (x[(j + 1) * n + i] = v[r])));
  years.slice(1).forEach((yv, j) => rows.forEach((r, i) => (x[(1 + cols.length + j) * n + i] = year[r] === yv ? 1 : 0)));
  const kommune = panel.columns.get('kommune') as { values: string[] };
  const ids = new Map<string, number>();
  const units = Int32Array.from(rows, (r) => {
    const code = kommune.values[r];
    if (!ids.has(code)) ids.set(code, ids.size);
    return ids.get(code) as number;
  });
  const yv = num(panel, fixtures.dependent).values;
  return { x, n, k, y: Float64Array.from(rows, (r) => yv[r]), names, intercept: 0, units, nUnits: ids.size };
}

function check(got: ReturnType<typeof fitRandomEffects>, e: RandomFixture) {
  expect(got.outcome.ok).toBe(true);
  if (!got.outcome.ok || !got.info || !got.within?.ok) return;
  const o = got.outcome;
  const by = (f: (c: (typeof o.coefficients)[number]) => number) => Object.fromEntries(o.coefficients.map((c) => [c.name, f(c)]));
  expect(o.n).toBe(e.n);
  expect(o.coefficients.map((c) => c.name)).toEqual(e.names);
  expect(farFrom(by((c) => c.estimate), e.coefficients)).toEqual([]);
  expect(farFrom(by((c) => c.se), e.se)).toEqual([]);
  expect(farFrom(by((c) => c.t), e.z)).toEqual([]);
  expect(farFrom(by((c) => c.p), e.p, TOL_P)).toEqual([]);
  expect(close(got.info.sigma2Idios, e.sigma2_idios, TOL)).toBe(true);
  expect(close(got.info.sigma2Unit, e.sigma2_id, TOL)).toBe(true);
  expect(close(got.info.thetaMin, e.theta_min, TOL)).toBe(true);
  expect(close(got.info.thetaMax, e.theta_max, TOL)).toBe(true);
  const w = got.within;
  expect(farFrom(Object.fromEntries(w.coefficients.map((c) => [c.name, c.estimate])), e.within.coefficients)).toEqual([]);
  expect(farFrom(Object.fromEntries(w.coefficients.map((c) => [c.name, c.se])), e.within.se)).toEqual([]);
  const h = got.info.hausman;
  expect(h).not.toBeNull();
  if (!h) return;
  expect(h.df).toBe(e.hausman.df);
  expect(close(h.statistic, e.hausman.statistic, { rel: 1e-7, abs: 1e-9 })).toBe(true);
  expect(close(h.p, e.hausman.p, TOL_P)).toBe(true);
}

describe('random effects (Swamy–Arora) and Hausman against plm', () => {
  it('unbalanced panel with year effects', () => {
    const got = fitRandomEffects(panelDesign(() => true, null));
    check(got, fixtures.random.unbalanced);
    expect(got.info?.timeInvariant).toEqual([]);
  });

  it('balanced panel with a time-invariant regressor (in RE, not in the within model)', () => {
    const all = panelDesign(() => true, null);
    // Municipalities with every year after listwise deletion, and log of their first population.
    const kommune = (panel.columns.get('kommune') as { values: string[] }).values;
    const used = [fixtures.dependent, ...fixtures.regressors];
    const count = new Map<string, number>();
    for (let r = 0; r < panel.nRows; r++) if (used.every((c) => num(panel, c).missing[r] === 0)) count.set(kommune[r], (count.get(kommune[r]) ?? 0) + 1);
    const years = new Set(Array.from(num(panel, 'aar').values)).size;
    const pop = num(panel, 'innbyggere');
    const first = new Map<string, number>();
    for (let r = 0; r < panel.nRows; r++) if (pop.missing[r] === 0 && !first.has(kommune[r])) first.set(kommune[r], Math.log(pop.values[r]));
    const start = Float64Array.from(kommune, (k) => first.get(k) ?? NaN);
    const got = fitRandomEffects(panelDesign((r) => count.get(kommune[r]) === years, { name: 'log_innb_start', values: start }));
    check(got, fixtures.random.balanced_invariant);
    expect(got.info?.timeInvariant).toEqual(['log_innb_start']);
    expect(all.n).toBeGreaterThan(got.outcome.n);
  });
});
