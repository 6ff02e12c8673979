/**
 * Classical, HC1 and CR1 standard errors and the overall F (the robust Wald form)
 * against an exact reference (BigInt arithmetic, ./exactOls.ts) on a badly conditioned panel:
 * regressors on the scales 1e9 and 1e-6 and two regressors correlated 0.9999999. The sandwich built
 * from an explicit (XᵀWX)⁻¹ lost ~1e-9 on the SEs and ~1e-7 on the F here; from the QR factors
 * (src/engine/ols/sandwich.ts) every number is within 1e-12.
 *
 * Both solvers are covered: with noise 1 the error bound asks for refinement (the dense QR, also
 * used by the within estimator and models without an intercept); with noise 0.01 the pooled
 * model takes the grouped (year effects partialled out) path.
 */
import { describe, expect, it } from 'vitest';
import { fitModel } from '../../src/engine/model/fitModel';
import type { FitSuccess, ModelSpec, SeType } from '../../src/engine/model/types';
import { exactOls } from './exactOls';
import { correlation, illConditionedPanel, REGRESSORS, YEARS, type IllData } from './illConditioned';
import { close, loadCase, toleranceFor } from '../oracle/loadCase';

const TOL = 1e-12;
type Design = 'single' | 'pooled' | 'within' | 'no-intercept';
const relErr = (got: number, want: number): number => Math.abs(got - want) / Math.abs(want);

function engine(d: IllData, design: Design, se: SeType, weighted: boolean): FitSuccess {
  const spec: ModelSpec = {
    dependent: 'y',
    regressors: REGRESSORS,
    design: design === 'no-intercept' ? 'single' : design,
    intercept: design !== 'no-intercept',
    yearEffects: design === 'pooled' || design === 'within',
    se,
    weights: weighted ? 'w' : null,
  };
  const o = fitModel(d.table, spec).fits[0].outcome;
  if (!o.ok) throw new Error(o.problem.messageEn);
  return o;
}

function reference(d: IllData, design: Design, se: SeType, weighted: boolean) {
  const n = d.unit.length;
  const withIntercept = design === 'single' || design === 'pooled';
  const columns: number[][] = [];
  if (withIntercept) columns.push(new Array<number>(n).fill(1));
  for (const r of REGRESSORS) columns.push(d.cols[r]);
  if (design === 'pooled' || design === 'within') {
    for (let t = 1; t < YEARS; t++) columns.push(d.year.map((y) => (y === d.year[0] + t ? 1 : 0)));
  }
  return exactOls({
    columns,
    y: d.cols.y,
    weights: weighted ? d.cols.w : null,
    se,
    clusters: d.unit,
    intercept: withIntercept ? 0 : -1,
    units: design === 'within' ? d.unit : null,
  });
}

describe.each([1, 0.01])('badly conditioned design (noise %s) against the exact reference', (noise) => {
  const data = illConditionedPanel(noise);

  it('has the conditioning the issue names', () => {
    expect(1 - correlation(data.cols.z, data.cols.zTwin)).toBeLessThan(2e-7);
    expect(Math.min(...data.cols.big)).toBeGreaterThan(5e8);
    expect(Math.max(...data.cols.tiny.map(Math.abs))).toBeLessThan(1e-5);
  });

  const cases: [Design, SeType, boolean][] = [];
  for (const design of ['single', 'pooled', 'within', 'no-intercept'] as Design[]) {
    for (const se of ['classical', 'hc1', 'cluster'] as SeType[]) for (const w of [false, true]) cases.push([design, se, w]);
  }
  it.each(cases)('%s, %s SEs, weighted %s: every SE and the F within 1e-12', (design, se, weighted) => {
    const got = engine(data, design, se, weighted);
    const want = reference(data, design, se, weighted);
    got.coefficients.forEach((c, j) => {
      expect(relErr(c.se, want.se[j]), `${c.name}: se ${c.se} vs ${want.se[j]}`).toBeLessThan(TOL);
      // The covariance matrix carries the same numbers as the SEs.
      expect(Math.sqrt(got.vcov[j * got.k + j])).toBe(c.se);
    });
    expect(got.f).not.toBeNull();
    expect(relErr((got.f as NonNullable<FitSuccess['f']>).value, want.f), `F ${got.f?.value} vs ${want.f}`).toBeLessThan(TOL);
  });
});

describe('the exact reference itself reproduces R', () => {
  // Checks the helper, not the engine: R's sandwich values for the Petersen data (classical, HC1,
  // CR1 by firm), within the cases' own tolerances.
  it.each(['petersen-classical', 'petersen-hc1', 'petersen-cluster-firm'])('%s', (name) => {
    const c = loadCase(name);
    const x = c.table.columns.get('x');
    const y = c.table.columns.get('y');
    const firm = c.table.columns.get('firm');
    if (x?.kind !== 'number' || y?.kind !== 'number' || !firm) throw new Error('unexpected columns');
    const firmIds = Array.from({ length: y.values.length }, (_, i) => (firm.kind === 'number' ? firm.values[i] : Number(firm.values[i])));
    const se = name.endsWith('hc1') ? 'hc1' : name.includes('cluster') ? 'cluster' : 'classical';
    const got = exactOls({
      columns: [new Array<number>(y.values.length).fill(1), Array.from(x.values)],
      y: Array.from(y.values),
      se,
      clusters: firmIds,
      intercept: 0,
    });
    const exp = c.expected as { se: Record<string, number>; coefficients: Record<string, number> };
    const tol = toleranceFor(c.tolerance, 'se');
    expect(close(got.se[0], exp.se.intercept, tol)).toBe(true);
    expect(close(got.se[1], exp.se.x, tol)).toBe(true);
    expect(close(got.b[1], exp.coefficients.x, toleranceFor(c.tolerance, 'coefficients'))).toBe(true);
  });

});
