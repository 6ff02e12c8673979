/**
 * NIST StRD linear regression through fitModel (the worker's path): log relative error of every
 * coefficient, standard deviation, residual SD and R² against the certified values. When a certified
 * value is 0 (Wampler1/2 SDs), NIST's convention is the log absolute error, which `lre` uses.
 */
import { describe, expect, it } from 'vitest';
import { lre } from '../oracle/loadCase';
import { NIST_DATASETS } from './datasets';
import { fitNist } from './fitNist';

interface Row {
  name: string;
  coef: number;
  sd: number;
  rsd: number;
  r2: number;
  required: number;
}

const rows: Row[] = [];

describe('NIST StRD linear regression (certified values)', () => {
  for (const d of NIST_DATASETS) {
    it(`${d.name}: LRE ≥ ${d.minLre}`, () => {
      const fit = fitNist(d);
      expect(fit.coefficients).toHaveLength(d.beta.length);
      const coef = Math.min(...fit.coefficients.map((c, j) => lre(c.estimate, d.beta[j])));
      const sd = Math.min(...fit.coefficients.map((c, j) => lre(c.se, d.sd[j])));
      const rsd = lre(fit.rmse, d.residualSd);
      const r2 = lre(fit.r2, d.r2);
      rows.push({ name: d.name, coef, sd, rsd, r2, required: d.minLre });
      expect(coef).toBeGreaterThanOrEqual(d.minLre);
      expect(sd).toBeGreaterThanOrEqual(d.minLre);
      expect(rsd).toBeGreaterThanOrEqual(d.minLre);
      expect(r2).toBeGreaterThanOrEqual(d.minLre);
    });
  }

  it('prints the LRE table', () => {
    const f = (v: number): string => v.toFixed(1).padStart(6);
    const lines = [
      'NIST StRD linear regression — minimum log relative error (15 = exact)',
      `${'dataset'.padEnd(10)} ${'coef'.padStart(6)} ${'SD'.padStart(6)} ${'resSD'.padStart(6)} ${'R²'.padStart(6)}  required`,
      ...rows.map((r) => `${r.name.padEnd(10)} ${f(r.coef)} ${f(r.sd)} ${f(r.rsd)} ${f(r.r2)}  ≥ ${r.required}`),
    ];
    console.log(lines.join('\n'));
    expect(rows).toHaveLength(NIST_DATASETS.length);
  });
});
