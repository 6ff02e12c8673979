/**
 * A comparison of models is on the rows all of them can use. On the common sample the
 * gain in R² from adding a criterion is exactly its last-in increment of the decomposition; on each
 * model's own sample it is not (the criterion's missing values change the sample too).
 */
import { describe, expect, it } from 'vitest';
import { makeTable, Missing, numericColumn, stringColumn } from '../table';
import type { ModelSpec } from '../model/types';
import { buildCommonSample, isProblem } from './sample';
import { partialOut } from './partialOut';
import { relativeImportance } from './relimp';
import { compareOnSample } from './compareOnSample';
import { intersectRows, sampleExclusions } from './commonRows';
import { fitModel } from '../model/fitModel';

/** 60 units × 2 years; x2 is missing in every 5th row, and those rows have unusual y. */
function panel() {
  const units: string[] = [];
  const years: number[] = [];
  const y: number[] = [];
  const x1: number[] = [];
  const x2: number[] = [];
  const miss: number[] = [];
  let s = 7;
  const rnd = () => ((s = (s * 16807) % 2147483647) / 2147483647) - 0.5;
  for (let u = 0; u < 60; u++)
    for (const t of [2020, 2021]) {
      const i = units.length;
      units.push(String(1000 + u));
      years.push(t);
      const a = rnd();
      const b = rnd();
      x1.push(a);
      x2.push(b);
      const gap = i % 5 === 0;
      miss.push(gap ? Missing.missing : 0);
      y.push(1 + 2 * a + 1.5 * b + 0.4 * rnd() + (gap ? 3 : 0));
    }
  const x2col = numericColumn(
    'x2',
    x2.map((v, i) => (miss[i] ? NaN : v)),
    miss,
  );
  return makeTable([stringColumn('kommune', units), numericColumn('aar', years), numericColumn('y', y), numericColumn('x1', x1), x2col], {
    unit: 'kommune',
    year: 'aar',
  });
}

const spec = (regressors: string[]): ModelSpec => ({
  dependent: 'y',
  regressors,
  design: 'pooled',
  intercept: true,
  yearEffects: true,
  se: 'cluster',
});

describe('comparison on a common sample', () => {
  const table = panel();
  const models = [
    { id: 'base', label: 'x1', spec: spec(['x1']) },
    { id: 'plus', label: '+ x2', spec: spec(['x1', 'x2']) },
  ];

  it('fits every model on the rows all can use, and ΔR² equals the last-in increment', () => {
    const c = compareOnSample(table, models, { mode: 'common' });
    expect(c.sample.mode).toBe('common');
    expect(c.columns.map((col) => col.n)).toEqual([96, 96]);
    expect(c.sample.n).toBe(96);
    // The baseline could use all 120 rows on its own; the 24 without x2 are reported, by variable.
    expect(c.columns[0].ownN).toBe(120);
    expect(c.sample.nExcluded).toBe(24);
    expect(c.sample.excluded).toEqual([{ variable: 'x2', rows: 24 }]);

    const cs = buildCommonSample(table, { dependent: 'y', criteria: ['x1', 'x2'], yearEffects: true });
    if (isProblem(cs)) throw new Error(cs.message);
    const red = partialOut(cs);
    if (isProblem(red)) throw new Error(red.message);
    const rel = relativeImportance(red, {});
    if (isProblem(rel)) throw new Error(rel.message);
    expect(c.columns[1].deltaR2).toBeCloseTo(rel.lastIn[1], 12);
  });

  it('on each model’s own sample the Ns differ and ΔR² is not the last-in increment', () => {
    const c = compareOnSample(table, models, { mode: 'own' });
    expect(c.sample.mode).toBe('own');
    expect(c.sample.n).toBeNull();
    expect(c.columns.map((col) => col.n)).toEqual([120, 96]);
    const common = compareOnSample(table, models, { mode: 'common' });
    expect(Math.abs(c.columns[1].deltaR2 - common.columns[1].deltaR2)).toBeGreaterThan(0.01);
  });

  it('keeps a model that cannot be fitted as a failed column and compares the others', () => {
    const bad = { id: 'bad', label: 'unknown', spec: spec(['nope']) };
    const c = compareOnSample(table, [...models, bad], { mode: 'common' });
    expect(c.columns[2].ok).toBe(false);
    expect(c.columns[0].n).toBe(96);
  });

  it('intersects row sets and names what kept rows out', () => {
    expect(Array.from(intersectRows([Int32Array.from([1, 2, 3, 5]), Int32Array.from([2, 3, 4, 5]), Int32Array.from([0, 2, 5])]))).toEqual([2, 5]);
    const own = models.map((m) => fitModel(table, m.spec));
    const ex = sampleExclusions(own, Int32Array.from([]));
    expect(ex.nExcluded).toBe(120);
  });
});
