/**
 * One criterion at a time on a robust or quantile model: the sub-models keep the model's estimator,
 * which has no R². The comparison carries the estimator and a quantile fit's own pseudo R² (as the fit
 * reports it, unchanged), and the table says why R² is «–»; an OLS comparison is as before.
 */
import { describe, expect, it } from 'vitest';
import { makeTable, numericColumn, stringColumn } from '../engine/table';
import type { Estimator, ModelSpec } from '../engine/model/types';
import { compareOnSample } from '../engine/importance/compareOnSample';
import { fitModel } from '../engine/model/fitModel';
import { comparisonFitNote } from './comparisonFitNote';
import { comparisonReportTable } from './comparisonTable';

/** 40 units × 2 years, y linear in x1 and x2 with heavy-ish noise. */
function panel() {
  const units: string[] = [];
  const years: number[] = [];
  const y: number[] = [];
  const x1: number[] = [];
  const x2: number[] = [];
  let s = 11;
  const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647 - 0.5;
  for (let u = 0; u < 40; u++)
    for (const t of [2020, 2021]) {
      units.push(String(1000 + u));
      years.push(t);
      const a = rnd();
      const b = rnd();
      x1.push(a);
      x2.push(b);
      y.push(1 + 2 * a + 1.5 * b + rnd() ** 3 * 4);
    }
  return makeTable([stringColumn('kommune', units), numericColumn('aar', years), numericColumn('y', y), numericColumn('x1', x1), numericColumn('x2', x2)], {
    unit: 'kommune',
    year: 'aar',
  });
}

const spec = (regressors: string[], estimator: Estimator): ModelSpec => ({
  dependent: 'y',
  regressors,
  design: 'pooled',
  intercept: true,
  yearEffects: true,
  se: 'classical',
  estimator,
});

const oneAtATime = (estimator: Estimator) =>
  compareOnSample(
    panel(),
    ['x1', 'x2'].map((c) => ({ id: `ett:${c}`, label: c, spec: spec([c], estimator) })),
    { mode: 'common' },
  );

describe('comparison of sub-models without R²', () => {
  it('OLS: R² as before, no estimator, no pseudo R², no note', () => {
    const c = oneAtATime('ols');
    for (const col of c.columns) {
      expect(col.r2).toBeGreaterThan(0);
      expect(col.estimator).toBeUndefined();
      expect(col.pseudoR2).toBeUndefined();
    }
    expect(comparisonFitNote(c, 'nb')).toBe('');
    expect(comparisonReportTable(c, { id: 'x', title: 'x', lang: 'nb' }).notes.join(' ')).not.toContain('R² finnes ikke');
  });

  it('robust (rreg): the columns say their estimator; the note says why R² is «–» and what to do', () => {
    const c = oneAtATime('robust');
    for (const col of c.columns) {
      expect(col.ok).toBe(true);
      expect(col.r2).toBeNaN();
      expect(col.estimator).toBe('robust');
      expect(col.pseudoR2).toBeUndefined();
    }
    const nb = comparisonFitNote(c, 'nb');
    expect(nb).toContain('R² finnes ikke for robust regresjon (rreg)');
    expect(nb).toContain('minste kvadraters metode (OLS)');
    expect(nb).not.toContain('pseudo-R²');
    expect(comparisonFitNote(c, 'en')).toContain('R² does not exist for robust regression (rreg)');
    const table = comparisonReportTable(c, { id: 'x', title: 'x', lang: 'nb' });
    expect(table.notes).toContain(nb);
    expect(table.groups[1].rows.map((r) => r.label)).not.toContain('Pseudo-R² (Koenker–Machado)');
  });

  it("median: each column shows the fit's own Koenker–Machado pseudo R², unchanged, in a row of its own", () => {
    const c = oneAtATime('median');
    const own = ['x1', 'x2'].map((x) => {
      const out = fitModel(panel(), spec([x], 'median')).fits[0].outcome;
      if (!out.ok || out.estimator?.kind !== 'quantile') throw new Error('median fit failed');
      return out.estimator.pseudoR2;
    });
    expect(c.columns.map((col) => col.estimator)).toEqual(['quantile', 'quantile']);
    expect(c.columns.map((col) => col.pseudoR2)).toEqual(own);
    for (const p of own) expect(p > 0 && p < 1).toBe(true);
    expect(comparisonFitNote(c, 'nb')).toContain('kvantil- og medianregresjon');
    expect(comparisonFitNote(c, 'nb')).toContain('pseudo-R² (Koenker–Machado');
    const rows = comparisonReportTable(c, { id: 'x', title: 'x', lang: 'en' }).groups[1].rows;
    const pseudo = rows.find((r) => r.label === 'Pseudo R² (Koenker–Machado)');
    expect(pseudo?.cells.map((cell) => cell.value)).toEqual(own);
  });
});
