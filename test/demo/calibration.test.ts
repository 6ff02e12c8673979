/**
 * The demo behaves like the source report (SØF 2017): indicator means and SDs as in Table 3, and
 * the pooled models of Tables 6 and 13 — today's key explains a modest share, and patients in
 * specialist mental health care add a little R² with a positive, significant coefficient. Computed
 * from the published values (suppressed cells dropped), in fixed 2015 kroner, with a local OLS.
 * Other seeds are checked too, so the calibration is a property of the generator, not of one draw.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_SEED } from '../../scripts/demo/index';
import { generatePanel } from '../../scripts/demo/panel';
import { calibrate, type CalibrationReport } from '../../scripts/demo/calibration';
import type { OlsResult } from '../../scripts/demo/ols';

const coef = (r: OlsResult, name: string) => {
  const j = r.names.indexOf(name);
  return { b: r.beta[j], t: r.t[j] };
};
const within = (x: number, lo: number, hi: number) => {
  expect(x).toBeGreaterThanOrEqual(lo);
  expect(x).toBeLessThanOrEqual(hi);
};

describe.each([DEMO_SEED, 1, 7])('calibration, seed %i', (seed) => {
  const c: CalibrationReport = calibrate(generatePanel(seed));

  it('registry indicators per inhabitant match SØF 2017 Table 3', () => {
    const { phv18, phv017, tsb } = c.indicators;
    within(phv18.mean, 0.022, 0.028); // report ≈ 0.025 (0.007)
    within(phv18.sd, 0.005, 0.009);
    within(phv017.mean, 0.0105, 0.0135); // ≈ 0.012 (0.004)
    within(phv017.sd, 0.003, 0.005);
    within(tsb.mean, 0.038, 0.052); // ≈ 0.045 (0.04)
    within(tsb.sd, 0.028, 0.06); // heavy right tail (Table 23: max 0.31)
  });

  it('expenditure levels are plausible (1000 kr per inhabitant, 2015 kr)', () => {
    within(c.indicators.bv.mean, 2, 3);
    within(c.indicators.sh.mean, 1.7, 2.4); // report: 2 044 kr in 2014
    within(c.indicators.f243.mean, 0.1, 0.2); // report: 142 kr
    within(c.indicators.opph.mean, 3e-5, 9e-5);
  });

  it('child welfare: today\'s key explains 5–35 %, PHV 0–17 adds 0.015–0.06 with a positive significant coefficient', () => {
    within(c.bvKey.r2, 0.05, 0.35);
    within(c.bvPhv.r2 - c.bvKey.r2, 0.015, 0.06);
    const phv = coef(c.bvPhv, 'phv017');
    expect(phv.b).toBeGreaterThan(0);
    expect(phv.t).toBeGreaterThan(2.6);
    // Single parents enter with a positive sign as in Table 6.
    expect(coef(c.bvKey, 'ef').b).toBeGreaterThan(0);
    expect(c.bvKey.n).toBeGreaterThan(3400);
  });

  it('social assistance: today\'s key explains 20–35 %, PHV 18+ adds 0.015–0.06 with a positive significant coefficient', () => {
    within(c.shKey.r2, 0.2, 0.35);
    within(c.shPhv.r2 - c.shKey.r2, 0.015, 0.06);
    const phv = coef(c.shPhv, 'phv18');
    expect(phv.b).toBeGreaterThan(0);
    expect(phv.t).toBeGreaterThan(2.6);
    for (const v of ['uf', 'opph', 'flykt']) expect(coef(c.shKey, v).b).toBeGreaterThan(0);
  });
});
