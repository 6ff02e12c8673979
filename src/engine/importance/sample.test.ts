/**
 * The common sample of the R² decompositions filters rows with the models' own filter: a filter the
 * table cannot apply is the same problem in both, and the rows kept are the same.
 */
import { describe, expect, it } from 'vitest';
import { makeTable, numericColumn, stringColumn } from '../table';
import { fitModel } from '../model/fitModel';
import type { SampleFilter } from '../model/types';
import { buildCommonSample, isProblem } from './sample';

const n = 24;
const unit = Array.from({ length: n }, (_, i) => `0${101 + (i % 8)}`);
const year = Array.from({ length: n }, (_, i) => 2020 + Math.floor(i / 8));
const x = Array.from({ length: n }, (_, i) => ((i * 7) % 11) + 1);
const y = x.map((v, i) => 2 + 3 * v + (((i * 5) % 7) - 3) * 0.1);
const size = Array.from({ length: n }, (_, i) => 1 + (i % 3));

const panel = makeTable(
  [stringColumn('kommune', unit), numericColumn('aar', year), numericColumn('x', x), numericColumn('y', y), numericColumn('size_class', size)],
  { unit: 'kommune', year: 'aar' },
);
const noKeys = makeTable([numericColumn('x', x), numericColumn('y', y)]);

const model = (sample: SampleFilter) => fitModel(panel, { dependent: 'y', regressors: ['x'], design: 'single', intercept: true, yearEffects: false, se: 'classical', sample });
const common = (table: typeof panel, sample: SampleFilter) => buildCommonSample(table, { dependent: 'y', criteria: ['x'], yearEffects: false, sample });

describe('one sample filter for models and the common sample', () => {
  it('a year filter without a year column is a problem in both, not an empty sample', () => {
    const fit = fitModel(noKeys, { dependent: 'y', regressors: ['x'], design: 'single', intercept: true, yearEffects: false, se: 'classical', sample: { years: [2020] } });
    const outcome = fit.fits[0].outcome;
    expect(outcome.ok).toBe(false);
    const cs = common(noKeys, { years: [2020] });
    expect(isProblem(cs)).toBe(true);
    if (!isProblem(cs) || outcome.ok) return;
    expect(cs.code).toBe(outcome.problem.code);
  });

  it('a unit filter without a unit column and a size-class filter without the column are problems too', () => {
    expect(isProblem(common(noKeys, { units: ['0101'] }))).toBe(true);
    expect(isProblem(common(noKeys, { excludeUnits: ['0101'] }))).toBe(true);
    const cs = common(noKeys, { sizeClasses: [1] });
    expect(isProblem(cs) && cs.code).toBe('unknown-variable');
  });

  it('keeps the same rows as the model for years, units, excluded units and size classes', () => {
    const filters: SampleFilter[] = [{ years: [2021, 2022] }, { units: ['0101', '0103', '0105'] }, { excludeUnits: ['0102'] }, { sizeClasses: [2, 3] }, { years: [], units: null }];
    for (const f of filters) {
      const cs = common(panel, f);
      const fit = model(f).fits[0].outcome;
      if (isProblem(cs) || !fit.ok) throw new Error('unexpected problem');
      expect(cs.n).toBe(fit.n);
    }
  });
});
