/** The estimators through fitModel (sample, design, dispatch) against the R fixtures. */
import { describe, expect, it } from 'vitest';
import { fitModel } from '../../../src/engine/model/fitModel';
import type { FitOutcome, ModelSpec } from '../../../src/engine/model/types';
import { close } from '../loadCase';
import { fixtures, farFrom, readFixtureTable, TOL, TOL_P } from './load';

const panel = readFixtureTable('panel.csv');
const base: ModelSpec = {
  dependent: fixtures.dependent,
  regressors: fixtures.regressors,
  design: 'per-year',
  intercept: true,
  yearEffects: false,
  se: 'classical',
};
const byName = (o: FitOutcome, f: (c: { estimate: number; se: number; t: number; p: number }) => number) =>
  o.ok ? Object.fromEntries(o.coefficients.map((c) => [c.name, f(c)])) : {};

describe('estimators through fitModel', () => {
  it('robust per-year cross-sections (rreg)', () => {
    const r = fitModel(panel, { ...base, estimator: 'robust' });
    expect(r.fits.map((f) => f.year)).toEqual(fixtures.robust.xsec.map((e) => e.year));
    r.fits.forEach((f, j) => {
      const e = fixtures.robust.xsec[j];
      const o = f.outcome;
      expect(o.ok).toBe(true);
      if (!o.ok) return;
      expect(Array.from(o.rows)).toEqual(e.rows);
      expect(farFrom(byName(o, (c) => c.estimate), e.coefficients)).toEqual([]);
      expect(farFrom(byName(o, (c) => c.se), e.se)).toEqual([]);
      expect(farFrom(byName(o, (c) => c.p), e.p, TOL_P)).toEqual([]);
      expect(o.estimator?.kind).toBe('robust');
      expect(Number.isNaN(o.r2)).toBe(true);
    });
  });

  it('median per-year cross-sections, iid (se classical) and kernel (se hc1)', () => {
    for (const se of ['classical', 'hc1'] as const) {
      const r = fitModel(panel, { ...base, estimator: 'median', se });
      r.fits.forEach((f, j) => {
        const e = fixtures.quantile.median_xsec[j];
        const o = f.outcome;
        expect(o.ok).toBe(true);
        if (!o.ok || o.estimator?.kind !== 'quantile') return;
        expect(farFrom(byName(o, (c) => c.estimate), e.coefficients)).toEqual([]);
        const want = e[se === 'classical' ? 'iid' : 'ker'];
        if (want.nonunique) expect(o.warnings.map((w) => w.code)).toContain('nonunique');
        else expect(farFrom(byName(o, (c) => c.se), want.se)).toEqual([]);
      });
    }
  });

  it('quantile τ = 0.25 in one year', () => {
    const r = fitModel(panel, { ...base, design: 'single', estimator: 'quantile', tau: 0.25, sample: { years: [2019] } });
    const o = r.fits[0].outcome;
    expect(o.ok).toBe(true);
    if (o.ok) expect(farFrom(byName(o, (c) => c.estimate), fixtures.quantile.q25.coefficients)).toEqual([]);
  });

  it('random effects with year effects and the Hausman test (plm)', () => {
    const r = fitModel(panel, { ...base, design: 'random', yearEffects: true });
    const o = r.fits[0].outcome;
    const e = fixtures.random.unbalanced;
    expect(o.ok).toBe(true);
    if (!o.ok || o.estimator?.kind !== 'random') return;
    expect(o.n).toBe(e.n);
    expect(o.nUnits).toBe(e.n_units);
    expect(farFrom(byName(o, (c) => c.estimate), e.coefficients)).toEqual([]);
    expect(farFrom(byName(o, (c) => c.se), e.se)).toEqual([]);
    expect(o.dfT).toBe(Infinity);
    const h = o.estimator.hausman;
    expect(h?.df).toBe(e.hausman.df);
    expect(close(h?.statistic ?? NaN, e.hausman.statistic, { rel: 1e-7, abs: 1e-9 })).toBe(true);
    expect(close(h?.p ?? NaN, e.hausman.p, TOL_P)).toBe(true);
  });

  it('criterion × year and criterion × criterion, CR1, and the Wald test of equal coefficients', () => {
    const e = fixtures.interactions;
    const r = fitModel(panel, {
      ...base,
      design: 'pooled',
      yearEffects: true,
      se: 'cluster',
      interactions: [
        { variable: 'frie_inntekter', with: 'year' },
        { variable: 'enslig_forsorger', with: 'lavinntekt' },
      ],
    });
    const o = r.fits[0].outcome;
    expect(o.ok).toBe(true);
    if (!o.ok) return;
    expect(o.n).toBe(e.n);
    expect(o.nClusters).toBe(e.n_clusters);
    expect([...o.coefficients.map((c) => c.name)].sort()).toEqual([...e.names].sort());
    expect(farFrom(byName(o, (c) => c.estimate), e.coefficients)).toEqual([]);
    expect(farFrom(byName(o, (c) => c.se), e.se)).toEqual([]);
    expect(farFrom(byName(o, (c) => c.p), e.p, TOL_P)).toEqual([]);
    const w = o.waldTests?.[0];
    expect(w?.terms).toEqual(e.wald.terms);
    expect(w?.df1).toBe(e.wald.df1);
    expect(w?.df2).toBe(e.wald.df2);
    expect(close(w?.f ?? NaN, e.wald.f, TOL)).toBe(true);
    expect(close(w?.p ?? NaN, e.wald.p, TOL_P)).toBe(true);
  });

  it('refuses what the estimators cannot do, in words', () => {
    const codes = (s: Partial<ModelSpec>) => {
      const o = fitModel(panel, { ...base, ...s }).fits[0].outcome;
      return o.ok ? 'ok' : o.problem.code;
    };
    expect(codes({ estimator: 'robust', design: 'within' })).toBe('estimator-design');
    expect(codes({ estimator: 'median', weights: 'innbyggere' })).toBe('estimator-weights');
    expect(codes({ estimator: 'median', se: 'cluster' })).toBe('estimator-se');
    expect(codes({ estimator: 'quantile', tau: 1.5 })).toBe('invalid-tau');
    expect(codes({ design: 'random', yearEffects: true, se: 'cluster' })).toBe('estimator-se');
    expect(codes({ interactions: [{ variable: 'frie_inntekter', with: 'year' }] })).toBe('interaction-design');
    expect(codes({ design: 'pooled', interactions: [{ variable: 'innbyggere', with: 'year' }] })).toBe('interaction-main-effect');
  });
});

describe('equal coefficients across years (stability)', () => {
  it('one pooled model per criterion with its × year terms; the Wald test of each', async () => {
    const { equalAcrossYears } = await import('../../../src/engine/stability/equalAcrossYears');
    const spec: ModelSpec = { ...base, design: 'pooled', yearEffects: true, se: 'cluster' };
    const res = equalAcrossYears(panel, spec);
    expect(res.rows.map((r) => r.variable)).toEqual(fixtures.regressors);
    const frie = res.rows.find((r) => r.variable === 'frie_inntekter');
    const alone = fitModel(panel, { ...spec, interactions: [{ variable: 'frie_inntekter', with: 'year' }] }).fits[0].outcome;
    expect(alone.ok && alone.waldTests?.[0].f).toBe(frie?.f);
    expect(frie?.df1).toBe(7);
    expect(frie?.df2).toBe(fixtures.interactions.df);
  });
});
